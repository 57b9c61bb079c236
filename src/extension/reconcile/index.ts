// Reconcile in VS Code: the "Review and Apply Plan…" command; its read-only review documents are documents.ts.
// The CodeLens of each assignment's state comes from the language server (src/engine/service/codeLens.ts).
import { REVIEW_AND_APPLY } from '../../engine/commandIds';
import type { CommandHandlers } from '../commands/registry';
import type { ReviewDocuments } from './documents';
import { reviewAndApply, type ReconcileDeps } from './review';

/** The Review and Apply handler, showing its reviews in `docs` (registered by activate()). */
export function reconcileCommands(deps: ReconcileDeps, docs: ReviewDocuments): Pick<CommandHandlers, typeof REVIEW_AND_APPLY> {
  return { [REVIEW_AND_APPLY]: (arg, run) => reviewAndApply(deps, docs, arg, run) } as Pick<CommandHandlers, typeof REVIEW_AND_APPLY>;
}

export type { ReconcileDeps };
