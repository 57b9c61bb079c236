// Scenario: a real site (activation: vendor-tools). Review and Apply opens the checklist instead of calling an
// activation server: two steps answered Done are recorded (via the tool), Escape on the third writes nothing,
// and the tree shows the two as recorded.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot, treeItems, waitForNotification, waitForTreeRow } from './harness';
import { useFixtureWorkbench } from './fixtures/workspace';
import { expandTreeRow, showSites } from './fixtures/tree';
import { jsonLines, pickQuickItem, startCommand, waitForFile } from './fixtures/steps';

describe('e2e: the checklist of a vendor-tools site (Review and Apply)', function () {
  this.timeout(180_000);
  const { session, dir } = useFixtureWorkbench('vendor-tools');
  const ledger = () => join(dir(), 'hospital-north.ledger.jsonl');
  const lines = () => (existsSync(ledger()) ? jsonLines(readFileSync(ledger(), 'utf8')) : []);

  it('records two steps answered Done, nothing for the third cancelled, and the tree shows them recorded', async () => {
    const { page } = session;
    await showSites(page);
    const widget = page.locator('.quick-input-widget');
    const title = widget.locator('.quick-input-title');
    await startCommand(page, 'BMS: Review and Apply Plan…');

    // Step 1: License Administrator on ls-eng's computer, its values one Enter from the clipboard.
    await title.filter({ hasText: /Step 1 of 10: License Administrator on ls-eng's computer/ }).waitFor();
    const row = (text: string) => widget.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
    await row('ACT-7F3A-0004').waitFor();
    await row('ACT-7F3A-0004').click();
    // The copy is confirmed on the value's row once the clipboard took it; the step stays open, the focus on that value.
    await widget.locator('.quick-input-list .monaco-list-row.focused', { hasText: /ACT-7F3A-0004.*copied/ }).waitFor();
    await screenshot(page, 'checklist-1-step');
    // Keyboard: filter on the answer, Enter.
    await widget.locator('input').fill('Done');
    await pickQuickItem(page, 'Done');
    await widget.locator('.quick-input-message, .quick-input-header', { hasText: /vendor's id/ }).first().waitFor();
    await widget.locator('input').fill('FID-2211');
    await page.keyboard.press('Enter');

    // Step 2: Device Administrator on ec-01; Done without a vendor id.
    await title.filter({ hasText: /Step 2 of 10: Device Administrator, server ec-01/ }).waitFor();
    await pickQuickItem(page, 'Done');
    await widget.locator('.quick-input-message, .quick-input-header', { hasText: /vendor's id/ }).first().waitFor();
    await page.keyboard.press('Enter');

    // Step 3: Escape records nothing for it and stops.
    await title.filter({ hasText: /Step 3 of 10: Device Administrator, server es-01/ }).waitFor();
    await screenshot(page, 'checklist-2-third-step');
    await page.keyboard.press('Escape');
    await waitForNotification(page, /2 step\(s\) recorded in the ledger/);
    await screenshot(page, 'checklist-3-outcome');

    const recorded = jsonLines(await waitForFile(ledger(), (t) => jsonLines(t).length >= 2));
    assert.deepEqual(
      recorded.map((e) => [e.op, e.target, e.activationId, e.quantity, e.via]),
      [
        ['activate', 'ls-eng', 'ACT-7F3A-0004', 2, 'license-administrator'],
        ['activate', 'ec-01', 'ACT-7F3A-0001', 1, 'device-administrator'],
      ],
    );
    assert.equal(recorded[0]!.vendorRef, 'FID-2211');
    assert.ok(!lines().some((e) => e.target === 'es-01'), 'the cancelled step wrote nothing');

    // The tree: both targets count their recorded licenses as activated on the real system; a real site's rows never
    // say simulated (the tooltips' "recorded from License Administrator" is checked with the stand-in vscode).
    await waitForTreeRow(page, /ec-01.*1\/1 activated/, 'Sites');
    await expandTreeRow(page, 'Sites', 'License Servers');
    await waitForTreeRow(page, /ls-eng.*2\/2 activated/, 'Sites');
    const items = await treeItems(page, 'Sites');
    assert.match(items.find((i) => i.label === 'hospital-north')?.description ?? '', /3\/20 activated/);
    assert.ok(!items.some((i) => /simulated/.test(i.description)), `nothing on a vendor-tools site says simulated: ${items.map((i) => i.description).join(' | ')}`);
    await screenshot(page, 'checklist-4-tree');
  });
});
