import { strict as assert } from 'node:assert';
import { parseBmsText } from '../../../src/engine/load/parse';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import type { LicensePlan, Site } from '../../../src/engine/model';

const SITE = `apiVersion: bms.license/v1
kind: Site
metadata:
  name: demo
spec:
  version: "6.0"
  licenseServers:
    - { id: ls-main, host: es01, address: "@localhost" }
  servers:
    - id: es-01
      type: enterprise-server
      host: es01
      licenseServer: ls-main
      children:
        - { id: as-01, type: as-p }
`;

const PLAN = `apiVersion: bms.license/v1
kind: LicensePlan
metadata: { name: p, site: demo }
spec:
  entitlements:
    - id: ENT-1
      products:
        - { activationId: ACT-1, feature: server.enterprise.base, licenseType: network, quantity: 1, expires: permanent }
  assignments:
    - { server: es-01, activationId: ACT-1, quantity: 1 }
    - { licenseServer: ls-main, activationId: ACT-1 }
`;

describe('parseBmsText', () => {
  it('reads a Site into the model with the span of every field', () => {
    const file = parseBmsText('file:///s.bms.yaml', SITE);
    assert.deepEqual(file.diagnostics, []);
    const site = file.documents[0].model as Site;
    assert.equal(site.name, 'demo');
    assert.equal(site.version, '6.0');
    assert.deepEqual(site.servers.map((s) => [s.id, s.parent]), [['es-01', undefined], ['as-01', 'es-01']]);
    assert.deepEqual(site.servers[0].children, ['as-01']);
    const as01 = site.servers[1];
    assert.equal(SITE.slice(as01.at.id.start, as01.at.id.end), 'as-01');
    assert.equal(SITE.slice(as01.at['$key:type'].start, as01.at['$key:type'].end), 'type');
    assert.equal(SITE.slice(site.at['metadata.name'].start, site.at['metadata.name'].end), 'demo');
  });

  it('reads a LicensePlan with products and assignments in order', () => {
    const plan = parseBmsText('file:///p.bms.yaml', PLAN).documents[0].model as LicensePlan;
    assert.equal(plan.site, 'demo');
    assert.equal(plan.entitlements[0].products[0].entitlementId, 'ENT-1');
    assert.deepEqual(plan.assignments.map((a) => [a.targetKind, a.target, a.quantity, a.index]), [
      ['server', 'es-01', 1, 0],
      ['licenseServer', 'ls-main', undefined, 1],
    ]);
  });

  it('holds several documents in one file', () => {
    const file = parseBmsText('file:///x.bms.yaml', `${SITE}---\n${PLAN}`);
    assert.deepEqual(file.documents.map((d) => d.kind), ['Site', 'LicensePlan']);
    const plan = file.documents[1].model as LicensePlan;
    assert.ok(plan.span.start > SITE.length - 1);
  });

  const malformed: [string, string, string[]][] = [
    ['an unclosed quote', 'apiVersion: bms.license/v1\nkind: Site\nmetadata:\n  name: "demo\n', ['BMS001']],
    ['a tab indentation', 'apiVersion: bms.license/v1\nkind: Site\nmetadata:\n\tname: demo\n', ['BMS001']],
    ['a duplicate key', 'apiVersion: bms.license/v1\nkind: Site\nkind: Site\n', ['BMS001']],
    ['a wrong kind', 'apiVersion: bms.license/v1\nkind: Sight\n', ['BMS002']],
    ['no kind', 'apiVersion: bms.license/v1\nmetadata: {}\n', ['BMS002']],
    ['a scalar document', 'hello\n', ['BMS002']],
    ['an empty file', '', []],
    ['binary garbage', '\u0000\u0001\u00ff\ufffd{[}:\u0007\n- - :\n', ['BMS001', 'BMS002']],
    ['an unclosed flow mapping', 'apiVersion: bms.license/v1\nkind: Site\nspec: { servers: [ { id: a\n', ['BMS001']],
  ];
  for (const [what, text, codes] of malformed) {
    it(`reports ${what} as a diagnostic, not an exception`, () => {
      const file = parseBmsText('file:///m.bms.yaml', text);
      const got = [...new Set(file.diagnostics.map((d) => d.code))];
      assert.deepEqual(got, codes);
      for (const d of file.diagnostics) {
        assert.ok(d.span.start >= 0 && d.span.end <= Math.max(text.length, 1) && d.span.end >= d.span.start, `span in range: ${JSON.stringify(d.span)}`);
        assert.ok(d.span.end - d.span.start < text.length || text.length < 20, 'a diagnostic never covers the whole file');
      }
    });
  }

  it('points a YAML syntax error at the offending place', () => {
    const text = 'apiVersion: bms.license/v1\nkind: Site\nkind: Site\n';
    const d = parseBmsText('file:///m.bms.yaml', text).diagnostics[0];
    assert.equal(d.span.start, text.lastIndexOf('kind'));
  });
});

describe('WorkspaceIndex', () => {
  it('resolves a plan to its site and ids across files', () => {
    const index = new WorkspaceIndex();
    index.setText('file:///s.bms.yaml', SITE);
    index.setText('file:///p.bms.yaml', PLAN);
    const site = index.site('demo')!;
    assert.equal(index.plansFor('demo').length, 1);
    assert.equal(index.resolve(site, 'as-01')?.kind, 'server');
    assert.equal(index.resolve(site, 'ls-main')?.kind, 'licenseServer');
    assert.equal(index.resolve(site, 'nope'), undefined);
    assert.equal(index.products('demo', 'ACT-1').length, 1);
    const g = index.generation;
    index.remove('file:///p.bms.yaml');
    assert.equal(index.plansFor('demo').length, 0);
    assert.ok(index.generation > g);
  });
});
