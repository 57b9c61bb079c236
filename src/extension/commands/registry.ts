// The one registration of every command in definitions.ts: each gets the same Workspace Trust check, the same
// cancellable progress, and the same failure message in the engineer's words with the next step.
import * as vscode from 'vscode';
import type { Log } from '../log';
import { COMMANDS, type CommandDefinition, type CommandId } from './definitions';

/** What the registration gives each command while it runs. */
export interface CommandRun {
  /** A cancellable notification titled `title`; Cancel aborts `signal` and cancels `token`. */
  progress<T>(title: string, task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken, signal: AbortSignal) => Promise<T>): Promise<T>;
}

export type CommandHandler = (arg: unknown, run: CommandRun) => Promise<void>;

/** One handler for every contributed command: the compiler refuses a table with one missing. */
export type CommandHandlers = Record<CommandId, CommandHandler>;

/** Each command's title in the display language (package.nls.*.json hold the same titles for the palette). */
const TITLES: Record<CommandId, () => string> = {
  'bmsLicense.activate': () => vscode.l10n.t('Activate Licenses'),
  'bmsLicense.reclaim': () => vscode.l10n.t('Reclaim Licenses (Refresh from Entitlement)'),
  'bmsLicense.return': () => vscode.l10n.t('Return Licenses'),
  'bmsLicense.repair': () => vscode.l10n.t('Repair Broken Licenses'),
  'bmsLicense.createOfflineRequests': () => vscode.l10n.t('Create Offline Request Files'),
  'bmsLicense.importOfflineResponses': () => vscode.l10n.t('Import Offline Response Files'),
  'bmsLicense.confirmReturn': () => vscode.l10n.t('Confirm Offline Return'),
  'bmsLicense.validateWorkspace': () => vscode.l10n.t('Validate Workspace'),
  'bmsLicense.setActivationToken': () => vscode.l10n.t('Set Activation Server Token'),
  'bmsLicense.refresh': () => vscode.l10n.t('Refresh Sites'),
  'bmsLicense.revealInYaml': () => vscode.l10n.t('Reveal in YAML'),
  'bmsLicense.createStarter': () => vscode.l10n.t('Create a Starter Site and Plan'),
  'bmsLicense.openDashboard': () => vscode.l10n.t('Open License Dashboard'),
  'bmsLicense.exportReport': () => vscode.l10n.t('Export License Report'),
  'bmsLicense.refreshUsage': () => vscode.l10n.t('Refresh License Server Usage'),
  'bmsLicense.importLmstat': () => vscode.l10n.t('Import lmstat Output…'),
  'bmsLicense.importLicensesLog': () => vscode.l10n.t('Import Licenses Log…'),
  'bmsLicense.reviewAndApply': () => vscode.l10n.t('Review and Apply Plan…'),
  'bmsLicense.upgradeReport': () => vscode.l10n.t('Show 7.0 Upgrade Report'),
  'bmsLicense.showOutput': () => vscode.l10n.t('Show Language Server Output'),
};

/** The command's title in the display language. */
export function commandTitle(def: Pick<CommandDefinition, 'id' | 'title'>): string {
  return TITLES[def.id as CommandId]?.() ?? def.title;
}

/** Commands that write files or call the LAS refuse in an untrusted workspace (menus hide them too). */
export function requireTrust(def: Pick<CommandDefinition, 'id' | 'title'>): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t('"{0}" writes files and may call the License Activation Server, so it needs a trusted workspace. The tree and validation keep working in Restricted Mode.', commandTitle(def)),
      manage,
    )
    .then((choice) => {
      if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}

const run: CommandRun = {
  progress: async (title, task) =>
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const abort = new AbortController();
      const cancel = token.onCancellationRequested(() => abort.abort());
      if (token.isCancellationRequested) abort.abort(); // cancelled before the listener was registered
      try {
        return await task(progress, token, abort.signal);
      } finally {
        cancel.dispose();
      }
    }),
};

/** What is left after a failure, and what to do next, by what the command writes. */
function nextStep(def: CommandDefinition): string {
  switch (def.writes) {
    case 'ledger':
      return vscode.l10n.t('The steps done before are recorded in the ledger: run it again to finish.');
    case 'files':
      return vscode.l10n.t('What was written before is kept: run it again to finish; Show Details says what went wrong.');
    case 'nothing':
      return vscode.l10n.t('Nothing was changed: run it again; Show Details says what went wrong.');
  }
}

/** Registers every command of the table with its handler. */
export function registerCommandTable(handlers: CommandHandlers, log: Log): vscode.Disposable[] {
  return registerSome(handlers, log);
}

/** Registers the commands of the table that `handlers` holds (a part of the extension under test). */
export function registerSome(handlers: Partial<CommandHandlers>, log: Log): vscode.Disposable[] {
  return COMMANDS.flatMap((def: CommandDefinition) => {
    const handler = handlers[def.id as CommandId];
    if (!handler) return [];
    return vscode.commands.registerCommand(def.id, async (arg: unknown) => {
      if (def.needsTrust && !requireTrust(def)) return;
      try {
        await handler(arg, run);
      } catch (e) {
        // A bug, or a disk error the engine did not expect: say it, and keep the details in the log.
        const error = e as Error;
        log.error(`${def.id}: ${error.stack ?? String(e)}`);
        const details = vscode.l10n.t('Show Details');
        const again = vscode.l10n.t('Try Again');
        const choice = await vscode.window.showErrorMessage(vscode.l10n.t('{0} did not finish: {1}. {2}', commandTitle(def), error.message ?? String(e), nextStep(def)), details, again);
        if (choice === details) log.show();
        if (choice === again) void vscode.commands.executeCommand(def.id, arg);
      }
    });
  });
}
