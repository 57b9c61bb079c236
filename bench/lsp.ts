// `npm run bench:lsp`: the language server on a 2,000-server site and a 10,000-assignment plan (~1 MB).
// Prints JSON: open → diagnostics, edit → diagnostics (median, p95 over 20 edits), server peak RSS, and
// the floor: one whole `yaml` parse + compiled ajv validation of the same text, in this process.
import { cpus, loadavg } from 'node:os';
import { parseAllDocuments } from 'yaml';
import { validatorFor } from '../src/engine/schema/schemas';
import { TestClient } from '../test/lsp/harness';
import { planText, siteText } from './lspWorkload';
import { measureYamlLanguageServer } from './lspYaml';

const EDITS = 20;

function floor(text: string): number {
  const start = performance.now();
  const [doc] = parseAllDocuments(text);
  validatorFor('LicensePlan')((doc as { toJS(): unknown }).toJS());
  return performance.now() - start;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const site = siteText();
  const plan = planText();
  // BMS_LSP_PROFILE=dir writes the server's CPU profile there (node --cpu-prof).
  const profile = process.env.BMS_LSP_PROFILE;
  const client = new TestClient({ 'site.bms.yaml': site }, { nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [] });
  await client.start(['site.bms.yaml']);

  let t = performance.now();
  const opened = await client.open('plan.bms.yaml', plan);
  const openMs = performance.now() - t;
  if (opened.length !== 0) throw new Error(`the generated plan should be clean, got ${opened.length} diagnostics: ${opened[0].message}`);

  const lines = plan.split('\n');
  const editMs: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    // Edit an assignment near the middle (then put it back): an unknown server appears, then clears.
    const line = 8_000 + Math.floor(i / 2) * 397;
    const target = /server: (as-\d+)/.exec(lines[line])![1];
    const col = lines[line].indexOf(target);
    const breaking = i % 2 === 0;
    const text = breaking ? 'as-x' + target.slice(4) : target;
    const range = { start: { line, character: col }, end: { line, character: col + (breaking ? target.length : target.length) } };
    t = performance.now();
    const ds = await client.change('plan.bms.yaml', [{ range, text }]);
    editMs.push(performance.now() - t);
    const shown = ds.some((d) => d.code === 'BMS010' && d.range.start.line === line);
    if (shown !== breaking || (!breaking && ds.length !== 0)) throw new Error(`edit ${i}: expected the error to ${breaking ? 'show' : 'clear'}, got ${JSON.stringify(ds.slice(0, 2))}`);
  }
  const rss = client.peakRssMiB();
  await client.stop();

  const floors = [floor(plan), floor(plan), floor(plan)];
  const yls = process.env.YAML_LANGUAGE_SERVER;
  const other = yls ? await measureYamlLanguageServer(yls, site, plan, EDITS) : undefined;
  console.log(
    JSON.stringify(
      {
        // Timings depend on what else runs: the machine's state at the end of the run.
        machine: { cpus: cpus().length, loadAverage1m: Math.round(loadavg()[0] * 10) / 10 },
        file: { bytes: Buffer.byteLength(plan), lines: lines.length, servers: site.split('\n').filter((l) => l.includes('id: ')).length, assignments: lines.filter((l) => l.includes('activationId:') && l.includes('server:')).length },
        openToDiagnosticsMs: Math.round(openMs),
        editToDiagnosticsMs: { median: Math.round(percentile(editMs, 50)), p95: Math.round(percentile(editMs, 95)), all: editMs.map(Math.round) },
        serverPeakRssMiB: Math.round(rss),
        floorMs: { first: Math.round(floors[0]), warm: Math.round(Math.min(...floors.slice(1))) },
        targets: { editMedianMs: 100, openMs: '<= floor', rssMiB: 300 },
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
