// A service company's repository (60 generated sites, about 1.5 MB of plans) in a real VS Code: the view
// lists the sites while the plans are read, then every row gets the status the engine computes; the many
// sites stay a collapsed list, and one opened shows its License Servers and servers.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkspace } from '../../bench/workload/workspace';
import { loadWorkspace } from '../../src/engine/load/files';
import { buildSiteTree } from '../../src/engine/tree/build';
import { readSiteLedgers } from '../../src/engine/tree/ledgers';
import type { TreeNode } from '../../src/engine/tree/types';
import { packagedVsix, screenshot, treeItems, treeRowLocator, useWorkbench } from './harness';
import { expandTreeRow, showSites } from './fixtures/tree';

describe('e2e: BMS Licenses tree of 60 sites', function () {
  this.timeout(120_000);
  const parent = mkdtempSync(join(tmpdir(), 'bms-e2e-many-'));
  const dir = join(parent, 'repository');
  let written = { bytes: 0 };
  let expected = new Map<string, TreeNode>();
  const session = useWorkbench(async () => {
    written = writeWorkspace(dir, 60, 3);
    const { index } = loadWorkspace([dir]);
    expected = new Map(buildSiteTree({ index, ledgers: readSiteLedgers(index).states, pendingChanges: true }).roots.map((r) => [r.label, r]));
    return { workspace: dir, vsix: await packagedVsix() };
  });
  after(() => rmSync(parent, { recursive: true, force: true }));

  it('lists the sites collapsed, each with the status the engine gives it once the plans are read, and opens one on its servers', async () => {
    assert.ok(written.bytes > 1_000_000, `${written.bytes} bytes`);
    const { page } = session;
    await showSites(page, /[a-z]+-\d+/);
    // Wait on the UI state: no row still says it is checking the plans.
    await treeRowLocator(page, 'Sites').filter({ hasText: /checking the plans/ }).first().waitFor({ state: 'detached', timeout: 60_000 });
    let items = await treeItems(page, 'Sites');
    const sites = items.filter((i) => i.level === 1);
    assert.ok(sites.length >= 1, 'site rows are visible');
    for (const row of sites) assert.equal(row.description, expected.get(row.label)?.description, `${row.label}: the engine's description`);
    assert.ok(sites.every((row) => row.expanded === false), 'many sites: a collapsed list to pick from');
    const site = sites[0]!;
    await expandTreeRow(page, 'Sites', site.label);
    items = await treeItems(page, 'Sites');
    const at = items.findIndex((i) => i.label === site.label);
    const children = expected.get(site.label)!.children.map((c) => c.label);
    assert.deepEqual(items.slice(at + 1, at + 1 + Math.min(children.length, 3)).map((i) => [i.level, i.label]), children.slice(0, 3).map((l) => [2, l]));
    await screenshot(page, 'tree-many-sites');
  });
});
