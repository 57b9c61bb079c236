// Commands that write files or call the LAS refuse in an untrusted workspace (menus hide them too).
import * as vscode from 'vscode';

export function requireTrust(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window
    .showWarningMessage(`"${what}" writes files and may call the License Activation Server, so it needs a trusted workspace. The tree and validation keep working in Restricted Mode.`, 'Manage Workspace Trust')
    .then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}
