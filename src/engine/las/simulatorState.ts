// The simulator's state on disk: one JSON file, replaced atomically (temp file + fsync + rename) so a
// crash leaves either the old state or the new one, never half of each.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EntitledProduct, LicenseLine } from './types';

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
}

export const STATE_FILE = 'state.json';

export function emptyState(): SimState {
  return { version: 1, products: {}, transactions: [], repairs: [], answered: {}, counter: 0 };
}

export function readState(dataDir: string): SimState {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, STATE_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw e;
  }
  const parsed = JSON.parse(text) as Partial<SimState>;
  return { ...emptyState(), ...parsed, version: 1 };
}

/** Writes `text` to `file` atomically: temp file beside it, fsync, rename, fsync of the folder. */
export function writeFileAtomic(file: string, text: string, mode = 0o644): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(tmp, 'w', mode);
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
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

export function writeState(dataDir: string, state: SimState): void {
  writeFileAtomic(path.join(dataDir, STATE_FILE), `${JSON.stringify(state, null, 1)}\n`);
}
