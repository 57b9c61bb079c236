// What every license workflow shares: its options (LAS, site, plans, ledger, callbacks), the choice of the
// online or offline path from the site's connectivity, and a step runner that reports progress, honours
// cancellation between steps, and ends with a summary of what was done and what was not.
import { appendLedger, defaultActor, ledgerTime, readLedger, type LedgerEvent } from '../ledger/ledger';
import { fold, type LedgerState } from '../ledger/fold';
import type { Las, LasError, LicenseLine } from '../las/types';
import type { HeldLock } from '../ledger/lock';
import { statSync } from 'node:fs';
import type { LicensePlan, Product, Site } from '../model';
import { blockerText, type Blocker, type BlockerOf } from '../siteCheck';
import { entitledProducts, resolveTargets, type WorkflowTarget } from './targets';

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

export type StepOutcome =
  | { status: 'done' | 'skipped'; message: string; files?: string[] }
  | { status: 'failed'; message: string; code?: string; /** Stop here: the LAS cannot be reached. */ stop?: boolean };

export interface Step {
  target: string;
  label: string;
  run(): Promise<StepOutcome>;
}

/** A workflow that cannot start (bad scope, missing folder, refused confirmation): nothing was done. */
export function notStarted(message: string, code = 'not-started', target = ''): WorkflowResult {
  return { ok: false, cancelled: code === 'cancelled', done: [], notDone: [{ target, message, code }], requestFiles: [] };
}

export type Path = 'online' | 'offline';

/** online and semi-online use the LAS directly (semi-online never offline); offline uses request files. */
export function choosePath(opts: WorkflowOptions): { path: Path } | { error: string } {
  const connectivity = opts.site.connectivity ?? 'online';
  if (connectivity === 'semi-online' && opts.mode === 'offline') {
    return { error: `Site '${opts.site.name}' is semi-online: the Device Administrator computer reaches the LAS, so use the online workflow (semi-online never uses request files).` };
  }
  const path: Path = connectivity === 'offline' ? 'offline' : (opts.mode ?? 'online');
  if (connectivity === 'offline' && opts.mode === 'online') {
    return { error: `Site '${opts.site.name}' is offline: it cannot reach the LAS. Create offline request files instead (pick a folder).` };
  }
  if (path === 'offline' && !opts.offlineDir) return { error: `Site '${opts.site.name}' uses offline request files: pick the folder to write them to.` };
  if (path === 'offline' && isFile(opts.offlineDir!)) return { error: `${opts.offlineDir} is a file, not a folder: pick the folder to write the offline request files to.` };
  return { path };
}

function isFile(p: string): boolean {
  try {
    return !statSync(p).isDirectory();
  } catch {
    return false; // not there yet: made on first write
  }
}

/** What a workflow acts on once it may start: the path, the targets in scope and the ledger. */
export interface WorkflowStart {
  path: Path;
  targets: WorkflowTarget[];
  ledger: LedgerWriter;
}

/** The path and the targets of a workflow, or why it cannot start (nothing is asked or written either way). */
export function startWorkflow(opts: WorkflowOptions): WorkflowStart | { refused: WorkflowResult } {
  const chosen = choosePath(opts);
  if ('error' in chosen) return { refused: notStarted(chosen.error, 'connectivity') };
  const resolved = resolveTargets(opts);
  if ('error' in resolved) return { refused: notStarted(resolved.error, 'unknown-target', opts.target) };
  return { path: chosen.path, targets: resolved.targets, ledger: new LedgerWriter(opts) };
}

/** Online, the LAS must hold the plans' entitlements before it activates or reclaims them; offline requests carry their own. */
export async function syncEntitlements(opts: WorkflowOptions, path: Path): Promise<WorkflowResult | undefined> {
  if (path !== 'online') return undefined;
  const synced = await opts.las.syncEntitlements(entitledProducts(opts));
  return synced.ok ? undefined : notStarted(`The LAS did not take the entitlements: ${synced.error.message}`, synced.error.code);
}

