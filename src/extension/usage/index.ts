// License Server usage in the extension: the three commands (the tree's rebuild when a reading changes on disk is watch.ts).
import { importLmstatOutput, refreshUsage, type UsageServices } from './commands';
import { importLicensesLog } from './licensesLog';
import type { CommandHandlers } from '../commands/registry';

type UsageId = 'bmsLicense.refreshUsage' | 'bmsLicense.importLmstat' | 'bmsLicense.importLicensesLog';

/** The usage commands' handlers. */
export function usageCommands(s: UsageServices): Pick<CommandHandlers, UsageId> {
  return {
    'bmsLicense.refreshUsage': (arg, run) => refreshUsage(s, arg, run),
    'bmsLicense.importLmstat': (arg) => importLmstatOutput(s, arg),
    'bmsLicense.importLicensesLog': (arg) => importLicensesLog(s, arg),
  };
}

