// The ledger file: append-only JSON Lines, one event a line, reviewable in pull requests. An append is a
// single write of whole lines on an O_APPEND file, then fsync, so concurrent writers never interleave
// inside a line and a crash loses at most the line being written (reported by readLedger, never glued).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LicenseLine } from '../las/types';
import type { Site } from '../model';
import { voidedLines } from './void';
import { disk, diskError } from './disk';
import { decodeUtf8, notUtf8Message } from '../load/encoding';
import type { Via } from './provenance';
import { KNOWN_LEDGER_VOCABULARY } from './vocabulary';

/** The ops this version knows: the one list is ledger/vocabulary.ts. */
export const LEDGER_OPS = KNOWN_LEDGER_VOCABULARY.ops;
export type LedgerOp = (typeof LEDGER_OPS)[number];

/** What an offline request asks the LAS to do. */
export type RequestOp = 'activate' | 'return' | 'reclaim' | 'repair';

export interface LedgerEvent {
  /** ISO time, UTC, seconds precision. */
  at: string;
  op: LedgerOp;
  site: string;
  target?: string;
  activationId?: string;
  quantity?: number;
  transaction?: string;
  mode?: 'online' | 'offline';
  by?: string;
  /** Several license lines in one event (a return takes a whole transaction). */
  lines?: LicenseLine[];
  /** Offline files: the request this event belongs to, its operation, the file and its SHA-256. */
  requestId?: string;
  request?: RequestOp;
  file?: string;
  digest?: string;
  transactions?: string[];
  /** Reclaim: the quantity before. */
  from?: number;
  /** response-imported: whether the LAS accepted the request, and why not. */
  accepted?: boolean;
  error?: string;
  /** Where it came from (see provenance.ts): written by the engine, never taken from a flag. */
  via?: Via;
  /** via http: the activation server's host (never its token). */
  lasHost?: string;
  /** The vendor's id of what was done, as the vendor's tool shows it. */
  vendorRef?: string;
  /** void, --anyway, broken: why. */
  reason?: string;
  /** void, adopt: the 1-based ledger line cancelled or confirmed. */
  line?: number;
  /** Recorded although the ledger contradicted it (`reason` says why). */
  anyway?: boolean;
  /** verified: the License Server's issued seats per feature, as lmstat showed them. */
  counts?: Record<string, number>;
}

export interface LedgerProblem {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

export interface LedgerRead {
  events: LedgerEvent[];
  problems: LedgerProblem[];
  /** 1-based line of the first git conflict marker: such a ledger is refused by every command. */
  conflict?: number;
  /** 1-based line of each event (`void` and `adopt` name lines), when read from a file or text. */
  lineOf?: number[];
}

/** A read that also knows the 1-based line of each event (for findings that point at a line). */
export interface LedgerReadWithLines extends LedgerRead {
  lineOf: number[];
}

/** `<<<<<<<`, `=======`, `>>>>>>>` (and diff3's `|||||||`) at the start of a line, as git writes them. */
const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})( |$)/;

/** What every command says, and does not write, when the ledger holds conflict markers. */
export function conflictMessage(file: string, line: number): string {
  return `merge conflict in ${file} at line ${line}: resolve it (keep the event lines of both sides and delete the <<<<<<<, ======= and >>>>>>> lines; with '*.ledger.jsonl merge=union' in .gitattributes git merges ledgers without conflicts), then run the command again. Nothing was written.`;
}

/** The Site's ledger: `spec.ledger` relative to the site file, default `<metadata.name>.ledger.jsonl` beside it. */
export function ledgerPathFor(site: Pick<Site, 'name' | 'ledger'>, siteFilePath: string): string {
  return path.resolve(path.dirname(siteFilePath), site.ledger || `${site.name}.ledger.jsonl`);
}

/** Who did it: the OS user name, or what the environment says when the OS cannot tell. */
export function defaultActor(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return os.userInfo().username;
  } catch {
    return env.USER || env.USERNAME || 'unknown';
  }
}

/** Time as the ledger writes it: `2026-11-23T10:15:00Z`. */
export function ledgerTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Appends events as whole lines in one write, then fsyncs. Whole or absent: when the write or the fsync
 * fails (a full disk), what part of it reached the file is cut back before the error is thrown. Returns the
 * bytes written.
 */
