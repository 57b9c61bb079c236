// The read-only review documents of "Review and Apply Plan…" (scheme bms-plan:): registered by activate() so
// that a review tab brought back after a reload gets its text (or a note to run the command again), while
// the command's own code stays in dist/features.js until it runs.
import * as vscode from 'vscode';

export const REVIEW_SCHEME = 'bms-plan';

/** The read-only review documents, by URI; VS Code asks for their text. */
export class ReviewDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '# This review is no longer available: run "BMS: Review and Apply Plan…" again.\n';
  }

  show(site: string, text: string, kind: 'diff' | 'md' = 'diff'): vscode.Uri {
    const uri = vscode.Uri.parse(`${REVIEW_SCHEME}:/${encodeURIComponent(site)}.${kind === 'md' ? 'checklist.md' : 'plan.diff'}`);
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}
