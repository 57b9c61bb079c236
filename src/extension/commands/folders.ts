// Where offline files go and come from: dialogs start in the site's own folder, and the engineer can make
// a new folder there (VS Code's simple file dialog, as in code-server, cannot create one).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** The folder of the site's own file, where its offline dialogs start. */
export function siteFolder(siteUri: string): string {
  return path.dirname(vscode.Uri.parse(siteUri).fsPath);
}

/** A folder for offline request files: a new one in the site's folder, or one the engineer picks. */
export async function pickOfflineFolder(siteDir: string, title: string): Promise<string | undefined> {
  const here = vscode.workspace.asRelativePath(vscode.Uri.file(siteDir)) || path.basename(siteDir);
  const choices = [
    { label: `$(new-folder) ${vscode.l10n.t('New folder in {0}…', here)}`, value: 'new' as const },
    { label: `$(folder-opened) ${vscode.l10n.t('Choose a folder…')}`, value: 'choose' as const },
  ];
  const picked = await vscode.window.showQuickPick(choices, { title, placeHolder: vscode.l10n.t('Where the request files go (to carry to a computer that reaches the activation server)') });
  if (!picked) return undefined;
  if (picked.value === 'choose') {
    const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: vscode.Uri.file(siteDir), title, openLabel: vscode.l10n.t('Use this folder') });
    return chosen?.[0]?.fsPath;
  }
  const name = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Name of the new folder in {0}', here),
    value: `offline-${new Date().toISOString().slice(0, 10)}`,
    validateInput: (v) => (/^[^\\/:*?"<>|]+$/.test(v.trim()) && v.trim() !== '.' && v.trim() !== '..' ? undefined : vscode.l10n.t('A folder name, without / \\ : * ? " < > |')),
  });
  if (!name?.trim()) return undefined;
  const dir = path.join(siteDir, name.trim());
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The dialog for offline response files starts in the site's folder. */
export async function pickResponseUris(siteDir: string): Promise<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: true,
    defaultUri: vscode.Uri.file(siteDir),
    title: vscode.l10n.t('Offline response files (*.response.json) or the folder holding them'),
    openLabel: vscode.l10n.t('Import'),
    filters: { [vscode.l10n.t('Response files')]: ['json'] },
  });
}
