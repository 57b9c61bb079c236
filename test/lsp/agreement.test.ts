// The editor and the CLI agree: with the files of generated workspaces opened in the language server in
// seeded orders and edited, every file's findings (code, line, severity) equal a fresh `bmslicense validate`.
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { runCli } from '../../src/cli/main';
import { toCachedUsage, writeUsage } from '../../src/engine/lmstat/cache';
import { importLmstat } from '../../src/engine/lmstat/source';
import { editText, generateWorkspace, Seeded, type GeneratedWorkspace } from './generatedWorkspace';
import { TestClient } from './harness';

const ROOT = path.resolve(__dirname, '../..');
const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** `file: line severity code` lines of one side, sorted, files with no finding left out. */
type Findings = Map<string, string[]>;

async function cliFindings(folder: string): Promise<Findings> {
  let out = '';
  let err = '';
  const code = await runCli(['validate', '.', '--format', 'json'], { cwd: folder, env: {}, out: (t) => void (out += t), err: (t) => void (err += t) });
  assert.ok(code === 0 || code === 1, `validate exited ${code}: ${err}`);
  const byFile: Findings = new Map();
  for (const d of JSON.parse(out).diagnostics as { file: string; line: number; severity: string; code: string }[]) {
    const file = d.file.split(path.sep).join('/');
    byFile.set(file, [...(byFile.get(file) ?? []), `${d.line} ${d.severity} ${d.code}`]);
  }
  for (const list of byFile.values()) list.sort();
  return byFile;
}

/** How VS Code spells a file's uri: every character but A-Z a-z 0-9 - . _ ~ / percent-encoded. */
function vscodeUri(client: TestClient, name: string): string {
  const p = path.join(client.folder, name);
  return `file://${[...p].map((ch) => (/[A-Za-z0-9\-._~/]/.test(ch) ? ch : [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''))).join('')}`;
}

function editorFindings(client: TestClient, names: string[]): Findings {
  const last = new Map<string, Diagnostic[]>();
  for (const p of client.published) last.set(p.uri, p.diagnostics);
  const out: Findings = new Map();
  for (const name of names) {
    const ds = last.get(vscodeUri(client, name)) ?? [];
    if (ds.length) out.set(name, ds.map((d) => `${d.range.start.line + 1} ${SEVERITY[d.severity ?? 1]} ${String(d.code)}`).sort());
  }
  return out;
}

function same(a: Findings, b: Findings): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (JSON.stringify(b.get(k)) !== JSON.stringify(v)) return false;
  return true;
}

