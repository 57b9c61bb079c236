// License Server usage in the extension: the two commands, and a tree rebuild when a reading changes on disk.
import { LICENSES_LOG_GLOB, USAGE_GLOB } from '../../engine/load/globs';
import * as vscode from 'vscode';
import { importLmstatOutput, refreshUsage, type UsageServices } from './commands';
import { importLicensesLog } from './licensesLog';

export function registerUsage(context: vscode.ExtensionContext, s: UsageServices): void {
  const failSafe = (id: string, f: (arg: unknown) => Promise<void>) => async (arg: unknown) => {
    try {
      await f(arg);
    } catch (e) {
      s.log.error(`${id} failed: ${(e as Error).stack ?? String(e)}`);
      void vscode.window.showErrorMessage(`${id} failed: ${(e as Error).message}. The previous usage readings are unchanged.`);
    }
  };
  // Readings written by the CLI or another window show up too.
  const readings = vscode.workspace.createFileSystemWatcher(USAGE_GLOB);
  const logs = vscode.workspace.createFileSystemWatcher(LICENSES_LOG_GLOB);
  const changed = () => s.sites.schedule();
  context.subscriptions.push(
    vscode.commands.registerCommand('bmsLicense.refreshUsage', failSafe('Refresh License Server Usage', (arg) => refreshUsage(s, arg))),
    vscode.commands.registerCommand('bmsLicense.importLmstat', failSafe('Import lmstat Output', (arg) => importLmstatOutput(s, arg))),
    vscode.commands.registerCommand('bmsLicense.importLicensesLog', failSafe('Import Licenses Log', (arg) => importLicensesLog(s, arg))),
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
