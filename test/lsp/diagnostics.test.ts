import { strict as assert } from 'node:assert';
import { pathToFileURL } from 'node:url';
import { toCachedUsage, usageFile, writeUsage } from '../../src/engine/lmstat/cache';
import { importLmstat } from '../../src/engine/lmstat/source';
import { brief, diag, range, TestClient } from './harness';
import { PLAN, positionOf, SITE, SOUTH_PLAN, SOUTH_SITE } from './fixtures';

describe('lsp: diagnostics as you type', () => {
  let client: TestClient;

  beforeEach(async () => {
    client = new TestClient({ 'site.bms.yaml': SITE, 'south.bms.yaml': SOUTH_SITE, 'south-plan.bms.yaml': SOUTH_PLAN });
    await client.start(['site.bms.yaml', 'south.bms.yaml', 'south-plan.bms.yaml']);
  });
  afterEach(() => client.stop());

  it('shows an unknown server after an incremental edit and clears it when fixed', async () => {
    assert.deepEqual(await client.open('plan.bms.yaml', PLAN), []);
    const at = positionOf(PLAN, 'as-01, activationId');
    const typo = await client.change('plan.bms.yaml', [{ range: range(at.line, at.character + 3, at.line, at.character + 5), text: '99' }]);
    assert.deepEqual(brief(typo), [diag('BMS010', at.line, at.character, at.line, at.character + 5)]);
    assert.equal(typo[0].severity, 1);
    assert.equal(typo[0].source, 'bms-license');
    assert.deepEqual(typo[0].codeDescription, { href: 'https://github.com/bms-tools/bms-license-workbench#bms010' });
    assert.match(String(typo[0].message), /no server 'as-99'/);
    const fixed = await client.change('plan.bms.yaml', [{ range: range(at.line, at.character + 3, at.line, at.character + 5), text: '01' }]);
    assert.deepEqual(fixed, []);
  });

  it('reports syntax and schema errors on the exact node, and the rest of the file is still checked', async () => {
    const text = PLAN.replace('quantity: 5 }', 'quantity: five }').replace('server: as-02', 'server: as-77');
    const ds = await client.open('plan.bms.yaml', text);
    const q = positionOf(text, 'five');
    const s = positionOf(text, 'as-77');
    assert.deepEqual(brief(ds), [diag('BMS010', s.line, s.character, s.line, s.character + 5), diag('BMS002', q.line, q.character, q.line, q.character + 4)]);
    const broken = await client.change('plan.bms.yaml', [{ range: range(2, 0, 2, 0), text: 'x: [\n' }]);
    assert.ok(broken.some((d) => d.code === 'BMS001'), JSON.stringify(broken));
  });

  it('carries related information where a rule involves two places (over-allocation)', async () => {
    const text = PLAN.replace('quantity: 3, expires', 'quantity: 1, expires');
    const ds = await client.open('plan.bms.yaml', text);
    const over = ds.find((d) => d.code === 'BMS021');
    assert.ok(over, JSON.stringify(ds));
    assert.equal(over.relatedInformation?.length, 2);
    assert.equal(over.relatedInformation![0].location.uri, client.uri('plan.bms.yaml'));
  });

  it('editing a Site re-validates the plans for it, and only those', async () => {
    await client.open('plan.bms.yaml', PLAN);
    await client.open('site.bms.yaml', SITE);
    const mark = client.published.length;
    const planUri = client.uri('plan.bms.yaml');
    const planUpdate = client.nextDiagnostics(planUri, (p) => p.diagnostics.length > 0);
    const at = positionOf(SITE, 'as-02');
    await client.change('site.bms.yaml', [{ range: range(at.line, at.character, at.line, at.character + 5), text: 'as-09' }]);
    const plan = await planUpdate;
    const ref = positionOf(PLAN, 'as-02');
    assert.deepEqual(brief(plan.diagnostics), [diag('BMS010', ref.line, ref.character, ref.line, ref.character + 5)]);
    assert.equal(typeof plan.diagnostics[0].data?.suggestion, 'string');
    // A second edit: once its diagnostics arrive, anything the first edit published has arrived too.
    await client.change('site.bms.yaml', [{ range: range(0, 0, 0, 0), text: '# topology\n' }]);
    const since = client.published.slice(mark).map((p) => p.uri);
    assert.ok(!since.includes(client.uri('south-plan.bms.yaml')), since.join('\n'));
    assert.ok(!since.includes(client.uri('south.bms.yaml')));
  });

  it('a file changed on disk is re-read, and a deleted site turns its plan red', async () => {
    await client.open('plan.bms.yaml', PLAN);
    const planUri = client.uri('plan.bms.yaml');
    const next = client.nextDiagnostics(planUri, (p) => p.diagnostics.some((d) => d.code === 'BMS013'));
    const { rmSync } = await import('node:fs');
    rmSync(`${client.folder}/site.bms.yaml`);
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('site.bms.yaml'), type: 3 }] });
    const p = await next;
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['BMS013']);
  });

  it('closing an edited file without saving goes back to the file on disk', async () => {
    await client.open('site.bms.yaml', SITE);
    const broken = await client.change('site.bms.yaml', [{ range: range(13, 4, 13, 6), text: 'ids' }]);
    assert.ok(broken.length > 0);
    const back = client.nextDiagnostics(client.uri('site.bms.yaml'), (p) => p.diagnostics.length === 0);
    await client.rpc.sendNotification('textDocument/didClose', { textDocument: { uri: client.uri('site.bms.yaml') } });
    await back;
    const gone = client.nextDiagnostics(client.uri('scratch.bms.yaml'), (p) => p.diagnostics.length === 0);
    assert.ok((await client.open('scratch.bms.yaml', 'kind: Nothing\n')).length > 0);
    await client.rpc.sendNotification('textDocument/didClose', { textDocument: { uri: client.uri('scratch.bms.yaml') } });
    await gone;
  });

  it('a repair budget used up in the ledger shows on the plan (BMS061), also when the ledger changes later', async () => {
    await client.open('plan.bms.yaml', PLAN);
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const repairs = [5, 50, 100, 200].map((n) => JSON.stringify({ at: day(n), op: 'repair', site: 'north', target: 'as-01', transaction: 'T-1', by: 'jsmith' })).join('\n') + '\n';
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${client.folder}/north.ledger.jsonl`, repairs);
    const next = client.nextDiagnostics(client.uri('plan.bms.yaml'), (p) => p.diagnostics.length > 0);
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('north.ledger.jsonl'), type: 1 }] });
    const at = positionOf(PLAN, 'as-01');
    assert.deepEqual(brief((await next).diagnostics), [diag('BMS061', at.line, at.character, at.line, at.character + 5)]);
  });

  it('a License Server found down by the last usage refresh shows on its address (BMS082) once the reading is cached', async () => {
    const reading = await importLmstat(`${__dirname}/../unit/lmstat/fixtures/15-lmgrd-not-running-96.txt`);
    assert.ok(reading.ok);
    const next = client.nextDiagnostics(client.uri('site.bms.yaml'), (p) => p.diagnostics.some((d) => d.code === 'BMS082'));
    const written = await writeUsage(client.folder, toCachedUsage(reading.value, { site: 'north', licenseServer: 'ls-main', address: '@localhost' }));
    assert.ok(written.ok);
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(usageFile(client.folder, 'north', 'ls-main')).href, type: 1 }] });
    const down = (await next).diagnostics.filter((d) => d.code === 'BMS082');
    const at = positionOf(SITE, '"@localhost"');
    assert.deepEqual(brief(down), [diag('BMS082', at.line, at.character, at.line, at.character + '"@localhost"'.length)]);
    assert.match(String(down[0].message), /-96/);
  });

  it('a ledger with conflict markers and a doubled event: BMS065 and BMS062 on its lines, cleared once it is resolved', async () => {
    const event = JSON.stringify({ at: '2026-11-23T10:15:00Z', op: 'activate', site: 'north', target: 'as-01', activationId: 'ACT-1', quantity: 1, transaction: 'T-1', by: 'anna' });
    const { writeFileSync } = await import('node:fs');
    const ledger = client.uri('north.ledger.jsonl');
    const found = client.nextDiagnostics(ledger, (p) => p.diagnostics.length > 0);
    writeFileSync(`${client.folder}/north.ledger.jsonl`, ['<<<<<<< HEAD', event, '=======', event, '>>>>>>> anna', ''].join('\n'));
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ledger, type: 1 }] });
    const shown = (await found).diagnostics;
    assert.deepEqual(shown.map((d) => `${d.code}@${d.range.start.line}`), ['BMS065@0', 'BMS065@2', 'BMS062@3', 'BMS065@4']);
    assert.match(String(shown[0]!.message), /git conflict marker: keep/);
    const cleared = client.nextDiagnostics(ledger, (p) => p.diagnostics.length === 0);
    writeFileSync(`${client.folder}/north.ledger.jsonl`, `${event}\n`);
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ledger, type: 2 }] });
    await cleared;
  });
});
