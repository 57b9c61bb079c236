// Runs fuzz cases through the engine (in this process) and through the built language server (one child
// process for all cases): no exception escapes, no answer takes more than 1 s, memory stays bounded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { parseBmsText } from '../../../src/engine/load/parse';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import type { RuleFailure } from '../../../src/engine/rules';
import { validateFile } from '../../../src/engine/validate';
import { TestClient } from '../../lsp/harness';
import { fuzzCase, Rng, randomPosition, type FuzzCase, type SeedFile } from './mutate';

export const SLOW_MS = 1000;
/** No answer after this long is a hang (and the server is replaced). */
export const HANG_MS = 10_000;

export interface Finding {
  kind: 'crash' | 'hang' | 'slow';
  where: 'engine' | 'server';
  seed: number;
  n: number;
  applied: string[];
  what: string;
  ms?: number;
}

export interface FuzzReport {
  cases: number;
  crashes: number;
  hangs: number;
  slow: number;
  /** Largest RSS of this process (engine) and high-water mark of the server child, in MiB. */
  peakEngineRssMiB: number;
  peakServerRssMiB: number;
  /** Slowest single answer (engine parse+validate, or a server diagnostics/hover/completion). */
  slowestMs: number;
  seconds: number;
  findings: Finding[];
}

const ROOT = path.resolve(__dirname, '../../..');
const SITE = fs.readFileSync(path.join(ROOT, 'examples/hospital-north/site.bms.yaml'), 'utf8');
const PLAN = fs.readFileSync(path.join(ROOT, 'examples/hospital-north/plan.bms.yaml'), 'utf8');

/** The engine half: parse and validate the case in a workspace that also holds the example site and plan. */
export function engineCase(c: FuzzCase): { findings: Omit<Finding, 'seed' | 'n' | 'applied' | 'where'>[]; ms: number } {
  const index = new WorkspaceIndex();
  index.setText('file:///fuzz/site.bms.yaml', SITE);
  index.setText('file:///fuzz/plan.bms.yaml', PLAN);
  // A mutated site or plan replaces its original, so cross-file rules see the damage.
  const uri = c.base.endsWith('site.bms.yaml') ? 'file:///fuzz/site.bms.yaml' : c.base.includes('plan') ? 'file:///fuzz/plan.bms.yaml' : 'file:///fuzz/case.bms.yaml';
  const failures: RuleFailure[] = [];
  const started = performance.now();
  try {
    index.setFile(parseBmsText(uri, c.text));
    for (const f of index.allFiles()) validateFile(index, f.uri, { today: new Date('2026-11-23T00:00:00Z') }, { failures });
  } catch (e) {
    return { findings: [{ kind: 'crash', what: (e as Error).stack ?? String(e) }], ms: performance.now() - started };
  }
  const ms = performance.now() - started;
  const findings: Omit<Finding, 'seed' | 'n' | 'applied' | 'where'>[] = failures.map((f) => ({ kind: 'crash', what: `rule ${f.codes.join(',')} threw: ${(f.error as Error)?.stack ?? f.error}` }));
  if (ms > SLOW_MS) findings.push({ kind: 'slow', what: 'parse + validate', ms });
  return { findings, ms };
}


type Timed<T> = { ok: true; value: T; ms: number } | { ok: false; ms: number };

async function timed<T>(p: Promise<T>, limit = HANG_MS): Promise<Timed<T>> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const out = await Promise.race([
    p.then((value) => ({ ok: true as const, value })),
    new Promise<{ ok: false }>((r) => (timer = setTimeout(() => r({ ok: false }), limit))),
  ]);
  clearTimeout(timer);
  return { ...out, ms: performance.now() - started };
}

/** The server half: one language server child for many cases, replaced when it hangs or dies. */
export class ServerFuzz {
  private client!: TestClient;
  private errors: string[] = [];
  peakHwmMiB = 0;

