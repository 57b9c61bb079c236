// Where the simulator's state lives between operations: read, change and write one at a time in this
// process (a queue), and under the state file's lock across processes (CLI, extension, `las serve`), so no
// process ever writes a state read before another one's change. An offline answer holds the lock across
// the operations it runs (`holdForAnswer`), which then skip taking it again.
import type { Result } from '../result';
import { acquireLock, describeHolder, processAlive, type HeldLock } from '../ledger/lock';
import { loadState, STATE_FILE, stateFile, writeState, type LoadedState, type SimState } from './simulatorState';
import { removeStaleTemps } from '../ledger/staleTemps';
import * as fs from 'node:fs';
import type { LasResult } from './types';

export class StateStore {
  private queue: Promise<unknown> = Promise.resolve();
  private cached: { stamp: string; state: SimState } | undefined;
  private swept = false;
  /** Set while an offline answer holds the state lock across the operations it runs. */
  private heldByAnswer = false;

  constructor(
    private readonly dataDir: string,
    private readonly lockTimeoutMs: number,
    /** The signing key's fingerprint once loaded: recorded in the state so a lost key is noticed. */
    private readonly keyFingerprint: () => string | undefined,
  ) {}

  /**
   * Read, change, write; the file is replaced atomically, and only when the change succeeded (and, with
   * `changed`, changed something): one write per operation, none for an operation that changes nothing.
   */
  mutate<T>(change: (s: SimState) => LasResult<T>, options: { changed?: () => boolean } = {}): Promise<LasResult<T>> {
    return this.serial(async () => {
      const held = this.heldByAnswer ? undefined : await this.lock();
      if (held && !held.ok) return { ok: false, error: { code: 'unavailable', message: held.error } } as LasResult<T>;
      const lock = held?.value;
      try {
        if (!this.swept) {
          this.swept = true;
          removeStaleTemps(this.dataDir, `.${STATE_FILE}`, processAlive); // a killed writer's temp file can be as big as the state
        }
        const loaded = this.load();
        if (!loaded.ok) return { ok: false, error: { code: 'state-unreadable', message: loaded.message } } as LasResult<T>;
        const s = loaded.state;
        let result: LasResult<T>;
        try {
          result = change(s);
          const fingerprint = this.keyFingerprint();
          const newKey = fingerprint !== undefined && s.signingKey === undefined;
          if (fingerprint) s.signingKey ??= fingerprint;
          if (result.ok && (newKey || !loaded.exists || (options.changed?.() ?? true))) {
            writeState(this.dataDir, s);
            this.remember(s);
          }
        } catch (e) {
          this.cached = undefined; // the state in memory may be half changed: read the file again next time
          throw e;
        }
        if (!result.ok) this.cached = undefined;
        return result;
      } finally {
        lock?.release();
      }
    });
  }

  /** The state as on disk, parsed again only when the file changed (a big state is read once per run, not per call). */
  load(): LoadedState {
    const stamp = stampOf(stateFile(this.dataDir));
    if (stamp !== undefined && this.cached?.stamp === stamp) return { ok: true, state: this.cached.state, exists: true };
    const loaded = loadState(this.dataDir);
    this.cached = loaded.ok && loaded.exists && stamp !== undefined ? { stamp, state: loaded.state } : undefined;
    return loaded;
  }

  private remember(s: SimState): void {
    const stamp = stampOf(stateFile(this.dataDir));
    this.cached = stamp === undefined ? undefined : { stamp, state: s };
  }

  /** Takes the lock for an offline answer, in the queue (so no operation of this process waits for it). */
  holdForAnswer(): Promise<Result<HeldLock>> {
    return this.serial(async () => {
      const l = await this.lock();
      if (l.ok) this.heldByAnswer = true;
      return l;
    });
  }

  letGo(lock: HeldLock): void {
    this.heldByAnswer = false;
    lock.release();
  }

  readOrThrow(): SimState {
    const loaded = loadState(this.dataDir);
    if (!loaded.ok) throw new Error(loaded.message);
    return loaded.state;
  }

  serial<T>(work: () => T | Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async lock(): Promise<Result<HeldLock>> {
    const file = stateFile(this.dataDir);
    const got = await acquireLock(file, { what: `the LAS simulator (pid ${process.pid})`, timeoutMs: this.lockTimeoutMs });
    if (got.ok) return { ok: true, value: got.lock };
    return { ok: false, error: `The LAS simulator state ${file} stayed locked by ${describeHolder(got.holder)} for ${Math.round(got.waitedMs / 1000)} s. Try again; if that process is gone, delete ${file}.lock.` };
  }
}

/** Which version of the file this is: a rename (every write) gives a new inode, a hand edit a new size or time. */
function stampOf(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}
