import { strict as assert } from 'node:assert';
import { at, check, codes, edit, one, PLAN, PLAN_URI, SITE } from './fixtures';

const SD_LINE = '    - { server: as-01, activationId: ACT-SD, quantity: 2 }\n';

describe('rules: applicability and allocation (BMS020–BMS023, BMS070)', () => {
  it('BMS020: a license on a target type it does not apply to, on the activation id, naming the type', () => {
    const plan = edit(PLAN, SD_LINE, '    - { server: es-01, activationId: ACT-SD, quantity: 2 }\n');
    const d = one(check({ plan }), 'BMS020', PLAN_URI, at(plan, 'ACT-SD', { after: 'assignments' }));
    assert.match(d.message, /^ACT-SD \(smartdriver\) .*'es-01'/);
    assert.match(d.message, /AS-P-3, AS-B or Edge Server/);
  });

  it('BMS020: a network seat assigned to a client computer says to use a License Server', () => {
    const plan = edit(PLAN, '{ licenseServer: ls-ec, activationId: ACT-WS', '{ client: ws-01, activationId: ACT-WS');
    const d = one(check({ plan }), 'BMS020', PLAN_URI, at(plan, 'ACT-WS', { after: 'assignments' }));
    assert.match(d.message, /is a network license/);
  });

  it('BMS020: server.ec.es on an Enterprise Server with no Enterprise Central above it', () => {
    const site = SITE.replace('    - id: ec-01\n      type: enterprise-central\n      host: ec01\n      licenseServer: ls-ec\n      children:\n', '    - id: ec-01\n      type: enterprise-central\n      host: ec01\n      licenseServer: ls-ec\n    - id: top\n      type: as-b\n      children:\n');
    const d = one(check({ site }), 'BMS020', PLAN_URI, at(PLAN, 'ACT-ES', { after: 'assignments' }));
    assert.match(d.message, /no Enterprise Central above it/);
  });

  it('BMS020 does not fire when appliesTo allows the target', () => {
    let plan = edit(PLAN, SD_LINE, '    - { server: es-01, activationId: ACT-SD, quantity: 2 }\n');
    plan = edit(plan, 'licenseType: centralized, quantity: 2, expires: permanent }', 'licenseType: centralized, quantity: 2, expires: permanent, appliesTo: [enterprise-server] }');
    assert.deepEqual(check({ plan }).all, []);
  });

  it('BMS070: a feature outside the catalog without appliesTo, on the feature (information)', () => {
    const plan = edit(PLAN, 'feature: smartdriver', 'feature: bacnet.gateway');
    const c = check({ plan });
    one(c, 'BMS070', PLAN_URI, at(plan, 'bacnet.gateway'));
    assert.deepEqual(codes(c), ['BMS070'], 'applicability is not checked');
    const withTargets = edit(plan, 'quantity: 2, expires: permanent }', 'quantity: 2, expires: permanent, appliesTo: [as-p] }');
    assert.deepEqual(check({ plan: withTargets }).all, []);
  });

  it('BMS021: over-allocation on the product quantity, related to each assignment', () => {
    const plan = edit(PLAN, '    - { client: ed-01', '    - { licenseServer: ls-es, activationId: ACT-WS, quantity: 2 }\n    - { client: ed-01');
    const quantity = at(plan, 'quantity: 3').start + 'quantity: '.length;
    const d = one(check({ plan }), 'BMS021', PLAN_URI, { start: quantity, end: quantity + 1 });
    assert.match(d.message, /holds 3 .*assigns 5 \(2 assignments\)/);
    assert.deepEqual(
      d.related?.map((r) => r.span),
      [at(plan, '3', { after: '{ licenseServer: ls-ec' }), at(plan, '2', { after: '{ licenseServer: ls-es' })],
    );
  });

  it('BMS021 does not fire when the assignments add up to the quantity', () => {
    const plan = edit(PLAN, 'ls-ec, activationId: ACT-WS, quantity: 3 }', 'ls-ec, activationId: ACT-WS, quantity: 2 }\n    - { licenseServer: ls-es, activationId: ACT-WS, quantity: 1 }');
    assert.deepEqual(check({ plan }).all, []);
  });

  it('BMS022: the same activation id twice on one target, on the second assignment', () => {
    const twice = '    - { server: as-01, activationId: ACT-SD, quantity: 1 }\n';
    const plan = edit(PLAN, SD_LINE, twice + twice);
    const second = at(plan, twice.trim().slice(2), { nth: 2 });
    const d = one(check({ plan }), 'BMS022', PLAN_URI, second);
    assert.deepEqual(d.related?.map((r) => r.span), [at(plan, twice.trim().slice(2))]);
  });

  it('BMS022 does not fire for the same activation id on two targets', () => {
    const plan = edit(edit(PLAN, SD_LINE, '    - { server: as-01, activationId: ACT-SD, quantity: 1 }\n'), '    - { server: fdp-01', '    - { server: as-02, activationId: ACT-SD, quantity: 1 }\n    - { server: fdp-01');
    const site = edit(SITE, '            - { id: fdp-01', '            - { id: as-02, type: as-b }\n            - { id: fdp-01');
    // A second automation server under es-01 needs a second attach license (BMS053).
    const attach = edit(edit(plan, 'automation-server-attach, licenseType: network, quantity: 1', 'automation-server-attach, licenseType: network, quantity: 2'), 'ACT-ATT, quantity: 1 }', 'ACT-ATT, quantity: 2 }');
    assert.deepEqual(check({ site, plan: attach }).all, []);
  });

  it('BMS023: a local license on a second computer, on that assignment', () => {
    const site = edit(SITE, '    - { id: ed-01, type: script-editor, licenseServers: [ls-es] }\n', '    - { id: ed-01, type: script-editor, licenseServers: [ls-es] }\n    - { id: ed-02, type: script-editor }\n');
    let plan = edit(PLAN, 'licenseType: local, quantity: 1', 'licenseType: local, quantity: 2');
    plan = edit(plan, '    - { client: ed-01, activationId: ACT-SC, quantity: 1 }\n', '    - { client: ed-01, activationId: ACT-SC, quantity: 1 }\n    - { client: ed-02, activationId: ACT-SC, quantity: 1 }\n');
    const c = check({ site, plan });
    const d = one(c, 'BMS023', PLAN_URI, at(plan, '{ client: ed-02, activationId: ACT-SC, quantity: 1 }'));
    assert.deepEqual(d.related?.map((r) => r.span), [at(plan, '{ client: ed-01, activationId: ACT-SC, quantity: 1 }')]);
    assert.deepEqual(codes(c), ['BMS023']);
  });

  it('BMS023 does not fire for a network license on several targets', () => {
    const plan = edit(PLAN, 'ls-ec, activationId: ACT-WS, quantity: 3 }', 'ls-ec, activationId: ACT-WS, quantity: 2 }\n    - { licenseServer: ls-es, activationId: ACT-WS, quantity: 1 }');
    assert.deepEqual(check({ plan }).of('BMS023'), []);
  });
});
