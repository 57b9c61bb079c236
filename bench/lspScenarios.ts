// `npm run bench:edits`: the language server on generated workloads (bench/workload/), every kind of edit.
// Prints JSON per workload: open → first diagnostics against the floor (one `yaml` parse + ajv: warm in
// this process, and the first run in a fresh one, schema compile included: bench/floorFirst.ts), and edit → diagnostics (median, p95) for an assignment, an entitlement quantity, a server id
// renamed in the site file (until the plan shows it) and a server's host and type (until the site and
// the plan are re-published), each edit sent once the server has published every file the last one affected
// (BENCH_BACK_TO_BACK=1: plan edits without that wait); the server's peak RSS (BENCH_SCENARIOS=assignment,quantity,rename,host picks some); the machine's load (timings depend on it).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { parseAllDocuments } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { validatorFor } from '../src/engine/schema/schemas';
import { TestClient } from '../test/lsp/harness';
import { workloads, type Workload } from './workload/workloads';

const EDITS = Number(process.env.BENCH_EDITS ?? 20);
/** `BENCH_SCENARIOS=quantity,rename`: only those kinds of edit (for a CPU profile of one). */
const SCENARIOS = process.env.BENCH_SCENARIOS?.split(',');
const edits = (scenario: string) => (!SCENARIOS || SCENARIOS.includes(scenario) ? EDITS : 0);

function floor(text: string): number {
  const start = performance.now();
  const [doc] = parseAllDocuments(text);
  validatorFor('LicensePlan')((doc as { toJS(): unknown }).toJS());
  return performance.now() - start;
}

/** The floor in a fresh process (bench/floorFirst.ts): the median of three. */
function floorFirst(text: string): number {
  const runs = [0, 1, 2].map(() => Number(spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'floorFirst.ts')], { input: text, encoding: 'utf8', cwd: join(__dirname, '..') }).stdout));
  return percentile(runs, 50);
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
// BENCH_ALL=1 adds every edit's time in order (the first edits after open pay for V8 optimizing the edit path).
const figures = (ms: number[]) => (ms.length ? { median: Math.round(percentile(ms, 50)), p95: Math.round(percentile(ms, 95)), ...(process.env.BENCH_ALL ? { all: ms.map(Math.round) } : {}) } : 'not run');
const count = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code).length;

/** One line replaced by `f(line)`, as an editor sends it. */
function lineEdit(lines: string[], line: number, f: (l: string) => string) {
  const before = lines[line];
  lines[line] = f(before);
  return [{ range: { start: { line, character: 0 }, end: { line, character: before.length } }, text: lines[line] }];
}

