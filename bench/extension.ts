// Extension host timings: loading the bundle, activate() (goal < 300 ms, no file read), the first tree
// build of the example, and the tree of a 2,000-server site with a 10,000-assignment plan.
// Usage: node esbuild.mjs && npx tsx bench/extension.ts
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fold } from '../src/engine/ledger/fold';
import { WorkspaceIndex } from '../src/engine/load/workspace';
import { buildSiteTree } from '../src/engine/tree/build';
import { installFakeVscode } from '../test/unit/extension/fake-vscode';
import { planText, siteText } from './lspWorkload';

const bundle = join(__dirname, '..', 'dist', 'extension.js');
if (!existsSync(bundle)) throw new Error('dist/extension.js is missing: run `node esbuild.mjs` first.');
const root = mkdtempSync(join(tmpdir(), 'bms-bench-'));
const fake = installFakeVscode(join(__dirname, '..', 'examples', 'hospital-north'));
const ms = (t: number) => `${(performance.now() - t).toFixed(1)} ms`;

let t = performance.now();
const ext = require(bundle) as { activate(context: unknown): void };
console.log(`load dist/extension.js  ${ms(t)}`);
t = performance.now();
const subscriptions: { dispose(): unknown }[] = [];
ext.activate({ subscriptions, secrets: {}, asAbsolutePath: (p: string) => p });
console.log(`activate()              ${ms(t)}  (files read: ${fake.findFilesCalls}, registrations: ${subscriptions.length})`);

void (async () => {
  t = performance.now();
  const rows = await fake.treeViews[0].options.treeDataProvider.getChildren();
  console.log(`first rows of the view  ${ms(t)}  (Hospital North, ${rows.length} site)`);

  const index = new WorkspaceIndex();
  t = performance.now();
  index.setText('file:///big/site.bms.yaml', siteText());
  index.setText('file:///big/plan.bms.yaml', planText());
  console.log(`parse large site+plan   ${ms(t)}`);
  const site = index.sites()[0]!;
  const plan = index.plans()[0]!;
  const events = plan.assignments.filter((_, i) => i % 2 === 0).map((a, i) => ({ at: '2026-11-20T10:00:00Z', op: 'activate' as const, site: site.name, target: a.target, activationId: a.activationId, quantity: a.quantity, transaction: `T-${i}` }));
  const ledger = fold(events);
  for (let run = 1; run <= 3; run++) {
    t = performance.now();
    const tree = buildSiteTree({ index, ledgers: new Map([[site.name, ledger]]) });
    console.log(`tree of ${site.servers.length} servers, ${plan.assignments.length} assignments, ${events.length} ledger lines (run ${run})  ${ms(t)}  (${tree.byId.size} nodes)`);
  }
  for (const d of subscriptions) d.dispose();
  rmSync(root, { recursive: true, force: true });
})();
