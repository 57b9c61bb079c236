// The dashboard's part of the extension: "Open License Dashboard", "Export License Report", and bringing
// dashboards back after a reload (activate() registers the serializer, lazy.ts; this code is dist/features.js).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { renderReport, reportFileName } from '../../engine/report';
import type { ExportFormat } from '../../engine/report/messages';
import { COMMANDS } from '../commands/definitions';
import { requireTrust, type CommandHandlers } from '../commands/registry';
import { DashboardPanel } from './panel';
import { currentReport, pickSite, type DashboardDeps } from './source';

export type { DashboardDeps } from './source';

const FORMATS = (): { label: string; description: string; format: ExportFormat }[] => [
  { label: 'HTML', description: vscode.l10n.t('one self-contained file that prints well'), format: 'html' },
  { label: 'Markdown', description: vscode.l10n.t('for a repository or a wiki'), format: 'md' },
  { label: 'CSV', description: vscode.l10n.t('one row per license, for a spreadsheet'), format: 'csv' },
];

async function exportReport(deps: DashboardDeps, site: string, format?: ExportFormat): Promise<void> {
  // The webview's Export button comes here without the command: the same trust check.
  if (!requireTrust(COMMANDS.find((c) => c.id === 'bmsLicense.exportReport')!)) return;
  const chosen = format ?? (await vscode.window.showQuickPick(FORMATS(), { placeHolder: vscode.l10n.t('Format of the license report of {0}', site) }))?.format;
  if (!chosen) return;
  const result = await currentReport(deps, site);
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return;
  }
  const folder = result.siteFile ? path.dirname(result.siteFile) : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const name = reportFileName(result.report, chosen);
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.file(path.join(folder, name)) : undefined,
    filters: { [FORMATS().find((f) => f.format === chosen)!.label]: [chosen] },
    title: vscode.l10n.t('Export the license report of {0}', site),
  });
  if (!target) return;
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderReport(result.report, chosen)));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot write {0}: {1}. Choose a folder you can write to.', target.fsPath, (e as Error).message));
    return;
  }
  deps.log.info(`License report of ${site} written to ${target.fsPath}.`);
  const openIt = vscode.l10n.t('Open');
  const open = await vscode.window.showInformationMessage(vscode.l10n.t('License report of {0} saved to {1}.', site, path.basename(target.fsPath)), openIt);
  if (open === openIt) await vscode.commands.executeCommand('vscode.open', target);
}

export interface DashboardFeatures {
  handlers: Pick<CommandHandlers, 'bmsLicense.openDashboard' | 'bmsLicense.exportReport'>;
  /** Brings a dashboard back after a reload (activate() registers the serializer that calls this). */
  revive(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
  dispose(): void;
}

/** The dashboard commands' handlers, and what brings a dashboard back after a reload. */
export function dashboardFeatures(extensionUri: vscode.Uri, deps: DashboardDeps): DashboardFeatures {
  const onExport = (site: string, format: ExportFormat) => exportReport(deps, site, format);
  return {
    handlers: {
      'bmsLicense.openDashboard': async (arg) => {
        const site = await pickSite(deps, arg, vscode.l10n.t('Site to show'));
        if (site) DashboardPanel.show(extensionUri, deps, onExport, site);
      },
      'bmsLicense.exportReport': async (arg) => {
        const site = await pickSite(deps, arg, vscode.l10n.t('Site to report on'));
        if (site) await exportReport(deps, site);
      },
    },
    async revive(panel, state) {
      // The state comes from the webview: only a site name is taken from it, and checked.
      const site = (state as { site?: unknown } | undefined)?.site;
      await deps.sites.load();
      if (typeof site !== 'string' || !deps.sites.workspaceIndex.site(site)) {
        panel.dispose();
        return;
      }
      DashboardPanel.revive(panel, extensionUri, deps, onExport, site);
    },
    dispose: () => DashboardPanel.disposeAll(),
  };
}
