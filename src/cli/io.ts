// What a CLI command gets from the outside world: arguments, output streams, the working folder.
export interface CliIO {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Environment (for `BMSLICENSE_*` settings); never printed. */
  env: NodeJS.ProcessEnv;
  /** Standard input, read whole (a FILE argument of `-`). */
  stdin?: () => Promise<Buffer>;
}

/** A sub-command: returns the process exit code (0 ok, 1 findings/failure, 2 usage or unreadable input). */
export interface CliCommand {
  name: string;
  /** One line for `bmslicense --help`. */
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
