// Repair: bring broken licenses back (after a backup restore, a clock set back, a hardware change).
// At most 4 repairs of a target in 12 months, counted from the ledger before the LAS is asked.
import { repairsInLast12Months, transactionsOf } from '../ledger/fold';
import { REPAIRS_PER_12_MONTHS } from '../ledger/repairWindow';
import { LedgerWriter, lasFailure, notStarted, runSteps, startWorkflow, type Step, type StepOutcome, type WorkflowOptions, type WorkflowResult } from './context';
import type { LasError } from '../las/types';
import { disagreement, isUnknownTransaction } from './disagree';
import { createRequest } from './offlineRequests';
import { withSiteLock } from './siteLock';
import { formatLines, resolveTargets, type WorkflowTarget } from './targets';

/** Something that can be told about broken licenses (the simulator; a real LAS learns it from the repair). */
interface KnowsBroken {
  markBroken(target: WorkflowTarget['las'], transaction: string): Promise<unknown>;
}

/** Records that a transaction's licenses are broken on site (what the License Server reports). */
export function reportBroken(opts: WorkflowOptions, transaction: string): Promise<WorkflowResult> {
  return withSiteLock(opts, 'repair --mark-broken', (o) => reportBrokenLocked(o, transaction), (r) => r);
}

async function reportBrokenLocked(opts: WorkflowOptions, transaction: string): Promise<WorkflowResult> {
  const resolved = resolveTargets(opts);
  if (!resolved.ok) return notStarted(resolved.error, 'unknown-target', opts.target);
  if (!opts.target) return notStarted('Name the target whose licenses are broken.', 'bad-request');
  const target = resolved.value[0]!;
  const ledger = new LedgerWriter(opts);
  const tx = transactionsOf(ledger.state(), target.id, ['activated', 'broken']).find((t) => t.transaction === transaction);
  if (!tx) return notStarted(`The ledger shows no active transaction ${transaction} on ${target.id}.`, 'unknown-transaction', target.id);
  return runSteps(opts, [
    {
      target: target.id,
      label: `record ${transaction} on ${target.id} as broken`,
      run: async () => {
        if (tx.status === 'broken') return { status: 'skipped', message: `transaction ${transaction} is already recorded as broken` };
        const las = opts.las as Partial<KnowsBroken>;
        if (typeof las.markBroken === 'function') {
          const marked = (await las.markBroken(target.las, transaction)) as { ok: boolean; error?: LasError };
          if (!marked.ok && marked.error && isUnknownTransaction(marked.error)) return disagreement(opts, target.id, transaction, `recording ${transaction} as broken`);
          if (!marked.ok && marked.error) return lasFailure(marked.error, `recording ${transaction} as broken`);
        }
        ledger.append([ledger.event('broken', { target: target.id, transaction, lines: tx.lines })]);
        return { status: 'done', message: `transaction ${transaction} (${formatLines(tx.lines)}) recorded as broken: repair it` };
      },
    },
  ]);
}

export function repair(opts: WorkflowOptions, only?: { transaction?: string }): Promise<WorkflowResult> {
  return withSiteLock(opts, 'repair', (o) => repairLocked(o, only), (r) => r);
}

async function repairLocked(opts: WorkflowOptions, only?: { transaction?: string }): Promise<WorkflowResult> {
  const start = startWorkflow(opts);
  if (!start.ok) return start.error;
  const { path, targets, ledger, blocked } = start.value;
  const state = ledger.state();
  const steps: Step[] = [];
  for (const target of targets) {
    const broken = transactionsOf(state, target.id, ['broken']).filter((t) => !only?.transaction || t.transaction === only.transaction);
    if (broken.length === 0) continue;
    if (path === 'offline') {
      steps.push({ target: target.id, label: `repair request for ${target.id}`, run: () => repairOffline(opts, ledger, target, broken.map((t) => t.transaction), broken.flatMap((t) => t.lines.map((l) => l.activationId))) });
    } else {
      for (const tx of broken) steps.push({ target: target.id, label: `repair ${tx.transaction} on ${target.id}`, run: () => repairOnline(opts, ledger, target, tx.transaction) });
    }
  }
  if (steps.length === 0 && only?.transaction) return notStarted(`The ledger shows no broken transaction ${only.transaction}${opts.target ? ` on ${opts.target}` : ''}.`, 'not-repairable', opts.target);
  return runSteps(opts, [...blocked, ...steps]);
}

function budgetLeft(ledger: LedgerWriter, target: WorkflowTarget): StepOutcome | undefined {
  const used = repairsInLast12Months(ledger.state(), target.id, ledger.now());
  if (used < REPAIRS_PER_12_MONTHS) return undefined;
  return { status: 'failed', code: 'repair-budget', message: `${target.id} was repaired ${used} times in the last 12 months (at most ${REPAIRS_PER_12_MONTHS}): contact Schneider Electric support` };
}

async function repairOnline(opts: WorkflowOptions, ledger: LedgerWriter, target: WorkflowTarget, transaction: string): Promise<StepOutcome> {
  if (!transactionsOf(ledger.state(), target.id, ['broken']).some((t) => t.transaction === transaction)) return { status: 'skipped', message: `transaction ${transaction} is no longer broken` };
  const over = budgetLeft(ledger, target);
  if (over) return over;
  const r = await opts.las.repair(target.las, transaction);
  if (!r.ok && isUnknownTransaction(r.error)) return disagreement(opts, target.id, transaction, `repairing ${transaction} on ${target.id}`);
  if (!r.ok) return lasFailure(r.error, `repairing ${transaction} on ${target.id}`);
  ledger.append([ledger.event('repair', { target: target.id, transaction, mode: 'online' })]);
  return { status: 'done', message: `repaired transaction ${transaction} (${r.value.repairsLeft} repair(s) left in 12 months)` };
}

async function repairOffline(opts: WorkflowOptions, ledger: LedgerWriter, target: WorkflowTarget, transactions: string[], ids: string[]): Promise<StepOutcome> {
  const waiting = [...ledger.state().pending.values()].find((p) => p.op === 'repair' && p.target === target.id);
  if (waiting) return { status: 'skipped', message: `repair request ${waiting.requestId} is already waiting for its response` };
  const over = budgetLeft(ledger, target);
  if (over) return over;
  return createRequest(opts, ledger, target, 'repair', { transactions, activationIds: ids }, `repair of ${transactions.join(', ')}`);
}
