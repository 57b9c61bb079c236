// The simulator's state on disk: one JSON file, replaced atomically (temp file + fsync + rename) so a
// crash leaves either the old state or the new one, never half of each.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeStateDir } from '../stateFolder';
import type { EntitledProduct, LicenseLine } from './types';
import { disk } from '../ledger/disk';

export type SimTransactionStatus = 'active' | 'broken' | 'return-pending' | 'returned';

export interface SimLine extends LicenseLine {
  /** Entitlement quantity when this line was last activated or reclaimed: a reclaim adds the difference. */
  entitled: number;
}

export interface SimTransaction {
  transaction: string;
  site: string;
  target: string;
  targetType: string;
  licenseServer?: string;
  lines: SimLine[];
  at: string;
  status: SimTransactionStatus;
  returnedAt?: string;
}

export interface SimRepair {
  site: string;
  target: string;
  transaction: string;
  at: string;
}

export interface SimState {
  version: 1;
  products: Record<string, EntitledProduct>;
  transactions: SimTransaction[];
  repairs: SimRepair[];
  /** Answers already given to offline requests, by request id: a request answered twice gets the same answer. */
  answered: Record<string, unknown>;
  counter: number;
  /** SHA-256 of the public key the simulator signs with, once it has one: a missing key file is then an error. */
  signingKey?: string;
}

export const STATE_FILE = 'state.json';

export function emptyState(): SimState {
  return { version: 1, products: {}, transactions: [], repairs: [], answered: {}, counter: 0 };
}

/** The state, or an error naming the file (the simulator never starts afresh over a file it cannot read). */
export type LoadedState = { ok: true; state: SimState; exists: boolean } | { ok: false; file: string; message: string };

export function stateFile(dataDir: string): string {
  return path.join(dataDir, STATE_FILE);
}

export function loadState(dataDir: string): LoadedState {
  const file = stateFile(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: true, state: emptyState(), exists: false };
    return { ok: false, file, message: `The LAS simulator state ${file} cannot be read (${code ?? (e as Error).message}): make it readable and try again.` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, file, message: corrupt(file, (e as Error).message) };
  }
  const p = parsed as Partial<SimState> | null;
  if (!p || typeof p !== 'object' || Array.isArray(p) || !Array.isArray(p.transactions ?? []) || typeof (p.products ?? {}) !== 'object') {
    return { ok: false, file, message: corrupt(file, 'not a simulator state') };
  }
  return { ok: true, state: { ...emptyState(), ...p, version: 1 }, exists: true };
}

function corrupt(file: string, why: string): string {
  return `The LAS simulator state ${file} is damaged (${why}). Nothing was changed. Restore it from a backup; or move it away and run 'bmslicense las restore --site NAME' to rebuild the simulator's record of each site from its ledger.`;
}

/** The state; throws an Error naming the file when it cannot be read (tests and tools; workflows use `loadState`). */
export function readState(dataDir: string): SimState {
  const loaded = loadState(dataDir);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.state;
}

/** Writes `text` to `file` atomically: temp file beside it, fsync, rename, fsync of the folder. */
export function writeFileAtomic(file: string, text: string, mode = 0o644): void {
  const dir = path.dirname(file);
  makeStateDir(dir);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = disk.open(tmp, 'w', mode);
    try {
      disk.write(fd, tmp, Buffer.from(text, 'utf8'));
      disk.fsync(fd, tmp);
    } finally {
      fs.closeSync(fd);
    }
    disk.rename(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true }); // a failed write leaves no temp file behind (a full disk stays full otherwise)
    if ((e as NodeJS.ErrnoException).path === tmp) (e as NodeJS.ErrnoException).path = file; // the file the user knows
    throw e;
  }
  // The rename itself is durable only once the folder is synced (not possible on every platform).
  try {
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    /* folders cannot be opened for sync on Windows */
  }
}

/** Past this many transactions the state is written without indentation: it is written at every step. */
const COMPACT_FROM = 2000;

/**
 * The JSON of returned transactions, kept between writes of one process: a returned transaction never changes
 * again (return, repair, reclaim and confirm refuse or skip it; only `las restore` revives one, giving it a new
 * status and a new `lines` array, which the check below sees). A long history is then not serialized anew at
 * every step.
 */
const JSON_OF = Symbol('json of a returned transaction'); // a symbol key: JSON.stringify never writes it

type Cached = SimTransaction & { [JSON_OF]?: { lines: SimLine[]; returnedAt?: string; json: string } };

function transactionJson(t: Cached): string {
  if (t.status !== 'returned') return JSON.stringify(t);
  const known = t[JSON_OF];
  if (known && known.lines === t.lines && known.returnedAt === t.returnedAt) return known.json;
  const json = JSON.stringify(t);
  // Not enumerable: a copy made by spreading the transaction does not take the cached text along.
  Object.defineProperty(t, JSON_OF, { value: { lines: t.lines, returnedAt: t.returnedAt, json }, writable: true, configurable: true, enumerable: false });
  return json;
}

/** The state as JSON: indented while small, compact and with the returned history reused once big. */
export function stateText(state: SimState): string {
  if (state.transactions.length < COMPACT_FROM) return JSON.stringify(state, null, 1);
  const { transactions, ...rest } = state;
  const head = JSON.stringify(rest);
  const list = `"transactions":[${transactions.map(transactionJson).join(',')}]`;
  return head === '{}' ? `{${list}}` : `${head.slice(0, -1)},${list}}`;
}

export function writeState(dataDir: string, state: SimState): void {
  writeFileAtomic(path.join(dataDir, STATE_FILE), `${stateText(state)}\n`);
}
