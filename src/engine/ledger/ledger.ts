// The ledger file: append-only JSON Lines, one event a line, reviewable in pull requests. An append is a
// single write of whole lines on an O_APPEND file, then fsync, so concurrent writers never interleave
// inside a line and a crash loses at most the line being written (reported by readLedger, never glued).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LicenseLine } from '../las/types';
import type { Site } from '../model';
import { PROVENANCE_OPS, type Via } from './provenance';

export const LEDGER_OPS = ['activate', 'request-created', 'response-imported', 'return', 'return-confirmed', 'reclaim', 'repair', 'broken', ...PROVENANCE_OPS] as const;
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

/** Appends events as whole lines in one write (all of them or, on a crash, a torn tail), then fsyncs. */
export function appendLedger(file: string, events: LedgerEvent | LedgerEvent[]): void {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return;
  let text = list.map((e) => `${JSON.stringify(e)}\n`).join('');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT, 0o644);
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
    let written = fs.writeSync(fd, buf, 0, buf.length);
    // Regular files take the whole buffer; keep going if a file system ever says otherwise.
    while (written < buf.length) written += fs.writeSync(fd, buf, written, buf.length - written);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads every whole, valid event; a torn or invalid line is reported with its line number and skipped. */
export function readLedger(file: string): LedgerReadWithLines {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { events: [], problems: [], lineOf: [] };
    return { events: [], problems: [{ line: 0, message: `Cannot read the ledger ${file}: ${(e as Error).message}` }], lineOf: [] };
  }
  return parseLedgerWithLines(text);
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
  return conflict === undefined ? { events, problems, lineOf } : { events, problems, conflict, lineOf };
}

function invalidEvent(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not a JSON object';
  const e = v as Record<string, unknown>;
  if (typeof e.at !== 'string' || Number.isNaN(Date.parse(e.at))) return "no valid 'at' time";
  if (typeof e.op !== 'string' || !(LEDGER_OPS as readonly string[]).includes(e.op)) return `unknown op ${JSON.stringify(e.op)}`;
  if (typeof e.site !== 'string') return "no 'site'";
  return undefined;
}
