// `npx tsx bench/activation.ts` (BMS_E2E_CACHE=… as for the e2e tests; BENCH_RUNS=n, default 10): a small site
// opens at once. Each run starts a real VS Code (code-server) with the packaged extension on a fresh copy of
// examples/hospital-north (one site, one plan), opens the BMS Licenses view and waits for its first row. Then it
// reads VS Code's own logs: when the extension host activated the extension (ExtensionService#_doActivateExtension),
// when the extension logged its activation and its first rows (src/extension/extension.ts, sites.ts; "Given": when
// the tree provider answered the view's first request with them), and how long
// the first read took ("Read N site/plan file(s) … in N ms"). Prints JSON: the median of each, and the machine's load.
// Not part of `npm test` (ten workbenches take minutes); test/e2e/smoke.test.ts checks the 1 s ceiling.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activityBarItem, openWorkbench, packagedVsix, repoRoot, startCodeServer, waitForTreeRow } from '../test/e2e/harness';
import { waitForActivationTimes } from '../test/e2e/fixtures/extensionLog';
import { machine, percentile } from './userEdits';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);

async function run(vsix: string): Promise<Record<string, number | undefined>> {
  const parent = mkdtempSync(join(tmpdir(), 'bms-bench-activation-'));
  const workspace = join(parent, 'hospital-north');
  cpSync(join(repoRoot, 'examples', 'hospital-north'), workspace, { recursive: true });
  const server = await startCodeServer({ workspace, vsix });
  try {
    const workbench = await openWorkbench(server);
    try {
      const clicked = Date.now();
      await activityBarItem(workbench.page, 'BMS Licenses').click();
      await waitForTreeRow(workbench.page, 'ec-01', 'Sites');
      const rowShown = Date.now();
      const t = await waitForActivationTimes(server);
      const between = (a?: number, b?: number) => (a !== undefined && b !== undefined ? b - a : undefined);
      return {
        activationToRowsMs: between(t.hostActivation, t.firstRows),
        activationToRowsGivenMs: between(t.hostActivation, t.rowsGiven),
        activateCallToRowsGivenMs: between(t.activateCall, t.rowsGiven),
        activateCallToRowsMs: between(t.activateCall, t.firstRows),
        hostActivationToActivateCallMs: between(t.hostActivation, t.activateCall),
        firstReadMs: t.firstReadMs,
        clickToRowVisibleMs: rowShown - clicked,
      };
    } finally {
      await workbench.close();
    }
  } finally {
    await server.stop();
    rmSync(parent, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const vsix = await packagedVsix();
  const runs: Record<string, number | undefined>[] = [];
  const loadAtStart = machine().loadAverage;
  for (let i = 0; i < RUNS; i++) {
    runs.push(await run(vsix));
    process.stderr.write(`run ${i + 1}/${RUNS}: ${JSON.stringify(runs[runs.length - 1])}\n`);
  }
  const median = (key: string) => {
    const values = runs.map((r) => r[key]).filter((v): v is number => v !== undefined);
    return values.length ? Math.round(percentile(values, 50)) : 'not logged';
  };
  const keys = Object.keys(runs[0] ?? {});
  console.log(
    JSON.stringify(
      {
        machine: { ...machine(), loadAverageAtStart: loadAtStart },
        workspace: 'examples/hospital-north (one site, one plan)',
        runs: runs.length,
        medianMs: Object.fromEntries(keys.map((k) => [k, median(k)])),
        target: { activationToRowsMs: 300, e2eCeilingMs: 1000 },
        all: runs,
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
