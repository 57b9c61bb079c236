// The site-wide sections of the report: entitlements with their use, the expiry timeline, the ledger
// history and the open problems.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { daysUntil } from '../calendar';
import type { Diagnostic } from '../diagnostics';
import type { LedgerState } from '../ledger/fold';
import type { LedgerFinding } from '../ledger/findings';
import type { BlockerOf } from '../siteCheck';
import { licenseStatus } from '../tree/status';
import type { LedgerEvent, LedgerProblem } from '../ledger/ledger';
import type { LicensePlan } from '../model';
import { LineIndex } from '../text';
import type { WorkspaceIndex } from '../load/workspace';
import { expiryOf } from '../tree/licenses';
import type { EntitlementRow, ExpiryItem, HistoryItem, ProblemItem, ReportLocation } from './types';


export function productRef(activationId: string): string {
  return `product:${activationId}`;
}

export function entitlementRows(
  plans: LicensePlan[],
  ledger: LedgerState | undefined,
  site: string,
  today: Date,
  warningDays: number,
  locations: Record<string, ReportLocation>,
  ctx: { blockerOf?: BlockerOf; stage?: string } = {},
): EntitlementRow[] {
  const rows: EntitlementRow[] = [];
  const seen = new Set<string>();
  for (const plan of plans) {
    const days = plan.expiryWarningDays ?? warningDays;
    for (const ent of plan.entitlements) {
      for (const p of ent.products) {
        if (seen.has(p.activationId)) continue;
        seen.add(p.activationId);
        const assignments = plans.flatMap((pl) => pl.assignments.filter((a) => a.activationId === p.activationId));
        const assigned = assignments.reduce((n, a) => n + (a.quantity ?? 1), 0);
        let activated = 0;
        for (const l of ledger?.licenses.values() ?? []) {
          if (l.activationId === p.activationId && l.status === 'activated' && (l.site === site || !l.site)) activated += l.quantity;
        }
        const ref = productRef(p.activationId);
        locations[ref] = { uri: plan.uri, start: p.span.start, end: p.span.end };
        const blockedBy = assignments.map((a) => (a.target === undefined ? undefined : ctx.blockerOf?.(a.target, p.activationId))).find((b) => b !== undefined);
        const status = licenseStatus({ planned: assigned, activated, lines: [{ state: 'planned', licenseType: p.licenseType }], blockedBy, stage: ctx.stage });
        rows.push({
          entitlementId: ent.id,
          activationId: p.activationId,
          feature: p.feature ?? '',
          licenseType: p.licenseType ?? '',
          quantity: p.quantity ?? 0,
          assigned,
          activated,
          left: (p.quantity ?? 0) - assigned,
          expires: p.expires ?? '',
          expiry: expiryOf(p.expires, today, days),
          targets: [...new Set(assignments.map((a) => a.target ?? '').filter((t) => t))],
          status: status.kind,
          statusLabel: status.label,
          ...(status.handover ? { handover: status.handover } : {}),
          ref,
        });
      }
    }
  }
  return rows;
}

/**
 * Dated licenses (`permanent` never expires and stays off the timeline), soonest first; at handover, demo and
 * engineering licenses first, dated or not, with what to do.
 */
export function expiryItems(entitlements: EntitlementRow[], today: Date): ExpiryItem[] {
  const handover = entitlements
    .filter((e) => e.handover !== undefined)
    .map((e) => ({ activationId: e.activationId, feature: e.feature, expires: e.expires, daysLeft: daysUntil(e.expires, today) ?? Number.POSITIVE_INFINITY, status: e.expiry, targets: e.targets, action: e.handover, ref: e.ref }));
  const dated = entitlements
    .filter((e) => e.handover === undefined && daysUntil(e.expires, today) !== undefined)
    .map((e) => ({
      activationId: e.activationId,
      feature: e.feature,
      expires: e.expires,
      daysLeft: daysUntil(e.expires, today)!,
      status: e.expiry,
      targets: e.targets,
      ref: e.ref,
    }))
    .sort((a, b) => a.daysLeft - b.daysLeft || a.activationId.localeCompare(b.activationId));
  return [...handover.map((h) => ({ ...h, daysLeft: Number.isFinite(h.daysLeft) ? h.daysLeft : 0 })), ...dated];
}

