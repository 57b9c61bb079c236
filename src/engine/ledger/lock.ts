// A cross-process lock on a file: `<file>.lock` holds the holder's pid, host, what it does and a random
// token. Taken by an atomic exclusive create (a complete temp file hard-linked into place, so nobody ever
// reads a half-written lock); released only by the holder whose token is still in it.
//
// Taking over a stale lock (its pid is dead on this host) is the racy part: two waiters can both see it
// stale, and the slower one must not delete the lock the faster one has just taken. So a takeover happens
// under a second, short-lived lock (`<file>.lock.takeover`): under it the lock is read again and removed
// only if it still carries the very token that was judged stale.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeStateDir } from '../stateFolder';
import { disk } from './disk';
import { removeStaleTemps } from './staleTemps';

export interface LockHolder {
  pid: number;
  host: string;
  /** What the holder is doing, e.g. `bmslicense apply by jsmith`. */
  what: string;
  /** ISO time the lock was taken. */
  since: string;
  token: string;
}

export interface HeldLock {
  file: string;
  holder: LockHolder;
  release(): void;
}

export interface LockOptions {
  what: string;
  /** How long to wait for the holder; 0 = refuse at once. */
  timeoutMs: number;
  /** Called once when the lock is busy and this process starts waiting. */
  onWait?: (holder: LockHolder | undefined) => void;
  signal?: AbortSignal;
  /** First pause between attempts; doubles up to 200 ms. */
  pollMs?: number;
}

export type LockOutcome = { ok: true; lock: HeldLock } | { ok: false; reason: 'timeout' | 'cancelled'; holder: LockHolder | undefined; waitedMs: number };

/** A lock file whose content cannot be read is treated as stale once it is this old (a crashed fallback writer). */
const UNREADABLE_STALE_MS = 5_000;

export function lockFileOf(file: string): string {
  return `${file}.lock`;
}

export async function acquireLock(file: string, options: LockOptions): Promise<LockOutcome> {
  const lockFile = lockFileOf(file);
  makeStateDir(path.dirname(lockFile));
  removeStaleTemps(path.dirname(lockFile), path.basename(lockFile), processAlive);
  const started = Date.now();
  let pause = options.pollMs ?? 10;
  let waited = false;
  let holder: LockHolder | undefined;
  for (;;) {
    const mine = tryCreate(lockFile, options.what);
    if (mine) return { ok: true, lock: heldLock(lockFile, mine) };
    holder = readHolder(lockFile);
    if (isStale(lockFile, holder)) {
      takeOver(lockFile, holder);
      continue;
    }
    const waitedMs = Date.now() - started;
    if (options.signal?.aborted) return { ok: false, reason: 'cancelled', holder, waitedMs };
    if (waitedMs >= options.timeoutMs) return { ok: false, reason: 'timeout', holder, waitedMs };
    if (!waited) {
      waited = true;
      options.onWait?.(holder);
    }
    await sleep(Math.min(pause, options.timeoutMs - waitedMs), options.signal);
    pause = Math.min(pause * 2, 200);
  }
}

/** Who holds the lock of `file` now, if anyone (for messages and tests). */
export function lockHolder(file: string): LockHolder | undefined {
  return readHolder(lockFileOf(file));
}

/** `bmslicense apply by jsmith (pid 1234 on eng01, since 10:15:02)`. */
export function describeHolder(h: LockHolder | undefined): string {
  if (!h) return 'another process';
  return `${h.what} (pid ${h.pid} on ${h.host}, since ${h.since.slice(11, 19)} UTC)`;
}

function tryCreate(lockFile: string, what: string): LockHolder | undefined {
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), what, since: new Date().toISOString(), token: crypto.randomBytes(8).toString('hex') };
  const text = `${JSON.stringify(holder)}\n`;
  const tmp = `${lockFile}.${process.pid}.${holder.token}.tmp`;
  try {
    disk.writeFile(tmp, text, 'wx');
    try {
      disk.link(tmp, lockFile); // atomic, and fails with EEXIST when the lock is taken
      return holder;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
      // File systems without hard links: an exclusive create, whose content a reader may briefly miss.
      return exclusiveCreate(lockFile, text) ? holder : undefined;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    fs.rmSync(tmp, { force: true }); // a half-written temp file on a full disk
    throw e;
  }
}

function exclusiveCreate(lockFile: string, text: string): boolean {
  try {
    disk.writeFile(lockFile, text, 'wx');
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

function readHolder(lockFile: string): LockHolder | undefined {
  try {
    const h = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockHolder;
    return Number.isInteger(h.pid) && h.pid > 0 && typeof h.token === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

/** Stale: the holder's process is gone (same host only: another host's pid cannot be checked from here). */
function isStale(lockFile: string, h: LockHolder | undefined): boolean {
  if (!h) {
    try {
      return Date.now() - fs.statSync(lockFile).mtimeMs > UNREADABLE_STALE_MS;
    } catch {
      return false; // gone meanwhile: try again
    }
  }
  if (h.host !== os.hostname()) return false;
  return !processAlive(h.pid);
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/** Removes the stale lock, but only if it still is the one judged stale (see the file comment). */
function takeOver(lockFile: string, stale: LockHolder | undefined): void {
  const guardFile = `${lockFile}.takeover`;
  const guard = tryCreate(guardFile, 'lock takeover');
  if (!guard) {
    // Another waiter is taking over; a guard left by a crashed waiter is itself removed once its pid is gone.
    const other = readHolder(guardFile);
    if (isStale(guardFile, other)) removeIfSame(guardFile, other);
    return;
  }
  try {
    removeIfSame(lockFile, stale);
  } finally {
    removeIfSame(guardFile, guard);
  }
}

function removeIfSame(file: string, expected: LockHolder | undefined): void {
  const now = readHolder(file);
  if (expected ? now?.token !== expected.token : now !== undefined) return;
  fs.rmSync(file, { force: true });
}

function heldLock(file: string, holder: LockHolder): HeldLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    removeIfSame(file, holder);
  };
  // A process that exits without releasing (an uncaught error) leaves no lock behind.
  process.on('exit', release);
  return { file, holder, release };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(1, ms));
    signal?.addEventListener('abort', done, { once: true });
  });
}
