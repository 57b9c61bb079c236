// The site tree as plain data: what the "BMS Licenses" view shows, built from the workspace index and the
// ledger fold. No `vscode` here: the extension maps each node to a TreeItem, tests read it directly.
import type { GuideStep } from '../guide/steps';
import type { Span } from '../model';

/** `usage`: what a License Server reported at the last usage refresh (type `status`, `feature` or `user`), or its licenses log (`log`, `denial`). */
export type TreeNodeKind = 'site' | 'licenseServers' | 'licenseServer' | 'server' | 'clients' | 'client' | 'usage' | 'pendingChanges' | 'pendingAction';

/**
 * The state a node shows, worst first:
 * ledger > broken > expired > blocked > violation > under-planned > pending-offline > expiring > planned > activated > none.
 * `ledger`: the site's ledger has lines the fold ignored (e.g. git conflict markers): its counts cannot be trusted.
 * `blocked`: an error finding of `validate` keeps a planned license from being acted on (as `plan` shows it).
 * `violation` is what the BMS would show; `under-planned` a plan short of what the target requires (its base
 * license not planned); `planned` is "not activated yet" (words: tree/status.ts).
 */
export const NODE_STATUSES = ['ledger', 'broken', 'expired', 'blocked', 'violation', 'under-planned', 'pending-offline', 'expiring', 'planned', 'activated', 'none'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

/** Where a node is defined: the whole mapping, and the part to select (its id). */
export interface NodeLocation {
  uri: string;
  span: Span;
  focus: Span;
}

/** What one planned or activated license on a target is, after comparing the plan with the ledger. */
export type LicenseLineState =
  | 'activated' // in the ledger, quantity reached
  | 'short' // activated with less than planned (reclaim after the entitlement grew)
  | 'planned' // planned, not activated yet
  | 'requested' // offline activation request created, no response imported yet
  | 'return-pending' // returned offline, waiting for the confirmation on the LAS
  | 'broken' // broken: needs a repair
  | 'unplanned'; // activated, but no plan assigns it here any more

export interface TargetLicense {
  activationId: string;
  feature?: string;
  licenseType?: string;
  expires?: string;
  plannedQuantity?: number;
  activatedQuantity?: number;
  state: LicenseLineState;
  /** When the ledger state began (activation date, …). */
  at?: string;
  transaction?: string;
  /** An offline request about this license (return, reclaim, repair) waits for its response. */
  pending?: 'activate' | 'return' | 'reclaim' | 'repair';
  expiry: 'expired' | 'expiring' | 'ok';
  /** Where the assignment is, to reveal it. */
  assignment?: { uri: string; span: Span };
  /** The error finding of `validate` that keeps this planned license from being acted on (`plan` blocks it). */
  blockedBy?: { code: string; message: string; where: string };
  /** Where its activation came from (ledger `via`: `simulator`, `http`, `license-administrator`, `device-administrator`, `unknown`). */
  source?: string;
}

export interface TreeNode {
  /** Stable across refreshes, so the view keeps what the user expanded. */
  id: string;
  parentId?: string;
  kind: TreeNodeKind;
  /** Server type, client type, or undefined. */
  type?: string;
  label: string;
  description: string;
  status: NodeStatus;
  /** A site row shown before its plans were read: no status yet, no commands. */
  loading?: boolean;
  /** Markdown. */
  tooltip: string;
  location?: NodeLocation;
  /** For menus: `bms.site`, `bms.server.<type>`, `bms.licenseServer`, `bms.client`, + `.offline`. */
  contextValue: string;
  /** The site's `metadata.name`. */
  site: string;
  /** The site's `spec.connectivity` (`online`, `semi-online`, `offline`), on every node of the site. */
  connectivity?: string;
  /** Id in the site of the server / License Server / client; undefined for the site and groups. */
  target?: string;
  planned: number;
  activated: number;
  /** A pending action of a vendor-tools site: the step in the vendor's tools (tool, computer, values) it is. */
  guideStep?: GuideStep;
  /** The site is a simulator site (spec.activation: simulator): its activations are simulated, never real. */
  simulated?: boolean;
  licenses: TargetLicense[];
  children: TreeNode[];
}

export interface SiteTree {
  roots: TreeNode[];
  byId: Map<string, TreeNode>;
}
