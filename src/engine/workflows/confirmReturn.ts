// Confirm offline return: tells the LAS (from a computer that reaches it) that the offline-returned licenses
// are gone from the site; only then can they be activated again.
import { transactionsOf } from '../ledger/fold';
import { LedgerWriter, blockedStep, lasFailure, notStarted, runSteps, type Step, type WorkflowOptions, type WorkflowResult } from './context';
import { disagreement, isUnknownTransaction } from './disagree';
import { withSiteLock } from './siteLock';
import { formatLines, resolveTargets } from './targets';

export function confirmReturn(opts: WorkflowOptions): Promise<WorkflowResult> {
  return withSiteLock(opts, 'confirm-return', confirmLocked, (r) => r);
}

async function confirmLocked(opts: WorkflowOptions): Promise<WorkflowResult> {
  const resolved = resolveTargets(opts);
  if (!resolved.ok) return notStarted(resolved.error, 'unknown-target', opts.target);
  const ledger = new LedgerWriter(opts);
  const pending = transactionsOf(ledger.state(), undefined, ['return-pending']);
  const steps: Step[] = [];
  for (const target of resolved.value) {
    const blocker = opts.ledgerBlockerOf?.(target.id);
    if (blocker && pending.some((t) => t.target === target.id)) {
      steps.push(blockedStep(target.id, `confirm the returns of ${target.id}`, blocker));
      continue;
    }
    for (const tx of pending.filter((t) => t.target === target.id)) {
      steps.push({
        target: target.id,
        label: `confirm the return of ${tx.transaction} from ${target.id}`,
        run: async () => {
          const r = await opts.las.confirmReturn(target.las, tx.transaction);
          if (!r.ok && isUnknownTransaction(r.error)) return disagreement(opts, target.id, tx.transaction, `confirming the return of ${tx.transaction}`);
          if (!r.ok) return lasFailure(r.error, `confirming the return of ${tx.transaction}`);
          ledger.append([ledger.event('return-confirmed', { target: target.id, transaction: tx.transaction, lines: tx.lines })]);
          return { status: 'done', message: `return of ${tx.transaction} confirmed: ${formatLines(tx.lines)} can be activated again` };
        },
      });
    }
  }
  return runSteps(opts, steps);
}
