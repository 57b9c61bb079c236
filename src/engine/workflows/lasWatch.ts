// What a run asked of the activation server, for a forced stop (a second Ctrl-C): the calls still without an
// answer, and the changes it answered with, so the stop can name each one the ledger does not record yet.
import { readLedger, type LedgerOp } from '../ledger/ledger';
import type { Las } from '../las/types';

/** The Las methods that change the activation server's record, and the ledger op that records each. */
const CHANGES: Record<string, LedgerOp | undefined> = {
  activate: 'activate',
  returnTransaction: 'return',
  confirmReturn: 'return-confirmed',
  reclaim: 'reclaim',
  repair: 'repair',
  markBroken: 'broken',
  syncEntitlements: undefined,
};

interface Call {
  what: string;
  op?: LedgerOp;
  transaction?: string;
}

export class LasWatch {
  /** The same activation server, every call seen. */
  readonly las: Las;
  private readonly underWay = new Set<Call>();
  private readonly answered: Call[] = [];

  constructor(inner: Las) {
    this.las = new Proxy(inner, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof prop !== 'string' || typeof value !== 'function') return value;
        if (!(prop in CHANGES)) return (value as (...a: unknown[]) => unknown).bind(target);
        return (...args: unknown[]) => this.track(prop, args, () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      },
    });
  }

  private async track<T>(method: string, args: unknown[], call: () => Promise<T>): Promise<T> {
    const c: Call = { what: describeCall(method, args), op: CHANGES[method] };
    if (typeof args[1] === 'string') c.transaction = args[1];
    this.underWay.add(c);
    try {
      const r = await call();
      const v = r as { ok?: boolean; value?: { transaction?: string } };
      if (v?.ok && c.op) {
        if (typeof v.value?.transaction === 'string') c.transaction = v.value.transaction;
        this.answered.push(c);
      }
      return r;
    } finally {
      this.underWay.delete(c);
    }
  }

  /** What the ledger lacks: answered changes it has no line of, and calls still without an answer. */
  unrecorded(ledgerPath: string): { made: string[]; unanswered: string[] } {
    const events = this.answered.length > 0 ? readLedger(ledgerPath).events : [];
    const made = this.answered
      .filter((c) => !events.some((e) => e.op === c.op && (c.transaction === undefined || e.transaction === c.transaction)))
      .map((c) => `${c.what}${c.transaction ? ` (transaction ${c.transaction})` : ''}`);
    return { made, unanswered: [...this.underWay].map((c) => c.what) };
  }
}

function describeCall(method: string, args: unknown[]): string {
  const target = (args[0] as { id?: string } | undefined)?.id;
  switch (method) {
    case 'activate':
      return `activate ${((args[1] as { activationId: string; quantity: number }[]) ?? []).map((l) => `${l.activationId} ×${l.quantity}`).join(', ')} on ${target}`;
    case 'returnTransaction':
      return `return of ${String(args[1])} from ${target}`;
    case 'confirmReturn':
      return `confirmation of the return of ${String(args[1])} from ${target}`;
    case 'repair':
      return `repair of ${String(args[1])} on ${target}`;
    case 'markBroken':
      return `${String(args[1])} on ${target} marked broken`;
    case 'reclaim':
      return `reclaim on ${target}`;
    default:
      return "taking the plans' entitlements";
  }
}
