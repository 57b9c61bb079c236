// What is, according to the ledger: a fold of its events into the state of each (target, activation id),
// the repairs of each target, and the offline requests still waiting for their response.
import type { LicenseLine } from '../las/types';
import type { ActivationWay } from '../model';
import type { LedgerEvent, RequestOp } from './ledger';
import { isRecordedVia, type Source } from './provenance';
import { countInWindow } from './repairWindow';
import { namesWhatItHolds, voidTarget, voidedLines } from './void';

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
  /** Where its activation came from (`unknown`: an event without via, counted because nothing says otherwise). */
  source: Source;
  /** via http: the activation server's host. */
  lasHost?: string;
  /** The vendor's id recorded for it (`--vendor-ref`). */
  vendorRef?: string;
  /** 1-based ledger line of the activation, when known. */
  line?: number;
  /** Counts as activated on the real system: recorded from the vendor's tools, or through an HTTP activation server. */
  real: boolean;
}

/** Why an event of the ledger does not count (see `FoldContext`). */
export type UncountedReason = 'not-adopted' | 'simulated' | 'recorded-in-simulator';

/** An event the fold did not apply, with its line: what views count apart ("not adopted") and findings point at. */
export interface UncountedEvent {
  line?: number;
  op: LedgerEvent['op'];
  target: string;
  transaction?: string;
  lines: LicenseLine[];
  why: UncountedReason;
}

/** What the fold needs to judge where each event came from (without it, every event counts as written). */
export interface FoldContext {
  /** The site's spec.activation. */
  activation?: ActivationWay;
  /** Only this site's events are folded (the others are BMS064). */
  site?: string;
  /** 1-based line of each event, same order: `void` and `adopt` name lines. */
  lineOf?: readonly number[];
  /** The local simulator's state knows this transaction: an event without via about it was simulated. */
  simulated?: (target: string, transaction: string) => boolean;
}

