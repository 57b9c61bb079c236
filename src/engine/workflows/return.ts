// Return: every activation transaction of the target(s), whole (a return takes back every license that was
// activated with it). The user confirms the full list first. Online returns are final; offline returns
// go through request files and stay unusable until the return is confirmed on the LAS.
import { transactionsOf, type TransactionState } from '../ledger/fold';
import {
  lasFailure,
  notStarted,
  runSteps,
  startWorkflow,
  type LedgerWriter,
  type ReturnConfirmation,
  type Step,
  type StepOutcome,
  type WorkflowOptions,
  type WorkflowResult,
} from './context';
import { disagreement, isUnknownTransaction } from './disagree';
import { restartNote } from './localLicense';
import { createRequest } from './offlineRequests';
import { lasActivations } from './reconcile';
import { withSiteLock } from './siteLock';
import { formatLines, type WorkflowTarget } from './targets';

export function describeReturn(site: string, items: TransactionState[], note: (t: TransactionState) => string | undefined = () => undefined): ReturnConfirmation {
  const message = [
    `Return from site ${site} (each transaction is returned whole):`,
    ...items.map((t) => `  ${t.target}: transaction ${t.transaction}: ${formatLines(t.lines)}${note(t) ? `; then ${note(t)}` : ''}`),
  ].join('\n');
  return { site, items: items.map((t) => ({ target: t.target, transaction: t.transaction, lines: t.lines })), message };
}

/** `only.transactions`: return just these transactions (reconcile's apply), not every one of the target(s). */
export function returnLicenses(opts: WorkflowOptions, only?: { transactions?: string[] }): Promise<WorkflowResult> {
  return withSiteLock(opts, 'return', (o) => returnLocked(o, only), (r) => r);
}

async function returnLocked(opts: WorkflowOptions, only?: { transactions?: string[] }): Promise<WorkflowResult> {
  const start = startWorkflow(opts);
  if (!start.ok) return start.error;
  const { path, targets, ledger, blocked } = start.value;
  const state = ledger.state();
  const ids = new Set(targets.map((t) => t.id));
  const all = transactionsOf(state, undefined, ['activated', 'broken']).filter((t) => ids.has(t.target) && (!only?.transactions || only.transactions.includes(t.transaction)));
  const broken = all.filter((t) => t.status === 'broken');
  const items = all.filter((t) => t.status === 'activated' && !hasPendingReturn(state, t));
  const steps: Step[] = broken.map((t) => ({
    target: t.target,
    label: `return ${t.transaction} from ${t.target}`,
    run: async (): Promise<StepOutcome> => ({ status: 'failed', code: 'not-repairable', message: `transaction ${t.transaction} on ${t.target} is broken: repair it first, then return it` }),
  }));
  if (items.length > 0) {
    const kindOf = new Map(targets.map((t) => [t.id, t.kind]));
    const note = (t: TransactionState) => restartNote(opts, t.target, kindOf.get(t.target) ?? '', t.lines);
    if (!opts.confirm || !(await opts.confirm(describeReturn(opts.site.name, items, note)))) {
      return notStarted('Return not confirmed: nothing was returned.', 'cancelled');
    }
  }
  for (const target of targets) {
    const mine = items.filter((t) => t.target === target.id);
    if (mine.length === 0) continue;
    if (path === 'offline') {
      const lines = mine.flatMap((t) => t.lines);
      steps.push({
        target: target.id,
        label: `return request for ${target.id}`,
        run: async () => createRequest(opts, ledger, target, 'return', { transactions: mine.map((t) => t.transaction), activationIds: lines.map((l) => l.activationId) }, `return of ${mine.map((t) => t.transaction).join(', ')} (${formatLines(lines)})`),
      });
    } else {
      for (const tx of mine) steps.push({ target: target.id, label: `return ${tx.transaction} from ${target.id}`, run: () => returnOnline(opts, ledger, target, tx) });
    }
  }
  return runSteps(opts, [...blocked, ...steps]);
}

function hasPendingReturn(state: ReturnType<LedgerWriter['state']>, t: TransactionState): boolean {
  return [...state.pending.values()].some((p) => p.op === 'return' && p.target === t.target && p.transactions.includes(t.transaction));
}

async function returnOnline(opts: WorkflowOptions, ledger: LedgerWriter, target: WorkflowTarget, tx: TransactionState): Promise<StepOutcome> {
  const listed = await lasActivations(opts, target);
  if (!listed.ok) return listed.error;
  const returnEvent = (lines = tx.lines) => ledger.event('return', { target: target.id, transaction: tx.transaction, lines, mode: 'online' });
  const r = await opts.las.returnTransaction(target.las, tx.transaction, false);
  if (!r.ok && r.error.code === 'already-returned' && !listed.value.some((t) => t.transaction === tx.transaction)) {
    // The LAS's own record says it was returned: before the ledger line could be written (a crash). Record it.
    ledger.append([returnEvent()]);
    return { status: 'done', message: `transaction ${tx.transaction} was already returned on the LAS; recorded in the ledger (the LAS says: ${r.error.message})` };
  }
  if (!r.ok && isUnknownTransaction(r.error)) return disagreement(opts, target.id, tx.transaction, `returning ${tx.transaction} from ${target.id}`);
  if (!r.ok) return lasFailure(r.error, `returning ${tx.transaction} from ${target.id}`);
  ledger.append([returnEvent(r.value.lines)]);
  const restart = restartNote(opts, target.id, target.kind, r.value.lines);
  return { status: 'done', message: `returned transaction ${tx.transaction}: ${formatLines(r.value.lines)}${restart ? `; ${restart}` : ''}` };
}
