// Command-line options, parsed by Node's own `util.parseArgs` (clig.dev conventions: `--name value`,
// `--name=value`, `-f json`, `--` ends the options, a lone `-` is a positional meaning standard input).
// `-h`/`--help` anywhere before `--` asks for the command's help instead of running it.
import { parseArgs as nodeParseArgs } from 'node:util';
import { didYouMean } from '../engine/rules/suggest';
import { UsageError } from './io';

export interface ParsedArgs {
  flags: Map<string, string | true>;
  positional: string[];
}

/** The option table of a command: each option's name, and whether it takes a value. */
export type OptionTable = Record<string, boolean>;

/** Short forms, the same for every command that has the option. */
export const SHORT_OPTIONS: Readonly<Record<string, string>> = { format: 'f', out: 'o' };

/** Thrown by `parseArgs` when the user asked for help: carries the options the command knows. */
export class HelpRequest extends Error {
  constructor(readonly options: OptionTable) {
    super('help requested');
  }
}

/** True when `-h` or `--help` comes before any `--`. */
export function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '-h' || a === '--help');
}

/** Parses `args` against the command's option table; a UsageError that says what is wrong otherwise. */
export function parseArgs(args: string[], known: OptionTable): ParsedArgs {
  if (asksForHelp(args)) throw new HelpRequest(known);
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, takesValue] of Object.entries(known)) {
    options[name] = { type: takesValue ? 'string' : 'boolean', ...(SHORT_OPTIONS[name] ? { short: SHORT_OPTIONS[name] } : {}) };
  }
  let parsed;
  try {
    parsed = nodeParseArgs({ args, options, strict: true, allowPositionals: true, tokens: true });
  } catch (e) {
    throw new UsageError(wordError(e as Error & { code?: string }, Object.keys(known)));
  }
  const flags = new Map<string, string | true>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (!known[token.name]) flags.set(token.name, true);
    else if (token.value === undefined || token.value === '') throw new UsageError(`--${token.name} needs a value`);
    else flags.set(token.name, token.value);
  }
  return { flags, positional: parsed.positionals };
}

export function flag(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** Node's parser errors in our words: the option, what is wrong, and the closest known option. */
function wordError(e: Error & { code?: string }, names: string[]): string {
  const option = /'(-{1,2}[^' ]*)/.exec(e.message)?.[1] ?? '';
  const long = /--[\w-]+/.exec(e.message)?.[0] ?? option;
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const bare = option.replace(/^-+/, '').split('=')[0] ?? '';
      const hint = didYouMean(bare, names).hint.replace(/'([^']+)'/, "'--$1'");
      return `unknown option ${option}.${hint}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(e.message) ? `${long} takes no value` : `${long} needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${option}`;
    default:
      return e.message;
  }
}
