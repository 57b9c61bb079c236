// Scenario 3: Activate with the built-in simulator, from the tree's context menu and from the palette with
// its QuickPicks: the progress notification shows, the ledger gains the lines, the tree shows the new state.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { screenshot, treeItems, waitForNotification, waitForTreeRow } from './harness';
import { useFixtureWorkbench } from './fixtures/workspace';
import { expandTreeRow, showSites, treeRow } from './fixtures/tree';
import { contextMenu, jsonLines, pickQuickItem, startCommand, quickItems, recordNotifications, waitForFile } from './fixtures/steps';

describe('e2e: Activate with the built-in simulator (hospital-north)', function () {
  this.timeout(120_000);
  const { session, dir } = useFixtureWorkbench('hospital-north');
  const ledger = () => join(dir(), 'hospital-north.ledger.jsonl');

  it('Activate Licenses on as-01 from its context menu: progress, ledger lines, tree state', async () => {
    const { page } = session;
    await showSites(page);
    await expandTreeRow(page, 'Sites', 'ec-01');
    await expandTreeRow(page, 'Sites', 'es-01');
    const before = (await treeItems(page, 'Sites')).find((i) => i.label === 'as-01');
    assert.match(before?.description ?? '', /0\/3 simulated/, 'licenses, not assignments: 2 + 1');
    await screenshot(page, 'activate-1-before');

    const toasts = await recordNotifications(page);
    await contextMenu(page, treeRow(page, 'Sites', 'as-01'), 'Activate Licenses');
    // Activation takes licenses from the entitlement: it asks first, naming them.
    const ask = page.locator('.monaco-dialog-box');
    await ask.waitFor();
    assert.match(await ask.innerText(), /Activate 3 license\(s\) on as-01[\s\S]*ACT-9C21-0001/);
    await screenshot(page, 'activate-1b-confirm');
    await ask.getByRole('button', { name: 'Activate', exact: true }).click();
    await waitForNotification(page, /Activate, as-01 \(site hospital-north\)/);
    await screenshot(page, 'activate-2-outcome');
    const seen = await toasts();
    assert.ok(seen.some((t) => t.startsWith('Activate: as-01 (site hospital-north)')), `progress notification seen: ${JSON.stringify(seen)}`);

    const events = jsonLines(await waitForFile(ledger(), (t) => jsonLines(t).some((e) => e.op === 'activate')));
    const activations = events.filter((e) => e.op === 'activate');
    assert.deepEqual(activations.map((e) => [e.target, e.activationId, e.quantity]).sort(), [
      ['as-01', 'ACT-9C21-0001', 2],
      ['as-01', 'ACT-9C21-0002', 1],
    ]);

    await waitForTreeRow(page, /as-01.*3\/3 simulated/, 'Sites');
    await screenshot(page, 'activate-3-tree-after');
  });

  it('Activate Licenses from the palette: QuickPick of targets, then es-01', async () => {
    const { page } = session;
    const toasts = await recordNotifications(page);
    await startCommand(page, 'BMS: Activate Licenses');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Activate: hospital-north' }).waitFor();
    const items = await quickItems(page);
    assert.equal(items[0], 'Whole site hospital-north');
    assert.ok(items.includes('es-01'), `targets: ${items.join(', ')}`);
    assert.ok(!items.includes('as-01'), `as-01 has nothing left to activate: ${items.join(', ')}`);
    await screenshot(page, 'activate-4-palette-targets');
    await pickQuickItem(page, 'es-01');
    await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Activate', exact: true }).click();
    await waitForNotification(page, /Activate, es-01 \(site hospital-north\)/);
    assert.ok((await toasts()).some((t) => t.startsWith('Activate: es-01 (site hospital-north)')));
    const events = jsonLines(await waitForFile(ledger(), (t) => jsonLines(t).some((e) => e.op === 'activate' && e.target === 'es-01')));
    assert.deepEqual(events.filter((e) => e.op === 'activate' && e.target === 'es-01').map((e) => e.activationId).sort(), ['ACT-7F3A-0002', 'ACT-9C21-0003']);
    await waitForTreeRow(page, /es-01.*3\/3 simulated/, 'Sites');
    await screenshot(page, 'activate-5-palette-after');
  });
});
