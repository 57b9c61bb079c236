// Reclaim: refresh a target's active licenses with the latest entitlement (e.g. a subscription grew).
// Online/semi-online directly; offline through a request file. Reclaiming twice changes nothing.
import { transactionsOf } from '../ledger/fold';
import type { ReclaimResult } from '../las/types';
import { blockedStep, lasFailure, runSteps, startWorkflow, syncEntitlements, type LedgerWriter, type Step, type StepOutcome, type WorkflowOptions, type WorkflowResult } from './context';
import { disagreement } from './disagree';
import { createRequest } from './offlineRequests';
import { recordUnrecordedActivations } from './reconcile';
import { withSiteLock } from './siteLock';
import type { WorkflowTarget } from './targets';

/** Ledger events for the changes a reclaim picked up (one `reclaim` line even when nothing changed). */
export function reclaimEvents(ledger: LedgerWriter, target: string, result: ReclaimResult, mode: 'online' | 'offline') {
  if (result.changes.length === 0) return [ledger.event('reclaim', { target, lines: [], mode })];
  return result.changes.map((c) => ledger.event('reclaim', { target, activationId: c.activationId, quantity: c.to, from: c.from, mode }));
}

export function describeChanges(result: ReclaimResult): string {
  if (result.changes.length === 0) return 'reclaimed: the entitlement has not changed';
  return `reclaimed: ${result.changes.map((c) => `${c.activationId} ${c.from} → ${c.to}`).join(', ')}`;
}

export function reclaim(opts: WorkflowOptions): Promise<WorkflowResult> {
  return withSiteLock(opts, 'reclaim', reclaimLocked, (r) => r);
}

async function reclaimLocked(opts: WorkflowOptions): Promise<WorkflowResult> {
  const start = startWorkflow(opts);
  if (!start.ok) return start.error;
  const { path, targets, ledger, blocked } = start.value;
  const refused = await syncEntitlements(opts, path);
  if (refused) return refused;
  const state = ledger.state();
  const steps: Step[] = [];
  for (const target of targets) {
    const active = transactionsOf(state, target.id, ['activated']);
    if (active.length === 0) continue;
    const ids = active.flatMap((t) => t.lines.map((l) => l.activationId));
    const blocker = ids.map((id) => opts.blockerOf?.(target.id, id)).find((b) => b !== undefined);
    if (blocker) {
      steps.push(blockedStep(target.id, `reclaim on ${target.id}`, blocker));
      continue;
    }
    steps.push({
      target: target.id,
      label: `reclaim on ${target.id}`,
      run: () => (path === 'online' ? reclaimOnline(opts, ledger, target) : reclaimOffline(opts, ledger, target, ids)),
    });
  }
  return runSteps(opts, [...blocked, ...steps]);
}

async function reclaimOnline(opts: WorkflowOptions, ledger: LedgerWriter, target: WorkflowTarget): Promise<StepOutcome> {
  const recovered = await recordUnrecordedActivations(opts, ledger, target);
  if (!recovered.ok) return recovered.error;
  // A reclaim of licenses the LAS does not hold would record a refresh that never happened.
  const lost = transactionsOf(ledger.state(), target.id, ['activated']).find((t) => !recovered.value.txs.some((x) => x.transaction === t.transaction));
  if (lost) return disagreement(opts, target.id, lost.transaction, `reclaiming on ${target.id}`);
  const r = await opts.las.reclaim(target.las);
  if (!r.ok) return lasFailure(r.error, `reclaiming on ${target.id}`);
  ledger.append(reclaimEvents(ledger, target.id, r.value, 'online'));
  return { status: 'done', message: describeChanges(r.value) };
}

async function reclaimOffline(opts: WorkflowOptions, ledger: LedgerWriter, target: WorkflowTarget, ids: string[]): Promise<StepOutcome> {
  const waiting = [...ledger.state().pending.values()].find((p) => p.op === 'reclaim' && p.target === target.id);
  if (waiting) return { status: 'skipped', message: `reclaim request ${waiting.requestId} is already waiting for its response (${waiting.file ?? ''})` };
  return createRequest(opts, ledger, target, 'reclaim', { activationIds: ids }, 'reclaim');
}