/** What the fold says of one event: where it came from and whether it counts (undefined: bookkeeping, or voided). */
export interface EventJudgement {
  source: Source;
  counts: boolean;
  why?: UncountedReason;
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
  /** Events not applied: simulated in a real site, recorded in a simulator site, not adopted yet. */
  uncounted: UncountedEvent[];
  /** Lines cancelled by a `void` event, with its reason. */
  voided: Map<number, string>;
  /** Lines written without via and confirmed by an `adopt` event. */
  adopted: Set<number>;
  /** lmstat checks that agreed with the ledger (`verified` events), the last per License Server. */
  verified: Map<string, { at: string; counts: Record<string, number>; line?: number }>;
  /** The site's spec.activation the fold judged by (undefined: every event counted). */
  activation?: ActivationWay;
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

const BOOKKEEPING = new Set<LedgerEvent['op']>(['void', 'adopt', 'verified']);

/**
 * Where an event came from and whether it counts in a site licensed `activation`: a simulated event counts only
 * in a simulator site, a recorded one (License Administrator, Device Administrator) only outside one, and an
 * event without via (an earlier version, whose default was the simulator) counts in a simulator site, is
 * simulated when the local simulator knows its transaction, and otherwise counts only once adopted.
 */
export function judgeEvent(e: LedgerEvent, ctx: Pick<FoldContext, 'activation' | 'simulated'>, adopted: boolean): EventJudgement {
  const knownToSimulator = e.via === undefined && e.transaction !== undefined && ctx.simulated?.(e.target ?? '', e.transaction) === true;
  const source: Source = e.via ?? (knownToSimulator || ctx.activation === 'simulator' ? 'simulator' : 'unknown');
  if (ctx.activation === undefined) return { source, counts: true };
  if (ctx.activation === 'simulator') return isRecordedVia(e.via) ? { source, counts: false, why: 'recorded-in-simulator' } : { source, counts: true };
  if (source === 'simulator') return { source, counts: false, why: 'simulated' };
  if (source === 'unknown' && !adopted) return { source, counts: false, why: 'not-adopted' };
  return { source, counts: true };
}

export function fold(events: Iterable<LedgerEvent>, ctx: FoldContext = {}): LedgerState {
  const state: LedgerState = {
    licenses: new Map(), repairs: new Map(), pending: new Map(), imported: new Set(), created: new Set(),
    uncounted: [], voided: new Map(), adopted: new Set(), verified: new Map(), activation: ctx.activation,
  };
  return foldInto(state, events, ctx);
}

/**
 * Adds events to a fold already made (what a run appends), as if they had been in the ledger from the start;
 * `ctx.lineOf` gives the lines of these events (a void or adopt among them names lines of the whole ledger).
 */
export function foldInto(state: LedgerState, events: Iterable<LedgerEvent>, ctx: FoldContext = { activation: state.activation }): LedgerState {
  const list = [...events];
  const lineOf = (i: number) => ctx.lineOf?.[i];
  const mine = (e: LedgerEvent) => ctx.site === undefined || e.site === ctx.site;
  // void and adopt name earlier lines: read them first, so every view treats a voided line as never written.
  // What a void clears is the one rule of void.ts (the readers have already left such lines out).
  const numbered = list.flatMap((e, i) => (lineOf(i) !== undefined && mine(e) ? [{ line: lineOf(i)!, value: e }] : []));
  const byLine = new Map(numbered.map((l) => [l.line, l.value]));
  for (const n of voidedLines(numbered)) {
    const v = numbered.find((l) => voidTarget(l.value) === n && l.line > n && namesWhatItHolds(l.value, byLine.get(n)));
    state.voided.set(n, v?.value.reason ?? '');
  }
  /** The tool an adopt names for the line it confirms: where that activation came from from then on. */
  const adoptedVia = new Map<number, Source>();
  for (const { line, value: e } of numbered) {
    if (e.op !== 'adopt' || typeof e.line !== 'number' || e.line >= line || !namesWhatItHolds(e, byLine.get(e.line)) || !byLine.has(e.line)) continue;
    state.adopted.add(e.line);
    if (e.via) adoptedVia.set(e.line, e.via);
  }
  list.forEach((e, i) => {
    const line = lineOf(i);
    if (!mine(e) || (line !== undefined && state.voided.has(line))) return;
    if (e.op === 'verified') {
      if (e.target) state.verified.set(e.target, { at: e.at, counts: e.counts ?? {}, line });
      return;
    }
    if (BOOKKEEPING.has(e.op)) return;
    const judged = judgeEvent(e, ctx, line !== undefined && state.adopted.has(line));
    if (!judged.counts) {
      state.uncounted.push({ line, op: e.op, target: e.target ?? '', transaction: e.transaction, lines: eventLines(e), why: judged.why! });
      return;
    }
    apply(state, e, (line !== undefined && judged.source === 'unknown' ? adoptedVia.get(line) : undefined) ?? judged.source, line);
  });
  return state;
}

/** A void or adopt names a line by number and says what it holds: it applies only when that line still says so (a merge may move lines). */
export function refersTo(e: LedgerEvent, target: LedgerEvent): boolean {
  return namesWhatItHolds(e, target);
}

function apply(s: LedgerState, e: LedgerEvent, source: Source, line: number | undefined): void {
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
      for (const l of eventLines(e)) {
        const prev = s.licenses.get(licenseKey(target, l.activationId));
        // Network seats activated in parts in License Administrator (no reclaim there): each part adds its seats.
        if (prev && prev.status === 'activated' && source === 'license-administrator' && prev.source === 'license-administrator' && prev.transaction !== e.transaction) {
          prev.quantity += l.quantity;
          continue;
        }
        s.licenses.set(licenseKey(target, l.activationId), {
          site: e.site, target, activationId: l.activationId, status: 'activated', quantity: l.quantity, transaction: e.transaction, at: e.at, mode: e.mode,
          source, real: isReal(s, source), line, ...(e.lasHost ? { lasHost: e.lasHost } : {}), ...(e.vendorRef ? { vendorRef: e.vendorRef } : {}),
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
          else s.licenses.set(key, { site: e.site, target, activationId: line.activationId, status: 'requested', quantity: line.quantity, at: e.at, mode: 'offline', pendingRequest, source, real: false });
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

/** On the real system: recorded from the vendor's tools or through an HTTP server, in a site that is not a simulator site. */
function isReal(s: LedgerState, source: Source): boolean {
  if (s.activation === 'simulator') return false;
  return source === 'http' || isRecordedVia(source) || (s.activation === undefined ? false : source === 'unknown');
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
