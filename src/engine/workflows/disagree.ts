// When the ledger records a transaction the LAS does not know, nobody invents what happened: the step
// fails, nothing is written, and the message says how the two are brought together again.
import type { LasError } from '../las/types';
import type { StepOutcome, WorkflowOptions } from './context';
import { REFUSAL_CODES } from './siteLock';

export function disagreement(opts: WorkflowOptions, target: string, transaction: string, what: string): StepOutcome {
  const site = opts.site.name;
  return {
    status: 'failed',
    code: REFUSAL_CODES.lasRecord,
    message:
      `${what}: the LAS has no transaction ${transaction} on ${target}, but the ledger records it: the local LAS state and the ledger disagree. Nothing was written. ` +
      `If the simulator's state was reset, damaged or comes from another clone, run 'bmslicense las restore --site ${site}' to rebuild it from the ledger, then run the command again; ` +
      `with an activation server, look the transaction up there before changing the ledger ('bmslicense plan --site ${site}' lists every disagreement).`,
  };
}

/** The LAS answered that it does not know the transaction at all (not: returned before, broken, …). */
export function isUnknownTransaction(error: LasError): boolean {
  return error.code === 'unknown-transaction';
}
