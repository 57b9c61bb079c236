// Where lmstat text comes from: running `lmutil lmstat -a -c <address>` (no shell, a timeout, a size cap)
// or a saved output file. Failures are values whose message says what to do next.
import { execFile, type ExecFileException } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { addressProblems } from '../flexnet/address';
import { decodeLmstatBytes } from './decode';
import { parseLmstat } from './parse';
import type { LmstatResult } from './types';

export const DEFAULT_LMUTIL_PATH = 'lmutil';
export const DEFAULT_LMSTAT_TIMEOUT_MS = 15_000;
/** A busy server with thousands of users prints a few MB; more than this is not lmstat. */
export const DEFAULT_LMSTAT_MAX_BYTES = 32 * 1024 * 1024;

export type LmstatSourceErrorCode = 'bad-address' | 'not-found' | 'not-executable' | 'timeout' | 'cancelled' | 'too-large' | 'no-output' | 'unreadable';

export interface LmstatSourceError {
  code: LmstatSourceErrorCode;
  message: string;
}

export interface LmstatText {
  text: string;
  result: LmstatResult;
  /** What produced the text, for the cache and messages: the command line, or the file. */
  source: { kind: 'lmutil'; path: string; args: string[]; exitCode: number | null } | { kind: 'file'; file: string };
}

export type LmstatOutcome = { ok: true; value: LmstatText } | { ok: false; error: LmstatSourceError };

export interface RunLmstatOptions {
  /** `bmsLicense.lmstat.path`: `lmutil`, or its full path. */
  path?: string;
  /** The License Server's FlexNet address: `@host`, `port@host`, `;`-joined. */
  address: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  maxBytes?: number;
}

const IMPORT_HINT = "or import a saved output with 'Import lmstat Output…'";

const fail = (code: LmstatSourceErrorCode, message: string): LmstatOutcome => ({ ok: false, error: { code, message } });

/** The arguments lmutil gets: each one passed as is, never through a shell. */
export function lmstatArgs(address: string): string[] {
  return ['lmstat', '-a', '-c', address.trim()];
}

/** Why an address cannot be handed to lmutil; undefined when it is a valid FlexNet address list. */
export function lmstatAddressProblem(address: string): string | undefined {
  const problems = addressProblems(address);
  if (problems.length === 0) return undefined;
  return `The License Server address '${address}' cannot be queried: ${problems.join('; ')}. Fix the address in the Site file (e.g. '@localhost' or '27000@es01'), then refresh.`;
}

/** Runs `lmutil lmstat -a -c <address>` and parses what it printed, also when it exits non-zero (it does when a server is down). */
export function runLmstat(options: RunLmstatOptions): Promise<LmstatOutcome> {
  const path = options.path?.trim() || DEFAULT_LMUTIL_PATH;
  const problem = lmstatAddressProblem(options.address);
  if (problem) return Promise.resolve(fail('bad-address', problem));
  const timeoutMs = options.timeoutMs ?? DEFAULT_LMSTAT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_LMSTAT_MAX_BYTES;
  if (options.signal?.aborted) return Promise.resolve(fail('cancelled', 'Cancelled before lmutil was started.'));
  const args = lmstatArgs(options.address);
  return new Promise((resolve) => {
    const child = execFile(
      path,
      args,
      { shell: false, windowsHide: true, encoding: 'buffer', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: maxBytes, signal: options.signal },
      (error, stdout, stderr) => {
        const done = () => resolve(outcome(path, args, options, timeoutMs, maxBytes, error, stdout, stderr));
        // On cancel Node reports before the killed child is gone: answer once it really has exited.
        if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) child.once('exit', done);
        else done();
      },
    );
  });
}

function outcome(
  path: string,
  args: string[],
  options: RunLmstatOptions,
  timeoutMs: number,
  maxBytes: number,
  error: ExecFileException | null,
  stdout: Buffer,
  stderr: Buffer,
): LmstatOutcome {
  const shown = `${path} ${args.join(' ')}`;
  if (error) {
    const code = typeof error.code === 'string' ? error.code : undefined;
    if (code === 'ENOENT') return fail('not-found', `lmutil was not found ('${path}'): set bmsLicense.lmstat.path to lmutil's full path, ${IMPORT_HINT}.`);
    if (code === 'EACCES' || code === 'EPERM') return fail('not-executable', `'${path}' cannot be run (permission denied): make it executable or set bmsLicense.lmstat.path to lmutil's full path, ${IMPORT_HINT}.`);
    if (code === 'ABORT_ERR' || error.name === 'AbortError' || options.signal?.aborted) return fail('cancelled', `Cancelled: '${shown}' was stopped.`);
    if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return fail('too-large', `'${shown}' printed more than ${Math.round(maxBytes / 1024 / 1024)} MB, which is not lmstat output: check bmsLicense.lmstat.path points at lmutil.`);
    if (error.killed && error.signal) {
      return fail('timeout', `'${shown}' did not answer within ${timeoutMs / 1000} s and was stopped: check that ${options.address.trim()} is reachable from this computer, or raise bmsLicense.lmstat.timeoutMs.`);
    }
    if (typeof error.code !== 'number' && !error.signal) return fail('not-found', `'${shown}' could not be started (${error.message}): set bmsLicense.lmstat.path to lmutil's full path, ${IMPORT_HINT}.`);
  }
  // lmutil exits non-zero when a License Server is down and still prints why: parse it.
  const text = decodeLmstatBytes(stdout.length > 0 ? stdout : stderr);
  const result = parseLmstat(text);
  if (!hasStatus(result)) {
    const said = decodeLmstatBytes(stderr).trim().split(/\r?\n/)[0] ?? '';
    return fail('no-output', `'${shown}' printed no License Server status${said ? ` (it said: ${said.slice(0, 200)})` : ''}: check bmsLicense.lmstat.path points at FlexNet's lmutil.`);
  }
  const exitCode = error && typeof error.code === 'number' ? error.code : error ? null : 0;
  return { ok: true, value: { text, result, source: { kind: 'lmutil', path, args, exitCode } } };
}

/** True when the text held any lmstat status: a header, an error, a server block or an expiry table. */
function hasStatus(r: LmstatResult): boolean {
  return r.header.tool !== null || r.header.statusTime !== null || r.error !== null || r.blocks.length > 0 || r.expiryTable.length > 0;
}

/** Reads a saved `lmutil lmstat` output (UTF-8, UTF-16 or Latin-1). */
export async function importLmstat(file: string): Promise<LmstatOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    return fail('unreadable', `Cannot read '${file}': ${reason}. Save the output first, e.g. \`lmutil lmstat -a -c 27000@localhost > lmstat.txt\`.`);
  }
  const text = decodeLmstatBytes(bytes);
  const result = parseLmstat(text);
  if (!hasStatus(result)) return fail('no-output', `'${file}' holds no lmstat output (no License Server status, feature or error line): save the output of \`lmutil lmstat -a -c <address>\` and import that.`);
  return { ok: true, value: { text, result, source: { kind: 'file', file } } };
}
