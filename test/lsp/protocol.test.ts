// Rename across site and plan files (with prepareRename), refused where the ledger already names the id;
// folding ranges and document links; the server's version from package.json; workspace folders added after
// start-up are read.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, DocumentLink, FoldingRange, InitializeResult, PrepareRenameResult, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { PLAN, positionOf, SITE, SOUTH_PLAN, SOUTH_SITE } from './fixtures';
import { TestClient } from './harness';

const LEDGER = '{"at":"2026-11-23T10:15:00Z","op":"activate","site":"north","target":"es-01","activationId":"ACT-0001","quantity":1,"transaction":"T-1","mode":"online","by":"jsmith"}\n';

/** The texts after applying a workspace edit. */
function applied(edit: WorkspaceEdit, texts: Record<string, string>): Record<string, string> {
  const out = { ...texts };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    let text = out[uri]!;
    const lines = text.split('\n');
    const offset = (p: TextEdit['range']['start']) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
    out[uri] = text;
  }
  return out;
}

describe('lsp: rename, folding, links, server info, workspace folders, watched ledgers', () => {
  let client: TestClient;
  let init: InitializeResult;
  beforeEach(async () => {
    client = new TestClient({ 'site.bms.yaml': SITE, 'plan.bms.yaml': PLAN, 'north.ledger.jsonl': LEDGER });
    init = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(client.folder).href,
      workspaceFolders: [{ uri: pathToFileURL(client.folder).href, name: 'north' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, codeLens: { refreshSupport: true } } },
      initializationOptions: { validation: { debounceMs: 0 } },
    });
    const ready = Promise.all([client.nextDiagnostics(client.uri('site.bms.yaml')), client.nextDiagnostics(client.uri('plan.bms.yaml'))]);
    await client.rpc.sendNotification('initialized', {});
    await ready;
  });
  afterEach(() => client.stop());

  it('serverInfo.version is the package version; rename is offered with prepareRename', () => {
    assert.equal(init.serverInfo?.version, JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version);
    assert.deepEqual(init.capabilities.renameProvider, { prepareProvider: true });
  });

  it('renames a server across the site and its plans: the definition and every assignment', async () => {
    const at = { textDocument: { uri: client.uri('plan.bms.yaml') }, position: positionOf(PLAN, 'as-01, activationId', 1) };
    const prepared = await client.request<PrepareRenameResult & { placeholder: string }>('textDocument/prepareRename', at);
    assert.equal(prepared.placeholder, 'as-01');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at, newName: 'as-11' });
    assert.deepEqual(Object.keys(edit.changes!).sort(), [client.uri('plan.bms.yaml'), client.uri('site.bms.yaml')].sort());
    const after = applied(edit, { [client.uri('site.bms.yaml')]: SITE, [client.uri('plan.bms.yaml')]: PLAN });
    assert.equal(after[client.uri('site.bms.yaml')], SITE.replace('{ id: as-01,', '{ id: as-11,'));
    assert.equal(after[client.uri('plan.bms.yaml')], PLAN.replace('{ server: as-01,', '{ server: as-11,'));
  });

  it('refuses an id that is taken, an id that is not an id, and an id the ledger records', async () => {
    const at = { textDocument: { uri: client.uri('plan.bms.yaml') }, position: positionOf(PLAN, 'as-01, activationId', 1) };
    await assert.rejects(client.request('textDocument/rename', { ...at, newName: 'ls-main' }), /'ls-main' is already the id/);
    await assert.rejects(client.request('textDocument/rename', { ...at, newName: 'AS 01' }), /'AS 01' is not an id/);
    const es01 = { textDocument: { uri: client.uri('site.bms.yaml') }, position: positionOf(SITE, 'es-01\n', 1) };
    await assert.rejects(client.request('textDocument/prepareRename', es01), /records licenses on server 'es-01'/);
    const act = { textDocument: { uri: client.uri('plan.bms.yaml') }, position: positionOf(PLAN, 'ACT-0001, feature', 1) };
    await assert.rejects(client.request('textDocument/rename', { ...act, newName: 'ACT-9' }), /records license ACT-0001/);
  });

  it('folding ranges (documents, lists, entitlements, servers) and document links (activation id → its product)', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: client.uri('site.bms.yaml') } });
    const line = (text: string, needle: string) => positionOf(text, needle).line;
    assert.ok(folds.some((f) => f.startLine === line(SITE, 'servers:') && f.endLine === line(SITE, 'as-02')), JSON.stringify(folds));
    assert.ok(folds.some((f) => f.startLine === line(SITE, '- id: es-01') && f.endLine === line(SITE, 'as-02')), 'the server with its children');
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: client.uri('plan.bms.yaml') } });
    assert.equal(links.length, 4, 'one per assignment');
    const product = positionOf(PLAN, 'ACT-0002, feature');
    assert.equal(links[1]!.target, `${client.uri('plan.bms.yaml')}#L${product.line + 1},${product.character + 1}`);
    assert.deepEqual(links[1]!.range.start, positionOf(PLAN, 'ACT-0002, quantity: 1 }'));
  });

  it('serves the CodeLens of each assignment from the ledger (Neovim users get it too), and asks for a refresh when the ledger changes', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uri('plan.bms.yaml') } });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
      [
        [positionOf(PLAN, '{ server: es-01').line, 'simulated 2026-11-23 · T-1', ''],
        [positionOf(PLAN, '{ server: as-01').line, 'pending: not activated', 'bmsLicense.reviewAndApply'],
        [positionOf(PLAN, '{ server: as-02').line, 'pending: not activated', 'bmsLicense.reviewAndApply'],
        [positionOf(PLAN, '{ licenseServer: ls-main').line, 'pending: not activated', 'bmsLicense.reviewAndApply'],
      ],
    );
    const refreshed = new Promise<void>((done) => client.rpc.onRequest('workspace/codeLens/refresh', () => (done(), null)));
    writeFileSync(join(client.folder, 'north.ledger.jsonl'), LEDGER + LEDGER.replace('"es-01"', '"as-01"').replace('ACT-0001', 'ACT-0002').replace('T-1', 'T-2'));
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('north.ledger.jsonl'), type: 2 }] });
    await refreshed;
    const after = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uri('plan.bms.yaml') } });
    assert.equal(after[1]!.command?.title, 'simulated 2026-11-23 · T-2');
  });

  it('a ledger that spec.ledger names another way is watched too: BMS061 follows it', async () => {
    const site = SITE.replace('  connectivity: online\n', '  connectivity: online\n  ledger: records/north-history.jsonl\n');
    const plan = client.nextDiagnostics(client.uri('plan.bms.yaml'));
    await client.open('site.bms.yaml', site);
    await plan;
    mkdirSync(join(client.folder, 'records'));
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const repairs = [5, 50, 100, 200].map((n) => JSON.stringify({ at: day(n), op: 'repair', site: 'north', target: 'as-01', transaction: 'T-1', by: 'jsmith' })).join('\n') + '\n';
    writeFileSync(join(client.folder, 'records/north-history.jsonl'), repairs);
    const next = client.nextDiagnostics(client.uri('plan.bms.yaml'), (p) => p.diagnostics.some((d) => d.code === 'BMS061'));
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(client.folder, 'records/north-history.jsonl')).href, type: 1 }] });
    const found = (await next).diagnostics.filter((d) => d.code === 'BMS061');
    assert.deepEqual(found.map((d) => d.range.start), [positionOf(PLAN, 'as-01')]);
  });

  it('reads a workspace folder added after start-up, and forgets a removed one', async () => {
    const south = mkdtempSync(join(tmpdir(), 'bms-lsp-south-'));
    try {
      writeFileSync(join(south, 'site.bms.yaml'), SOUTH_SITE);
      writeFileSync(join(south, 'plan.bms.yaml'), SOUTH_PLAN.replace(/server: ec-s/, 'server: ec-x'));
      const planUri = pathToFileURL(join(south, 'plan.bms.yaml')).href;
      const published = client.nextDiagnostics(planUri);
      await client.rpc.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(south).href, name: 'south' }], removed: [] } });
      assert.ok((await published).diagnostics.some((d) => d.code === 'BMS010'), 'the new folder is validated');
      const cleared = client.nextDiagnostics(planUri);
      await client.rpc.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: pathToFileURL(south).href, name: 'south' }] } });
      assert.deepEqual((await cleared).diagnostics, []);
    } finally {
      rmSync(south, { recursive: true, force: true });
    }
  });
});
