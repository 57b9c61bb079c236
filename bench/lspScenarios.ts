// `npm run bench:edits`: the language server on generated workloads (bench/workload/), started as the extension
// starts it (forked over IPC, its node flags, the settings' defaults: debounce included), every kind of edit, in
// both sync styles (incremental range changes as VS Code sends them, and the whole text as other clients may).
// Prints JSON per workload and sync style: open → first diagnostics against the floor (one `yaml` parse + ajv: warm
// in this process, and the first run in a fresh one, schema compile included: bench/floorFirst.ts); edit →
// diagnostics (median, p95, the first edit after opening) for an assignment, an entitlement's quantity, a comment,
// a server id renamed in the site file (until the plan shows it) and a server's host and type (until the site and
// the plan are re-published); a typing burst (10 keystrokes 30 ms apart: last keystroke → final diagnostics, and
// how many times the server checked the plan); the server's CPU time per edit and peak RSS; the machine's load.
// Each single edit is sent after a pause of BENCH_PAUSE_MS (default 150: the engineer looks at the result) once the
// server has published every file the last edit affected; BENCH_PAUSE_MS=0 sends it at once (then it may count as
// typing, which the server coalesces). BENCH_BACK_TO_BACK=1: plan edits without waiting for the site either.
// BENCH_WORKLOAD=name picks workloads, BENCH_SCENARIOS=assignment,quantity,comment,rename,host,burst some edits,
// BENCH_SYNC=incremental|full one style, BENCH_DEBOUNCE_MS=n a special debounce (labelled), BENCH_EDITS=n.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { validatorFor } from '../src/engine/schema/schemas';
import { TestClient } from '../test/lsp/harness';
import { change, machine, pause, percentile, serverCpuMs, serverOptions, settingsLabel, SYNC_STYLES, type SyncStyle } from './userEdits';
import { harnessShaped, small, workloads, type Workload } from './workload/workloads';

const EDITS = Number(process.env.BENCH_EDITS ?? 20);
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 150);
const KEYSTROKES = 10;
const KEYSTROKE_GAP_MS = 30;
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

// BENCH_ALL=1 adds every edit's time in order (the first edits after open pay for V8 optimizing the edit path).
const figures = (ms: number[], cpuMs: number) =>
  ms.length ? { median: Math.round(percentile(ms, 50)), p95: Math.round(percentile(ms, 95)), first: Math.round(ms[0]), serverCpuMsPerEdit: Math.round((cpuMs / ms.length) * 10) / 10, ...(process.env.BENCH_ALL ? { all: ms.map(Math.round) } : {}) } : 'not run';
const count = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code).length;
/** The i-th pair's item of a list, spread over the whole file (edit i breaks, edit i+1 puts it back). */
const spread = <T>(list: T[], i: number): T => list[Math.floor(((0.37 + 0.618034 * (i >> 1)) % 1) * list.length)];

