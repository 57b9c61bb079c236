// Apply: compute the plan against the ledger as it is now, then run its actions through the workflows (which
// write the ledger as they go). Stops at the first failure; what was done is not redone on the next run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { licenseState } from '../ledger/fold';
import { foldSite, judgeContextOf } from '../ledger/siteLedger';
import { readLedger } from '../ledger/ledger';
import { ledgerBlockerOf, readJudgedLedger } from '../ledger/judged';
import { responseFileName } from '../las/offline/format';
import { activate } from '../workflows/activate';
import { confirmReturn } from '../workflows/confirmReturn';
import type { StepReport, WorkflowOptions, WorkflowResult } from '../workflows/context';
import { importResponses } from '../workflows/importResponses';
import { betweenSteps, failureOf } from '../workflows/steps';
import { reclaim } from '../workflows/reclaim';
import { repair } from '../workflows/repair';
import { returnLicenses } from '../workflows/return';
import { describeAction, targetLabel } from './format';
import { withSiteLock } from '../workflows/siteLock';
import { reconcile, summarize } from './reconcile';
import type { ReconcileAction, ReconcilePlan } from './types';

export interface ReturnReview {
  returns: ReconcileAction[];
  /** Every return and what it takes along, for a dialog or a terminal. */
  message: string;
}

export interface ApplyOptions extends Omit<WorkflowOptions, 'target' | 'confirm' | 'mode'> {
  /** Folder holding offline response files: the requests waiting for them are imported from there. */
  responsesDir?: string;
  /** The LAS key offline responses are verified against (needed with `responsesDir`). */
  publicKeyPem?: string;
  /** Asked once, before anything runs, when the plan returns licenses; no callback = nothing is applied. */
  confirmReturns?: (review: ReturnReview) => Promise<boolean>;
}

export interface ApplyResult extends WorkflowResult {
  /** The plan as computed at the start. */
  plan: ReconcilePlan;
  /** Actions left alone: they wait for an outside step, or cannot be applied (`code` says which). */
  skipped: StepReport[];
}

interface Run {
  label: string;
  actions: ReconcileAction[];
  run(opts: WorkflowOptions): Promise<WorkflowResult>;
}

export function reviewReturns(plan: ReconcilePlan): ReturnReview {
  const returns = plan.actions.filter((a) => a.kind === 'return' && a.executable);
  const message = [
    `Apply returns licenses of site ${plan.site} (each transaction goes back whole):`,
    ...returns.map((a) => `  - ${describeAction(a)}`),
  ].join('\n');
  return { returns, message };
}

export function planNow(opts: Pick<ApplyOptions, 'site' | 'plans' | 'ledgerPath' | 'now' | 'blockerOf' | 'ledgerRead' | 'ledgerFold'>): ReconcilePlan {
  const now = opts.now ? opts.now() : new Date();
  // Under apply's lock the ledger was read once already: judged there, folded in the run's fold (as the site is licensed).
  const judged = opts.ledgerRead ?? readJudgedLedger(opts.ledgerPath, opts.site.name, { now, ...judgeContextOf(opts.site, opts.ledgerPath) });
  const state = opts.ledgerFold?.state() ?? foldSite(opts.site, judged, opts.ledgerPath);
  return reconcile(opts.site, opts.plans, state, { today: now, blockerOf: opts.blockerOf, ledgerBlockerOf: ledgerBlockerOf(judged) });
}

/** Under the site's lock: the plan is computed from the ledger as it is once the lock is held, never before. */
export function applyPlan(opts: ApplyOptions): Promise<ApplyResult> {
  const nothing = (r: WorkflowResult): ApplyResult => ({ ...r, plan: { site: opts.site.name, connectivity: opts.site.connectivity ?? 'online', actions: [], summary: summarize([]) }, skipped: [] });
  return withSiteLock(opts, 'apply', (locked) => applyLocked({ ...opts, heldSiteLock: locked.heldSiteLock, ledgerBlockerOf: locked.ledgerBlockerOf, ledgerRead: locked.ledgerRead, ledgerFold: locked.ledgerFold }), nothing);
}