export function appendLedger(file: string, events: LedgerEvent | LedgerEvent[]): number {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return 0;
  let text = list.map((e) => `${JSON.stringify(e)}\n`).join('');
  disk.mkdir(path.dirname(file));
  const fd = disk.open(file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT, 0o644);
  try {
    // A torn last line (crash mid-write) must not swallow the first new line: start on a fresh line.
    const size = fs.fstatSync(fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      const rfd = fs.openSync(file, 'r');
      try {
        fs.readSync(rfd, last, 0, 1, size - 1);
      } finally {
        fs.closeSync(rfd);
      }
      if (last[0] !== 0x0a) text = `\n${text}`;
    }
    const buf = Buffer.from(text, 'utf8');
    try {
      disk.write(fd, file, buf);
      disk.fsync(fd, file);
    } catch (e) {
      cutBack(fd, file, size, buf.length);
      throw e;
    }
    return buf.length;
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes a partly written append (only ours: the file is no longer than before plus what we wrote). */
function cutBack(fd: number, file: string, size: number, length: number): void {
  try {
    const now = fs.fstatSync(fd).size;
    if (now > size && now <= size + length) {
      disk.truncate(fd, file, size);
      fs.fsyncSync(fd);
    }
  } catch {
    /* the error being reported says what is wrong with the disk */
  }
}

/** Room an append needs besides its own bytes (a full disk is found before the LAS is asked, not after). */
export const LEDGER_ROOM_BYTES = 1024 * 1024;

/** Opens the ledger for append and checks the disk has room: the error, or undefined when it can be written. */
export function ledgerWritable(file: string): NodeJS.ErrnoException | undefined {
  try {
    disk.mkdir(path.dirname(file));
    const existed = fs.existsSync(file);
    fs.closeSync(disk.open(file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT, 0o644));
    if (!existed) fs.rmSync(file, { force: true }); // no ledger file for a run that records nothing
    const free = disk.freeBytes(path.dirname(file));
    if (free !== undefined && free < LEDGER_ROOM_BYTES) return diskError('ENOSPC', 'write', file);
    return undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code) return e as NodeJS.ErrnoException;
    throw e;
  }
}

/** Reads every whole, valid event; a torn or invalid line is reported with its line number and skipped. */
export function readLedger(file: string): LedgerReadWithLines {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], problems: [], lineOf: [] };
    return { events: [], problems: [{ line: 0, message: `Cannot read the ledger ${file}: ${(e as Error).message}` }], lineOf: [] };
  }
  // A ledger saved as UTF-16 (PowerShell) would read as lines of garbage: said once, nothing taken from it.
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { events: [], problems: [{ line: decoded.line, message: notUtf8Message(path.basename(file), decoded) }], lineOf: [] };
  return parseLedgerWithLines(decoded.text);
}

export function parseLedger(text: string): LedgerReadWithLines {
  return parseLedgerWithLines(text);
}

export function parseLedgerWithLines(text: string): LedgerReadWithLines {
  const events: LedgerEvent[] = [];
  const problems: LedgerProblem[] = [];
  const lines = text.split('\n');
  const tornTail = lines[lines.length - 1] !== '';
  const lineOf: number[] = [];
  let conflict: number | undefined;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const n = i + 1;
    if (CONFLICT_MARKER.test(line)) {
      conflict ??= n;
      problems.push({ line: n, message: 'git conflict marker: resolve the merge conflict' });
      return;
    }
    const last = i === lines.length - 1 && tornTail;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ line: n, message: last ? 'incomplete last line (the write was cut short, e.g. by a crash): ignored' : 'not a JSON event: ignored' });
      return;
    }
    const why = invalidEvent(value);
    if (why) problems.push({ line: n, message: `${why}: ignored` });
    else {
      events.push(value as LedgerEvent);
      lineOf.push(n);
    }
  });
  // A line a later `void` event names is cleared: no command counts it.
  const voided = text.includes('"void"') ? voidedLines(lines.map((raw, i) => ({ line: i + 1, value: parseOrUndefined(raw.replace(/\r$/, '')) }))) : new Set<number>();
  if (voided.size > 0) {
    const keep = lineOf.map((n) => !voided.has(n));
    const kept = { events: events.filter((_, i) => keep[i]), lineOf: lineOf.filter((_, i) => keep[i]) };
    return conflict === undefined ? { ...kept, problems } : { ...kept, problems, conflict };
  }
  return conflict === undefined ? { events, problems, lineOf } : { events, problems, conflict, lineOf };
}

function parseOrUndefined(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Why a JSON value is not an event the fold can take (undefined: it can). */
export function invalidEvent(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not a JSON object';
  const e = v as Record<string, unknown>;
  if (typeof e.at !== 'string' || Number.isNaN(Date.parse(e.at))) return "no valid 'at' time";
  if (typeof e.op !== 'string' || !(LEDGER_OPS as readonly string[]).includes(e.op)) return `unknown op ${JSON.stringify(e.op)}`;
  if (typeof e.site !== 'string') return "no 'site'";
  return undefined;
}
