// One folder open in the extension (fake VS Code API, the real bundle): time to the tree's first rows
// (on a large workspace the sites' rows, each "checking the plans…"), and to the whole tree with every
// status. Run by bench/workspace.ts in a process of its own, so that its peak RSS is the tree's alone.
import { join } from 'node:path';
import { installFakeVscode } from '../test/unit/extension/fake-vscode';

interface Row {
  loading?: boolean;
  status: string;
}
interface Provider {
  getChildren(): Promise<Row[]>;
  complete(): Promise<void>;
}

const root = process.argv[2];
const fake = installFakeVscode(root);
const ext = require(join(__dirname, '..', 'dist', 'extension.js')) as { activate(context: unknown): void };
ext.activate({ subscriptions: [], secrets: {}, asAbsolutePath: (p: string) => p });
/** Watches the event loop from now: the stop function returns the longest it was held in one go (in ms). */
function longestBlock(): () => number {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    longest = Math.max(longest, performance.now() - last);
    last = performance.now();
  }, 5);
  return () => {
    clearInterval(tick);
    return Math.max(longest, performance.now() - last);
  };
}

void (async () => {
  const provider = fake.treeViews[0].options.treeDataProvider as Provider;
  // The longest the event loop was held before the rows (the sites' files being read and parsed).
  const beforeRows = longestBlock();
  const t = performance.now();
  const cpu = process.cpuUsage();
  const rows = await provider.getChildren();
  const rowsMs = performance.now() - t;
  const longestBlockBeforeRowsMs = beforeRows();
  // How long the event loop was held at most while the rest was read (the view and commands wait that long).
  const afterRows = longestBlock();
  await provider.complete();
  const full = await provider.getChildren();
  const completeMs = performance.now() - t;
  // CPU time of the process meanwhile (all its threads: the event loop and the garbage collector's helpers),
  // steadier than completeMs on a machine shared with other work.
  const used = process.cpuUsage(cpu);
  const longestBlockMs = afterRows();
  process.stdout.write(
    JSON.stringify({
      rowsMs: Math.round(rowsMs),
      rows: rows.length,
      rowsCheckingFirst: rows.filter((r) => r.loading).length,
      completeMs: Math.round(completeMs),
      completeCpuMs: Math.round((used.user + used.system) / 1000),
      longestBlockMs: Math.round(longestBlockMs),
      longestBlockBeforeRowsMs: Math.round(longestBlockBeforeRowsMs),
      withStatus: full.filter((r) => !r.loading && r.status !== 'none').length,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
  process.exit(0);
})();
