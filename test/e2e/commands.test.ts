// Every contributed command, run once from the palette (or the tree) in one real VS Code session, each
// under a watch of the extension host: a command that does not show its answer within its time, or an
// extension host that grows past EXTENSION_HOST_LIMIT_MIB while it runs, fails with the command's name.
// Two example sites (semi-online 7.0, offline 6.0) in subfolders; the starter then adds a third at the root.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { COMMANDS } from '../../src/extension/commands/definitions';
import { packagedVsix, repoRoot, runCommand, screenshot, useWorkbench, waitForNotification, waitForTreeRow } from './harness';
import { watchExtensionHost, type CommandWatch } from './harness/watch';
import { showSites, treeRow } from './fixtures/tree';
import { pickQuickItem, startCommand } from './fixtures/steps';

/** Waits for a modal dialog whose text matches `text`, and presses its button `button` (Escape when undefined). */
async function answerModal(page: Page, text: RegExp, button?: string): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.filter({ hasText: text }).waitFor();
  const shown = await dialog.innerText();
  if (button) await dialog.getByRole('button', { name: button, exact: true }).click();
  else await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  return shown;
}

/** A file dialog (VS Code's simple dialog) with its OK button `okLabel` shows; closed again with Escape. */
async function dismissFileDialog(page: Page, okLabel: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.monaco-button', { hasText: okLabel }).waitFor();
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden' });
}