  async start(): Promise<void> {
    this.client = new TestClient({ 'site.bms.yaml': SITE, 'plan.bms.yaml': PLAN });
    this.errors = [];
    // Handlers catch their own exceptions and log them: an error log line is an exception that escaped a feature.
    this.client.rpc.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1) this.errors.push(p.message);
    });
    await this.client.start(['site.bms.yaml', 'plan.bms.yaml']);
  }

  async run(c: FuzzCase): Promise<{ findings: Omit<Finding, 'seed' | 'n' | 'applied' | 'where'>[]; slowestMs: number }> {
    const findings: Omit<Finding, 'seed' | 'n' | 'applied' | 'where'>[] = [];
    const r = new Rng(c.seed ^ (c.n * 7919));
    const name = `case-${c.n}.bms.yaml`;
    const uri = this.client.uri(name);
    let slowestMs = 0;
    const step = async <T>(what: string, p: Promise<T>): Promise<boolean> => {
      const t = await timed(p);
      slowestMs = Math.max(slowestMs, t.ms);
      if (!t.ok) findings.push({ kind: 'hang', what: `${what}: no answer within ${HANG_MS / 1000} s`, ms: t.ms });
      else if (t.ms > SLOW_MS) findings.push({ kind: 'slow', what, ms: t.ms });
      return t.ok;
    };
    let text = c.text;
    let alive = await step('diagnostics after didOpen', this.client.open(name, text));
    if (alive) {
      const at = randomPosition(text, r);
      const insert = r.pick(['x', ': ', '\n- ', '"', '[', '\t', '  id: ']);
      alive = await step('diagnostics after didChange', this.client.change(name, [{ range: { start: at, end: at }, text: insert }]));
      text = applyInsert(text, at, insert);
    }
    if (alive) alive = await step('hover', this.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: randomPosition(text, r) }));
    if (alive) alive = await step('completion', this.client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: randomPosition(text, r) }));
    if (alive) await this.client.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
    this.peakHwmMiB = Math.max(this.peakHwmMiB, this.client.peakRssMiB());
    // The harness keeps every publication; a long run must not hoard them.
    this.client.published.length = 0;
    for (const e of this.errors.splice(0)) findings.push({ kind: 'crash', what: e.slice(0, 2000) });
    if (this.client.exited) findings.push({ kind: 'crash', what: `the server exited: ${this.client.stderr.slice(-2000)}` });
    if (!alive || this.client.exited) await this.restart();
    return { findings, slowestMs };
  }

  private async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    await this.client.stop();
  }
}

/** The text after inserting at an (editor) position, as the server sees it. */
function applyInsert(text: string, at: { line: number; character: number }, insert: string): string {
  const re = /\r\n|\r|\n/g;
  let offset = 0;
  for (let line = 0; line < at.line; line++) {
    const m = re.exec(text);
    if (!m) break;
    offset = m.index + m[0].length;
  }
  const end = text.slice(offset).search(/\r|\n/);
  const lineLength = end === -1 ? text.length - offset : end;
  const o = offset + Math.min(at.character, lineLength);
  return text.slice(0, o) + insert + text.slice(o);
}

export interface FuzzOptions {
  seed: number;
  cases: number;
  /** Skip the language server half (engine only). */
  engineOnly?: boolean;
  files?: SeedFile[];
  onProgress?: (done: number, report: FuzzReport) => void;
}

export async function fuzz(o: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const report: FuzzReport = { cases: 0, crashes: 0, hangs: 0, slow: 0, peakEngineRssMiB: 0, peakServerRssMiB: 0, slowestMs: 0, seconds: 0, findings: [] };
  const server = o.engineOnly ? undefined : new ServerFuzz();
  await server?.start();
  const record = (c: FuzzCase, where: Finding['where'], f: Omit<Finding, 'seed' | 'n' | 'applied' | 'where'>) => {
    report.findings.push({ ...f, where, seed: c.seed, n: c.n, applied: c.applied });
    if (f.kind === 'crash') report.crashes++;
    else if (f.kind === 'hang') report.hangs++;
    else report.slow++;
  };
  try {
    for (let n = 0; n < o.cases; n++) {
      const c = fuzzCase(o.seed, n, o.files);
      const engine = engineCase(c);
      report.slowestMs = Math.max(report.slowestMs, engine.ms);
      for (const f of engine.findings) record(c, 'engine', f);
      report.peakEngineRssMiB = Math.max(report.peakEngineRssMiB, process.memoryUsage().rss / 1048576);
      if (server) {
        const s = await server.run(c);
        report.slowestMs = Math.max(report.slowestMs, s.slowestMs);
        for (const f of s.findings) record(c, 'server', f);
      }
      report.cases++;
      o.onProgress?.(report.cases, report);
    }
  } finally {
    if (server) {
      report.peakServerRssMiB = server.peakHwmMiB;
      await server.stop();
    }
  }
  report.seconds = (performance.now() - started) / 1000;
  report.peakEngineRssMiB = Math.round(report.peakEngineRssMiB);
  report.peakServerRssMiB = Math.round(report.peakServerRssMiB);
  report.slowestMs = Math.round(report.slowestMs);
  return report;
}
