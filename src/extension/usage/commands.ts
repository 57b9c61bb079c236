// Refresh License Server Usage (runs lmutil per License Server, cancellable) and Import lmstat Output…
// (a saved file for one License Server). Each reading goes to the cache; the tree is rebuilt from it.
import * as vscode from 'vscode';
import { toCachedUsage, writeUsage, type CachedUsage } from '../../engine/lmstat/cache';
import { DEFAULT_LMSTAT_TIMEOUT_MS, DEFAULT_LMUTIL_PATH, importLmstat, runLmstat, type LmstatOutcome } from '../../engine/lmstat/source';
import type { Log } from '../log';
import type { SiteWorkspace } from '../sites';
import type { CommandRun } from '../commands/registry';
import { outcomeMessage, targetsFromArgument, usagePicks, type UsageTarget } from './targets';

export interface UsageServices {
  sites: SiteWorkspace;
  log: Log;
}

const REFRESH = () => vscode.l10n.t('Refresh License Server Usage');
const IMPORT = () => vscode.l10n.t('Import lmstat Output…');

export async function chooseTargets(s: UsageServices, arg: unknown, allOfSite: boolean, title: string): Promise<UsageTarget[] | undefined> {
  await s.sites.load();
  s.sites.flush();
  const index = s.sites.workspaceIndex;
  const fromNode = targetsFromArgument(arg, (name) => index.site(name));
  if (fromNode) return fromNode;
  const picks = usagePicks(index.sites(), { allOfSite });
  if (picks.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No License Server in the workspace: add one under spec.licenseServers of a Site file (*.bms.yaml).'));
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(picks, { title, placeHolder: vscode.l10n.t('Which License Server?') });
  return (chosen as (typeof picks)[number] | undefined)?.value;
}

/** Saves a reading in the cache of the workspace folder holding the site. */
async function keep(s: UsageServices, t: UsageTarget, outcome: LmstatOutcome & { ok: true }): Promise<CachedUsage | string> {
  const files = s.sites.siteFiles(t.site);
  if (!files) return vscode.l10n.t("No site named '{0}' on disk: refresh the BMS Licenses view.", t.site);
  const usage = toCachedUsage(outcome.value, { site: t.site, licenseServer: t.licenseServer, address: t.address });
  const written = await writeUsage(files.root, usage);
  if (!written.ok) return written.error.message;
  s.log.info(`Usage of ${t.licenseServer} (site ${t.site}) saved to ${written.file}: ${usage.state}, ${usage.features.length} feature(s).`);
  return usage;
}

async function report(s: UsageServices, readings: CachedUsage[], failures: string[], notFound: boolean): Promise<void> {
  if (readings.length > 0) s.sites.rebuild();
  const { severity, text } = outcomeMessage(readings, failures);
  if (!text) return;
  const openSettings = vscode.l10n.t('Open Settings');
  const importInstead = IMPORT();
  const buttons = notFound ? [openSettings, importInstead] : [];
  const show = severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const choice = await show(text, ...buttons);
  if (choice === openSettings) void vscode.commands.executeCommand('workbench.action.openSettings', 'bmsLicense.lmstat');
  if (choice === importInstead) void vscode.commands.executeCommand('bmsLicense.importLmstat');
}

export async function refreshUsage(s: UsageServices, arg: unknown, runner: CommandRun): Promise<void> {
  const targets = await chooseTargets(s, arg, true, REFRESH());
  if (!targets || targets.length === 0) return;
  const config = vscode.workspace.getConfiguration('bmsLicense');
  const path = config.get<string>('lmstat.path', DEFAULT_LMUTIL_PATH) || DEFAULT_LMUTIL_PATH;
  const timeoutMs = config.get<number>('lmstat.timeoutMs', DEFAULT_LMSTAT_TIMEOUT_MS);
  const readings: CachedUsage[] = [];
  const failures: string[] = [];
  let notFound = false;
  await runner.progress(REFRESH(), async (progress, _token, signal) => {
    for (const t of targets) {
      if (signal.aborted) break;
      progress.report({ message: `${t.licenseServer} (${t.address ?? vscode.l10n.t('no address')})`, increment: 100 / targets.length });
      if (!t.address) {
        failures.push(vscode.l10n.t('License Server \'{0}\' has no address in the Site file: add address: "@host" or "port@host".', t.licenseServer));
        continue;
      }
      const outcome = await runLmstat({ path, address: t.address, timeoutMs, signal });
      if (!outcome.ok) {
        if (outcome.error.code === 'cancelled') break;
        notFound ||= outcome.error.code === 'not-found' || outcome.error.code === 'not-executable';
        failures.push(`${t.licenseServer}: ${outcome.error.message}`);
        s.log.warn(`Usage of ${t.licenseServer}: ${outcome.error.message}`);
        // The same missing lmutil would fail for every other License Server too.
        if (notFound) break;
        continue;
      }
      const kept = await keep(s, t, outcome);
      if (typeof kept === 'string') failures.push(kept);
      else readings.push(kept);
    }
    if (signal.aborted) failures.push(vscode.l10n.t('Cancelled: {0} of {1} License Servers refreshed.', readings.length, targets.length));
  });
  await report(s, readings, failures, notFound);
}

export async function importLmstatOutput(s: UsageServices, arg: unknown): Promise<void> {
  const files = await vscode.window.showOpenDialog({
    title: IMPORT(),
    canSelectMany: false,
    openLabel: vscode.l10n.t('Import'),
    filters: { [vscode.l10n.t('lmstat output')]: ['txt', 'log', 'out'], [vscode.l10n.t('All files')]: ['*'] },
  });
  const file = files?.[0];
  if (!file) return;
  const targets = await chooseTargets(s, arg, false, `${IMPORT()} ${vscode.workspace.asRelativePath(file)}`);
  if (!targets || targets.length === 0) return;
  if (targets.length > 1) {
    void vscode.window.showErrorMessage(vscode.l10n.t('An lmstat output describes one License Server: run Import lmstat Output… on a License Server node.'));
    return;
  }
  const outcome = await importLmstat(file.fsPath);
  if (!outcome.ok) {
    void vscode.window.showErrorMessage(outcome.error.message);
    return;
  }
  const kept = await keep(s, targets[0], outcome);
  await report(s, typeof kept === 'string' ? [] : [kept], typeof kept === 'string' ? [kept] : [], false);
}
