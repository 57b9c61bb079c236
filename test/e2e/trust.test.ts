// Scenario 5: an untrusted workspace (trust enabled, not granted: Restricted Mode). The commands that write
// files or call the License Activation Server are not offered, in the palette or the tree's menus, while
// the tree and the language server's diagnostics keep working.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { openFile, screenshot, treeItems, waitForProblem } from './harness';
import { useFixtureWorkbench } from './fixtures/workspace';
import { expandTreeRow, showSites, treeRow } from './fixtures/tree';
import { contextMenuTitles } from './fixtures/steps';
import { COMMANDS } from '../../src/extension/commands/definitions';

/** Commands that write files, run lmutil or call the LAS: the extension's own list (package.json follows it). */
const NEEDS_TRUST = COMMANDS.filter((c) => c.needsTrust).map((c) => c.title);
const READ_ONLY = COMMANDS.filter((c) => !c.needsTrust && c.id !== 'bmsLicense.revealInYaml').map((c) => c.title);

/** The palette rows whose label is exactly `BMS: <title>` after typing it (filtering is synchronous). */
async function paletteOffers(page: Page, title: string): Promise<boolean> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('input').fill(`>BMS: ${title}`);
  const labels = await widget.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
  return labels.some((l) => l.trim() === `BMS: ${title}`);
}

describe('e2e: Restricted Mode (workspace trust enabled, not granted)', function () {
  this.timeout(120_000);
  // The start-up trust prompt would ask; 'never' leaves the folder untrusted, as answering "No" does.
  const { session, dir } = useFixtureWorkbench('diagnostics', { trust: true, settings: { 'security.workspace.trust.startupPrompt': 'never' } });

  it('the workbench is in Restricted Mode and the BMS Licenses tree still shows the site', async () => {
    const { page } = session;
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor();
    await showSites(page);
    await expandTreeRow(page, 'Sites', 'ec-01');
    await expandTreeRow(page, 'Sites', 'es-01');
    const labels = (await treeItems(page, 'Sites')).map((i) => i.label);
    for (const label of ['hospital-north', 'License Servers', 'ec-01', 'es-01', 'as-01']) assert.ok(labels.includes(label), `${label} in ${labels.join(', ')}`);
    await screenshot(page, 'trust-1-tree-restricted');
  });

  it('the context menus of a server and of the site offer no write or activation command', async () => {
    const { page } = session;
    const server = await contextMenuTitles(page, treeRow(page, 'Sites', 'as-01'));
    assert.deepEqual(server, ['Reveal in YAML']);
    const site = await contextMenuTitles(page, treeRow(page, 'Sites', 'hospital-north'));
    for (const title of NEEDS_TRUST) assert.ok(!site.includes(title), `${title} offered on the site: ${site.join(', ')}`);
    assert.ok(site.includes('Open License Dashboard'), site.join(', '));
    assert.equal(await treeRow(page, 'Sites', 'as-01').locator('.actions .action-label').count(), 0, 'no inline Activate button');
  });

  it('the palette offers the read-only BMS commands and none that writes or activates', async () => {
    const { page } = session;
    await page.locator('.monaco-workbench').focus();
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    for (const title of READ_ONLY) assert.ok(await paletteOffers(page, title), `BMS: ${title} is offered`);
    for (const title of NEEDS_TRUST) assert.ok(!(await paletteOffers(page, title)), `BMS: ${title} is not offered`);
    await page.locator('.quick-input-widget input').fill('>BMS: ');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Validate Workspace' }).waitFor();
    await screenshot(page, 'trust-2-palette');
    await page.keyboard.press('Escape');
  });

  it('the language server still validates: the plan shows its known problem, and no file was written', async () => {
    const { page } = session;
    await openFile(page, 'plan.bms.yaml');
    const problem = await waitForProblem(page, 'BMS021');
    assert.match(problem.text, /ACT-7F3A-0004 holds 2 .*assigns 3/);
    await screenshot(page, 'trust-3-diagnostics-restricted');
    assert.equal(existsSync(join(dir(), 'hospital-north.ledger.jsonl')), false);
    assert.equal(existsSync(join(dir(), '.bmslicense')), false);
  });
});
