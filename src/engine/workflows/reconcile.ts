// After a crash between a LAS call and its ledger line, the LAS knows more than the ledger. Before acting
// online on a target, record what the LAS already holds, so a retry completes instead of repeating.
import { licenseState } from '../ledger/fold';
import type { ActivationTransaction } from '../las/types';
import { lasFailure, type LedgerWriter, type StepOutcome, type WorkflowOptions } from './context';
import type { WorkflowTarget } from './targets';
import { fail, ok, type Result } from '../result';

export async function lasActivations(opts: WorkflowOptions, target: WorkflowTarget): Promise<Result<ActivationTransaction[], StepOutcome>> {
  const listed = await opts.las.activations(target.las.site, target.id);
  if (!listed.ok) return fail(lasFailure(listed.error, `reading the activations of ${target.id} from the LAS`));
  return ok(listed.value);
}

export async function recordUnrecordedActivations(opts: WorkflowOptions, ledger: LedgerWriter, target: WorkflowTarget): Promise<Result<{ count: number; txs: ActivationTransaction[] }, StepOutcome>> {
  const listed = await lasActivations(opts, target);
  if (!listed.ok) return listed;
  const state = ledger.state();
  const missing = listed.value.flatMap((tx) =>
    tx.lines
      .filter((l) => {
        const known = licenseState(state, target.id, l.activationId);
        return !known || known.transaction !== tx.transaction || known.status === 'returned' || known.status === 'requested';
      })
      .map((l) => ledger.event('activate', { target: target.id, activationId: l.activationId, quantity: l.quantity, transaction: tx.transaction, mode: 'online' })),
  );
  ledger.append(missing);
  return ok({ count: missing.length, txs: listed.value });
}
