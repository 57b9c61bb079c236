// The commands that are not license workflows: reveal a node in its YAML, refresh, validate, set the
// activation server token, create the starter site and plan.
import * as vscode from 'vscode';
import type { TreeNode } from '../../engine/tree/types';
import { TOKEN_SECRET } from '../las';
import { GITATTRIBUTES_LINE, GITIGNORE_LINE, STARTER_PLAN, STARTER_PLAN_FILE, STARTER_SITE, STARTER_SITE_FILE, withGitattributesLine, withGitignoreLine } from '../starter/templates';
import { summarizeValidation } from './validation';
import type { CommandRun } from './registry';
import type { Diagnostic } from '../../engine/diagnostics';
import { RuleContext } from '../../engine/rules';
import { validateFile } from '../../engine/validate';
import type { CommandServices } from './workflow';

/** Opens the node's file and selects its id; the whole definition is scrolled into view. */
export async function revealInYaml(node: TreeNode | undefined, selection: readonly TreeNode[]): Promise<void> {
  const target = node?.location ? node : selection.find((n) => n.location);
  if (!target?.location) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a site, server, License Server or client in the BMS Licenses view first.'));
    return;
  }
  const { uri, span, focus } = target.location;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const select = new vscode.Range(doc.positionAt(focus.start), doc.positionAt(focus.end));
  const editor = await vscode.window.showTextDocument(doc, { selection: select, preview: true });
  editor.revealRange(new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export async function validateWorkspaceCommand(s: CommandServices, run: CommandRun): Promise<void> {
  const title = vscode.l10n.t('Validate Workspace');
  const byUri = new Map<string, Diagnostic[]>();
  let total = 0;
  const cancelled = await run.progress(title, async (progress, _token, signal) => {
    progress.report({ message: vscode.l10n.t('reading the site and plan files…') });
    await s.sites.load();
    s.sites.flush();
    const index = s.sites.workspaceIndex;
    // The session's options: the ledgers' repairs (BMS061) and the usage readings (BMS080-082), as the server and the CLI use them.
    const options = s.sites.session.options({ expiryWarningDays: vscode.workspace.getConfiguration('bmsLicense').get<number>('expiryWarningDays', 30) });
    const context = new RuleContext(index, options);
    const files = [...index.allFiles()];
    total = files.length;
    for (const [i, file] of files.entries()) {
      // A file at a time, yielding between: the extension host keeps answering and Cancel is heard.
      await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) return true;
      byUri.set(file.uri, validateFile(index, file.uri, options, { context }));
      progress.report({ message: vscode.l10n.t('{0} of {1} files', i + 1, total), increment: 100 / total });
    }
    return false;
  });
  if (cancelled) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Validate Workspace cancelled after {0} of {1} files: nothing was changed. Run it again for the whole summary.', byUri.size, total));
    return;
  }
  const index = s.sites.workspaceIndex;
  const summary = summarizeValidation(byUri, (uri) => index.file(uri)?.text, (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)));
  s.log.info(summary.message);
  for (const line of summary.lines) s.log.info(`  ${line}`);
  const show = summary.severity === 'error' ? vscode.window.showErrorMessage : summary.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const problems = vscode.l10n.t('Open Problems');
  const details = vscode.l10n.t('Show Details');
  const choice = await show(summary.message, ...(summary.lines.length > 0 ? [problems, details] : []));
  if (choice === problems) void vscode.commands.executeCommand('workbench.actions.view.problems');
  if (choice === details) s.log.show();
}

export async function setActivationToken(s: CommandServices): Promise<void> {
  const token = await vscode.window.showInputBox({
    title: vscode.l10n.t('Activation server token'),
    prompt: vscode.l10n.t('The token of the HTTP License Activation Server (bmsLicense.activation.url). Kept in VS Code SecretStorage, never in settings or files. Leave empty to remove it.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v !== '' && !/^[\x21-\x7e]+$/.test(v) ? vscode.l10n.t('A token has no spaces, line breaks or non-ASCII characters.') : undefined),
  });
  if (token === undefined) return;
  if (token === '') {
    await s.secrets.delete(TOKEN_SECRET);
    s.log.info('Activation server token removed from SecretStorage.');
    void vscode.window.showInformationMessage(vscode.l10n.t('Activation server token removed.'));
    return;
  }
  await s.secrets.store(TOKEN_SECRET, token);
  s.log.info('Activation server token stored in SecretStorage.');
  const mode = vscode.workspace.getConfiguration('bmsLicense.activation').get<string>('mode', 'simulator');
  void vscode.window.showInformationMessage(
    mode === 'http'
      ? vscode.l10n.t('Activation server token stored in SecretStorage.')
      : vscode.l10n.t('Activation server token stored in SecretStorage. It is used when bmsLicense.activation.mode is "http" (now: the built-in simulator).'),
  );
}

export async function createStarter(s: CommandServices): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first (File > Open Folder): the starter site and plan are written into it.'));
    return;
  }
  const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder for the starter site and plan') });
  if (!folder) return;
  const site = vscode.Uri.joinPath(folder.uri, STARTER_SITE_FILE);
  const plan = vscode.Uri.joinPath(folder.uri, STARTER_PLAN_FILE);
  const existing = [];
  for (const uri of [site, plan]) if (await exists(uri)) existing.push(vscode.workspace.asRelativePath(uri));
  if (existing.length > 0) {
    void vscode.window.showErrorMessage(
      existing.length === 1
        ? vscode.l10n.t('{0} already exists: nothing was written. Rename or move it to create the starter.', existing[0]!)
        : vscode.l10n.t('{0} and {1} already exist: nothing was written. Rename or move them to create the starter.', existing[0]!, existing[1]!),
    );
    return;
  }
  const encode = (t: string) => new TextEncoder().encode(t);
  await vscode.workspace.fs.writeFile(site, encode(STARTER_SITE));
  await vscode.workspace.fs.writeFile(plan, encode(STARTER_PLAN));
  const gitignore = vscode.Uri.joinPath(folder.uri, '.gitignore');
  const before = (await exists(gitignore)) ? new TextDecoder().decode(await vscode.workspace.fs.readFile(gitignore)) : undefined;
  const after = withGitignoreLine(before);
  if (after !== undefined) await vscode.workspace.fs.writeFile(gitignore, encode(after));
  const gitattributes = vscode.Uri.joinPath(folder.uri, '.gitattributes');
  const attrs = withGitattributesLine((await exists(gitattributes)) ? new TextDecoder().decode(await vscode.workspace.fs.readFile(gitattributes)) : undefined);
  if (attrs !== undefined) await vscode.workspace.fs.writeFile(gitattributes, encode(attrs));
  s.log.info(`Starter written: ${site.fsPath}, ${plan.fsPath}${after !== undefined ? `, local files (${GITIGNORE_LINE}, site locks) ignored in .gitignore` : ''}${attrs !== undefined ? `, ${GITATTRIBUTES_LINE} added to .gitattributes` : ''}.`);
  await s.sites.reload();
  // Beside the walkthrough (which the engineer may be following), and kept open: not a preview that replaces it.
  await vscode.window.showTextDocument(plan, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Created {0} and {1}. Replace the ids with those of the site and the entitlement e-mail, then run Activate from the BMS Licenses view.', STARTER_SITE_FILE, STARTER_PLAN_FILE),
  );
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
