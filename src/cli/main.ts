// `bmslicense`: the command-line face of the engine.
import { asksForHelp, HelpRequest } from './args';
import type { CliCommand, CliIO } from './io';
import { UsageError } from './io';
import { commands } from './commands';
import { commandHelp } from './help';
import { describeDiskError, isDiskError } from '../engine/ledger/disk';

function help(io: CliIO): void {
  io.out('Usage: bmslicense <command> [options]\n\nCommands:\n');
  const width = Math.max(...commands.map((c) => c.name.length));
  for (const c of commands) io.out(`  ${c.name.padEnd(width)}  ${c.summary}\n`);
  io.out('\nRun `bmslicense <command> --help` for the options of one command, with examples.\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V') {
    io.out(`${require('../../package.json').version}\n`);
    return 0;
  }
  const command: CliCommand | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`bmslicense: unknown command '${name}'. Run 'bmslicense --help' for the list of commands.\n`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    // The parser owns --help: it hands back the command's option table instead of running anything.
    if (e instanceof HelpRequest || (e instanceof UsageError && asksForHelp(args))) {
      io.out(commandHelp(command, e instanceof HelpRequest ? e.options : undefined));
      return 0;
    }
    if (e instanceof UsageError) {
      io.err(`bmslicense ${name}: ${e.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (isDiskError(e)) {
      io.err(`bmslicense ${name}: ${describeDiskError(e, 'write')}\n`);
      return 1;
    }
    throw e;
  }
}

/** Entry point of the `bmslicense` binary. */
export function main(): void {
  // `bmslicense … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const io: CliIO = {
    cwd: process.cwd(),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    env: process.env,
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A full, read-only or forbidden disk is no bug: say which file, what it means and what to do.
      if (isDiskError(e)) {
        process.stderr.write(`bmslicense: ${describeDiskError(e, 'write')}\n`);
        process.exitCode = 1;
        return;
      }
      process.stderr.write(`bmslicense: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nPlease report this with the command you ran.\n`);
      process.exitCode = 1;
    },
  );
}
