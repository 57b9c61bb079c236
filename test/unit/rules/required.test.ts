import { strict as assert } from 'node:assert';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import type { Site } from '../../../src/engine/model';
import { siteRequirements } from '../../../src/engine/rules/required';
import { at, check, edit, one, PLAN, PLAN_7, SITE, SITE_URI } from './fixtures';

const ON_7 = edit(SITE, 'version: "6.0"', 'version: "7.0"\n  tier: advanced');
const ES_LINE = '          licenseServer: ls-es\n';
const COUNTS = `          devices: { bacnet: 40, mp-controller: 6, under-mp-rp: 30, se-central-io: 4, lonworks-local-node: 2, inet-sublan: 3, automation-server: 1 }\n`;
const LIST = `          devices:
            - { kind: modbus, count: 12 }
            - kind: rp-controller
              name: RP-01
              devices: [{ kind: bacnet, count: 8 }, { kind: modbus }]
            - { kind: se-central-io, count: 2 }
`;
const CD = '        - { activationId: ACT-CD, feature: connected-devices, licenseType: centralized, quantity: 100, expires: permanent }\n';

function withDevices(site: string, devices: string): string {
  return edit(site, ES_LINE, ES_LINE + devices);
}

/** The 7.0 plan with `n` connected-devices licenses assigned to es-01. */
function planned(n: number): string {
  return edit(edit(PLAN_7, '  assignments:\n', `${CD}  assignments:\n`), '    - { server: es-01, activationId: ACT-ES, quantity: 1 }\n', `    - { server: es-01, activationId: ACT-ES, quantity: 1 }\n    - { server: es-01, activationId: ACT-CD, quantity: ${n} }\n`);
}

function requirements(site: string) {
  const index = new WorkspaceIndex();
  index.setText(SITE_URI, site);
  return siteRequirements(index.site('plant') as Site);
}

/** The counts a requirement's `from` names: `(A, B and C; not counted: D and E)`, each as written. */
function counted(from: string): { counted: string[]; notCounted: string[] } {
  const m = /\(([^;)]*)(?:; not counted: ([^)]*))?\)/.exec(from);
  assert.ok(m, from);
  const list = (s = '') => s.split(/, | and /).filter(Boolean);
  return { counted: list(m[1]), notCounted: list(m[2]) };
}

describe('rules: Required, computed from the site (BMS053)', () => {
  it('counts per kind with the EBO 4.0+ rules: MP/RP controllers and I/NET SubLAN count; devices under them, SE Central IO, local nodes, AS do not', () => {
    const site = withDevices(ON_7, COUNTS);
    const [r] = requirements(site);
    assert.equal(r.required, 49);
    assert.deepEqual(counted(r.from), {
      counted: ['40 BACnet devices', '6 MP controllers', '3 I/NET SubLAN devices'],
      notCounted: ['30 devices under MP/RP controllers', '4 SE Central IO modules', '2 LonWorks local nodes', '1 automation server'],
    });
    assert.match(r.from, /Enterprise Server 'es-01'/);
    assert.match(r.from, /\(help 16220\)$/);
    const d = one(check({ site, plan: planned(20) }), 'BMS053', SITE_URI, at(site, 'devices'));
    assert.match(d.message, /^Enterprise Server 'es-01' requires 49 /);
    assert.ok(d.message.includes(r.from), 'says where the figure comes from');
    assert.match(d.message, /assign 20: /);
    assert.match(d.message, /Assign 29 more connected-devices/);
    assert.deepEqual(check({ site, plan: planned(49) }).all, []);
  });

  it('a list: what is behind an RP controller is not counted, the controller is', () => {
    const site = withDevices(ON_7, LIST);
    const [r] = requirements(site);
    assert.equal(r.required, 13);
    assert.deepEqual(counted(r.from), { counted: ['12 Modbus devices', '1 RP controller'], notCounted: ['9 devices under MP/RP controllers', '2 SE Central IO modules'] });
    one(check({ site, plan: planned(12) }), 'BMS053', SITE_URI, at(site, 'devices'));
  });

  it('EBO 3.x: every field-bus device hosted by an Enterprise Server counts, and automation servers need none', () => {
    const site = withDevices(edit(SITE, 'version: "6.0"', 'version: "3.3"'), COUNTS).replace('{ id: as-01, type: as-p, host: 10.0.0.1 }', '{ id: as-01, type: as-p, host: 10.0.0.1, devices: { bacnet: 5 } }');
    const found = requirements(site).filter((r) => r.feature === 'connected-devices');
    assert.deepEqual(found.map((r) => [r.server, r.required]), [['es-01', 85]]);
    assert.deepEqual(counted(found[0].from), { counted: ['85 field-bus devices'], notCounted: ['1 automation server'] });
    assert.match(found[0].from, /EBO 3\.x: .*\(help 11031\)$/);
  });

  it('below 7.0 an Enterprise Server needs an attach license per attached automation server, on its id', () => {
    const plan = PLAN.replace(/.*ACT-ATT.*\n/g, '');
    const d = one(check({ plan }), 'BMS053', SITE_URI, at(SITE, 'es-01'));
    assert.match(d.message, /requires 1 attach license: /);
    assert.match(d.message, /\('as-01'\)/, 'names the automation server');
    assert.match(d.message, /\(help 12865\)/);
    assert.match(d.message, /assign 0/);
    assert.deepEqual(check({ site: ON_7, plan: PLAN_7 }).all, [], 'none from 7.0');
  });

  it('is silent while the site has no plan, and without a device list', () => {
    assert.deepEqual(check({ site: withDevices(ON_7, COUNTS), plan: '' }).of('BMS053'), []);
    assert.deepEqual(requirements(ON_7), []);
  });

  it('a mistyped device kind is a schema error on the key, with the closest kind', () => {
    const site = withDevices(ON_7, '          devices: { bacnett: 4 }\n');
    const d = one(check({ site, plan: PLAN_7 }), 'BMS002', SITE_URI, at(site, 'bacnett'));
    assert.equal(d.data?.suggestion, 'bacnet');
    assert.match(d.message, /^Unknown key 'bacnett'/);
  });
});