describe('e2e: every contributed command, one session, the extension host watched', function () {
  this.timeout(600_000);
  let parent = '';
  let workspace = '';
  let watch: CommandWatch;
  const session = useWorkbench(async () => {
    parent = mkdtempSync(join(tmpdir(), 'bms-e2e-commands-'));
    workspace = join(parent, 'commands');
    for (const site of ['hospital-north', 'riverside-plant']) cpSync(join(repoRoot, 'examples', site), join(workspace, site), { recursive: true });
    return { workspace, vsix: await packagedVsix() };
  });
  before(() => {
    watch = watchExtensionHost(session.server);
  });
  after(() => {
    watch?.stop();
    if (parent) rmSync(parent, { recursive: true, force: true });
  });

  it('the view and the read-only commands', async () => {
    const { page } = session;
    await showSites(page, 'hospital-north');
    await watch.command('bmsLicense.refresh', async () => {
      await runCommand(page, 'BMS: Refresh Sites');
      await waitForTreeRow(page, 'riverside-plant', 'Sites');
    });
    await watch.command('bmsLicense.validateWorkspace', async () => {
      await runCommand(page, 'BMS: Validate Workspace');
      await waitForNotification(page, /Validated \d+ files/);
    });
    await watch.command('bmsLicense.revealInYaml', async () => {
      // A row's click runs Reveal in YAML: the site file opens on the row's id.
      await treeRow(page, 'Sites', 'ec-01').click();
      await page.locator('.tabs-container .tab.active', { hasText: 'site.bms.yaml' }).waitFor();
    });
    await watch.command('bmsLicense.showOutput', async () => {
      await runCommand(page, 'BMS: Show Language Server Output');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.part.panel select')].some((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent?.includes('BMS License language server')),
      );
    });
    await screenshot(page, 'commands-1-output');
    await watch.command('bmsLicense.openDashboard', async () => {
      await startCommand(page, 'BMS: Open License Dashboard');
      await pickQuickItem(page, 'hospital-north');
      await page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame').locator('h2', { hasText: 'Servers and License Servers' }).waitFor();
    });
    await watch.command('bmsLicense.upgradeReport', async () => {
      await startCommand(page, 'BMS: Show 7.0 Upgrade Report');
      await pickQuickItem(page, 'riverside-plant');
      await page.locator('.tabs-container .tab.active', { hasText: /Untitled/ }).waitFor();
    });
  });

  it('the commands that write files: report, usage, token, starter', async () => {
    const { page } = session;
    await watch.command('bmsLicense.exportReport', async () => {
      await startCommand(page, 'BMS: Export License Report');
      await pickQuickItem(page, 'hospital-north');
      await pickQuickItem(page, 'Markdown');
      // The save dialog starts in the site's folder with the report's name: accept it.
      const widget = page.locator('.quick-input-widget');
      await widget.locator('input').waitFor();
      await page.waitForFunction(() => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.endsWith('.md') ?? false);
      await page.keyboard.press('Enter');
      await waitForNotification(page, /License report of hospital-north saved/);
    });
    assert.ok(readdirSync(join(workspace, 'hospital-north')).some((f) => f.endsWith('.md') && f !== 'README.md'), 'the report is written beside the site');
    await watch.command('bmsLicense.refreshUsage', async () => {
      await startCommand(page, 'BMS: Refresh License Server Usage');
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().click();
      // No lmutil on this machine: the answer says how to go on.
      await waitForNotification(page, /lmutil/);
    });
    await watch.command('bmsLicense.importLmstat', async () => {
      await startCommand(page, 'BMS: Import lmstat Output…');
      await dismissFileDialog(page, 'Import');
    });
    await watch.command('bmsLicense.importLicensesLog', async () => {
      await startCommand(page, 'BMS: Import Licenses Log…');
      await dismissFileDialog(page, 'Import');
    });
    await watch.command('bmsLicense.setActivationToken', async () => {
      await startCommand(page, 'BMS: Set Activation Server Token');
      await page.locator('.quick-input-widget input[type="password"]').waitFor();
      await page.keyboard.press('Escape');
    });
    await watch.command('bmsLicense.createStarter', async () => {
      await runCommand(page, 'BMS: Create a Starter Site and Plan');
      await page.locator('.tabs-container .tab', { hasText: 'plan.bms.yaml' }).waitFor();
      await waitForTreeRow(page, 'my-site', 'Sites');
    });
    assert.ok(existsSync(join(workspace, 'site.bms.yaml')));
  });

  it('the license workflows on the semi-online site and the starter', async () => {
    const { page } = session;
    await watch.command(
      'bmsLicense.reviewAndApply',
      async () => {
        await startCommand(page, 'BMS: Review and Apply Plan…');
        await pickQuickItem(page, 'my-site');
        const asked = await answerModal(page, /Apply \d+ action\(s\) to site my-site\?/, 'Apply');
        const n = /Apply (\d+) action/.exec(asked)![1];
        // The starter is a simulator site: the result says so, never "applied" as if it were real.
        await waitForNotification(page, new RegExp(`Site my-site: ${n} of ${n} action\\(s\\) simulated`));
      },
      45_000,
    );
    await watch.command(
      'bmsLicense.activate',
      async () => {
        await startCommand(page, 'BMS: Activate Licenses');
        await pickQuickItem(page, 'hospital-north');
        await pickQuickItem(page, 'as-01');
        const asked = await answerModal(page, /Activate 3 license\(s\) on as-01/, 'Activate');
        assert.match(asked, /ACT-9C21-0001/);
        await waitForNotification(page, /Activate, as-01 \(site hospital-north\)/);
      },
      45_000,
    );
    await screenshot(page, 'commands-2-activated');
    await watch.command(
      'bmsLicense.reclaim',
      async () => {
        await startCommand(page, 'BMS: Reclaim Licenses (Refresh from Entitlement)');
        await pickQuickItem(page, 'hospital-north');
        await pickQuickItem(page, 'Whole site hospital-north');
        await waitForNotification(page, /Reclaim, site hospital-north/);
      },
      45_000,
    );
    await watch.command('bmsLicense.return', async () => {
      await startCommand(page, 'BMS: Return Licenses');
      await pickQuickItem(page, 'hospital-north');
      await pickQuickItem(page, 'as-01');
      await answerModal(page, /Return \d+ license line\(s\)/);
      await waitForNotification(page, /Return not confirmed/);
    });
    await watch.command('bmsLicense.repair', async () => {
      await startCommand(page, 'BMS: Repair Broken Licenses');
      await pickQuickItem(page, 'hospital-north');
      await waitForNotification(page, /Repair, site hospital-north: nothing to do/);
    });
  });

  it('the offline commands on the offline site', async () => {
    const { page } = session;
    await watch.command(
      'bmsLicense.createOfflineRequests',
      async () => {
        await startCommand(page, 'BMS: Create Offline Request Files');
        await pickQuickItem(page, 'riverside-plant');
        await pickQuickItem(page, 'Whole site riverside-plant');
        await pickQuickItem(page, 'Activate');
        // A new folder in the site's own folder, made from the dialog.
        await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'New folder in riverside-plant' }).first().click();
        await page.locator('.quick-input-widget input').waitFor();
        await page.waitForFunction(() => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.startsWith('offline-') ?? false);
        await screenshot(page, 'commands-3-new-folder');
        await page.keyboard.press('Enter');
        await waitForNotification(page, /request file\(s\) written/);
      },
      45_000,
    );
    const made = readdirSync(join(workspace, 'riverside-plant')).find((f) => f.startsWith('offline-'));
    assert.ok(made && readdirSync(join(workspace, 'riverside-plant', made)).length > 0, 'the request files are in the new folder');
    await watch.command('bmsLicense.importOfflineResponses', async () => {
      await startCommand(page, 'BMS: Import Offline Response Files');
      await pickQuickItem(page, 'riverside-plant');
      // The dialog starts in the site's folder.
      const input = page.locator('.quick-input-widget input');
      await page.locator('.quick-input-widget .monaco-button', { hasText: 'Import' }).waitFor();
      await page.waitForFunction(() => /riverside-plant\/$/.test((document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value ?? ''));
      assert.match(await input.inputValue(), /commands\/riverside-plant\/$/);
      await page.keyboard.press('Escape');
    });
    await watch.command('bmsLicense.confirmReturn', async () => {
      await startCommand(page, 'BMS: Confirm Offline Return');
      await pickQuickItem(page, 'riverside-plant');
      await waitForNotification(page, /Confirm offline return, site riverside-plant: nothing to do/);
    });
    await screenshot(page, 'commands-4-offline');
  });

  it('ran every contributed command, and the extension host stayed small', () => {
    const missing = COMMANDS.map((c) => c.id).filter((id) => !watch.ran.includes(id));
    assert.deepEqual(missing, [], 'contributed commands this session did not run');
    assert.ok(watch.peakMiB > 0, 'the extension host was found');
    process.stderr.write(`[e2e] ${watch.ran.length} commands; extension host peak ${watch.peakMiB} MiB\n`);
  });
});