async function measure(w: Workload, sync: SyncStyle): Promise<Record<string, unknown>> {
  const profile = process.env.BMS_LSP_PROFILE;
  const client = new TestClient({ 'site.bms.yaml': w.site.text }, serverOptions(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []));
  await client.start(['site.bms.yaml']);
  const planUri = client.uri('plan.bms.yaml');
  const siteUri = client.uri('site.bms.yaml');
  const cpu = () => serverCpuMs(client.pid);
  const t = performance.now();
  const siteAgain = client.nextDiagnostics(siteUri);
  const opened = await client.open('plan.bms.yaml', w.plan.text);
  const openMs = performance.now() - t;
  const siteDs = (await siteAgain).diagnostics;
  // The engineer looks at the opened file before the first keystroke, as between edits.
  if (PAUSE_MS > 0) await pause(PAUSE_MS);
  const found = { ...Object.fromEntries(Object.keys(w.findings).map((c) => [c, count(opened, c) + count(siteDs, c)])) };
  if (JSON.stringify(found) !== JSON.stringify(w.findings) || opened.length !== (w.findings.BMS020 ?? 0)) throw new Error(`${w.name}: expected ${JSON.stringify(w.findings)}, got ${opened.length} plan diagnostics (${opened[0]?.message}), ${JSON.stringify(found)}`);

  const plan = w.plan.text.split('\n');
  /** Plan edits: the time until the plan's diagnostics arrive. The site's findings depend on the plan, so the
   * server re-publishes the site after it; the next edit waits for that (untimed), as the site edits below wait
   * for the plan, then for the engineer's pause. */
  const planEdits = async (count: number, edit: (i: number) => Promise<void>) => {
    const ms: number[] = [];
    const cpuBefore = cpu();
    for (let i = 0; i < count; i++) {
      const siteAgain = process.env.BENCH_BACK_TO_BACK ? undefined : client.nextDiagnostics(siteUri);
      const start = performance.now();
      await edit(i);
      ms.push(performance.now() - start);
      await siteAgain;
      if (PAUSE_MS > 0) await pause(PAUSE_MS);
    }
    return figures(ms, cpu() - cpuBefore);
  };
  const lineEdit = (lines: string[], line: number, f: (l: string) => string) => change(sync, lines, line, f(lines[line]));
  const assignment = await planEdits(edits('assignment'), async (i) => {
    const line = spread(w.plan.targetLines, i);
    const breaking = i % 2 === 0;
    const ds = await client.change('plan.bms.yaml', lineEdit(plan, line, (l) => (breaking ? l.replace('server: ', 'server: x') : l.replace('server: x', 'server: '))));
    if (ds.some((d) => d.code === 'BMS010' && d.range.start.line === line) !== breaking) throw new Error(`${w.name}: assignment edit ${i} not shown`);
  });
  const quantity = await planEdits(edits('quantity'), async (i) => {
    const q = spread(w.plan.quantityLines, i);
    const breaking = i % 2 === 0;
    const ds = await client.change('plan.bms.yaml', lineEdit(plan, q.line, (l) => l.replace(/quantity: \d+/, `quantity: ${breaking ? q.assigned - 1 : q.assigned}`)));
    if (ds.some((d) => d.code === 'BMS021' && d.range.start.line === q.line) !== breaking) throw new Error(`${w.name}: quantity edit ${i} not shown`);
  });
  const comments = plan.flatMap((l, i) => (/^\s*#/.test(l) ? [i] : []));
  const comment = await planEdits(comments.length ? edits('comment') : 0, async (i) => {
    const line = spread(comments, i);
    const ds = await client.change('plan.bms.yaml', lineEdit(plan, line, (l) => (i % 2 === 0 ? l.replace('#', '# (checked)') : l.replace('# (checked)', '#'))));
    if (ds.length !== (w.findings.BMS020 ?? 0)) throw new Error(`${w.name}: comment edit ${i} changed the findings`);
  });

  // A typing burst: 10 keystrokes 30 ms apart into a server id (then 10 backspaces): last keystroke → the final
  // version's diagnostics, and how many times the server published the plan for the burst (one check each).
  const burst: { ms: number; checks: number }[] = [];
  for (let b = 0; b < (edits('burst') ? Math.max(2, Math.round(EDITS / 4)) : 0); b++) {
    const line = spread(w.plan.targetLines, b);
    const typing = b % 2 === 0;
    const col = /server: [a-z0-9-]+/.exec(plan[line])!.index + 'server: '.length;
    const id = /server: ([a-z0-9-]+)/.exec(plan[line])![1];
    const first = client.published.length;
    const siteAgain = client.nextDiagnostics(siteUri);
    const original = plan[line];
    let lastVersion = 0;
    let lastSent = 0;
    const start = performance.now();
    for (let k = 0; k < KEYSTROKES; k++) {
      await pause(Math.max(0, start + k * KEYSTROKE_GAP_MS - performance.now()));
      // Typing '-renamed-x' after the id, then deleting it from the end.
      const end = col + id.length;
      const text = typing ? original.slice(0, end) + '-renamed-x'.slice(0, k + 1) + original.slice(end) : original.slice(0, end - 1 - k) + original.slice(end);
      lastSent = performance.now();
      lastVersion = await client.changeNoWait('plan.bms.yaml', change(sync, plan, line, text));
    }
    const final = await client.nextDiagnostics(planUri, (p) => p.version === lastVersion);
    burst.push({ ms: performance.now() - lastSent, checks: client.published.slice(first).filter((p) => p.uri === planUri).length });
    if (final.diagnostics.some((d) => d.code === 'BMS010' && d.range.start.line === line) !== typing) throw new Error(`${w.name}: burst ${b} not shown`);
    await siteAgain;
    await pause(Math.max(PAUSE_MS, 150));
  }

  await client.open('site.bms.yaml', w.site.text);
  const site = w.site.text.split('\n');
  const named = new Set(plan.flatMap((l) => /server: ([a-z0-9-]+)/.exec(l)?.[1] ?? []));
  const servers = w.site.servers.filter((s) => s.type.startsWith('as-') && named.has(s.id));
  const rename: number[] = [];
  let cpuBefore = cpu();
  for (let i = 0; i < edits('rename'); i++) {
    const s = spread(servers, i);
    const breaking = i % 2 === 0;
    const planShows = client.nextDiagnostics(planUri, (p) => p.diagnostics.some((d) => d.code === 'BMS010' && String(d.message).includes(`'${s.id}'`)) === breaking);
    const start = performance.now();
    await client.change('site.bms.yaml', lineEdit(site, s.line, (l) => (breaking ? l.replace(`id: ${s.id}`, `id: ${s.id}-old`) : l.replace(`id: ${s.id}-old`, `id: ${s.id}`))));
    await planShows;
    rename.push(performance.now() - start);
    if (PAUSE_MS > 0) await pause(PAUSE_MS);
  }
  const renameFigures = figures(rename, cpu() - cpuBefore);
  const host: number[] = [];
  const hostAndPlan: number[] = [];
  cpuBefore = cpu();
  for (let i = 0; i < edits('host'); i++) {
    const s = spread(servers, i + 1);
    const line = site[s.line].includes('host:') ? s.line : s.line + 2;
    // A type edit may change the plan's findings, so the server re-publishes it; a host edit need not.
    const planAgain = client.nextDiagnostics(planUri, () => true, 2000).catch(() => undefined);
    const other = s.type === 'as-b' ? 'as-p' : 'as-b';
    const edit = i % 4 < 2 ? (l: string) => (i % 2 === 0 ? l.replace('host: ', 'host: h') : l.replace('host: h', 'host: ')) : (l: string) => (i % 2 === 0 ? l.replace(`type: ${s.type}`, `type: ${other}`) : l.replace(`type: ${other}`, `type: ${s.type}`));
    const typeLine = i % 4 < 2 ? line : site[s.line].includes('type:') ? s.line : s.line + 1;
    const start = performance.now();
    await client.change('site.bms.yaml', lineEdit(site, typeLine, edit));
    host.push(performance.now() - start);
    if (await planAgain) hostAndPlan.push(performance.now() - start);
    if (PAUSE_MS > 0) await pause(PAUSE_MS);
  }
  const hostCpu = cpu() - cpuBefore;
  const rss = client.peakRssMiB();
  const warmUp = client.logs.filter((l) => l.startsWith('Edit path warmed up') || l.startsWith('Garbage collected'));
  await client.stop();
  // The usual case in VS Code: the plan is a file of the workspace, read and checked when the server starts;
  // opening it in the editor then finds the same text. (Above, the plan is not on disk: a full check on open.)
  const inWorkspace = new TestClient({ 'site.bms.yaml': w.site.text, 'plan.bms.yaml': w.plan.text }, serverOptions());
  const started = performance.now();
  await inWorkspace.start(['site.bms.yaml', 'plan.bms.yaml']);
  const startToDiagnosticsMs = performance.now() - started;
  const opening = performance.now();
  await inWorkspace.open('plan.bms.yaml', w.plan.text);
  const openInWorkspaceMs = performance.now() - opening;
  await inWorkspace.stop();
  const floors = [floor(w.plan.text), floor(w.plan.text), floor(w.plan.text)];
  const floorMs = Math.min(...floors);
  const firstFloorMs = floorFirst(w.plan.text);
  return {
    workload: w.name,
    sync,
    plan: { bytes: Buffer.byteLength(w.plan.text), lines: plan.length, assignments: w.plan.targetLines.length, products: w.plan.quantityLines.length },
    site: { bytes: Buffer.byteLength(w.site.text), servers: w.site.servers.length, licenseServers: w.site.licenseServers.length },
    openToDiagnosticsMs: Math.round(openMs),
    planInWorkspace: { serverStartToDiagnosticsMs: Math.round(startToDiagnosticsMs), openToDiagnosticsMs: Math.round(openInWorkspaceMs) },
    floorMs: Math.round(floorMs),
    openToFloor: Math.round((openMs / floorMs) * 100) / 100,
    floorFirstRunMs: Math.round(firstFloorMs),
    openToFloorFirstRun: Math.round((openMs / firstFloorMs) * 100) / 100,
    editToDiagnosticsMs: {
      assignment,
      entitlementQuantity: quantity,
      comment,
      siteRenameUntilPlanShows: renameFigures,
      siteHostOrType: figures(host, hostCpu),
      siteHostOrTypeUntilPlanRepublished: figures(hostAndPlan, hostCpu),
    },
    typingBurst: burst.length
      ? { keystrokes: KEYSTROKES, gapMs: KEYSTROKE_GAP_MS, lastKeystrokeToDiagnosticsMs: { median: Math.round(percentile(burst.map((b) => b.ms), 50)), max: Math.round(Math.max(...burst.map((b) => b.ms))) }, checksPerBurst: { median: percentile(burst.map((b) => b.checks), 50), max: Math.max(...burst.map((b) => b.checks)) } }
      : 'not run',
    serverPeakRssMiB: Math.round(rss),
    serverWarmUp: warmUp ?? 'not logged',
  };
}

async function main(): Promise<void> {
  const only = process.env.BENCH_WORKLOAD;
  const results = [];
  const loadBefore = machine().loadAverage;
  for (const w of [harnessShaped(), small(), ...workloads()]) if (!only || w.name.includes(only)) for (const sync of SYNC_STYLES) results.push(await measure(w, sync));
  console.log(
    JSON.stringify(
      {
        machine: { ...machine(), loadAverageAtStart: loadBefore },
        settings: settingsLabel(),
        edits: EDITS,
        singleEdits: `each after the files the last one affected are re-published${process.env.BENCH_BACK_TO_BACK ? ' (plan edits: back to back)' : ''}, then a pause of ${PAUSE_MS} ms`,
        targets: { editMedianMs: 30, editP95Ms: 60, firstEditMs: 60, burstLastKeystrokeMs: 60, burstChecks: 3, siteEditMedianMs: 50, openToFloor: 0.5, rssMiB: 300 },
        results,
      },
      null,
      2,
    ),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
