// One folder open in the extension (fake VS Code API, the real bundle): time to the tree's first rows.
// Run by bench/workspace.ts in a process of its own, so that its peak RSS is the tree's alone.
import { join } from 'node:path';
import { installFakeVscode } from '../test/unit/extension/fake-vscode';

const root = process.argv[2];
const fake = installFakeVscode(root);
const ext = require(join(__dirname, '..', 'dist', 'extension.js')) as { activate(context: unknown): void };
ext.activate({ subscriptions: [], secrets: {}, asAbsolutePath: (p: string) => p });
void (async () => {
  const t = performance.now();
  const rows = (await fake.treeViews[0].options.treeDataProvider.getChildren()) as unknown[];
  const rowsMs = performance.now() - t;
  process.stdout.write(JSON.stringify({ rowsMs: Math.round(rowsMs), rows: rows.length, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
  process.exit(0);
})();
