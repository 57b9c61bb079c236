// A service company's repository (generated: 40 sites, about 1 MB of plans): the view shows the sites'
// rows first, each checking and claiming no status, then the whole tree, the same one the engine builds.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkspace } from '../../../bench/workload/workspace';
import { loadWorkspace } from '../../../src/engine/load/files';
import { buildSiteTree } from '../../../src/engine/tree/build';
import { readSiteLedgers } from '../../../src/engine/tree/ledgers';
import type { TreeNode } from '../../../src/engine/tree/types';
import { installFakeVscode, type FakeState } from './fake-vscode';

interface Provider {
  getChildren(element?: TreeNode): Promise<TreeNode[]>;
  getTreeItem(node: TreeNode): { collapsibleState: number };
  complete(): Promise<void>;
  onDidChangeTreeData(listener: () => void): { dispose(): void };
}

const Collapsed = 1; // vscode.TreeItemCollapsibleState.Collapsed
const count = (nodes: TreeNode[]): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
/** What the view shows of each node, depth first. */
const shape = (nodes: TreeNode[]): string[][] => nodes.flatMap((n) => [[n.id, n.status, n.description, n.contextValue, n.tooltip, `${n.planned}/${n.activated}`], ...shape(n.children)]);

describe('extension host: a workspace of many sites', () => {
  let root: string;
  let fake: FakeState;
  let subscriptions: { dispose(): unknown }[];
  let written: ReturnType<typeof writeWorkspace>;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'bms-many-'));
    written = writeWorkspace(root, 40, 7);
    fake = installFakeVscode(root);
    subscriptions = [];
    (require('../../../src/extension/extension') as typeof import('../../../src/extension/extension')).activate({ subscriptions, secrets: {}, asAbsolutePath: (p: string) => join(root, p) } as never);
  });
  after(() => {
    for (const d of subscriptions) d.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows every site first as checking, with no status, no counts and no commands, then the tree the engine builds', async () => {
    assert.ok(written.bytes > 800_000, `${written.bytes} bytes written`);
    const provider = fake.treeViews[0].options.treeDataProvider as Provider;
    const fired: TreeNode[][] = [];
    const listener = provider.onDidChangeTreeData(() => void provider.getChildren().then((roots) => fired.push(roots)));

    const rows = await provider.getChildren();
    const { index } = loadWorkspace([root]);
    const expected = buildSiteTree({ index, ledgers: readSiteLedgers(index).states, pendingChanges: true, expiryWarningDays: 30 });
    assert.equal(rows.length, expected.roots.length);
    assert.ok(rows.length >= 40);
    for (const row of rows) {
      assert.equal(row.loading, true, row.id);
      assert.equal(row.status, 'none');
      assert.equal(row.contextValue, 'bms.loading');
      assert.equal(row.planned + row.activated, 0);
      assert.deepEqual(row.children, []);
      assert.match(row.description, /checking the plans/);
    }
    assert.equal(fake.progressTitles.length, 1, 'a progress bar in the view while the plans are read');
    // Many sites are a list to pick from: collapsed, and a row opened while checking gets the whole tree's children.
    assert.equal(provider.getTreeItem(rows[0]!).collapsibleState, Collapsed);
    const opened = await provider.getChildren(rows[0]!);

    await provider.complete();
    const full = await provider.getChildren();
    assert.deepEqual(full.map((r) => r.id), rows.map((r) => r.id), 'the same rows in the same order: the view keeps its selection');
    assert.deepEqual(full.map((r) => [r.id, r.status, r.description]), expected.roots.map((r) => [r.id, r.status, r.description]));
    assert.equal(count(full), count(expected.roots));
    // Every node, as the engine builds it from the whole folder read at once: no site, plan or row dropped or
    // judged from part of the files (the extension reads them in slices, the sites first).
    assert.deepEqual(shape(full), shape(expected.roots));
    assert.ok(full.every((r) => !r.loading));
    assert.deepEqual(opened.map((n) => n.id), full[0]!.children.map((n) => n.id));
    assert.ok(opened.length > 0);
    assert.ok(full.every((r) => provider.getTreeItem(r).collapsibleState === Collapsed));
    assert.ok(full.some((r) => r.status !== 'none'), 'the generated sites have findings and plans');
    // Two states only: the rows while checking (the view's first answer, which no refresh precedes: it would
    // make the view ask again), then the whole tree; never a tree built from part of the plans.
    assert.equal(fired.length, 1);
    assert.ok(fired[0]!.every((r) => !r.loading));
    listener.dispose();
  });
});
