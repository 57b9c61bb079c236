// Replays the answer of a call already made under the same Idempotency-Key, so a client may retry
// activate/return/repair/reclaim after a lost answer without doing them twice. In memory, bounded.
import type { LasResult } from '../types';

interface Entry {
  /** Method and body of the first call: a key reused for another request is refused. */
  fingerprint: string;
  answer: Promise<LasResult<unknown>>;
  at: number;
}

export type Replay =
  | { kind: 'fresh' | 'replayed'; answer: Promise<LasResult<unknown>> }
  | { kind: 'conflict' };

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `operation` once per key; a call in flight with the same key shares its answer. */
  run(key: string, fingerprint: string, operation: () => Promise<LasResult<unknown>>): Replay {
    const found = this.entries.get(key);
    if (found && this.now() - found.at <= this.ttlMs) {
      return found.fingerprint === fingerprint ? { kind: 'replayed', answer: found.answer } : { kind: 'conflict' };
    }
    const answer = operation();
    this.entries.delete(key);
    this.entries.set(key, { fingerprint, answer, at: this.now() });
    // A call that threw (a bug, not an answer) is forgotten so the retry runs it again.
    answer.catch(() => this.entries.delete(key));
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return { kind: 'fresh', answer };
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Keys are opaque tokens the client makes (a UUID); anything else is refused before it is stored. */
export function isIdempotencyKey(key: string): boolean {
  return /^[A-Za-z0-9._:-]{8,128}$/.test(key);
}
