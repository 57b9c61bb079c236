// License Server usage in the extension: the two commands, and a tree rebuild when a reading changes on disk.
import { LICENSES_LOG_GLOB, USAGE_GLOB } from '../../engine/load/globs';
import * as vscode from 'vscode';
import { importLmstatOutput, refreshUsage, type UsageServices } from './commands';
import { importLicensesLog } from './licensesLog';
import type { CommandHandlers } from '../commands/registry';

type UsageId = 'bmsLicense.refreshUsage' | 'bmsLicense.importLmstat' | 'bmsLicense.importLicensesLog';

/** Watches the readings on disk; returns the usage commands' handlers. */
export function registerUsage(context: vscode.ExtensionContext, s: UsageServices): Pick<CommandHandlers, UsageId> {
  // Readings written by the CLI or another window show up too.
  const readings = vscode.workspace.createFileSystemWatcher(USAGE_GLOB);
  const logs = vscode.workspace.createFileSystemWatcher(LICENSES_LOG_GLOB);
  const changed = () => s.sites.schedule();
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
  return {
    'bmsLicense.refreshUsage': (arg, run) => refreshUsage(s, arg, run),
    'bmsLicense.importLmstat': (arg) => importLmstatOutput(s, arg),
    'bmsLicense.importLicensesLog': (arg) => importLicensesLog(s, arg),
  };
}