/** Ledger access for one workflow run: fresh fold on demand, events stamped with time and user. */
export class LedgerWriter {
  constructor(private readonly opts: WorkflowOptions) {}

  state(): LedgerState {
    return fold(readLedger(this.opts.ledgerPath).events);
  }

  now(): Date {
    return this.opts.now ? this.opts.now() : new Date();
  }

  event(op: LedgerEvent['op'], fields: Partial<LedgerEvent>): LedgerEvent {
    return { at: ledgerTime(this.now()), op, site: this.opts.site.name, ...fields, by: this.opts.by ?? defaultActor() };
  }

  append(events: LedgerEvent[]): void {
    appendLedger(this.opts.ledgerPath, events);
  }
}

/** A step that an error finding of validate keeps from running: reported with the finding, the next steps still run. */
export function blockedStep(target: string, label: string, blocker: Blocker): Step {
  return { target, label, run: async () => ({ status: 'failed', code: 'blocked', message: `${label}: blocked by ${blockerText(blocker)}` }) };
}

export function lasFailure(error: LasError, what: string): StepOutcome {
  const stop = error.retryable === true || error.code === 'unavailable' || error.code === 'unauthorized' || error.code === 'state-unreadable';
  return { status: 'failed', message: `${what}: ${error.message}`, code: error.code, stop };
}

/** Runs the steps in order: progress after each, cancellation checked between steps, a summary at the end. */
export async function runSteps(opts: WorkflowOptions, steps: Step[]): Promise<WorkflowResult> {
  const result: WorkflowResult = { ok: true, cancelled: false, done: [], notDone: [], requestFiles: [] };
  const total = steps.length;
  const report = (done: number, message: string) => opts.onProgress?.({ done, total, message });
  report(0, total === 0 ? 'Nothing to do.' : `Starting: ${steps[0]!.label}`);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (opts.signal?.aborted) {
      result.cancelled = true;
      for (const rest of steps.slice(i)) result.notDone.push({ target: rest.target, message: `${rest.label}: not started (cancelled)`, code: 'cancelled' });
      break;
    }
    let outcome: StepOutcome;
    try {
      outcome = await step.run();
    } catch (e) {
      // A bug or a disk error: report it like any failure so the user sees what was done before it.
      outcome = { status: 'failed', message: `${step.label}: ${(e as Error).message}`, code: 'internal', stop: true };
    }
    if (outcome.status === 'failed') {
      result.notDone.push({ target: step.target, message: outcome.message, code: outcome.code });
      if (outcome.stop) {
        for (const rest of steps.slice(i + 1)) result.notDone.push({ target: rest.target, message: `${rest.label}: not attempted after the failure above`, code: 'not-attempted' });
        report(i + 1, outcome.message);
        break;
      }
    } else {
      result.done.push({ target: step.target, message: outcome.message });
      result.requestFiles.push(...(outcome.files ?? []));
    }
    report(i + 1, outcome.message);
  }
  result.ok = result.notDone.length === 0 && !result.cancelled;
  return result;
}

/** Plain-text summary of a result, for the CLI and notifications. */
export function describeResult(r: WorkflowResult): string {
  const lines: string[] = [];
  for (const d of r.done) lines.push(`  done      ${d.target ? `${d.target}: ` : ''}${d.message}`);
  for (const n of r.notDone) lines.push(`  NOT DONE  ${n.target ? `${n.target}: ` : ''}${n.message}`);
  if (r.requestFiles.length > 0) lines.push(`Request files written (carry them to a computer that reaches the LAS):`, ...r.requestFiles.map((f) => `  ${f}`));
  if (!r.ok) lines.push(r.cancelled ? 'Cancelled: run the same command again to finish; what is done is not redone.' : 'Not everything was done: fix what is said above and run the same command again; what is done is not redone.');
  return `${lines.join('\n')}\n`;
}
