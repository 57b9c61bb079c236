// The plan is the desired state, the ledger what is: the actions that close the gap, as plain data for the
// CLI (`bmslicense plan` / `apply`), the tree's "Pending changes" node and the extension's review document.
import type { TargetKind } from '../model';
import type { Blocker, BlockerOf } from '../siteCheck';

export const ACTION_KINDS = ['activate', 'reclaim', 'return', 'confirm-return', 'import-response', 'repair'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface LicenseLineRef {
  activationId: string;
  quantity: number;
}

/** A license a return takes along because it was activated in the same transaction. */
export interface TakenAlong extends LicenseLineRef {
  /** Still assigned by the plan: activated again after the return (online) or once it is confirmed (offline). */
  stillPlanned: boolean;
}

/** Where an action comes from in the plan files: the plan's name and the 0-based assignment index. */
export interface AssignmentRef {
  plan: string;
  index: number;
}

export interface ReconcileAction {
  kind: ActionKind;
  target: string;
  /** `unknown` when the id names nothing in the site file any more. */
  targetKind: TargetKind | 'unknown';
  /** Server or client type, `license-server`, or undefined when unknown. */
  targetType?: string;
  /** The license concerned; for transaction-wide actions the first one, the others are in `takesAlong`. */
  activationId: string;
  /** Planned quantity (activate, reclaim), or the quantity the ledger holds (return, repair, confirm). */
  quantity: number;
  workflow: 'online' | 'offline';
  /** Why the action is needed, in the engineer's words. */
  reason: string;
  /** Returns, repairs and confirmations: the activation transaction. */
  transaction?: string;
  /** Returns: the other licenses of the same transaction, which go back with it. */
  takesAlong?: TakenAlong[];
  /** Repairs: repairs of the target still allowed in the rolling 12 months, this one included. */
  repairsLeft?: number;
  /** Reclaims: the quantity activated now. */
  activeQuantity?: number;
  /** import-response: the offline request waiting for its response, its operation and file. */
  requestId?: string;
  request?: string;
  requestFile?: string;
  /** The assignments behind an activate or reclaim. */
  assignments?: AssignmentRef[];
  /** False when apply cannot do it (no repair budget, unknown target, no entitlement); `blocked` says why. */
  executable: boolean;
  blocked?: string;
  /** The error finding of `validate` behind `blocked`, when that is why. */
  finding?: Blocker;
  /** An outside step must happen first (an offline response to carry back); apply does it only when given the file. */
  waitsFor?: string;
}

export interface ReconcileOptions {
  /** For the repair budget (rolling 12 months). */
  today: Date;
  /** Error findings of `validate` (checkSite): the activations and reclaims they concern are blocked, never attempted. */
  blockerOf?: BlockerOf;
  /** Error findings of the ledger: every action of the target they concern is blocked, never attempted. */
  ledgerBlockerOf?: (target: string) => Blocker | undefined;
}

export interface ReconcileSummary {
  /** Activations apply can do (blocked ones are counted in `blocked` only; so are reclaims, returns, repairs). */
  activate: number;
  reclaim: number;
  return: number;
  repair: number;
  /** Offline steps: responses to import, returns to confirm. */
  pending: number;
  /** Actions apply cannot do (a `validate` error, no repair budget…), counted apart from the kinds above. */
  blocked: number;
}

export interface ReconcilePlan {
  site: string;
  connectivity: string;
  /** The site's spec.activation (vendor-tools when absent). */
  activation?: string;
  actions: ReconcileAction[];
  summary: ReconcileSummary;
}
