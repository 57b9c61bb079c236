// `npm run bench:lsp`: the language server on a 2,000-server site and a 10,000-assignment plan (~1 MB), started
// as the extension starts it (default settings, debounce included; BENCH_DEBOUNCE_MS=n for a special one, labelled),
// in both sync styles (BENCH_SYNC=incremental|full for one). Prints JSON: open → diagnostics, edit → diagnostics
// (median, p95 over 20 edits, each after a pause of BENCH_PAUSE_MS, default 150), the server's CPU time per edit and
// peak RSS, and the floor: one whole `yaml` parse + compiled ajv validation of the same text, in this process.
import { parseAllDocuments } from 'yaml';
import { validatorFor } from '../src/engine/schema/schemas';
import { TestClient } from '../test/lsp/harness';
import { planText, siteText } from './lspWorkload';
import { measureYamlLanguageServer } from './lspYaml';
import { change, machine, pause, percentile, serverCpuMs, serverOptions, settingsLabel, SYNC_STYLES, type SyncStyle } from './userEdits';

const EDITS = 20;
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 150);

function floor(text: string): number {
  const start = performance.now();
  const [doc] = parseAllDocuments(text);
  validatorFor('LicensePlan')((doc as { toJS(): unknown }).toJS());
  return performance.now() - start;
}

async function measure(site: string, plan: string, sync: SyncStyle): Promise<Record<string, unknown>> {
  // BMS_LSP_PROFILE=dir writes the server's CPU profile there (node --cpu-prof).
  const profile = process.env.BMS_LSP_PROFILE;
  const client = new TestClient({ 'site.bms.yaml': site }, serverOptions(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []));
  await client.start(['site.bms.yaml']);

  let t = performance.now();
  const opened = await client.open('plan.bms.yaml', plan);
  const openMs = performance.now() - t;
  if (opened.length !== 0) throw new Error(`the generated plan should be clean, got ${opened.length} diagnostics: ${opened[0].message}`);

  const lines = plan.split('\n');
  const asGenerated = plan.split('\n');
  const editMs: number[] = [];
  const cpuBefore = serverCpuMs(client.pid);
  for (let i = 0; i < EDITS; i++) {
    // Edit an assignment near the middle (then put it back): an unknown server appears, then clears.
    const line = 8_000 + Math.floor(i / 2) * 397;
    const target = /server: (as-\d+)/.exec(asGenerated[line])![1];
    const col = asGenerated[line].indexOf(target);
    const breaking = i % 2 === 0;
    const text = breaking ? 'as-x' + target.slice(4) : target;
    const changes = change(sync, lines, line, asGenerated[line].slice(0, col) + text + asGenerated[line].slice(col + target.length));
    if (PAUSE_MS > 0) await pause(PAUSE_MS);
    t = performance.now();
    const ds = await client.change('plan.bms.yaml', changes);
    editMs.push(performance.now() - t);
    const shown = ds.some((d) => d.code === 'BMS010' && d.range.start.line === line);
    if (shown !== breaking || (!breaking && ds.length !== 0)) throw new Error(`edit ${i}: expected the error to ${breaking ? 'show' : 'clear'}, got ${JSON.stringify(ds.slice(0, 2))}`);
  }
  const cpuMs = serverCpuMs(client.pid) - cpuBefore;
  const rss = client.peakRssMiB();
  await client.stop();
  return {
    sync,
    openToDiagnosticsMs: Math.round(openMs),
    editToDiagnosticsMs: { median: Math.round(percentile(editMs, 50)), p95: Math.round(percentile(editMs, 95)), first: Math.round(editMs[0]), all: editMs.map(Math.round) },
    serverCpuMsPerEdit: Math.round((cpuMs / EDITS) * 10) / 10,
    serverPeakRssMiB: Math.round(rss),
  };
}

async function main(): Promise<void> {
  const site = siteText();
  const plan = planText();
  const lines = plan.split('\n');
  const runs = [];
  for (const sync of SYNC_STYLES) runs.push(await measure(site, plan, sync));
  const floors = [floor(plan), floor(plan), floor(plan)];
  const yls = process.env.YAML_LANGUAGE_SERVER;
  const other = yls ? await measureYamlLanguageServer(yls, site, plan, EDITS) : undefined;
  console.log(
    JSON.stringify(
      {
        // Timings depend on what else runs: the machine's state at the end of the run.
        machine: machine(),
        settings: settingsLabel(),
        file: { bytes: Buffer.byteLength(plan), lines: lines.length, servers: site.split('\n').filter((l) => l.includes('id: ')).length, assignments: lines.filter((l) => l.includes('activationId:') && l.includes('server:')).length },
        runs,
        floorMs: { first: Math.round(floors[0]), warm: Math.round(Math.min(...floors.slice(1))) },
        targets: { editMedianMs: 30, editP95Ms: 60, openMs: '<= 0.5x floor', rssMiB: 300 },
        yamlLanguageServer: other
          ? {
              openToDiagnosticsMs: Math.round(other.openToDiagnosticsMs),
              editToDiagnosticsMs: { median: Math.round(percentile(other.editMs, 50)), p95: Math.round(percentile(other.editMs, 95)) },
              serverPeakRssMiB: Math.round(other.peakRssMiB),
            }
          : 'not measured: set YAML_LANGUAGE_SERVER to yaml-language-server 2.0.0 bin/yaml-language-server',
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
