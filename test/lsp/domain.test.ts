// The licensing domain as the editor shows it: network seats with an explicit appliesTo (issue 14.2).
import { strict as assert } from 'node:assert';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { brief, diag, range, TestClient } from './harness';
import { PLAN, positionOf, SITE, SOUTH_PLAN, SOUTH_SITE } from './fixtures';

const EXPLICIT = PLAN.replace('licenseType: network, quantity: 5, expires: permanent }', 'licenseType: network, quantity: 5, expires: permanent, appliesTo: [workstation, workstation-pro, webstation] }');

describe('lsp: the licensing domain', () => {
  let client: TestClient;

  beforeEach(async () => {
    client = new TestClient({ 'site.bms.yaml': SITE, 'south.bms.yaml': SOUTH_SITE });
    await client.start(['site.bms.yaml', 'south.bms.yaml']);
  });
  afterEach(() => client.stop());

  it('network seats whose appliesTo names the clients are fine on the License Server, and BMS020 on a client', async () => {
    assert.notEqual(EXPLICIT, PLAN);
    assert.deepEqual(await client.open('plan.bms.yaml', EXPLICIT), []);
    const at = positionOf(EXPLICIT, 'licenseServer: ls-main');
    const onClient = await client.change('plan.bms.yaml', [{ range: range(at.line, at.character, at.line, at.character + 'licenseServer: ls-main'.length), text: 'client: ws-1' }]);
    const id = positionOf(EXPLICIT.replace('licenseServer: ls-main', 'client: ws-1'), 'ACT-0003, quantity: 5');
    assert.deepEqual(brief(onClient), [diag('BMS020', id.line, id.character, id.line, id.character + 'ACT-0003'.length)]);
    assert.match(String(onClient[0].message), /is a network license/);
  });

  it('BMS024 on the licenseType of a network base license on a 7.0 site, with the quick fix', async () => {
    const text = SOUTH_PLAN.replace('licenseType: centralized', 'licenseType: network');
    const ds = await client.open('south-plan.bms.yaml', text);
    const at = positionOf(text, 'network');
    assert.deepEqual(brief(ds), [diag('BMS024', at.line, at.character, at.line, at.character + 'network'.length)]);
    assert.match(String(ds[0].message), /is a centralized license/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri('south-plan.bms.yaml') }, range: ds[0].range, context: { diagnostics: [ds[0]] } });
    assert.deepEqual(actions.map((a) => [a.title, a.edit?.changes]), [["Set licenseType to 'centralized'", { [client.uri('south-plan.bms.yaml')]: [{ range: ds[0].range, newText: 'centralized' }] }]]);
    assert.deepEqual(await client.change('south-plan.bms.yaml', [{ range: ds[0].range, text: 'centralized' }]), []);
  });

  it('BMS053 on the devices key of the site while the plan assigns too few connected-devices licenses; cleared by a plan edit', async () => {
    const site = SOUTH_SITE.replace('    - { id: ec-s, type: enterprise-central, host: ec.south.local }\n', '    - id: ec-s\n      type: enterprise-central\n      children:\n        - id: es-s\n          type: enterprise-server\n          devices: { bacnet: 30, mp-controller: 2, under-mp-rp: 12 }\n');
    const plan = SOUTH_PLAN.replace('  assignments:\n', '        - { activationId: ACT-S2, feature: server.ec.es, licenseType: centralized, quantity: 1, expires: permanent }\n        - { activationId: ACT-S3, feature: connected-devices, licenseType: centralized, quantity: 40, expires: permanent }\n  assignments:\n    - { server: es-s, activationId: ACT-S2, quantity: 1 }\n    - { server: es-s, activationId: ACT-S3, quantity: 20 }\n');
    await client.open('south-plan.bms.yaml', plan);
    const ds = await client.open('south.bms.yaml', site);
    const at = positionOf(site, 'devices');
    assert.deepEqual(brief(ds), [diag('BMS053', at.line, at.character, at.line, at.character + 'devices'.length)]);
    assert.match(String(ds[0].message), /requires 32 connected-devices/);
    assert.match(String(ds[0].message), /not counted: 12 devices under/);
    assert.match(String(ds[0].message), /assign 20/);
    const fixedSite = client.nextDiagnostics(client.uri('south.bms.yaml'), (p) => p.diagnostics.length === 0);
    const q = positionOf(plan, 'ACT-S3, quantity: 20', 'ACT-S3, quantity: '.length);
    await client.change('south-plan.bms.yaml', [{ range: range(q.line, q.character, q.line, q.character + 2), text: '32' }]);
    await fixedSite;
    // An incremental edit of the device count inside the site's server item is judged again.
    const b = positionOf(site, 'bacnet: 30', 'bacnet: '.length);
    const more = await client.change('south.bms.yaml', [{ range: range(b.line, b.character, b.line, b.character + 2), text: '31' }]);
    assert.deepEqual(brief(more), [diag('BMS053', at.line, at.character, at.line, at.character + 'devices'.length)]);
    assert.match(String(more[0].message), /requires 33 connected-devices licenses: .* assign 32/);
  });
});
