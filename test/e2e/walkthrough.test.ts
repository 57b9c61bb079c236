// The walkthrough in a real VS Code, from an empty folder: its first step's button writes the starter and
// opens the plan beside the tour, which stays open; the tree step ticks once the view has shown; the
// Activate step stays unticked until an activation succeeded.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activityBarItem, packagedVsix, runCommand, screenshot, useWorkbench, waitForNotification, waitForTreeRow } from './harness';
import { pickQuickItem, startCommand } from './fixtures/steps';

describe('e2e: the walkthrough (empty folder)', function () {
  this.timeout(240_000);
  let parent = '';
  const session = useWorkbench(async () => {
    parent = mkdtempSync(join(tmpdir(), 'bms-e2e-walkthrough-'));
    const workspace = join(parent, 'empty');
    mkdirSync(workspace);
    return { workspace, vsix: await packagedVsix() };
  });
  after(() => parent && rmSync(parent, { recursive: true, force: true }));

  const step = (title: string) => session.page.locator('.getting-started-step').filter({ hasText: title }).first();
  /** A step's check mark: VS Code draws a done step with its "checked" theme icon. */
  const ticked = (title: string) => step(title).locator('.codicon-getting-started-step-checked');

  it("step 1 opens the starter's plan beside the tour, which stays open", async () => {
    const { page } = session;
    await startCommand(page, 'Welcome: Open Walkthrough...');
    await pickQuickItem(page, 'License a BMS site');
    const tour = page.locator('.gettingStartedContainer');
    await tour.locator('text=Create a starter site and plan').first().waitFor();
    await step('Create a starter site and plan').click();
    await tour.locator('button, a', { hasText: 'Create a Starter Site and Plan' }).last().click();
    await page.locator('.tabs-container .tab', { hasText: 'plan.bms.yaml' }).waitFor();
    // The tour is still an open editor: it was not replaced by the plan, which opened in a group beside it.
    await tour.waitFor();
    const groups = page.locator('.editor-group-container');
    assert.equal(await groups.count(), 2, 'the plan opened beside the tour');
    assert.equal(await groups.filter({ has: page.locator('.gettingStartedContainer') }).count(), 1, 'one group shows the tour');
    assert.equal(await groups.filter({ has: page.locator('.tabs-container .tab.active', { hasText: 'plan.bms.yaml' }) }).count(), 1, 'the other shows the plan');
    await screenshot(page, 'walkthrough-1-starter-beside');
  });

  it('the tree step ticks once the view has shown; Activate stays unticked', async () => {
    const { page } = session;
    await activityBarItem(page, 'BMS Licenses').click();
    await waitForTreeRow(page, 'my-site', 'Sites');
    await ticked('Open the BMS Licenses tree').waitFor();
    assert.equal(await ticked('Activate with the simulator').count(), 0, 'nothing was activated yet');
    await screenshot(page, 'walkthrough-2-tree-ticked');
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  it('the Activate step ticks once an activation succeeded', async () => {
    const { page } = session;
    await startCommand(page, 'BMS: Activate Licenses');
    await pickQuickItem(page, 'Whole site my-site');
    const ask = page.locator('.monaco-dialog-box');
    await ask.filter({ hasText: /Activate \d+ license\(s\) on site my-site/ }).waitFor();
    await ask.getByRole('button', { name: 'Activate', exact: true }).click();
    await waitForNotification(page, /Activate, site my-site: /);
    await ticked('Activate with the simulator').waitFor();
    await screenshot(page, 'walkthrough-3-activate-ticked');
  });
});
