// The CodeLens above each assignment of a plan file: its state from the site's ledger (activated on a date
// in a transaction, not activated, waiting for an offline response, return to confirm, broken). Served by
// the language server, so every LSP client shows it; the command is the extension's Review and Apply.
import { REVIEW_AND_APPLY } from '../commandIds';
import type { CodeLens } from 'vscode-languageserver-types';
import { fold } from '../ledger/fold';
import { isPlan } from '../model';
import { assignmentStates } from '../reconcile/assignmentStates';
import { rangeOf } from './lsp';
import type { LiveWorkspace } from './workspace';

export { REVIEW_AND_APPLY };

export function codeLenses(ws: LiveWorkspace, uri: string, today = new Date()): CodeLens[] {
  const lines = ws.lines(uri);
  if (!lines) return [];
  const out: CodeLens[] = [];
  for (const plan of ws.documents(uri)) {
    if (!isPlan(plan) || !plan.site) continue;
    const site = ws.index.site(plan.site);
    if (!site) continue;
    for (const s of assignmentStates(plan, ws.session.ledgers.of(site)?.state ?? fold([]), { today })) {
      const at = rangeOf(lines, { start: s.span.start, end: s.span.start });
      const actionable = s.kind !== 'activated';
      out.push({ range: at, command: { title: s.text, command: actionable ? REVIEW_AND_APPLY : '', arguments: actionable ? [plan.site] : undefined } });
    }
  }
  return out;
}
