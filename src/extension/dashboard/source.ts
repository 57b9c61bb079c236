// Where the dashboard's data comes from: the extension's live workspace index, the site's ledger on disk,
// the rules, and the cached License Server usage, folded into one report by the engine.
import * as vscode from 'vscode';
import { collectSiteReport, type CollectResult } from '../../engine/report';
import type { SiteWorkspace } from '../sites';
import type { Log } from '../log';

export interface DashboardDeps {
  sites: SiteWorkspace;
  log: Log;
}

/** The report of a site as the workspace is now (open documents as edited). */
export async function currentReport(deps: DashboardDeps, site: string): Promise<CollectResult> {
  await deps.sites.load();
  deps.sites.flush();
  const expiryWarningDays = vscode.workspace.getConfiguration('bmsLicense').get<number>('expiryWarningDays', 30);
  return collectSiteReport([], site, { index: deps.sites.workspaceIndex, today: new Date(), expiryWarningDays });
}

/** Site names for a QuickPick, in tree order. */
export function siteNames(deps: DashboardDeps): string[] {
  return [...new Set(deps.sites.workspaceIndex.sites().map((s) => s.name).filter((n) => n))];
}

/** A site from a command argument (a tree node or a name), else the only site, else the user's pick (`placeHolder`). */
export async function pickSite(deps: DashboardDeps, arg: unknown, placeHolder: string): Promise<string | undefined> {
  if (typeof arg === 'string' && arg) return arg;
  const fromNode = (arg as { site?: unknown } | undefined)?.site;
  if (typeof fromNode === 'string' && fromNode) return fromNode;
  await deps.sites.load();
  const names = siteNames(deps);
  if (names.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No site found: add a *.bms.yaml file with kind: Site to the workspace (or run "BMS: Create a Starter Site and Plan").'));
    return undefined;
  }
  if (names.length === 1) return names[0];
  return vscode.window.showQuickPick(names, { placeHolder });
}
