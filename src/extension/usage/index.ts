// License Server usage in the extension: the two commands, and a tree rebuild when a reading changes on disk.
import type * as vscode from 'vscode';
import { importLmstatOutput, refreshUsage, type UsageServices } from './commands';
import { importLicensesLog } from './licensesLog';
import type { CommandHandlers } from '../commands/registry';
import { watchUsage } from './watch';

type UsageId = 'bmsLicense.refreshUsage' | 'bmsLicense.importLmstat' | 'bmsLicense.importLicensesLog';

/** The usage commands' handlers. */
export function usageCommands(s: UsageServices): Pick<CommandHandlers, UsageId> {
  return {
    'bmsLicense.refreshUsage': (arg, run) => refreshUsage(s, arg, run),
    'bmsLicense.importLmstat': (arg) => importLmstatOutput(s, arg),
    'bmsLicense.importLicensesLog': (arg) => importLicensesLog(s, arg),
  };
}

/** Watches the readings on disk; returns the usage commands' handlers (activate() does both apart, lazy.ts). */
export function registerUsage(context: vscode.ExtensionContext, s: UsageServices): Pick<CommandHandlers, UsageId> {
  watchUsage(context, s.sites);
  return usageCommands(s);
}
