// What a license workflow is given (the LAS, the site, its plans, the ledger, callbacks) and what it gives
// back (what was done and what was not, each with why).
import type { Las, LicenseLine } from '../las/types';
import type { HeldLock } from '../ledger/lock';
import type { LicensePlan, Product, Site } from '../model';
import type { Blocker, BlockerOf } from '../siteCheck';
import type { JudgedLedger } from '../ledger/judged';
import type { LedgerFold } from './ledgerFold';

export interface Progress {
  done: number;
  total: number;
  message: string;
}

/** Everything a return would take back, shown to the user before anything is returned. */
export interface ReturnConfirmation {
  site: string;
  items: { target: string; transaction: string; lines: LicenseLine[] }[];
  /** One paragraph listing every target, transaction and license, for a dialog or a terminal. */
  message: string;
}

export interface WorkflowOptions {
  las: Las;
  site: Site;
  /** The plans of this site (entitlements and assignments). */
  plans: LicensePlan[];
  ledgerPath: string;
  /** A server, License Server or client id; absent = the whole site. */
  target?: string;
  /** Who does it, for the ledger (default: the OS user name). */
  by?: string;
  now?: () => Date;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** Asked before any return; no callback = no return. */
  confirm?: (c: ReturnConfirmation) => Promise<boolean>;
  /** Folder for offline request files (offline path). */
  offlineDir?: string;
  /** `offline` forces request files on an online site; refused on a semi-online site. */
  mode?: 'online' | 'offline';
  /** Target types a product applies to when the plan gives none (the built-in catalog). */
  appliesTo?: (p: Product) => string[] | undefined;
  /** How long to wait for another process working on the site (its lock); default 60 s, 0 = refuse at once. */
  lockTimeoutMs?: number;
  /** Told once when another process holds the site and this one waits: "Waiting for … (pid …)". */
  onWait?: (message: string) => void;
  /** The workspace folder: offline response files reached through a link that leaves it are refused (default: the ledger's folder). */
  workspaceRoot?: string;
  /** The site's lock, when the caller holds it already (apply running its workflows). */
  heldSiteLock?: HeldLock;
  /** Error findings of `validate` (checkSite): the licenses they concern are reported as blocked, never sent to the LAS. */
  blockerOf?: BlockerOf;
  /** Error findings of the ledger (set under the site's lock): every action on the targets they concern waits. */
  ledgerBlockerOf?: (target: string) => Blocker | undefined;
  /** The ledger as read under the site's lock, judged (set with the lock): a run reads it once. */
  ledgerRead?: JudgedLedger;
  /** The run's fold of the ledger, kept up to date as it appends (set with the lock). */
  ledgerFold?: LedgerFold;
}

export interface StepReport {
  target: string;
  message: string;
  code?: string;
}

export interface WorkflowResult {
  /** Every step done (or already done before). */
  ok: boolean;
  cancelled: boolean;
  done: StepReport[];
  /** Steps that failed or were not attempted, each with why. */
  notDone: StepReport[];
  /** Offline request files written. */
  requestFiles: string[];
}

/** A workflow that cannot start (bad scope, missing folder, refused confirmation): nothing was done. */
export function notStarted(message: string, code = 'not-started', target = ''): WorkflowResult {
  return { ok: false, cancelled: code === 'cancelled', done: [], notDone: [{ target, message, code }], requestFiles: [] };
}
