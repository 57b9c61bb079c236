// The CLI in process for tests: each run starts with empty output, which `out` and `err` then hold.
import type { CliIO } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';

export interface CapturedCli {
  (...argv: string[]): Promise<number>;
  readonly out: string;
  readonly err: string;
}

/** `bmslicense` in the folder `cwd()` (read at each run), with `env` as its whole environment. */
export function capturedCli(cwd: () => string, env: NodeJS.ProcessEnv): CapturedCli {
  let out = '';
  let err = '';
  const run = (...argv: string[]) => {
    out = '';
    err = '';
    const io: CliIO = { cwd: cwd(), env, out: (t) => void (out += t), err: (t) => void (err += t) };
    return runCli(argv, io);
  };
  return Object.defineProperties(run, { out: { get: () => out }, err: { get: () => err } }) as CapturedCli;
}
