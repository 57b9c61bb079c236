// What a `bmslicense` task runs: the CLI bundled in the extension (dist/cli.js), under the editor's own
// Node (ELECTRON_RUN_AS_NODE), so a task needs no global install. No vscode import: unit-tested.

export const TASK_TYPE = 'bmslicense';
/** The CLI commands a task may run: the ones that read the workspace and print findings. */
export const TASK_COMMANDS = ['validate', 'plan'] as const;

export interface BmsTaskDefinition {
  type: typeof TASK_TYPE;
  command: (typeof TASK_COMMANDS)[number];
  args?: string[];
}

export interface TaskCommandLine {
  command: string;
  args: string[];
  env: Record<string, string>;
}

/** `node -e "require(cli).main()" cli validate …`: with -e, argv[1] is the first argument after the script. */
export function taskCommandLine(nodePath: string, cliPath: string, definition: BmsTaskDefinition): TaskCommandLine {
  return {
    command: nodePath,
    args: ['-e', 'require(process.argv[1]).main()', cliPath, definition.command, ...(definition.args ?? [])],
    env: { ELECTRON_RUN_AS_NODE: '1' },
  };
}

export function isTaskDefinition(value: { type: string; [key: string]: unknown }): value is BmsTaskDefinition & { [key: string]: unknown } {
  const args = value.args;
  return (
    value.type === TASK_TYPE &&
    (TASK_COMMANDS as readonly unknown[]).includes(value.command) &&
    (args === undefined || (Array.isArray(args) && args.every((a) => typeof a === 'string')))
  );
}
