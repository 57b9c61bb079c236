// "Show 7.0 Upgrade Report": the upgrade report of a site below 7.0 in an untitled Markdown editor (the
// engineer saves it where they like), from the same view model as the handover report.
import * as vscode from 'vscode';
import { renderUpgradeMarkdown, upgradeReport } from '../../engine/report';
import { currentReport, pickSite, type DashboardDeps } from './source';

export const UPGRADE_TO = '7.0';

export async function showUpgradeReport(deps: DashboardDeps, arg: unknown): Promise<void> {
  const site = await pickSite(deps, arg, `report the ${UPGRADE_TO} upgrade of`);
  if (!site) return;
  const collected = await currentReport(deps, site);
  if (!collected.ok) {
    void vscode.window.showErrorMessage(collected.message);
    return;
  }
  const built = upgradeReport(collected.report, UPGRADE_TO);
  if (!built.ok) {
    void vscode.window.showInformationMessage(built.error.replace(/^--to must be/, 'The upgrade target must be'));
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: renderUpgradeMarkdown(built.value) });
  await vscode.window.showTextDocument(doc);
  deps.log.info(`Upgrade report of ${site} (${built.value.from} → ${UPGRADE_TO}) opened.`);
}

export function registerUpgradeReport(context: vscode.ExtensionContext, deps: DashboardDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('bmsLicense.upgradeReport', async (arg: unknown) => {
      try {
        await showUpgradeReport(deps, arg);
      } catch (e) {
        deps.log.error(`Show 7.0 Upgrade Report failed: ${(e as Error).stack ?? String(e)}`);
        void vscode.window.showErrorMessage(`Show 7.0 Upgrade Report failed: ${(e as Error).message}. Details are in the BMS License Workbench output.`);
      }
    }),
  );
}
