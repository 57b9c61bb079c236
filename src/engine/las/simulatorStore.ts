// Where the simulator's state lives between operations: read, change and write one at a time in this
// process (a queue), and under the state file's lock across processes (CLI, extension, `las serve`), so no
// process ever writes a state read before another one's change. An offline answer holds the lock across
// the operations it runs (`holdForAnswer`), which then skip taking it again.
import type { Result } from '../result';
import { acquireLock, describeHolder, type HeldLock } from '../ledger/lock';
import { loadState, stateFile, writeState, type SimState } from './simulatorState';
import type { LasResult } from './types';

export class StateStore {
  private queue: Promise<unknown> = Promise.resolve();
  /** Set while an offline answer holds the state lock across the operations it runs. */
  private heldByAnswer = false;

  constructor(
    private readonly dataDir: string,
    private readonly lockTimeoutMs: number,
    /** The signing key's fingerprint once loaded: recorded in the state so a lost key is noticed. */
    private readonly keyFingerprint: () => string | undefined,
  ) {}

  /** Read, change, write; the file is replaced atomically, and only when the change succeeded. */
  mutate<T>(change: (s: SimState) => LasResult<T>): Promise<LasResult<T>> {
    return this.serial(async () => {
      const held = this.heldByAnswer ? undefined : await this.lock();
      if (held && !held.ok) return { ok: false, error: { code: 'unavailable', message: held.error } } as LasResult<T>;
      const lock = held?.value;
      try {
        const loaded = loadState(this.dataDir);
        if (!loaded.ok) return { ok: false, error: { code: 'state-unreadable', message: loaded.message } } as LasResult<T>;
        const s = loaded.state;
        const result = change(s);
        const fingerprint = this.keyFingerprint();
        if (fingerprint) s.signingKey ??= fingerprint;
        if (result.ok) writeState(this.dataDir, s);
        return result;
      } finally {
        lock?.release();
      }
    });
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
