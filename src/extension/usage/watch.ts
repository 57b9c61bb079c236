// A tree rebuild when a License Server reading or a licenses log changes on disk (readings written by the CLI
// or another window show up too): registered by activate(), the usage commands' code stays in dist/features.js.
import { LICENSES_LOG_GLOB, USAGE_GLOB } from '../../engine/load/globs';
import * as vscode from 'vscode';
import type { SiteWorkspace } from '../sites';

export function watchUsage(context: vscode.ExtensionContext, sites: Pick<SiteWorkspace, 'schedule'>): void {
  const readings = vscode.workspace.createFileSystemWatcher(USAGE_GLOB);
  const logs = vscode.workspace.createFileSystemWatcher(LICENSES_LOG_GLOB);
  const changed = () => sites.schedule();
  context.subscriptions.push(
    readings,
    readings.onDidCreate(changed),
    readings.onDidChange(changed),
    readings.onDidDelete(changed),
    logs,
    logs.onDidCreate(changed),
    logs.onDidChange(changed),
    logs.onDidDelete(changed),
  );
}
