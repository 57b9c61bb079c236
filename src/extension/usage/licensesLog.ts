// Import Licenses Log…: License Administrator's licenses log (FlexNet's debug log, help 6953) for one License
// Server, summarised and kept in the workspace; the tree and the dashboard show its denials.
import * as vscode from 'vscode';
import { decodeLmstatBytes } from '../../engine/lmstat/decode';
import { parseLicensesLog } from '../../engine/lmstat/licensesLog';
import { LICENSES_LOG_CACHE_VERSION, writeLicensesLog } from '../../engine/lmstat/licensesLogCache';
import { clockAdvice, problemsLabel, summarizeLicensesLog } from '../../engine/lmstat/licensesLogSummary';
import { chooseTargets, type UsageServices } from './commands';

const TITLE = 'Import Licenses Log…';

export async function importLicensesLog(s: UsageServices, arg: unknown): Promise<void> {
  const files = await vscode.window.showOpenDialog({ title: TITLE, canSelectMany: false, openLabel: 'Import', filters: { 'Licenses log': ['log', 'txt'], 'All files': ['*'] } });
  const file = files?.[0];
  if (!file) return;
  const targets = await chooseTargets(s, arg, false, `${TITLE} ${vscode.workspace.asRelativePath(file)}`);
  if (!targets || targets.length === 0) return;
  if (targets.length > 1) {
    void vscode.window.showErrorMessage('A licenses log comes from one License Server: run Import Licenses Log… on a License Server node.');
    return;
  }
  const t = targets[0];
  let text: string;
  try {
    text = decodeLmstatBytes(await vscode.workspace.fs.readFile(file));
  } catch (e) {
    void vscode.window.showErrorMessage(`Cannot read ${file.fsPath}: ${(e as Error).message}. License Administrator shows where its licenses log is.`);
    return;
  }
  const summary = summarizeLicensesLog(parseLicensesLog(text));
  if (summary.events === 0) {
    void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(file)} has no OUT:, IN:, DENIED: or QUEUED: line: pick the licenses log of License Administrator (the FlexNet debug log). Nothing was imported.`);
    return;
  }
  const where = s.sites.siteFiles(t.site);
  if (!where) {
    void vscode.window.showErrorMessage(`No site named '${t.site}' on disk: refresh the BMS Licenses view.`);
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
  const message = `Licenses log of ${t.licenseServer}: ${summary.events} checkout events, ${problemsLabel(summary)}.${clock ? ` Clock difference: ${clockAdvice(clock)}.` : ''}`;
  void (summary.denied > 0 ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
}
