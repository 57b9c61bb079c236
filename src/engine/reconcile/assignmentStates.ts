// The state of each assignment of a plan file, as one short text (the CodeLens above the assignment).
import { licenseState, repairsInLast12Months, type LedgerState } from '../ledger/fold';
import { REPAIRS_PER_12_MONTHS } from '../ledger/repairWindow';
import type { LicensePlan, Span } from '../model';
import { t } from '../l10n';

export type AssignmentStateKind = 'activated' | 'short' | 'not-activated' | 'pending-response' | 'return-pending' | 'broken';

export interface AssignmentState {
  /** 0-based position in `spec.assignments`. */
  index: number;
  span: Span;
  kind: AssignmentStateKind;
  text: string;
  transaction?: string;
}

/** One state per assignment that names a target and an activation id, in plan order. */
export function assignmentStates(plan: LicensePlan, ledger: LedgerState, options: { today?: Date } = {}): AssignmentState[] {
  const today = options.today ?? new Date();
  const planned = new Map<string, number>();
  const key = (t: string, id: string) => `${t}\u0000${id}`;
  for (const a of plan.assignments) {
    if (a.target && a.activationId) planned.set(key(a.target, a.activationId), (planned.get(key(a.target, a.activationId)) ?? 0) + (a.quantity ?? 1));
  }
  const out: AssignmentState[] = [];
  for (const a of plan.assignments) {
    if (!a.target || !a.activationId) continue;
    const l = licenseState(ledger, a.target, a.activationId);
    const at = (kind: AssignmentStateKind, text: string) => out.push({ index: a.index, span: a.span, kind, text, transaction: l?.transaction });
    if (l?.pendingRequest) {
      at('pending-response', l.pendingRequest.op === 'activate' ? t('pending offline response') : t('pending offline response ({0})', l.pendingRequest.op));
    } else if (!l || l.status === 'returned' || l.status === 'requested') {
      at('not-activated', t('pending: not activated'));
    } else if (l.status === 'return-pending') {
      at('return-pending', t('return pending confirmation'));
    } else if (l.status === 'broken') {
      const left = Math.max(0, REPAIRS_PER_12_MONTHS - repairsInLast12Months(ledger, a.target, today));
      at('broken', left > 0 ? t('broken — repair ({0} left)', left) : t('broken — no repair left: contact support'));
    } else {
      const want = planned.get(key(a.target, a.activationId)) ?? 0;
      // A simulation never reads as an activation: the simulator's lines say so.
      const base = `${l.source === 'simulator' ? t('simulated {0}', l.at.slice(0, 10)) : t('activated {0}', l.at.slice(0, 10))} · ${l.transaction ?? t('no transaction')}`;
      if (l.quantity < want) at('short', `${base} · ${t('×{0} of ×{1}: reclaim', l.quantity, want)}`);
      else at('activated', base);
    }
  }
  return out;
}
