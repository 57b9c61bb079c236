import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { applicableTargets, baseFeaturesOf, CATALOG, catalogFeature, eraOf, TARGET_TYPES } from '../../../src/engine/rules/catalog';

describe('the built-in feature catalog', () => {
  it('holds every feature of the table in DOMAIN.md, and the pre-7.0 Enterprise Server features of its second round', () => {
    const features = ['server.enterprise.central', 'server.enterprise.base', 'server.ec.es', 'client.station', 'client.graphiceditor', 'client.script', 'client.functionblock.view', 'smartdriver', 'snmp-notification', 'personal-dashboard', 'change-control', 'timescaledb', 'mqtt', 'connected-devices', 'fdp.server', 'automation-server-attach', 'web-services', 'sign-pdf'];
    assert.deepEqual(CATALOG.map((f) => f.feature).sort(), features.sort());
    for (const f of CATALOG) for (const t of f.appliesTo) assert.ok(TARGET_TYPES.includes(t), `${f.feature}: ${t} is a target type`);
    for (const f of CATALOG) for (const e of f.eras ?? []) for (const t of e.appliesTo ?? []) assert.ok(f.appliesTo.includes(t), `${f.feature}: an era's ${t} is one of the feature's targets`);
    for (const f of CATALOG) for (const e of f.eras ?? []) assert.match(e.rule, /help \d+|does not say/, `${f.feature}: the era cites its help topic`);
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

describe('the catalog by EBO version', () => {
  const era = (feature: string, version: string) => eraOf(catalogFeature(feature)!, version);

  it('ES/EC base licenses: network below 7.0, centralized from 7.0 (help 12730)', () => {
    for (const f of ['server.enterprise.central', 'server.enterprise.base', 'server.ec.es']) {
      assert.deepEqual(era(f, '6.0')?.licenseTypes, ['network']);
      assert.deepEqual(era(f, '6.2.1')?.licenseTypes, ['network']);
      assert.deepEqual(era(f, '7.0')?.licenseTypes, ['centralized']);
      assert.deepEqual(era(f, '7.1')?.licenseTypes, ['centralized']);
    }
  });

  it('connected devices: ES only in 3.x, ES and automation servers from 4.0, absent before 3.0', () => {
    assert.deepEqual(applicableTargets({ feature: 'connected-devices', licenseType: 'centralized' }, '3.3'), ['enterprise-server']);
    assert.deepEqual(applicableTargets({ feature: 'connected-devices', licenseType: 'centralized' }, '4.0'), ['enterprise-server', 'as-p', 'as-p-3', 'as-b']);
    assert.deepEqual(era('connected-devices', '7.0')?.licenseTypes, ['centralized']);
    assert.equal(era('connected-devices', '2.0'), null);
  });

  it('attach licenses exist below 7.0 only; features without eras and unknown versions have no era', () => {
    assert.deepEqual(era('automation-server-attach', '6.0')?.licenseTypes, ['network']);
    assert.equal(era('automation-server-attach', '7.0'), null);
    assert.equal(era('smartdriver', '6.0'), undefined);
    assert.equal(eraOf(catalogFeature('server.enterprise.base')!, undefined), undefined);
    assert.equal(eraOf(catalogFeature('server.enterprise.base')!, 'latest'), undefined);
  });
});
