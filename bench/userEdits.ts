// What the benchmarks share to measure what an engineer gets: the server started as the extension starts it,
// edits sent in either sync style, the server's CPU time (does not depend on the machine's load as wall time
// does) and the settings the run used, labelled when they are not the defaults.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { defaultSettings, type ClientOptions } from '../test/lsp/harness';

export type SyncStyle = 'incremental' | 'full';

/** BENCH_SYNC=incremental|full: one style; both by default. */
export const SYNC_STYLES: SyncStyle[] = process.env.BENCH_SYNC ? [process.env.BENCH_SYNC as SyncStyle] : ['incremental', 'full'];

/** BENCH_DEBOUNCE_MS=n: a special `validation.debounceMs` (labelled in the output); the default otherwise. */
const DEBOUNCE = process.env.BENCH_DEBOUNCE_MS === undefined ? undefined : Number(process.env.BENCH_DEBOUNCE_MS);

/** How the benchmark starts the server: as the extension does, with the settings' defaults unless BENCH_DEBOUNCE_MS says otherwise. */
export function serverOptions(nodeArgs: string[] = []): ClientOptions {
  // BENCH_SERVER=path/to/server.js: another build of the server (an earlier commit's, for a before/after).
  const server = process.env.BENCH_SERVER;
  if (DEBOUNCE === undefined) return { asExtension: true, nodeArgs, server };
  const settings = defaultSettings() as { validation: object; expiryWarningDays: number };
  const special = { ...settings, validation: { ...settings.validation, debounceMs: DEBOUNCE } };
  return { asExtension: true, nodeArgs, server, configuration: (s) => (s === 'bmsLicense' ? special : null), initializationOptions: { validation: special.validation, expiryWarningDays: special.expiryWarningDays } };
}

/** What the output says about the settings: "default" or the special ones. */
export function settingsLabel(): string {
  const debounce = (defaultSettings().validation as { debounceMs: number }).debounceMs;
  return DEBOUNCE === undefined ? `default settings (validation.debounceMs ${debounce}), started as the extension starts the server` : `SPECIAL SETTINGS: validation.debounceMs ${DEBOUNCE} (the default is ${debounce})`;
}

/**
 * The change an editor sends when `before` becomes `after` in the text `lines` (line `line`): the changed
 * characters' range as VS Code sends it (incremental), or the whole new text (full).
 */
export function change(style: SyncStyle, lines: string[], line: number, after: string): TextDocumentContentChangeEvent[] {
  const before = lines[line];
  lines[line] = after;
  if (style === 'full') return [{ text: lines.join('\n') }];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [{ range: { start: { line, character: start }, end: { line, character: before.length - end } }, text: after.slice(start, after.length - end) }];
}

/** The server's CPU time so far (user + system, ms) from /proc (Linux); NaN elsewhere. */
export function serverCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the whole line (11 and 12 after the command), in clock ticks.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

export const percentile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

export const machine = (): { cpus: number; loadAverage: number[] } => ({ cpus: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 10) / 10) });

/** Resolves after `ms` (the pause an engineer makes between two edits, or a keystroke's gap). */
export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
