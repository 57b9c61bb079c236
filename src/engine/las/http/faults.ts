// Fault injection for tests of the HTTP adapter: what the network and a failing server can do to a call.
import type { LasMethod } from './protocol';

export type FaultAction =
  /** Wait, then go on normally. */
  | { kind: 'delay'; ms: number }
  /** Answer this HTTP status (500, 503, …) with an `unavailable` body. */
  | { kind: 'status'; status: number }
  /** Write the headers and half the body, then destroy the socket. */
  | { kind: 'reset' }
  /** Answer 200 with a body that is not JSON. */
  | { kind: 'malformed' }
  /** Never answer: the client must time out. */
  | { kind: 'drop' };

export interface FaultRule {
  /** The method the rule applies to; `*` for every method (not health). */
  method: LasMethod | '*';
  /** 1-based request numbers of that method (retries count); absent = every request. */
  call?: number | number[];
  /**
   * `before`: the fault happens before the LAS runs the operation (the LAS did nothing).
   * `after`: the LAS ran it (and an Idempotency-Key stored the answer), then the answer is lost.
   */
  when: 'before' | 'after';
  action: FaultAction;
}

export interface FaultPlan {
  rules: FaultRule[];
}

/** Counts requests per method and finds the rules that hit one of them. */
export class FaultSchedule {
  private readonly counts = new Map<LasMethod, number>();

  constructor(private readonly plan: FaultPlan | undefined) {}

  /** Records one request of `method`; returns its 1-based number. */
  count(method: LasMethod): number {
    const n = (this.counts.get(method) ?? 0) + 1;
    this.counts.set(method, n);
    return n;
  }

  /** Requests of `method` seen so far (what tests check to count retries). */
  requests(method: LasMethod): number {
    return this.counts.get(method) ?? 0;
  }

  rulesFor(method: LasMethod, call: number, when: FaultRule['when']): FaultAction[] {
    if (!this.plan) return [];
    return this.plan.rules
      .filter((r) => (r.method === '*' || r.method === method) && r.when === when && hits(r.call, call))
      .map((r) => r.action);
  }
}

function hits(call: FaultRule['call'], n: number): boolean {
  if (call === undefined) return true;
  return Array.isArray(call) ? call.includes(n) : call === n;
}
