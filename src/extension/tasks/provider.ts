// Tasks of type `bmslicense` (tasks.json, Terminal › Run Task): `validate` for each workspace folder is
// offered, any `validate`/`plan` with arguments is resolved; findings land in Problems via $bmslicense.
import * as vscode from 'vscode';
import { isTaskDefinition, TASK_TYPE, taskCommandLine, type BmsTaskDefinition } from './commandLine';

function task(context: vscode.ExtensionContext, definition: BmsTaskDefinition, scope: vscode.WorkspaceFolder, name: string): vscode.Task {
  const line = taskCommandLine(process.execPath, context.asAbsolutePath('dist/cli.js'), definition);
  const execution = new vscode.ProcessExecution(line.command, line.args, { cwd: scope.uri.fsPath, env: line.env });
  const t = new vscode.Task(definition, scope, name, 'bmslicense', execution, ['$bmslicense']);
  t.group = vscode.TaskGroup.Test;
  return t;
}

export function registerTasks(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.tasks.registerTaskProvider(TASK_TYPE, {
      provideTasks: () =>
        (vscode.workspace.workspaceFolders ?? []).map((folder) => task(context, { type: TASK_TYPE, command: 'validate' }, folder, 'validate')),
      resolveTask(t) {
        const definition = t.definition as { type: string; [key: string]: unknown };
        if (!isTaskDefinition(definition)) return undefined;
        const scope = typeof t.scope === 'object' ? t.scope : vscode.workspace.workspaceFolders?.[0];
        return scope ? task(context, definition, scope, t.name) : undefined;
      },
    }),
  );
}
