// A CodeLens above each assignment of a plan file: its state from the site's ledger (activated on a date in
// a transaction, not activated, waiting for an offline response, return to confirm, broken).
import * as vscode from 'vscode';
import { fold } from '../../engine/ledger/fold';
import { parseBmsText, type BmsFile } from '../../engine/load/parse';
import { isPlan } from '../../engine/model';
import { assignmentStates } from '../../engine/reconcile/assignmentStates';
import type { SiteWorkspace } from '../sites';

export class AssignmentStateLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** The last parse of each document, reused while its version does not change. */
  private readonly parsed = new Map<string, { version: number; file: BmsFile }>();

  constructor(private readonly sites: SiteWorkspace) {
    // The ledger or the plans changed (apply, a workflow, an edit): the states may have too.
    this.subscription = sites.onDidChange(() => this.changed.fire());
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!/\bkind:\s*LicensePlan\b/.test(doc.getText())) return [];
    await this.sites.load();
    if (token.isCancellationRequested) return [];
    const key = doc.uri.toString();
    let cached = this.parsed.get(key);
    if (!cached || cached.version !== doc.version) {
      cached = { version: doc.version, file: parseBmsText(key, doc.getText()) };
      this.parsed.set(key, cached);
    }
    const lenses: vscode.CodeLens[] = [];
    for (const d of cached.file.documents) {
      const plan = d.model;
      if (!plan || !isPlan(plan) || !plan.site || !this.sites.siteFiles(plan.site)) continue;
      const ledger = this.sites.ledgerStates.get(plan.site) ?? fold([]);
      for (const s of assignmentStates(plan, ledger)) {
        const at = doc.positionAt(s.span.start);
        const actionable = s.kind !== 'activated';
        lenses.push(
          new vscode.CodeLens(new vscode.Range(at, at), {
            title: s.text,
            command: actionable ? 'bmsLicense.reviewAndApply' : '',
            arguments: actionable ? [plan.site] : undefined,
            tooltip: actionable ? `Review and apply the plan of site ${plan.site}` : `Recorded in the ledger of site ${plan.site}`,
          }),
        );
      }
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.parsed.clear();
  }
}
