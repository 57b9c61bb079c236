// What is, according to the ledger: a fold of its events into the state of each (target, activation id),
// the repairs of each target, and the offline requests still waiting for their response.
import type { LicenseLine } from '../las/types';
import type { LedgerEvent, RequestOp } from './ledger';
import { countInWindow } from './repairWindow';

export type LicenseStatus = 'activated' | 'requested' | 'return-pending' | 'returned' | 'broken';

export interface LicenseState {
  site: string;
  target: string;
  activationId: string;
  status: LicenseStatus;
  quantity: number;
  transaction?: string;
  /** When the current status began. */
  at: string;
  mode?: 'online' | 'offline';
  /** An offline request about this license is waiting for its response. */
  pendingRequest?: { requestId: string; op: RequestOp };
}

export interface PendingRequest {
  requestId: string;
  site: string;
  target: string;
  op: RequestOp;
  file?: string;
  digest?: string;
  lines: LicenseLine[];
  transactions: string[];
  at: string;
}

export interface LedgerState {
  /** Keyed by `licenseKey(target, activationId)`. */
  licenses: Map<string, LicenseState>;
  /** Repair dates per target. */
  repairs: Map<string, string[]>;
  /** Offline requests created and not answered yet. */
  pending: Map<string, PendingRequest>;
  /** Request ids whose response was imported (a second import is a replay). */
  imported: Set<string>;
  /** Every request id ever created. */
  created: Set<string>;
}

export function licenseKey(target: string, activationId: string): string {
  return `${target}\u0000${activationId}`;
}

export function licenseState(state: LedgerState, target: string, activationId: string): LicenseState | undefined {
  return state.licenses.get(licenseKey(target, activationId));
}

/** The event's license lines, whether written as `lines` or as one `activationId` + `quantity`. */
export function eventLines(e: LedgerEvent): LicenseLine[] {
  if (e.lines && e.lines.length > 0) return e.lines;
  if (e.activationId) return [{ activationId: e.activationId, quantity: e.quantity ?? 0 }];
  return [];
}

export function fold(events: Iterable<LedgerEvent>): LedgerState {
  const state: LedgerState = { licenses: new Map(), repairs: new Map(), pending: new Map(), imported: new Set(), created: new Set() };
  return foldInto(state, events);
}

/** Adds events to a fold already made (what a run appends), as if they had been in the ledger from the start. */
export function foldInto(state: LedgerState, events: Iterable<LedgerEvent>): LedgerState {
  for (const e of events) apply(state, e);
  return state;
}

function apply(s: LedgerState, e: LedgerEvent): void {
  const target = e.target ?? '';
  const inTx = (l: LicenseState) => l.target === target && e.transaction !== undefined && l.transaction === e.transaction;
  /** Licenses of the event's transaction in one of `from` move to `to`; the rest keep their status. */
  const moveTransaction = (from: LicenseStatus[], to: LicenseStatus) => {
    for (const l of s.licenses.values()) {
      if (!inTx(l) || !from.includes(l.status)) continue;
      l.status = to;
      l.at = e.at;
    }
  };
  switch (e.op) {
    case 'activate':
      for (const line of eventLines(e)) {
        s.licenses.set(licenseKey(target, line.activationId), {
          site: e.site, target, activationId: line.activationId, status: 'activated', quantity: line.quantity, transaction: e.transaction, at: e.at, mode: e.mode,
        });
      }
      return;
    case 'request-created': {
      if (!e.requestId || !e.request) return;
      s.created.add(e.requestId);
      const req: PendingRequest = {
        requestId: e.requestId, site: e.site, target, op: e.request, file: e.file, digest: e.digest, lines: eventLines(e), transactions: e.transactions ?? [], at: e.at,
      };
      s.pending.set(e.requestId, req);
      const pendingRequest = { requestId: e.requestId, op: e.request };
      if (e.request === 'activate') {
        for (const line of req.lines) {
          const key = licenseKey(target, line.activationId);
          const prev = s.licenses.get(key);
          if (prev && prev.status !== 'returned') prev.pendingRequest = pendingRequest;
          else s.licenses.set(key, { site: e.site, target, activationId: line.activationId, status: 'requested', quantity: line.quantity, at: e.at, mode: 'offline', pendingRequest });
        }
      } else {
        for (const l of s.licenses.values()) {
          if (l.target !== target || l.status === 'returned') continue;
          const touched = e.request === 'reclaim' ? l.status === 'activated' : l.transaction !== undefined && req.transactions.includes(l.transaction);
          if (touched) l.pendingRequest = pendingRequest;
        }
      }
      return;
    }
    case 'response-imported':
      if (!e.requestId) return;
      s.imported.add(e.requestId);
      s.pending.delete(e.requestId);
      for (const [key, l] of s.licenses) {
        if (l.pendingRequest?.requestId !== e.requestId) continue;
        l.pendingRequest = undefined;
        if (l.status === 'requested') s.licenses.delete(key); // the activation was refused: nothing to show
      }
      return;
    case 'return':
      moveTransaction(['activated', 'broken'], e.mode === 'offline' ? 'return-pending' : 'returned');
      return;
    case 'return-confirmed':
      moveTransaction(['return-pending'], 'returned');
      return;
    case 'reclaim':
      for (const line of eventLines(e)) {
        const l = s.licenses.get(licenseKey(target, line.activationId));
        if (l && l.status === 'activated') l.quantity = line.quantity;
      }
      return;
    case 'broken':
      moveTransaction(['activated'], 'broken');
      return;
    case 'repair':
      moveTransaction(['broken'], 'activated');
      s.repairs.set(target, [...(s.repairs.get(target) ?? []), e.at]);
      return;
  }
}

/** Repairs of a target recorded in the ledger within the 12 months up to `today`. */
export function repairsInLast12Months(state: LedgerState, target: string, today: Date): number {
  return countInWindow(state.repairs.get(target) ?? [], today);
}

export interface TransactionState {
  target: string;
  transaction: string;
  status: LicenseStatus;
  lines: LicenseLine[];
}

/** The transactions of a target (or every target) that hold licenses with one of the given statuses. */
export function transactionsOf(state: LedgerState, target: string | undefined, statuses: LicenseStatus[]): TransactionState[] {
  const byTx = new Map<string, TransactionState>();
  for (const l of state.licenses.values()) {
    if ((target !== undefined && l.target !== target) || !l.transaction || !statuses.includes(l.status)) continue;
    const key = `${l.target}\u0000${l.transaction}`;
    const tx = byTx.get(key) ?? { target: l.target, transaction: l.transaction, status: l.status, lines: [] };
    tx.lines.push({ activationId: l.activationId, quantity: l.quantity });
    byTx.set(key, tx);
  }
  return [...byTx.values()];
}
