// Validate first, in the real VS Code: a plan assignment that breaks an error rule (BMS020: a demo Graphics
// Editor license on a License Server) is shown as blocked under Pending changes with its finding, Review and
// Apply leaves it out of what it offers, and apply activates everything else and never the blocked license.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { screenshot, treeItems, waitForNotification, waitForTreeRow } from './harness';
import { useFixtureWorkbench } from './fixtures/workspace';
import { expandTreeRow, showSites } from './fixtures/tree';
import { jsonLines, startCommand, waitForFile } from './fixtures/steps';

describe('e2e: validate first — a blocked action (hospital-south)', function () {
  this.timeout(180_000);
  const { session, dir } = useFixtureWorkbench('blocked');
  const ledger = () => join(dir(), 'hospital-south.ledger.jsonl');

  it('Pending changes shows the blocked action with its finding; Review and Apply offers and does only the rest', async () => {
    const { page } = session;
    await showSites(page);
    await expandTreeRow(page, 'Sites', 'Pending changes');
    await waitForTreeRow(page, /activate ACT-DEMO-0001 ×1.*blocked by BMS020/, 'Sites');
    const rows = await treeItems(page, 'Sites');
    const blocked = rows.filter((r) => /blocked by/.test(r.description ?? ''));
    assert.deepEqual(blocked.map((r) => [r.label, r.description]), [['! activate ACT-DEMO-0001 ×1', 'ls-main · blocked by BMS020']]);
    await screenshot(page, 'blocked-1-pending-changes');

    await startCommand(page, 'BMS: Review and Apply Plan…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const text = await dialog.innerText();
    assert.match(text, /Apply 16 action\(s\) to site hospital-south\?/);
    assert.match(text, /1 blocked: cannot be applied \(marked !\)/);
    await screenshot(page, 'blocked-2-review-and-apply');
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
    await waitForNotification(page, /Site hospital-south: apply stopped after|Site hospital-south: \d+ of 16 action\(s\) applied/);

    const events = jsonLines(await waitForFile(ledger(), (t) => jsonLines(t).filter((e) => e.op === 'activate').length >= 16));
    const activated = events.filter((e) => e.op === 'activate');
    assert.equal(activated.length, 16);
    assert.ok(!activated.some((e) => e.activationId === 'ACT-DEMO-0001'), 'the blocked license is never sent to the LAS');
    await waitForTreeRow(page, /activate ACT-DEMO-0001 ×1.*blocked by BMS020/, 'Sites');
    await screenshot(page, 'blocked-3-after-apply');
  });
});