async function measure(w: Workload): Promise<Record<string, unknown>> {
  const profile = process.env.BMS_LSP_PROFILE;
  const client = new TestClient({ 'site.bms.yaml': w.site.text }, { nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [] });
  await client.start(['site.bms.yaml']);
  const planUri = client.uri('plan.bms.yaml');
  const siteUri = client.uri('site.bms.yaml');
  const t = performance.now();
  const siteAgain = client.nextDiagnostics(siteUri);
  const opened = await client.open('plan.bms.yaml', w.plan.text);
  const openMs = performance.now() - t;
  const siteDs = (await siteAgain).diagnostics;
  const found = { ...Object.fromEntries(Object.keys(w.findings).map((c) => [c, count(opened, c) + count(siteDs, c)])) };
  if (JSON.stringify(found) !== JSON.stringify(w.findings) || opened.length !== (w.findings.BMS020 ?? 0)) throw new Error(`${w.name}: expected ${JSON.stringify(w.findings)}, got ${opened.length} plan diagnostics (${opened[0]?.message}), ${JSON.stringify(found)}`);

  const plan = w.plan.text.split('\n');
  /** Plan edits: the time until the plan's diagnostics arrive. The site's findings depend on the plan, so the
   * server re-publishes the site after it; the next edit waits for that (untimed), as the site edits below wait
   * for the plan. BENCH_BACK_TO_BACK=1 sends each edit as soon as the plan's diagnostics arrive instead (the
   * edit then also waits for the previous edit's site). */
  const planEdits = async (count: number, edit: (i: number) => Promise<void>) => {
    const ms: number[] = [];
    for (let i = 0; i < count; i++) {
      const siteAgain = process.env.BENCH_BACK_TO_BACK ? undefined : client.nextDiagnostics(siteUri);
      const start = performance.now();
      await edit(i);
      ms.push(performance.now() - start);
      await siteAgain;
    }
    return ms;
  };
  const assignment = await planEdits(edits('assignment'), async (i) => {
    const line = w.plan.targetLines[3000 + (i >> 1) * 331];
    const breaking = i % 2 === 0;
    const ds = await client.change('plan.bms.yaml', lineEdit(plan, line, (l) => (breaking ? l.replace('server: ', 'server: x') : l.replace('server: x', 'server: '))));
    if (ds.some((d) => d.code === 'BMS010' && d.range.start.line === line) !== breaking) throw new Error(`${w.name}: assignment edit ${i} not shown`);
  });
  const quantity = await planEdits(edits('quantity'), async (i) => {
    const q = w.plan.quantityLines[200 + (i >> 1) * 41];
    const breaking = i % 2 === 0;
    const ds = await client.change('plan.bms.yaml', lineEdit(plan, q.line, (l) => l.replace(/quantity: \d+/, `quantity: ${breaking ? q.assigned - 1 : q.assigned}`)));
    if (ds.some((d) => d.code === 'BMS021' && d.range.start.line === q.line) !== breaking) throw new Error(`${w.name}: quantity edit ${i} not shown`);
  });

  await client.open('site.bms.yaml', w.site.text);
  const site = w.site.text.split('\n');
  const named = new Set(plan.flatMap((l) => /server: ([a-z0-9-]+)/.exec(l)?.[1] ?? []));
  const servers = w.site.servers.filter((s) => s.type.startsWith('as-') && named.has(s.id));
  const rename: number[] = [];
  for (let i = 0; i < edits('rename'); i++) {
    const s = servers[100 + (i >> 1) * 37];
    const breaking = i % 2 === 0;
    const planShows = client.nextDiagnostics(planUri, (p) => p.diagnostics.some((d) => d.code === 'BMS010' && String(d.message).includes(`'${s.id}'`)) === breaking);
    const start = performance.now();
    await client.change('site.bms.yaml', lineEdit(site, s.line, (l) => (breaking ? l.replace(`id: ${s.id}`, `id: ${s.id}-old`) : l.replace(`id: ${s.id}-old`, `id: ${s.id}`))));
    await planShows;
    rename.push(performance.now() - start);
  }
  const host: number[] = [];
  const hostAndPlan: number[] = [];
  for (let i = 0; i < edits('host'); i++) {
    const s = servers[300 + (i >> 1) * 29];
    const line = site[s.line].includes('host:') ? s.line : s.line + 2;
    const planAgain = client.nextDiagnostics(planUri);
    const other = s.type === 'as-b' ? 'as-p' : 'as-b';
    const edit = i % 4 < 2 ? (l: string) => (i % 2 === 0 ? l.replace('host: ', 'host: h') : l.replace('host: h', 'host: ')) : (l: string) => (i % 2 === 0 ? l.replace(`type: ${s.type}`, `type: ${other}`) : l.replace(`type: ${other}`, `type: ${s.type}`));
    const typeLine = i % 4 < 2 ? line : site[s.line].includes('type:') ? s.line : s.line + 1;
    const start = performance.now();
    await client.change('site.bms.yaml', lineEdit(site, typeLine, edit));
    host.push(performance.now() - start);
    await planAgain;
    hostAndPlan.push(performance.now() - start);
  }
  const rss = client.peakRssMiB();
  await client.stop();
  const floors = [floor(w.plan.text), floor(w.plan.text), floor(w.plan.text)];
  const floorMs = Math.min(...floors);
  const firstFloorMs = floorFirst(w.plan.text);
  return {
    workload: w.name,
    plan: { bytes: Buffer.byteLength(w.plan.text), lines: plan.length, assignments: w.plan.targetLines.length },
    site: { bytes: Buffer.byteLength(w.site.text), servers: w.site.servers.length },
    openToDiagnosticsMs: Math.round(openMs),
    floorMs: Math.round(floorMs),
    openToFloor: Math.round((openMs / floorMs) * 100) / 100,
    floorFirstRunMs: Math.round(firstFloorMs),
    openToFloorFirstRun: Math.round((openMs / firstFloorMs) * 100) / 100,
    editToDiagnosticsMs: {
      assignment: figures(assignment),
      entitlementQuantity: figures(quantity),
      siteRenameUntilPlanShows: figures(rename),
      siteHostOrType: figures(host),
      siteHostOrTypeUntilPlanRepublished: figures(hostAndPlan),
    },
    serverPeakRssMiB: Math.round(rss),
  };
}

async function main(): Promise<void> {
  const only = process.env.BENCH_WORKLOAD;
  const results = [];
  for (const w of workloads()) if (!only || w.name.includes(only)) results.push(await measure(w));
  const machine = { cpus: cpus().length, loadAverage1m: Math.round(loadavg()[0] * 10) / 10 };
  console.log(JSON.stringify({ machine, edits: EDITS, planEdits: process.env.BENCH_BACK_TO_BACK ? 'back to back' : 'each after the site is re-published', targets: { editMedianMs: 30, editP95Ms: 60, siteEditMedianMs: 50, openToFloor: 0.5 }, results }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
