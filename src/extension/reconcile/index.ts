// Reconcile in VS Code: the "Review and Apply Plan…" command and its read-only review documents. The
// CodeLens of each assignment's state comes from the language server (src/engine/service/codeLens.ts).
import { REVIEW_AND_APPLY } from '../../engine/commandIds';
import * as vscode from 'vscode';
import { reviewAndApply, REVIEW_SCHEME, ReviewDocuments, type ReconcileDeps } from './review';


export function registerReconcile(context: vscode.ExtensionContext, deps: ReconcileDeps): void {
  const docs = new ReviewDocuments();
  context.subscriptions.push(
    docs,
    vscode.workspace.registerTextDocumentContentProvider(REVIEW_SCHEME, docs),
    vscode.commands.registerCommand(REVIEW_AND_APPLY, async (arg: unknown) => {
      try {
        await reviewAndApply(deps, docs, arg);
      } catch (e) {
        deps.log.error(`${REVIEW_AND_APPLY} failed: ${(e as Error).stack ?? String(e)}`);
        const choice = await vscode.window.showErrorMessage(`Review and Apply failed: ${(e as Error).message}. What was done before is in the ledger; run it again to finish.`, 'Show Details');
        if (choice) deps.log.show();
      }
    }),
  );
}

export type { ReconcileDeps };
