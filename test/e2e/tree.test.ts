// Scenario 1: the packaged extension's "BMS Licenses" view shows the example site, its License Servers and
// its server hierarchy, in a real VS Code.
import assert from 'node:assert/strict';
import { screenshot, treeItems, waitForTreeRow } from './harness';
import { useFixtureWorkbench } from './fixtures/workspace';
import { expandTreeRow, labelsUnder, showSites } from './fixtures/tree';

describe('e2e: BMS Licenses tree (hospital-north)', function () {
  this.timeout(120_000);
  const { session } = useFixtureWorkbench('hospital-north');

  it('shows the site expanded, with its License Servers, top server and clients', async () => {
    const { page } = session;
    await showSites(page);
    const items = await treeItems(page, 'Sites');
    assert.equal(items[0]?.label, 'hospital-north');
    assert.equal(items[0]?.level, 1);
    assert.equal(items[0]?.expanded, true);
    assert.match(items[0]?.description ?? '', /semi-online · simulator · 0\/20 simulated/);
    assert.deepEqual(labelsUnder(items, 'hospital-north').slice(0, 3), ['License Servers', 'ec-01', 'Clients']);
    assert.match(items.find((i) => i.label === 'ec-01')?.description ?? '', /^Enterprise Central · 0\/1 simulated/);
    await screenshot(page, 'tree-1-site');
  });

  it('expands License Servers into ls-main and ls-eng', async () => {
    const { page } = session;
    await expandTreeRow(page, 'Sites', 'License Servers');
    await waitForTreeRow(page, 'ls-main', 'Sites');
    assert.deepEqual(labelsUnder(await treeItems(page, 'Sites'), 'License Servers'), ['ls-main', 'ls-eng']);
    await screenshot(page, 'tree-2-license-servers');
  });

  it('expands the server hierarchy ec-01 > es-01 > as-01…as-04', async () => {
    const { page } = session;
    await expandTreeRow(page, 'Sites', 'ec-01');
    await waitForTreeRow(page, 'es-01', 'Sites');
    assert.deepEqual(labelsUnder(await treeItems(page, 'Sites'), 'ec-01'), ['es-01', 'es-02']);
    await expandTreeRow(page, 'Sites', 'es-01');
    await waitForTreeRow(page, 'as-01', 'Sites');
    const items = await treeItems(page, 'Sites');
    assert.deepEqual(labelsUnder(items, 'es-01'), ['as-01', 'as-02', 'as-03', 'as-04']);
    const as01 = items.find((i) => i.label === 'as-01');
    assert.equal(as01?.level, 4, 'site > ec-01 > es-01 > as-01');
    assert.match(as01?.description ?? '', /0\/3 simulated/, 'as-01 has three planned licenses (2 + 1), none active');
    await screenshot(page, 'tree-3-server-hierarchy');
  });
});
