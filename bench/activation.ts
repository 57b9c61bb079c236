// `npx tsx bench/activation.ts` (BMS_E2E_CACHE=… as for the e2e tests; BENCH_RUNS=n, default 10): a small site
// opens at once. Each run starts a real VS Code (code-server) with the packaged extension on a fresh copy of
// examples/hospital-north (one site, one plan), opens the BMS Licenses view as the workbench comes up (so VS Code
// activates the extension for the view: `onView:bmsLicense.sites`, checked in each run) and waits until the
// view shows a server of the site (ec-01). Then it reads VS Code's own logs: when the extension host activated
// the extension (ExtensionService#_doActivateExtension), and the moments the extension wrote into its own lines
// (src/extension/extension.ts, sites.ts): its bundle's first line, activate(), the first read's start, the site
// rows given to the view (the answer to its first request), the first screen given (the rows of the site it
// shows expanded too: what the engineer sees), and how long the first read took. Prints JSON: the median of
// each, and the machine's load.
// BENCH_VSIX=a.vsix,b.vsix compares packages back to back: runs alternate between them, medians per package.
// BENCH_OPEN=later opens the view once the extension is active (VS Code activated it for the folder): then the
// click → figures are what the engineer waits for, the activation → figures count the bench's wait.
// Not part of `npm test` (ten workbenches take minutes); test/e2e/smallSite.test.ts checks the 1 s ceiling.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { activityBarItem, openWorkbench, packagedVsix, repoRoot, startCodeServer, waitForTreeRow } from '../test/e2e/harness';
import { activationTimes, waitForActivationTimes } from '../test/e2e/fixtures/extensionLog';
import { machine, percentile } from './userEdits';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/**
 * BENCH_OPEN=later: the view is opened once VS Code has activated the extension for the folder
 * (`workspaceContains`) and activate() has run, as an engineer opens it after the window: click → rows.
 */
const LATER = process.env.BENCH_OPEN === 'later';

type Run = Record<string, number | string | undefined>;

/**
 * Runs in the page (a string: tsx would wrap a function in helpers the page lacks): notes in `window.__bmsRowAt`
 * when a tree row showing ec-01 first appears in the DOM.
 */
const ROW_WATCH = `(() => {
  const seen = () => [...document.querySelectorAll('.monaco-list-row')].some((row) => row.textContent.includes('ec-01'));
  const observer = new MutationObserver(() => {
    if (window.__bmsRowAt === undefined && seen()) {
      window.__bmsRowAt = Date.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
})()`;

async function run(vsix: string): Promise<Run> {
  const parent = mkdtempSync(join(tmpdir(), 'bms-bench-activation-'));
  const workspace = join(parent, 'hospital-north');
  cpSync(join(repoRoot, 'examples', 'hospital-north'), workspace, { recursive: true });
  const server = await startCodeServer({ workspace, vsix });
  try {
    const workbench = await openWorkbench(server);
    try {
      // The moment the row is in the page, seen by the page itself: Playwright's wait polls every 500 ms by then.
      await workbench.page.evaluate(ROW_WATCH);
      if (LATER) {
        for (const end = Date.now() + 60_000; activationTimes(server).activateCall === undefined; ) {
          if (Date.now() > end) throw new Error('the extension did not log its activation within 60 s');
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      const clicked = Date.now();
      await activityBarItem(workbench.page, 'BMS Licenses').click();
      const clickDone = Date.now();
      await waitForTreeRow(workbench.page, 'ec-01', 'Sites');
      const rowShown = (await workbench.page.evaluate('window.__bmsRowAt')) as number;
      const t = await waitForActivationTimes(server);
      const between = (a?: number, b?: number) => (a !== undefined && b !== undefined ? b - a : undefined);
      const bundleEnd = t.bundleStarted !== undefined && t.bundleMs !== undefined ? t.bundleStarted + t.bundleMs : undefined;
      return {
        // The figure: from VS Code's activation to the site's rows given to the view.
        activationToRowsGivenMs: between(t.hostActivation, t.rowsGiven),
        // ... and to the first screen given (the site's servers too), and to a server's row shown in the browser.
        activationToScreenGivenMs: between(t.hostActivation, t.screenGiven),
        activationToRowVisibleMs: between(t.hostActivation, rowShown),
        activateCallToRowsGivenMs: between(t.activateCall, t.rowsGiven),
        activateCallToScreenGivenMs: between(t.activateCall, t.screenGiven),
        hostActivationToActivateCallMs: between(t.hostActivation, t.activateCall),
        firstReadMs: t.firstReadMs,
        // Where the time goes, moment by moment (the extension's own timestamps, not the log's late stamps).
        hostActivationToBundleStartMs: between(t.hostActivation, t.bundleStarted),
        bundleTopLevelMs: t.bundleMs,
        bundleLoadedToActivateCallMs: between(bundleEnd, t.activateCall),
        activateMs: t.activateMs,
        activateCallToReadStartMs: between(t.activateCall, t.readStarted),
        readStartToRowsGivenMs: between(t.readStarted, t.rowsGiven),
        rowsGivenToScreenGivenMs: between(t.rowsGiven, t.screenGiven),
        screenGivenToRowVisibleMs: between(t.screenGiven, rowShown),
        // The log's stamp on the "Read N file(s)" line (late on a busy extension host), as reported before.
        activationToReadLineMs: between(t.hostActivation, t.firstRows),
        clickToRowVisibleMs: rowShown - clicked,
        clickToRowsGivenMs: between(clicked, t.rowsGiven),
        // The click ended before VS Code activated the extension (positive): activation → rows counts no wait of
        // the bench's. Negative: the extension was active before the view opened.
        clickEndToHostActivationMs: between(clickDone, t.hostActivation),
        activationEvent: t.activationEvent,
        readFor: t.readFor,
      };
    } finally {
      await workbench.close();
    }
  } finally {
    await server.stop();
    rmSync(parent, { recursive: true, force: true });
  }
}

function medians(runs: Run[]): Record<string, number | string> {
  const median = (key: string) => {
    const values = runs.map((r) => r[key]).filter((v) => v !== undefined);
    if (values.some((v) => typeof v === 'string')) return [...new Set(values)].join(' | ');
    return values.length ? Math.round(percentile(values as number[], 50)) : 'not logged';
  };
  return Object.fromEntries(Object.keys(runs[0] ?? {}).map((k) => [k, median(k)]));
}

async function main(): Promise<void> {
  const packages = process.env.BENCH_VSIX ? process.env.BENCH_VSIX.split(',') : [await packagedVsix()];
  const runs = new Map<string, Run[]>(packages.map((p) => [p, []]));
  const loadAtStart = machine().loadAverage;
  for (let i = 0; i < RUNS; i++) {
    for (const vsix of packages) {
      const r = await run(vsix);
      runs.get(vsix)!.push(r);
      process.stderr.write(`run ${i + 1}/${RUNS} ${basename(vsix)}: ${JSON.stringify(r)}\n`);
    }
  }
  const result = (vsix: string) => ({ runs: runs.get(vsix)!.length, medianMs: medians(runs.get(vsix)!), all: runs.get(vsix) });
  console.log(
    JSON.stringify(
      {
        machine: { ...machine(), loadAverageAtStart: loadAtStart },
        workspace: 'examples/hospital-north (one site, one plan)',
        target: { activationToRowsGivenMs: 300, e2eCeilingMs: 1000 },
        ...(packages.length === 1 ? result(packages[0]) : { packages: Object.fromEntries(packages.map((p) => [basename(p), result(p)])) }),
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
