// Reconcile in VS Code: the "Review and Apply Plan…" command and its read-only review documents. The
// CodeLens of each assignment's state comes from the language server (src/engine/service/codeLens.ts).
import { REVIEW_AND_APPLY } from '../../engine/commandIds';
import * as vscode from 'vscode';
import type { CommandHandlers } from '../commands/registry';
import { reviewAndApply, REVIEW_SCHEME, ReviewDocuments, type ReconcileDeps } from './review';


/** The review documents' provider; returns the Review and Apply handler. */
export function registerReconcile(context: vscode.ExtensionContext, deps: ReconcileDeps): Pick<CommandHandlers, typeof REVIEW_AND_APPLY> {
  const docs = new ReviewDocuments();
  context.subscriptions.push(docs, vscode.workspace.registerTextDocumentContentProvider(REVIEW_SCHEME, docs));
  return { [REVIEW_AND_APPLY]: (arg, run) => reviewAndApply(deps, docs, arg, run) } as Pick<CommandHandlers, typeof REVIEW_AND_APPLY>;
}

export type { ReconcileDeps };