async function applyLocked(opts: ApplyOptions): Promise<ApplyResult> {
  const plan = planNow(opts);
  const result: ApplyResult = { ok: true, cancelled: false, done: [], notDone: [], requestFiles: [], plan, skipped: [] };
  const stop = (message: string, code: string) => ({ ...result, ok: false, cancelled: code === 'cancelled', notDone: [{ target: '', message, code }] });
  const review = reviewReturns(plan);
  if (review.returns.length > 0 && !(opts.confirmReturns && (await opts.confirmReturns(review)))) {
    return stop('Nothing applied: the plan returns licenses and the return was not confirmed.', 'returns-not-confirmed');
  }
  const runs = planRuns(opts, plan, result.skipped);
  if (runs.some((r) => r.actions.some((a) => a.workflow === 'offline' && a.kind !== 'import-response' && a.kind !== 'confirm-return')) && !opts.offlineDir) {
    return stop(`Site '${opts.site.name}' uses offline request files for some of these actions: pick the folder to write them to (--offline DIR).`, 'connectivity');
  }
  const total = runs.length;
  opts.onProgress?.({ done: 0, total, message: total === 0 ? 'Nothing to do.' : `Starting: ${runs[0]!.label}` });
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    if (i > 0) await betweenSteps();
    if (opts.signal?.aborted) {
      result.cancelled = true;
      for (const rest of runs.slice(i)) result.notDone.push({ target: rest.actions[0]!.target, message: `${rest.label}: not started (cancelled)`, code: 'cancelled' });
      break;
    }
    const a = r.actions[0]!;
    const mode = a.workflow === 'offline' && opts.site.connectivity !== 'offline' ? 'offline' : undefined;
    const { confirmReturns: _c, responsesDir: _r, publicKeyPem: _k, onProgress: _p, ...workflow } = opts;
    let out: WorkflowResult;
    try {
      out = await r.run({ ...workflow, target: a.target, mode, confirm: async () => true });
    } catch (e) {
      // A disk error (or a bug) outside a step: said like a failed step, with what was done before it.
      const failed = failureOf(e, r.label);
      out = { ok: false, cancelled: false, done: [], notDone: [{ target: a.target, message: failed.message, code: failed.code }], requestFiles: [] };
    }
    result.done.push(...out.done);
    result.requestFiles.push(...out.requestFiles);
    // Blocked licenses are listed once, with the plan's blocked actions (skipped); the rest of the run goes on.
    const failed = out.notDone.filter((n) => n.code !== 'blocked');
    result.notDone.push(...failed);
    const clean = failed.length === 0 && !out.cancelled;
    const short = clean && a.kind === 'reclaim' ? stillShort(opts, r.actions) : undefined;
    if (short) result.notDone.push(short);
    opts.onProgress?.({ done: i + 1, total, message: clean && !short ? `${r.label}: done` : `${r.label}: failed` });
    if (!clean || short) {
      result.cancelled = out.cancelled;
      for (const rest of runs.slice(i + 1)) result.notDone.push({ target: rest.actions[0]!.target, message: `${rest.label}: not attempted after the failure above`, code: 'not-attempted' });
      break;
    }
  }
  result.ok = result.notDone.length === 0 && !result.cancelled && !result.skipped.some((s) => s.code === 'blocked');
  return result;
}

/** The workflow runs that do the plan's actions: one per target and kind (one per transaction for returns and repairs). */
function planRuns(opts: ApplyOptions, plan: ReconcilePlan, skipped: StepReport[]): Run[] {
  const runs = new Map<string, Run>();
  for (const a of plan.actions) {
    const responseFile = a.kind === 'import-response' && opts.responsesDir && a.requestId ? path.join(opts.responsesDir, responseFileName(a.requestId)) : undefined;
    const importable = responseFile !== undefined && fs.existsSync(responseFile) && opts.publicKeyPem !== undefined;
    if (!a.executable && (!importable || a.finding)) {
      skipped.push({ target: a.target, message: `${describeAction(a)}`, code: a.waitsFor ? 'waiting' : 'blocked' });
      continue;
    }
    const on = targetLabel(a);
    let key: string;
    let run: Run;
    switch (a.kind) {
      case 'activate':
        key = `activate:${a.target}`;
        run = { label: `activate on ${on}`, actions: [], run: (o) => activate(o) };
        break;
      case 'reclaim':
        key = `reclaim:${a.target}`;
        run = { label: `reclaim on ${on}`, actions: [], run: (o) => reclaim(o) };
        break;
      case 'return':
        key = `return:${a.target}:${a.transaction}`;
        run = { label: `return ${a.transaction} from ${on}`, actions: [], run: (o) => returnLicenses(o, { transactions: [a.transaction!] }) };
        break;
      case 'repair':
        key = `repair:${a.target}:${a.transaction}`;
        run = { label: `repair ${a.transaction} on ${on}`, actions: [], run: (o) => repair(o, { transaction: a.transaction }) };
        break;
      case 'confirm-return':
        key = `confirm-return:${a.target}`;
        run = { label: `confirm the offline returns of ${on}`, actions: [], run: (o) => confirmReturn(o) };
        break;
      case 'import-response':
        key = `import-response:${a.requestId}`;
        run = { label: `import the response to ${a.requestId}`, actions: [], run: (o) => importResponses({ ...o, target: undefined }, [responseFile!], opts.publicKeyPem!) };
        break;
    }
    const existing = runs.get(key) ?? run;
    existing.actions.push(a);
    runs.set(key, existing);
  }
  return [...runs.values()];
}

/** A reclaim that did not bring the quantity the plan asks for: the LAS entitlement did not grow enough. */
function stillShort(opts: ApplyOptions, actions: ReconcileAction[]): StepReport | undefined {
  const state = opts.ledgerFold?.state() ?? foldSite(opts.site, readLedger(opts.ledgerPath), opts.ledgerPath);
  for (const a of actions) {
    const l = licenseState(state, a.target, a.activationId);
    if (l?.pendingRequest) continue; // offline: the request is written, the response will tell
    if (l && l.status === 'activated' && l.quantity < a.quantity) {
      return {
        target: a.target,
        code: 'reclaim-short',
        message: `reclaim on ${a.target} gave ${a.activationId} ×${l.quantity}, the plan asks for ×${a.quantity}: the LAS entitlement has not grown that much. Check the entitlement quantity in the plan against the entitlement e-mail, or lower the assignment.`,
      };
    }
  }
  return undefined;
}