/** `a` less `b`, counting repeats. */
function minus(a: string[], b: string[]): string[] {
  const left = [...b];
  return a.filter((d) => {
    const i = left.indexOf(d);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/** Per file, what only the editor shows (+) and what only the CLI shows (-). */
function difference(editor: Findings, cli: Findings): string {
  const out: string[] = [];
  for (const file of [...new Set([...editor.keys(), ...cli.keys()])].sort()) {
    const a = editor.get(file) ?? [];
    const b = cli.get(file) ?? [];
    const lines = [...minus(a, b).map((d) => `    + ${d}`), ...minus(b, a).map((d) => `    - ${d}`)];
    if (lines.length) out.push(`  ${file}`, ...lines);
  }
  return out.join('\n');
}

/** Waits until the editor's latest findings equal the CLI's (the server publishes each file once it is checked). */
async function agree(client: TestClient, names: string[], step: string): Promise<void> {
  const expected = await cliFindings(client.folder);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const actual = editorFindings(client, names);
    if (same(actual, expected)) return;
    if (Date.now() > deadline || client.exited) assert.fail(`${step}: the editor (+) and bmslicense validate (-) disagree\n${difference(actual, expected)}`);
    await client.anyPublished(50);
  }
}

/** One incremental change that turns `before` into `after` (the span between their common prefix and suffix). */
function change(before: string, after: string): TextDocumentContentChangeEvent {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const at = (offset: number) => {
    const lines = before.slice(0, offset).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  return { range: { start: at(start), end: at(before.length - end) }, text: after.slice(start, after.length - end) };
}

async function writeWorkspace(folder: string, ws: GeneratedWorkspace, r: Seeded): Promise<void> {
  for (const [name, text] of ws.files) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  // A License Server usage reading for one site below 7.0 (BMS080-082 read it from .bmslicense/lmstat/).
  const withLs = ws.sites.filter((s) => s.licenseServers.length > 0);
  if (withLs.length) {
    const site = r.pick(withLs);
    const reading = await importLmstat(path.join(ROOT, 'test/unit/lmstat/fixtures/15-lmgrd-not-running-96.txt'));
    assert.ok(reading.ok);
    assert.ok((await writeUsage(folder, toCachedUsage(reading.value, { site: site.name, licenseServer: site.licenseServers[0], address: '@localhost' }))).ok);
  }
}

describe('the editor and the CLI agree on generated workspaces, file by file', function () {
  this.timeout(120_000);

  // 4 workspaces × 6 sites: 24 sites of EBO 3.3–7.1, 1–3 plans each, most with ledgers.
  for (const seed of [11, 23, 37, 53]) {
    it(`workspace ${seed}: files opened in a seeded order, edited, a ledger appended`, async () => {
      const r = new Seeded(seed * 7919);
      const ws = generateWorkspace(seed, 6);
      const client = new TestClient();
      try {
        await writeWorkspace(client.folder, ws, r);
        const bms = ws.sites.flatMap((s) => s.files);
        const names = [...bms, ...ws.sites.map((s) => s.ledger)];
        await client.start();
        await agree(client, names, 'on disk');
        const texts = new Map(bms.map((n) => [n, ws.files.get(n)!]));
        const order = r.shuffle(bms);
        for (const name of order) {
          await client.open(name, texts.get(name)!, vscodeUri(client, name));
          await agree(client, names, `opened ${name}`);
        }
        for (let i = 0; i < 12; i++) {
          const name = r.pick(order);
          const before = texts.get(name)!;
          const after = editText(before, r);
          if (after === before) continue;
          texts.set(name, after);
          writeFileSync(path.join(client.folder, name), after);
          await client.change(name, [change(before, after)], vscodeUri(client, name));
          await agree(client, names, `edit ${i} of ${name}`);
        }
        // A repair recorded on disk: the watched-file event makes the server read the ledger again.
        const site = ws.sites.find((s) => ws.files.has(s.ledger)) ?? ws.sites[0];
        const repair = { at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), op: 'repair', site: site.name, target: 'es-1', transaction: 'T-late', by: 'gen' };
        writeFileSync(path.join(client.folder, site.ledger), `${ws.files.get(site.ledger) ?? ''}${JSON.stringify(repair)}\n`);
        await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: vscodeUri(client, site.ledger), type: ws.files.has(site.ledger) ? 2 : 1 }] });
        await agree(client, names, 'ledger appended');
      } finally {
        await client.stop();
      }
    });
  }

  it('the generated sites are varied: versions, Enterprise Centrals, several plans, ledgers, clean and flawed', async () => {
    const sites = [11, 23, 37, 53].flatMap((seed) => {
      const ws = generateWorkspace(seed, 6);
      return ws.sites.map((s) => ({ ...s, text: ws.files.get(s.files[0])!, ledger: ws.files.get(s.ledger) }));
    });
    assert.ok(sites.length >= 20);
    const versions = new Set(sites.map((s) => /version: "(\d)/.exec(s.text)![1]));
    assert.ok(versions.size >= 4, `versions ${[...versions]}`);
    assert.ok(sites.some((s) => s.text.includes('enterprise-central')));
    assert.ok(sites.some((s) => s.files.length >= 3));
    assert.ok(sites.filter((s) => s.ledger).length >= 10);
    assert.ok(sites.some((s) => s.text.includes('mp-controller')));
  });
});
