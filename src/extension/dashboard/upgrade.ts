// "Show 7.0 Upgrade Report": the upgrade report of a site below 7.0 in an untitled Markdown editor (the
// engineer saves it where they like), from the same view model as the handover report.
import * as vscode from 'vscode';
import { renderUpgradeMarkdown, upgradeReport } from '../../engine/report';
import type { CommandHandlers } from '../commands/registry';
import { currentReport, pickSite, type DashboardDeps } from './source';

export const UPGRADE_TO = '7.0';

export async function showUpgradeReport(deps: DashboardDeps, arg: unknown): Promise<void> {
  const site = await pickSite(deps, arg, vscode.l10n.t('Site to report the {0} upgrade of', UPGRADE_TO));
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

export function upgradeReportCommand(deps: DashboardDeps): Pick<CommandHandlers, 'bmsLicense.upgradeReport'> {
  return { 'bmsLicense.upgradeReport': (arg) => showUpgradeReport(deps, arg) };
}
