import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { applicableTargets, baseFeaturesOf, CATALOG, TARGET_TYPES } from '../../../src/engine/rules/catalog';

describe('the built-in feature catalog', () => {
  it('holds every feature of the table in DOMAIN.md', () => {
    const features = ['server.enterprise.central', 'server.enterprise.base', 'server.ec.es', 'client.station', 'client.graphiceditor', 'client.script', 'client.functionblock.view', 'smartdriver', 'snmp-notification', 'personal-dashboard', 'change-control', 'timescaledb', 'mqtt', 'connected-devices', 'fdp.server'];
    assert.deepEqual(CATALOG.map((f) => f.feature).sort(), features.sort());
    for (const f of CATALOG) for (const t of f.appliesTo) assert.ok(TARGET_TYPES.includes(t), `${f.feature}: ${t} is a target type`);
  });

  it('names the same target types as the plan schema', () => {
    const schema = JSON.parse(readFileSync('schemas/licenseplan.schema.json', 'utf8'));
    assert.deepEqual([...TARGET_TYPES].sort(), [...schema.definitions.targetType.enum].sort());
  });

  it('puts network client seats on a License Server and local or demo ones on a computer', () => {
    assert.deepEqual(applicableTargets({ feature: 'client.station', licenseType: 'network' }), ['license-server']);
    assert.deepEqual(applicableTargets({ feature: 'client.station', licenseType: 'local' }), ['workstation', 'workstation-pro']);
    assert.deepEqual(applicableTargets({ feature: 'client.script', licenseType: 'demo' }), ['script-editor', 'workstation-pro']);
    assert.ok(applicableTargets({ feature: 'client.station' })!.includes('license-server'), 'no license type: every target of the feature');
  });

  it("prefers the product's appliesTo, and knows nothing of a feature outside the catalog", () => {
    assert.deepEqual(applicableTargets({ feature: 'smartdriver', appliesTo: ['enterprise-server'] }), ['enterprise-server']);
    assert.deepEqual(applicableTargets({ feature: 'smartdriver', licenseType: 'centralized' }), ['as-p', 'as-p-3', 'as-b', 'edge-server']);
    assert.deepEqual(applicableTargets({ feature: 'snmp-notification', licenseType: 'inherited' }), ['enterprise-server']);
    assert.equal(applicableTargets({ feature: 'bacnet.gateway' }), undefined);
    assert.equal(applicableTargets({}), undefined);
  });

  it('knows the base license of ES, EC and FDP servers only', () => {
    assert.deepEqual(baseFeaturesOf('enterprise-central'), ['server.enterprise.central']);
    assert.deepEqual(baseFeaturesOf('enterprise-server'), ['server.enterprise.base', 'server.ec.es']);
    assert.deepEqual(baseFeaturesOf('fdp-server'), ['fdp.server']);
    assert.deepEqual(baseFeaturesOf('as-p'), []);
    assert.deepEqual(baseFeaturesOf(undefined), []);
  });
});