/** What an event took: its own lines with their quantities, else its transaction's lines, else nothing (never `×0`). */
export function eventTook(e: LedgerEvent, byTransaction: ReadonlyMap<string, string>): string {
  const own = e.lines && e.lines.length > 0 ? e.lines : e.activationId && e.quantity !== undefined ? [{ activationId: e.activationId, quantity: e.quantity }] : [];
  if (own.length > 0) return own.map((l) => `${l.activationId} ×${l.quantity}`).join(', ');
  const tx = e.transaction ? byTransaction.get(`${e.target ?? ''}\u0000${e.transaction}`) : undefined;
  return tx ?? '';
}

export function historyItems(events: LedgerEvent[], site: string): HistoryItem[] {
  const out: HistoryItem[] = [];
  // The lines each transaction activated, so a repair or return that names only its transaction shows them.
  const byTransaction = new Map<string, string>();
  events.forEach((e, i) => {
    if (e.site !== site) return;
    if (e.op === 'activate' && e.transaction) {
      const took = eventTook(e, byTransaction);
      if (took) byTransaction.set(`${e.target ?? ''}\u0000${e.transaction}`, took);
    }
    const notes: string[] = [];
    if (e.request) notes.push(`${e.request} request${e.requestId ? ` ${e.requestId}` : ''}`);
    else if (e.requestId) notes.push(`request ${e.requestId}`);
    if (e.accepted === false) notes.push(`refused${e.error ? `: ${e.error}` : ''}`);
    if (e.from !== undefined) notes.push(`from ${e.from}`);
    if (e.file) notes.push(`file ${e.file}`);
    out.push({
      seq: i + 1,
      at: e.at,
      op: e.op,
      target: e.target ?? '',
      licenses: eventTook(e, byTransaction),
      transaction: e.transaction ?? (e.transactions ?? []).join(', '),
      mode: e.mode ?? '',
      by: e.by ?? '',
      note: notes.join('; '),
    });
  });
  return out;
}

function relativeFile(uri: string, folder: string | undefined): string {
  if (!uri.startsWith('file:')) return uri;
  const file = fileURLToPath(uri);
  return folder ? path.relative(folder, file).split(path.sep).join('/') : path.basename(file);
}

/** The diagnostics of the site's own files and its plans, with line and column, plus ledger lines ignored. */
export function problemItems(
  index: WorkspaceIndex,
  uris: Set<string>,
  diagnostics: Iterable<Diagnostic>,
  ledgerProblems: LedgerProblem[],
  ledgerFile: string,
  folder: string | undefined,
  locations: Record<string, ReportLocation>,
  ledgerFindings: readonly LedgerFinding[] = [],
): ProblemItem[] {
  const out: ProblemItem[] = [];
  const lines = new Map<string, LineIndex>();
  const sorted = [...diagnostics].filter((d) => uris.has(d.uri));
  for (const d of sorted) {
    const text = index.file(d.uri)?.text ?? '';
    let li = lines.get(d.uri);
    if (!li) lines.set(d.uri, (li = new LineIndex(text)));
    const pos = li.positionAt(d.span.start);
    const ref = `problem:${out.length + 1}`;
    locations[ref] = { uri: d.uri, start: d.span.start, end: d.span.end };
    out.push({ severity: d.severity, code: d.code, message: d.message, file: relativeFile(d.uri, folder), line: pos.line + 1, column: pos.character + 1, ref });
  }
  // The ledger's own findings (BMS062-069, BMS083, BMS090-097), as `validate` gives them on their line.
  for (const f of ledgerFindings) out.push({ severity: f.severity, code: f.code, message: f.message, file: ledgerFile, line: f.line, column: 1 });
  for (const p of ledgerProblems) {
    if (p.message.startsWith('git conflict marker')) continue; // BMS065 says it
    out.push({ severity: 'warning', code: 'LEDGER', message: `Ledger line ${p.line}: ${p.message}`, file: ledgerFile, line: Math.max(1, p.line), column: 1 });
  }
  const rank = { error: 0, warning: 1, information: 2 } as const;
  return out.sort((a, b) => rank[a.severity] - rank[b.severity] || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
