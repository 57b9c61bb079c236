// The handlers of the workflow commands and of the commands that are not license workflows; registry.ts
// registers them with the others, all in one place.
import type * as vscode from 'vscode';
import type { TreeNode } from '../../engine/tree/types';
import { WORKFLOW_VERBS, type WorkflowVerb } from './definitions';
import type { CommandHandler, CommandHandlers } from './registry';
import { createStarter, revealInYaml, setActivationToken, validateWorkspaceCommand } from './simple';
import { runWorkflowCommand, type CommandServices } from './workflow';

type CoreId = `bmsLicense.${WorkflowVerb}` | 'bmsLicense.refresh' | 'bmsLicense.revealInYaml' | 'bmsLicense.validateWorkspace' | 'bmsLicense.setActivationToken' | 'bmsLicense.createStarter';

export function coreCommands(s: CommandServices, view: vscode.TreeView<TreeNode>, onValidate: () => void): Pick<CommandHandlers, CoreId> {
  const workflows = Object.fromEntries(WORKFLOW_VERBS.map((verb) => [`bmsLicense.${verb}`, ((arg, run) => runWorkflowCommand(s, verb, arg, run)) satisfies CommandHandler])) as Record<`bmsLicense.${WorkflowVerb}`, CommandHandler>;
  return {
    ...workflows,
    'bmsLicense.refresh': () => s.sites.reload(),
    'bmsLicense.revealInYaml': (arg) => revealInYaml(arg as TreeNode | undefined, view.selection),
    'bmsLicense.validateWorkspace': async (_arg, run) => {
      onValidate();
      await validateWorkspaceCommand(s, run);
    },
    'bmsLicense.setActivationToken': () => setActivationToken(s),
    'bmsLicense.createStarter': () => createStarter(s),
  };
}
