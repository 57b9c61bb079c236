// Activate: every planned license of the target(s) that is not active yet, one LAS transaction per target.
// Online it asks the LAS; offline it writes a request file. A retry only does what is still missing.
import { licenseState, type LedgerState } from '../ledger/fold';
import type { LicenseLine } from '../las/types';
import { blockedStep, lasFailure, runSteps, startWorkflow, syncEntitlements, type LedgerWriter, type Step, type StepOutcome, type WorkflowOptions, type WorkflowResult } from './context';
import { createRequest } from './offlineRequests';
import { recordUnrecordedActivations } from './reconcile';
import { withSiteLock } from './siteLock';
import { blockedLines, formatLines, plannedLines, type WorkflowTarget } from './targets';

interface Split {
  todo: LicenseLine[];
  blocked: { line: LicenseLine; why: string; code: string }[];
}

/** Which planned lines still need an activation, and which cannot have one yet. */
function split(state: LedgerState, target: WorkflowTarget, lines: LicenseLine[]): Split {
  const out: Split = { todo: [], blocked: [] };
  for (const line of lines) {
    const l = licenseState(state, target.id, line.activationId);
    if (!l || l.status === 'returned') out.todo.push(line);
    else if (l.status === 'return-pending') {
      out.blocked.push({ line, code: 'return-unconfirmed', why: `${line.activationId} was returned offline (transaction ${l.transaction}): run Confirm offline return before activating it again` });
    }
    // activated, broken and requested lines are done or under way: nothing to do again.
  }
  return out;
}

/** Under the site's lock: the ledger and the LAS are read after it is taken. */
export function activate(opts: WorkflowOptions): Promise<WorkflowResult> {
  return withSiteLock(opts, 'activate', activateLocked, (r) => r);
}

async function activateLocked(opts: WorkflowOptions): Promise<WorkflowResult> {
  const start = startWorkflow(opts);
  if (!start.ok) return start.error;
  const { path, targets, ledger, blocked } = start.value;
  const refused = await syncEntitlements(opts, path);
  if (refused) return refused;
  const state = ledger.state();
  const steps: Step[] = [];
  for (const target of targets) {
    for (const b of blockedLines(opts, target)) steps.push(blockedStep(target.id, `activate ${b.line.activationId} on ${target.id}`, b.blocker));
    const planned = plannedLines(opts, target);
    if (planned.length === 0) continue;
    const first = split(state, target, planned);
    for (const b of first.blocked) steps.push({ target: target.id, label: `activate ${b.line.activationId} on ${target.id}`, run: async () => ({ status: 'failed', message: b.why, code: b.code }) });
    if (first.todo.length === 0 && path === 'offline') continue;
    const label = `activate on ${target.id}`;
    steps.push({
      target: target.id,
      label,
      run: () => (path === 'online' ? activateOnline(opts, ledger, target, planned) : activateOffline(opts, ledger, target, planned)),
    });
  }
  return runSteps(opts, [...blocked, ...steps]);
}

async function activateOnline(opts: WorkflowOptions, ledger: LedgerWriter, target: WorkflowTarget, planned: LicenseLine[]): Promise<StepOutcome> {
  const recovered = await recordUnrecordedActivations(opts, ledger, target);
  if (!recovered.ok) return recovered.error;
  const { todo } = split(ledger.state(), target, planned);
  if (todo.length === 0) return { status: 'skipped', message: `already active${recovered.value.count > 0 ? ` (recorded ${recovered.value.count} activation(s) the ledger missed)` : ''}` };
  const r = await opts.las.activate(target.las, todo);
  if (!r.ok) return lasFailure(r.error, `activating ${formatLines(todo)} on ${target.id}`);
  const tx = r.value;
  ledger.append(tx.lines.map((l) => ledger.event('activate', { target: target.id, activationId: l.activationId, quantity: l.quantity, transaction: tx.transaction, mode: 'online' })));
  return { status: 'done', message: `activated ${formatLines(tx.lines)} (transaction ${tx.transaction})` };
}

async function activateOffline(opts: WorkflowOptions, ledger: LedgerWriter, target: WorkflowTarget, planned: LicenseLine[]): Promise<StepOutcome> {
  const state = ledger.state();
  const todo = split(state, target, planned).todo.filter((l) => !licenseState(state, target.id, l.activationId)?.pendingRequest);
  if (todo.length === 0) return { status: 'skipped', message: 'already active or requested' };
  return createRequest(opts, ledger, target, 'activate', { lines: todo, activationIds: todo.map((l) => l.activationId) }, `activation of ${formatLines(todo)}`);
}
