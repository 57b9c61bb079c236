// The sub-commands, in the order `--help` lists them. Each lives in its own file.
import type { CliCommand } from '../io';

export const commands: CliCommand[] = [];
