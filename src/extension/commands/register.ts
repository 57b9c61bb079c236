// Registers every command of `definitions.ts`; package.json declares the same ids.
import * as vscode from 'vscode';
import type { TreeNode } from '../../engine/tree/types';
import { WORKFLOW_VERBS } from './definitions';
import { createStarter, revealInYaml, setActivationToken, validateWorkspaceCommand } from './simple';
import { runWorkflowCommand, type CommandServices } from './workflow';

export function registerCommands(s: CommandServices, view: vscode.TreeView<TreeNode>, onValidate: () => void): vscode.Disposable[] {
  const failSafe =
    (id: string, f: (...args: unknown[]) => Promise<void>) =>
    async (...args: unknown[]) => {
      try {
        await f(...args);
      } catch (e) {
        // A bug, or a disk error the engine did not expect: say it, and keep the details in the log.
        s.log.error(`${id} failed: ${(e as Error).stack ?? String(e)}`);
        const choice = await vscode.window.showErrorMessage(`${id} failed: ${(e as Error).message}. What was done before is in the ledger; run it again to finish.`, 'Show Details');
        if (choice) s.log.show();
      }
    };
  const register = (id: string, f: (...args: unknown[]) => Promise<void>) => vscode.commands.registerCommand(id, failSafe(id, f));
  return [
    ...WORKFLOW_VERBS.map((verb) => register(`bmsLicense.${verb}`, (arg) => runWorkflowCommand(s, verb, arg))),
    register('bmsLicense.refresh', () => s.sites.reload()),
    register('bmsLicense.revealInYaml', (arg) => revealInYaml(arg as TreeNode | undefined, view.selection)),
    register('bmsLicense.validateWorkspace', async () => {
      onValidate();
      await validateWorkspaceCommand(s);
    }),
    register('bmsLicense.setActivationToken', () => setActivationToken(s)),
    register('bmsLicense.createStarter', () => createStarter(s)),
  ];
}
