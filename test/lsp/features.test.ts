import { strict as assert } from 'node:assert';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, Location, SymbolInformation } from 'vscode-languageserver-protocol';
import { caret, range, TestClient } from './harness';
import { PLAN, positionOf, SITE } from './fixtures';

const LEDGER = '{"at":"2026-11-23T10:15:00Z","op":"activate","site":"north","target":"es-01","activationId":"ACT-0001","quantity":1,"transaction":"T-1","mode":"online","by":"jsmith"}\n';

describe('lsp: completion, hover, navigation, quick fixes', () => {
  let client: TestClient;
  const plan = () => client.uri('plan.bms.yaml');
  const site = () => client.uri('site.bms.yaml');

  beforeEach(async () => {
    client = new TestClient({ 'site.bms.yaml': SITE, 'plan.bms.yaml': PLAN, 'north.ledger.jsonl': LEDGER });
    await client.start(['site.bms.yaml', 'plan.bms.yaml']);
  });
  afterEach(() => client.stop());

  async function complete(name: string, marked: string): Promise<string[]> {
    const { text, position } = caret(marked);
    await client.open(name, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: client.uri(name) }, position });
    return items.map((i) => i.label);
  }

  it('completes the ids each field takes', async () => {
    assert.deepEqual(await complete('plan.bms.yaml', PLAN.replace('{ server: as-01,', '{ server: |as-01,')), ['es-01', 'as-01', 'as-02']);
    await client.stop();
    client = new TestClient({ 'site.bms.yaml': SITE, 'plan.bms.yaml': PLAN });
    await client.start(['site.bms.yaml', 'plan.bms.yaml']);
    assert.deepEqual(await complete('plan.bms.yaml', PLAN.replace('{ licenseServer: ls-main', '{ licenseServer: |')), ['ls-main']);
    assert.deepEqual(await complete('site.bms.yaml', SITE.replace('licenseServers: [ls-main]', 'licenseServers: [|]')), ['ls-main']);
  });

  it('completes activation ids of the plan, schema keys, enums, features and expiry', async () => {
    const { text, position } = caret(PLAN.replace('activationId: ACT-0002, quantity: 1 }', 'activationId: |ACT-0002, quantity: 1 }'));
    await client.open('plan.bms.yaml', text);
    const ask = async (p: typeof position) => (await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: plan() }, position: p })).map((i) => i.label);
    assert.deepEqual(await ask(position), ['ACT-0001', 'ACT-0002', 'ACT-0003']);
    assert.deepEqual(await ask(positionOf(text, 'network, quantity: 1', 0)), ['network', 'local', 'demo', 'engineering', 'centralized', 'inherited']);
    const features = await ask(positionOf(text, 'smartdriver'));
    assert.ok(features.includes('server.enterprise.base') && features.includes('smartdriver'), features.join());
    const expires = await ask(positionOf(text, 'permanent'));
    assert.equal(expires[0], 'permanent');
    assert.match(expires[1], /^\d{4}-\d{2}-\d{2}$/);
    const keys = caret(text.replace('  assignments:\n', '  assignments:\n    - |\n'));
    const withDash = await client.change('plan.bms.yaml', [{ range: range(0, 0, 999, 0), text: keys.text }]);
    // The empty item is an assignment without a target: said on its own line.
    assert.ok(withDash.some((d) => d.code === 'BMS002' && d.range.start.line === keys.position.line && /names exactly one target/.test(String(d.message))), JSON.stringify(withDash));
    assert.deepEqual(await ask(keys.position), ['server', 'licenseServer', 'client', 'activationId', 'quantity', 'mode']);
  });

  it('hovers keys with the schema, ids with what they are, activation ids with their use', async () => {
    await client.open('plan.bms.yaml', PLAN);
    const hover = async (p: { line: number; character: number }) => (await client.request<Hover>('textDocument/hover', { textDocument: { uri: plan() }, position: p })).contents as { value: string };
    const server = await hover(positionOf(PLAN, 'es-01', 2));
    const parts = server.value.split('\n\n');
    assert.equal(parts.length, 5, server.value);
    assert.equal(parts[0], '**Server** `es-01` (site `north`)');
    assert.deepEqual(parts[1]!.split(' · '), ['type: Enterprise Server', 'host: `es01.north.local`', 'License Server: `ls-main`']);
    assert.deepEqual(parts[2]!.split('\n'), ['Planned licenses:', '- 1 × `ACT-0001` server.enterprise.base (network)']);
    assert.deepEqual(parts[3]!.split('\n'), ['Ledger:', '- 1 × `ACT-0001` activated since 2026-11-23 (simulated)']);
    const [required, attach, ...more] = parts[4]!.split('\n');
    assert.deepEqual([required, more], ['Required (computed):', []]);
    assert.match(attach!, /^- 2 × automation-server-attach: 2 automation servers attached /);
    assert.match(attach!, /\('as-01' and 'as-02'\)/);
    assert.match(attach!, /\(help 12865\)$/);
    const act = await hover(positionOf(PLAN, 'ACT-0002, quantity: 1', 4));
    assert.match(act.value, /^\*\*Activation ID\*\* `ACT-0002` \(entitlement `ENT-1`\)/);
    const base = await hover(positionOf(PLAN, 'ACT-0001, quantity: 1', 4));
    assert.match(base.value, /On EBO 6\.0: network — /);
    assert.match(base.value, /\(help 12730\)$/);
    assert.match(act.value, /Assigned: 2 of 3 \(2 assignments\)/);
    const key = await hover(positionOf(PLAN, 'quantity: 5 }', 2));
    assert.match(key.value, /^\*\*Quantity\*\*\n\n/);
  });

  it('goes to the definition of an id in another file and finds its references', async () => {
    await client.open('plan.bms.yaml', PLAN);
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: plan() }, position: positionOf(PLAN, 'ls-main', 1) });
    const at = positionOf(SITE, 'ls-main');
    assert.deepEqual(defs, [{ uri: site(), range: range(at.line, at.character, at.line, at.character + 7) }]);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: site() }, position: at, context: { includeDeclaration: false } });
    const lines = refs.map((r) => `${r.uri === site() ? 'site' : 'plan'}:${r.range.start.line}`);
    assert.deepEqual(lines.sort(), ['plan:16', 'site:17', 'site:22']);
    const siteRefs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: plan() }, position: positionOf(PLAN, 'site: north', 7), context: { includeDeclaration: true } });
    assert.deepEqual(siteRefs.map((r) => [r.uri === site() ? 'site' : 'plan', r.range.start.line]), [['site', 3], ['plan', 4]]);
  });

  it('lists the outline and workspace symbols', async () => {
    await client.open('site.bms.yaml', SITE);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: site() } });
    const outline = (s: DocumentSymbol): unknown => (s.children?.length ? { [s.name]: s.children.map(outline) } : s.name);
    assert.deepEqual(symbols.map(outline), [{ north: [{ 'License Servers': ['ls-main'] }, { Servers: [{ 'es-01': ['as-01', 'as-02'] }] }, { Clients: ['ws-1'] }] }]);
    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'AS-0' });
    assert.deepEqual(found.map((s) => s.name), ['as-01', 'as-02']);
  });

  async function fixes(name: string, text: string, code: string): Promise<CodeAction[]> {
    const ds = await client.open(name, text);
    const d = ds.find((x: Diagnostic) => x.code === code);
    assert.ok(d, `${code} expected in ${JSON.stringify(ds)}`);
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri(name) }, range: d.range, context: { diagnostics: [d] } });
  }

  it('quick fix: the License Server address becomes @localhost (BMS032)', async () => {
    const text = SITE.replace('address: "@localhost"', 'address: "27000@es01.north.local"');
    const actions = await fixes('site.bms.yaml', text, 'BMS032');
    const at = positionOf(text, '"27000@');
    assert.deepEqual(actions.map((a) => [a.title, a.edit?.changes]), [
      ["Set the address to '27000@localhost'", { [site()]: [{ range: range(at.line, at.character, at.line, at.character + 24), newText: '"27000@localhost"' }] }],
    ]);
  });

  it('quick fix: a missing base license gets an assignment stub in the plan (BMS050)', async () => {
    const withoutBase = PLAN.replace('    - { server: es-01, activationId: ACT-0001, quantity: 1 }\n', '');
    await client.open('plan.bms.yaml', withoutBase);
    const actions = await fixes('site.bms.yaml', SITE, 'BMS050');
    const last = positionOf(withoutBase, '    - { licenseServer: ls-main');
    const end = { line: last.line, character: '    - { licenseServer: ls-main, activationId: ACT-0003, quantity: 5 }'.length };
    assert.deepEqual(actions.map((a) => a.edit?.changes), [{ [plan()]: [{ range: { start: end, end }, newText: '\n    - { server: es-01, activationId: ACT-0001, quantity: 1 }' }] }]);
    assert.match(actions[0]!.title, /^Assign a base license /);
    assert.match(actions[0]!.title, /'es-01'/);
  });

  it('quick fix: an unknown id becomes the closest known one (BMS012)', async () => {
    const text = PLAN.replace('as-02, activationId: ACT-0002', 'as-02, activationId: ACT-002');
    const actions = await fixes('plan.bms.yaml', text, 'BMS012');
    const at = positionOf(text, 'ACT-002,');
    assert.deepEqual(actions.map((a) => [a.title, a.edit?.changes]), [
      ["Change to 'ACT-0002'", { [plan()]: [{ range: range(at.line, at.character, at.line, at.character + 7), newText: 'ACT-0002' }] }],
    ]);
  });
});
