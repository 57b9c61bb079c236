// Scenario: two example sites in one workspace; the engineer opens the license dashboard of one. It must
// load (the report's sections show in the webview) and leave the extension host answering and small: the
// dashboard once re-built the tree on every change event it caused itself, forever.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { packagedVsix, repoRoot, runCommand, screenshot, useWorkbench, waitForTreeRow } from './harness';
import { pickQuickItem, startCommand } from './fixtures/steps';
import { EXTENSION_HOST_LIMIT_MIB } from './harness/extensionHost';
import { watchExtensionHost } from './harness/watch';
import { showSites } from './fixtures/tree';

/** The dashboard's document: code-server nests the extension's page in two iframes. */
function dashboardFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

describe('e2e: license dashboard (two sites in one workspace)', function () {
  this.timeout(180_000);
  let parent = '';
  const session = useWorkbench(async () => {
    parent = mkdtempSync(join(tmpdir(), 'bms-e2e-dashboard-'));
    const workspace = join(parent, 'two-sites');
    for (const site of ['hospital-north', 'riverside-plant']) cpSync(join(repoRoot, 'examples', site), join(workspace, site), { recursive: true });
    return { workspace, vsix: await packagedVsix() };
  });
  after(() => parent && rmSync(parent, { recursive: true, force: true }));

  it('loads the report of the chosen site, and the extension host stays responsive and small', async () => {
    const { page, server } = session;
    await showSites(page, 'hospital-north');
    await waitForTreeRow(page, 'riverside-plant', 'Sites');
    // Watched: a command that does not answer in time, or an extension host past the limit, fails with its id.
    const watch = watchExtensionHost(server);
    try {
      await watch.command(
        'bmsLicense.openDashboard',
        async () => {
          // The command asks which site in the quick input the palette used: it need not close in between.
          await startCommand(page, 'BMS: Open License Dashboard');
          await pickQuickItem(page, 'hospital-north');
          await dashboardFrame(page).locator('h2', { hasText: 'Servers and License Servers' }).waitFor({ timeout: 30_000 });
        },
        40_000,
      );
      assert.equal(await dashboardFrame(page).locator('text=Loading the license dashboard').count(), 0);
      await screenshot(page, 'dashboard-loaded');
      // The extension host still answers: another command runs and the tree still has both sites.
      await watch.command('bmsLicense.refresh', async () => {
        await runCommand(page, 'BMS: Refresh Sites');
        await waitForTreeRow(page, 'hospital-north', 'Sites');
      });
    } finally {
      watch.stop();
    }
    assert.ok(watch.peakMiB > 0, 'the extension host was found');
    assert.ok(watch.peakMiB < EXTENSION_HOST_LIMIT_MIB, `extension host at ${watch.peakMiB} MiB (limit ${EXTENSION_HOST_LIMIT_MIB})`);
  });
});
