import { strict as assert } from 'node:assert';
import { planYaml } from '../../support/fixtures';
import { at, check, codes, edit, one, PLAN, PLAN_7, PLAN_URI, SITE, SITE_URI } from './fixtures';

const EXPIRES = '"2027-06-30"';

describe('rules: the plan over time (BMS040–BMS070)', () => {
  it('BMS040: an expired license, on expires', () => {
    const plan = edit(PLAN, EXPIRES, '"2025-12-31"');
    const d = one(check({ plan }), 'BMS040', PLAN_URI, at(plan, '"2025-12-31"'));
    assert.match(d.message, /expired on 2025-12-31, 15 days ago/);
  });

  it('BMS041: a license expiring within 30 days says how many days are left', () => {
    const plan = edit(PLAN, EXPIRES, '"2026-02-01"');
    const d = one(check({ plan }), 'BMS041', PLAN_URI, at(plan, '"2026-02-01"'));
    assert.match(d.message, /expires in 17 days, on 2026-02-01/);
    assert.deepEqual(d.data, { daysLeft: 17 });
  });

  it('BMS041 on its last day, not BMS040', () => {
    const plan = edit(PLAN, EXPIRES, '"2026-01-15"');
    assert.match(one(check({ plan }), 'BMS041', PLAN_URI, at(plan, '"2026-01-15"')).message, /expires today/);
  });

  it('BMS041 uses the setting, and the plan’s expiryWarningDays over it', () => {
    const plan = edit(PLAN, EXPIRES, '"2026-02-20"');
    assert.deepEqual(check({ plan }).all, [], '36 days left, threshold 30');
    assert.equal(check({ plan }, { expiryWarningDays: 40 }).of('BMS041').length, 1);
    const planSays = edit(plan, 'spec:\n', 'spec:\n  expiryWarningDays: 10\n');
    assert.equal(check({ plan: planSays }, { expiryWarningDays: 40 }).of('BMS041').length, 0);
  });

  it('permanent never warns, whatever the threshold; a dated license does', () => {
    const c = check({}, { expiryWarningDays: 1_000_000 });
    one(c, 'BMS041', PLAN_URI, at(PLAN, EXPIRES));
  });

  it('BMS050: an Enterprise Server with no base license in any plan, on its id in the site file', () => {
    const plan = edit(PLAN, '    - { server: es-01, activationId: ACT-ES, quantity: 1 }\n', '');
    const d = one(check({ plan }), 'BMS050', SITE_URI, at(SITE, 'es-01'));
    assert.deepEqual(d.data, { feature: 'server.ec.es', server: 'es-01', plan: PLAN_URI });
    assert.match(d.message, /no base license/);
  });

  it('BMS050: an FDP server without fdp.server', () => {
    const plan = edit(PLAN, '    - { server: fdp-01, activationId: ACT-FDP, quantity: 1 }\n', '');
    assert.deepEqual(one(check({ plan }), 'BMS050', SITE_URI, at(SITE, 'fdp-01')).data?.feature, 'fdp.server');
  });

  it('BMS050 counts every plan of the site, and is silent while a site has no plan', () => {
    const plan = edit(PLAN, '    - { server: es-01, activationId: ACT-ES, quantity: 1 }\n', '');
    const other = planYaml({ name: 'more', site: 'plant', entitlements: [], assignments: [{ server: 'es-01', activationId: 'ACT-ES' }] });
    assert.deepEqual(check({ plan, extra: { 'file:///w/more.bms.yaml': other } }).all, []);
    assert.deepEqual(check({ plan: '' }).all, []);
  });

  it('BMS051: a demo license at handover, on its licenseType', () => {
    const demo = edit(PLAN, 'licenseType: local', 'licenseType: demo');
    assert.deepEqual(check({ plan: demo }).all, [], 'fine while commissioning');
    const plan = edit(demo, 'spec:\n', 'spec:\n  stage: handover\n');
    one(check({ plan }), 'BMS051', PLAN_URI, at(plan, 'demo'));
  });

  it('BMS060: an offline assignment on a semi-online site, on the mode', () => {
    const plan = edit(PLAN, 'activationId: ACT-SD, quantity: 2 }', 'activationId: ACT-SD, quantity: 2, mode: offline }');
    assert.deepEqual(check({ plan }).all, [], 'the site is online: offline is allowed');
    const site = edit(SITE, 'connectivity: online', 'connectivity: semi-online');
    const d = one(check({ site, plan }), 'BMS060', PLAN_URI, at(plan, 'offline'));
    assert.match(d.message, /semi-online.*counts as online/);
  });

  it('BMS061: four repairs of a target in 12 months, on the target of its first assignment', () => {
    const repairs = (n: number) => (site: string, target: string) => (site === 'plant' && target === 'as-01' ? n : 0);
    assert.deepEqual(check({}, { repairsOf: repairs(3) }).all, []);
    const d = one(check({}, { repairsOf: repairs(4) }), 'BMS061', PLAN_URI, at(PLAN, 'as-01'));
    assert.match(d.message, /4 repairs of 'as-01'/);
    assert.deepEqual(codes(check({}, { repairsOf: repairs(5) })), ['BMS061']);
  });

  it('BMS061 counts only the targets the ledger lists as repaired, when it lists them', () => {
    const repairs = (site: string, target: string) => (site === 'plant' && target === 'as-01' ? 4 : 0);
    assert.deepEqual(check({}, { repairsOf: repairs, repairedTargets: () => ['as-02'] }).all, [], 'as-01 is not listed: not counted');
    one(check({}, { repairsOf: repairs, repairedTargets: (site) => (site === 'plant' ? ['as-02', 'as-01'] : []) }), 'BMS061', PLAN_URI, at(PLAN, 'as-01'));
  });
});

describe('rules: engineering licenses at handover (BMS052)', () => {
  const ENG = '        - { activationId: ACT-ENG, feature: smartdriver, licenseType: engineering, quantity: 1, expires: "2026-06-30" }\n';
  const withEng = (stage: string, base = PLAN) => edit(edit(base, '  assignments:\n', `${ENG}  assignments:\n`), 'spec:\n', `spec:\n  stage: ${stage}\n`);
  const ON_7 = edit(SITE, 'version: "6.0"', 'version: "7.0"');

  it('warns on the licenseType of an engineering product at handover, naming its entitlement and the commercial type', () => {
    const plan = withEng('handover', PLAN_7);
    const d = one(check({ site: ON_7, plan }), 'BMS052', PLAN_URI, at(plan, 'engineering'));
    assert.match(d.message, /^ACT-ENG \(smartdriver\) .*ENT-1/);
    assert.match(d.message, /\(help 16221\)/);
    assert.match(d.message, /set licenseType to 'centralized'/);
    assert.deepEqual(d.data, { fix: 'centralized' });
  });

  it('is silent while commissioning', () => {
    assert.deepEqual(check({ plan: withEng('commissioning') }).of('BMS052'), []);
  });
});
