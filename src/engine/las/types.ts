// The License Activation Server (LAS) as the engine sees it: one interface, three ways to reach it
// (the built-in simulator, the HTTP adapter, offline request/response files).
import type { LicenseType } from '../model';

/** Errors are values: a stable code and a message that says what happened and what to do. */
export type LasErrorCode =
  | 'unknown-activation-id' // the LAS has no such activation id in any entitlement
  | 'not-applicable' // the license does not apply to the target's type
  | 'duplicate-activation' // the activation id is already active on this target
  | 'over-quantity' // the entitlement has not that many licenses left
  | 'unknown-transaction' // no such activation transaction on this target
  | 'return-unconfirmed' // an offline return of these licenses is waiting for its confirmation
  | 'repair-budget' // 4 repairs of this target in the last 12 months
  | 'not-repairable' // local licenses cannot be repaired; or nothing is broken
  | 'wrong-license-server' // repair/move must come from the License Server that activated
  | 'bad-request' // malformed request
  | 'unavailable' // the LAS could not be reached (network, timeout, HTTP 5xx)
  | 'unauthorized' // the HTTP adapter's token was refused
  | 'already-returned' // the transaction was returned before (a retry, or a ledger line lost in a crash)
  | 'state-unreadable'; // the LAS's own record (the simulator's state file) is missing, damaged or unreadable

export interface LasError {
  code: LasErrorCode;
  message: string;
  /** True when the same call may succeed if simply tried again (network trouble). */
  retryable?: boolean;
}

export type LasResult<T> = { ok: true; value: T } | { ok: false; error: LasError };

/** What the vendor's entitlement e-mail holds for one product, as the LAS knows it. */
export interface EntitledProduct {
  entitlementId: string;
  activationId: string;
  feature?: string;
  licenseType?: LicenseType | string;
  quantity: number;
  expires?: string;
  /** Target types it may be activated on (server types, `license-server`, client types); empty = not checked. */
  appliesTo: string[];
}

/** The computer a license is activated on. */
export interface LasTarget {
  site: string;
  /** Id of the server, License Server or client in the Site file. */
  id: string;
  /** Server type (`as-p`, …), `license-server`, or a client type (`workstation`, …). */
  type: string;
  /** The License Server through which the activation goes (network licenses), for repair/move checks. */
  licenseServer?: string;
}

export interface LicenseLine {
  activationId: string;
  quantity: number;
}

export interface ActivationTransaction {
  transaction: string;
  site: string;
  target: string;
  lines: LicenseLine[];
  /** ISO time of the activation. */
  at: string;
}

export interface ReturnResult {
  transaction: string;
  /** Every license the return took back: all lines of the activation transaction. */
  lines: LicenseLine[];
  /** Offline returns stay unusable until confirmed on the LAS. */
  pendingConfirmation: boolean;
}

export interface ReclaimResult {
  target: string;
  /** Quantity changes the reclaim picked up from the entitlement. */
  changes: { activationId: string; from: number; to: number }[];
}

export interface RepairResult {
  transaction: string;
  /** Repairs of this target still allowed in the rolling 12 months. */
  repairsLeft: number;
}

export interface Las {
  /** What the ledger's `via` says for what this LAS does: the simulator, an HTTP server; undefined when it acts on nothing. */
  readonly via?: 'simulator' | 'http';
  /** via http: the server's host, for the ledger (never its token). */
  readonly lasHost?: string;
  /** Makes the LAS know these entitlements (the simulator takes them from the plans; a real LAS ignores it). */
  syncEntitlements(products: EntitledProduct[]): Promise<LasResult<void>>;
  /** Activates the lines together: one transaction. */
  activate(target: LasTarget, lines: LicenseLine[]): Promise<LasResult<ActivationTransaction>>;
  /** Returns a whole activation transaction. `offline` returns wait for `confirmReturn`. */
  returnTransaction(target: LasTarget, transaction: string, offline: boolean): Promise<LasResult<ReturnResult>>;
  confirmReturn(target: LasTarget, transaction: string): Promise<LasResult<void>>;
  /** Refreshes a target's licenses with the latest entitlement. */
  reclaim(target: LasTarget): Promise<LasResult<ReclaimResult>>;
  /** Repairs a broken activation transaction (at most 4 repairs of a target per 12 months). */
  repair(target: LasTarget, transaction: string): Promise<LasResult<RepairResult>>;
  /** Active transactions of a target as the LAS sees them. */
  activations(site: string, target?: string): Promise<LasResult<ActivationTransaction[]>>;
}
