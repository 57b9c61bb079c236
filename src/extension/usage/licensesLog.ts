// Import Licenses Log…: License Administrator's licenses log (FlexNet's debug log, help 6953) for one License
// Server, summarised and kept in the workspace; the tree and the dashboard show its denials.
import * as vscode from 'vscode';
import { decodeLmstatBytes } from '../../engine/lmstat/decode';
import { parseLicensesLog } from '../../engine/lmstat/licensesLog';
import { LICENSES_LOG_CACHE_VERSION, writeLicensesLog } from '../../engine/lmstat/licensesLogCache';
import { clockAdvice, problemsLabel, summarizeLicensesLog } from '../../engine/lmstat/licensesLogSummary';
import { chooseTargets, type UsageServices } from './commands';

const TITLE = () => vscode.l10n.t('Import Licenses Log…');

export async function importLicensesLog(s: UsageServices, arg: unknown): Promise<void> {
  const files = await vscode.window.showOpenDialog({
    title: TITLE(),
    canSelectMany: false,
    openLabel: vscode.l10n.t('Import'),
    filters: { [vscode.l10n.t('Licenses log')]: ['log', 'txt'], [vscode.l10n.t('All files')]: ['*'] },
  });
  const file = files?.[0];
  if (!file) return;
  const targets = await chooseTargets(s, arg, false, `${TITLE()} ${vscode.workspace.asRelativePath(file)}`);
  if (!targets || targets.length === 0) return;
  if (targets.length > 1) {
    void vscode.window.showErrorMessage(vscode.l10n.t('A licenses log comes from one License Server: run Import Licenses Log… on a License Server node.'));
    return;
  }
  const t = targets[0];
  let text: string;
  try {
    text = decodeLmstatBytes(await vscode.workspace.fs.readFile(file));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read {0}: {1}. License Administrator shows where its licenses log is.', file.fsPath, (e as Error).message));
    return;
  }
  const summary = summarizeLicensesLog(parseLicensesLog(text));
  if (summary.events === 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} has no OUT:, IN:, DENIED: or QUEUED: line: pick the licenses log of License Administrator (the FlexNet debug log). Nothing was imported.', vscode.workspace.asRelativePath(file)),
    );
    return;
  }
  const where = s.sites.siteFiles(t.site);
  if (!where) {
    void vscode.window.showErrorMessage(vscode.l10n.t("No site named '{0}' on disk: refresh the BMS Licenses view.", t.site));
    return;
  }
  const name = file.fsPath.split(/[\\/]/).pop() ?? 'licenses log';
  const written = writeLicensesLog(where.root, { version: LICENSES_LOG_CACHE_VERSION, at: new Date().toISOString(), site: t.site, licenseServer: t.licenseServer, file: name, ...summary });
  if (!written.ok) {
    void vscode.window.showErrorMessage(written.message);
    return;
  }
  s.log.info(`Licenses log ${name} of ${t.licenseServer} (site ${t.site}) saved to ${written.file}: ${problemsLabel(summary)}.`);
  s.sites.rebuild();
  const clock = summary.problems.find((p) => p.code === '-34');
  const message = vscode.l10n.t('Licenses log of {0}: {1} checkout events, {2}.', t.licenseServer, summary.events, problemsLabel(summary)) + (clock ? ` ${vscode.l10n.t('Clock difference: {0}.', clockAdvice(clock))}` : '');
  void (summary.denied > 0 ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
}
