import { strict as assert } from 'node:assert';
import { parseDocument } from 'yaml';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { validateFile } from '../../../src/engine/validate';
import { planYaml, siteYaml } from '../../support/fixtures';

describe('test fixture builders (test/support/fixtures.ts)', () => {
  const site = siteYaml({
    name: 'plant',
    version: '6.0',
    connectivity: 'online',
    activation: 'vendor-tools',
    licenseServers: [{ id: 'ls-main', host: 'es01', address: '@localhost' }],
    servers: [{ id: 'es-01', type: 'enterprise-server', host: 'es01', licenseServer: 'ls-main', children: [{ id: 'as-01', type: 'as-p', host: '10.0.0.1', devices: { bacnet: 4 } }] }],
    clients: [{ id: 'ws-01', type: 'workstation', licenseServers: ['ls-main'] }],
  });
  const plan = planYaml({
    name: 'plant-plan',
    site: 'plant',
    entitlements: [
      {
        id: 'ENT-1',
        products: [
          { activationId: 'ACT-ES', feature: 'server.enterprise.base', licenseType: 'network', quantity: 1 },
          { activationId: 'ACT-ATT', feature: 'automation-server-attach', licenseType: 'network', quantity: 1 },
          { activationId: 'ACT-CD', feature: 'connected-devices', licenseType: 'network', quantity: 4, expires: '2030-06-30' },
          { activationId: 'ACT-WS', feature: 'client.station', licenseType: 'network', quantity: 2 },
        ],
      },
    ],
    assignments: [
      { server: 'es-01', activationId: 'ACT-ES', quantity: 1 },
      { server: 'es-01', activationId: 'ACT-ATT', quantity: 1 },
      { server: 'as-01', activationId: 'ACT-CD', quantity: 4 },
      { licenseServer: 'ls-main', activationId: 'ACT-WS', quantity: 2 },
    ],
  });

  it('writes YAML that reads back as the values given (quoted where YAML would read another type)', () => {
    const s = parseDocument(site).toJS();
    assert.equal(s.spec.version, '6.0');
    assert.equal(s.spec.licenseServers[0].address, '@localhost');
    assert.deepEqual(s.spec.servers[0].children[0], { id: 'as-01', type: 'as-p', host: '10.0.0.1', devices: { bacnet: 4 } });
    assert.deepEqual(s.spec.clients[0].licenseServers, ['ls-main']);
    const p = parseDocument(plan).toJS();
    assert.deepEqual(p.metadata, { name: 'plant-plan', site: 'plant' });
    assert.equal(p.spec.entitlements[0].products[0].expires, 'permanent', 'permanent unless given');
    assert.equal(p.spec.entitlements[0].products[2].expires, '2030-06-30');
    assert.deepEqual(p.spec.assignments[3], { licenseServer: 'ls-main', activationId: 'ACT-WS', quantity: 2 });
  });

  it('a site and plan built from consistent values validate clean', () => {
    const index = new WorkspaceIndex();
    index.setText('file:///w/site.bms.yaml', site);
    index.setText('file:///w/plan.bms.yaml', plan);
    for (const uri of ['file:///w/site.bms.yaml', 'file:///w/plan.bms.yaml']) {
      assert.deepEqual(validateFile(index, uri, { today: new Date('2026-12-01T00:00:00Z') }).map((d) => `${d.code} ${d.message}`), [], uri);
    }
  });

  it('an empty spec is written as a mapping, an empty list as a list', () => {
    assert.deepEqual(parseDocument(siteYaml({ name: 's2' })).toJS().spec, {});
    assert.deepEqual(parseDocument(planYaml({ name: 'p', site: 's2' })).toJS().spec, {});
    assert.deepEqual(parseDocument(siteYaml({ name: 's2', servers: [] })).toJS().spec, { servers: [] });
    assert.deepEqual(parseDocument(planYaml({ name: 'p', site: 's2', entitlements: [], assignments: [] })).toJS().spec, { entitlements: [], assignments: [] });
  });
});
