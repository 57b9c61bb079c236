// Ledger access for one workflow run: a fresh fold on demand, events stamped with the time and the user.
import type { LedgerState } from '../ledger/fold';
import { foldSite } from '../ledger/siteLedger';
import { appendLedger, defaultActor, ledgerTime, readLedger, type LedgerEvent } from '../ledger/ledger';
import type { WorkflowOptions } from './options';

export class LedgerWriter {
  constructor(private readonly opts: WorkflowOptions) {}

  state(): LedgerState {
    return foldSite(this.opts.site, readLedger(this.opts.ledgerPath), this.opts.ledgerPath);
  }

  now(): Date {
    return this.opts.now ? this.opts.now() : new Date();
  }

  event(op: LedgerEvent['op'], fields: Partial<LedgerEvent>): LedgerEvent {
    const las = this.opts.las;
    const via = las.via === 'http' ? { via: 'http' as const, ...(las.lasHost ? { lasHost: las.lasHost } : {}) } : las.via ? { via: las.via } : {};
    return { at: ledgerTime(this.now()), op, site: this.opts.site.name, ...fields, ...via, by: this.opts.by ?? defaultActor() };
  }

  append(events: LedgerEvent[]): void {
    appendLedger(this.opts.ledgerPath, events);
  }
}
