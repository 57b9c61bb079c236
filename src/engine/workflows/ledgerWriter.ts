// Ledger access for one workflow run: a fresh fold on demand, events stamped with the time, the user and where
// they came from (via), and appends that are retried; one that still fails names what the activation server did
// that the ledger lacks.
import type { LedgerState } from '../ledger/fold';
import { foldSite } from '../ledger/siteLedger';
import { describeDiskError, isDiskError } from '../ledger/disk';
import { appendLedger, defaultActor, ledgerTime, readLedger, type LedgerEvent } from '../ledger/ledger';
import type { WorkflowOptions } from './options';

/** Tries of one append before the activation server's change is reported as unrecorded. */
export const APPEND_TRIES = 3;

/** The activation server made a change the ledger could not record: the message names it and how to record it. */
export class UnrecordedError extends Error {
  constructor(
    message: string,
    readonly events: LedgerEvent[],
  ) {
    super(message);
  }
}

export class LedgerWriter {
  constructor(private readonly opts: WorkflowOptions) {}

  /** The fold of the ledger: the run's (read once, kept up to date), else read now. */
  state(): LedgerState {
    return this.opts.ledgerFold?.state() ?? foldSite(this.opts.site, readLedger(this.opts.ledgerPath), this.opts.ledgerPath);
  }

  now(): Date {
    return this.opts.now ? this.opts.now() : new Date();
  }

  event(op: LedgerEvent['op'], fields: Partial<LedgerEvent>): LedgerEvent {
    const las = this.opts.las;
    const via = las.via === 'http' ? { via: 'http' as const, ...(las.lasHost ? { lasHost: las.lasHost } : {}) } : las.via ? { via: las.via } : {};
    return { at: ledgerTime(this.now()), op, site: this.opts.site.name, ...fields, ...via, by: this.opts.by ?? defaultActor() };
  }

  /** Appends whole (or not at all), tried again on a failure; throws UnrecordedError when it cannot be done. */
  append(events: LedgerEvent[]): void {
    if (events.length === 0) return;
    let last: unknown;
    for (let i = 0; i < APPEND_TRIES; i++) {
      try {
        const bytes = appendLedger(this.opts.ledgerPath, events);
        this.opts.ledgerFold?.appended(events, bytes);
        return;
      } catch (e) {
        last = e;
      }
    }
    throw new UnrecordedError(unrecordedMessage(this.opts, events, last), events);
  }
}

/** What the activation server did that the ledger lacks, and how to record it once the disk is fixed. */
export function unrecordedMessage(opts: Pick<WorkflowOptions, 'ledgerPath' | 'site' | 'las'>, events: LedgerEvent[], cause: unknown): string {
  const why = isDiskError(cause) ? describeDiskError(cause, 'append to the ledger', opts.ledgerPath) : `Cannot append to the ledger ${opts.ledgerPath}: ${(cause as Error)?.message ?? String(cause)}.`;
  const what = describeEvents(events);
  const simulator = typeof (opts.las as { stateInfo?: unknown }).stateInfo === 'function';
  const record = simulator
    ? `once the ledger can be written, run the same command again: it records what the simulator holds first (not 'bmslicense las restore' before that: it rebuilds the simulator from the ledger, which lacks this)`
    : `once the ledger can be written, record it with 'bmslicense record --site ${opts.site.name}' (or run the same command again: it records what the activation server holds first)`;
  return `${why} The activation server did it, the ledger does not record it: ${what}. To record it, ${record}.`;
}

function describeEvents(events: LedgerEvent[]): string {
  const byTx = new Map<string, string[]>();
  for (const e of events) {
    const key = `${e.op} on ${e.target ?? '?'}${e.transaction ? ` (transaction ${e.transaction})` : ''}`;
    const lines = e.lines?.map((l) => `${l.activationId} ×${l.quantity}`) ?? (e.activationId ? [`${e.activationId} ×${e.quantity ?? '?'}`] : []);
    byTx.set(key, [...(byTx.get(key) ?? []), ...lines]);
  }
  return [...byTx].map(([k, lines]) => `${k}${lines.length ? `: ${lines.join(', ')}` : ''}`).join('; ');
}
