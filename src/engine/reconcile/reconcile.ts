// Plan (desired) against ledger fold (what is): the ordered actions that bring the site to its plan.
import { licenseState, repairsInLast12Months, transactionsOf, type LedgerState, type TransactionState } from '../ledger/fold';
import { REPAIRS_PER_12_MONTHS } from '../ledger/repairWindow';
import { activationOf, type LicensePlan, type Site } from '../model';
import { blockerText } from '../siteCheck';
import { plannedKey, plannedLicenses, siteTargets, workflowFor, type PlannedLicense } from './desired';
import type { ActionKind, AssignmentRef, ReconcileAction, ReconcileOptions, ReconcilePlan, ReconcileSummary } from './types';

/**
 * Order: offline steps already under way first (they unblock the rest), then returns, then repairs, then
 * activations and reclaims by target (License Servers, servers top-down, clients). Returns go before
 * activations because the LAS frees a returned license only then: a move to another target, and the
 * still-planned licenses a return takes along, can only be activated after it (apply asks before any return).
 */
const PHASE: Record<ActionKind, number> = { 'import-response': 0, 'confirm-return': 0, return: 1, repair: 2, activate: 3, reclaim: 3 };

export function reconcile(site: Site, plans: LicensePlan[], ledger: LedgerState, options: ReconcileOptions): ReconcilePlan {
  const targets = siteTargets(site);
  const planned = plannedLicenses(site, plans);
  const byTarget = groupBy([...planned.values()], (p) => p.target);
  const workflowOf = (target: string) => workflowFor(site, byTarget.get(target) ?? []);
  const label = assignmentLabel(new Set(plans.map((p) => p.name)).size > 1);
  const actions: ReconcileAction[] = [];
  const base = (kind: ActionKind, target: string, activationId: string, quantity: number, reason: string): ReconcileAction => {
    const t = targets.get(target);
    return { kind, target, targetKind: t?.kind ?? 'unknown', targetType: t?.type, activationId, quantity, workflow: workflowOf(target), reason, executable: true };
  };
  // An activation or reclaim that breaks an error rule of validate is shown, never attempted.
  const findings = (a: ReconcileAction) => {
    const b = a.executable ? options.blockerOf?.(a.target, a.activationId) : undefined;
    if (!b) return a;
    a.executable = false;
    a.finding = b;
    a.blocked = blockerText(b);
    return a;
  };
  const unknownTarget = (a: ReconcileAction) => {
    if (a.targetKind !== 'unknown') return;
    a.executable = false;
    a.blocked = `'${a.target}' is not in site ${site.name} any more: put it back in the site file to ${a.kind === 'activate' ? 'activate on it' : 'do this'}, or fix the assignment`;
  };

  // Offline steps under way: requests waiting for their response, returns waiting for their confirmation.
  for (const req of ledger.pending.values()) {
    if (req.site && req.site !== site.name) continue;
    const first = req.lines[0];
    const what = req.lines.length > 0 ? req.lines.map((l) => `${l.activationId} ×${l.quantity}`).join(', ') : req.transactions.join(', ') || 'the active licenses';
    const a = base('import-response', req.target, first?.activationId ?? '', first?.quantity ?? 0, `${req.op} request ${req.requestId} (${what}) created ${day(req.at)} waits for its response`);
    Object.assign(a, { workflow: 'offline', requestId: req.requestId, request: req.op, requestFile: req.file, executable: false });
    a.waitsFor = `carry ${req.file ?? 'the request file'} to a computer that reaches the LAS, then import the response file`;
    actions.push(a);
  }
  for (const tx of transactionsOf(ledger, undefined, ['return-pending'])) {
    const [first, ...rest] = tx.lines;
    const a = base('confirm-return', tx.target, first!.activationId, first!.quantity, `returned offline (${tx.transaction}): confirm the return on the LAS before these licenses can be activated again`);
    a.transaction = tx.transaction;
    if (rest.length > 0) a.takesAlong = rest.map((l) => ({ ...l, stillPlanned: planned.has(plannedKey(tx.target, l.activationId)) }));
    unknownTarget(a);
    actions.push(a);
  }

  // Returns: a transaction holding a license the plan no longer assigns there goes back whole.
  const returning = new Set<string>();
  for (const tx of transactionsOf(ledger, undefined, ['activated'])) {
    if (tx.lines.some((l) => licenseState(ledger, tx.target, l.activationId)?.pendingRequest)) continue; // covered by import-response
    const removed = tx.lines.filter((l) => !planned.has(plannedKey(tx.target, l.activationId)));
    if (removed.length === 0) continue;
    const first = removed[0]!;
    const along = tx.lines.filter((l) => l !== first).map((l) => ({ ...l, stillPlanned: planned.has(plannedKey(tx.target, l.activationId)) }));
    const a = base('return', tx.target, first.activationId, first.quantity, `${removed.map((l) => l.activationId).join(', ')}: no assignment on ${tx.target} any more (transaction ${tx.transaction})`);
    a.transaction = tx.transaction;
    if (along.length > 0) a.takesAlong = along;
    unknownTarget(a);
    actions.push(a);
    returning.add(txKey(tx));
    // Online, what the return takes along and the plan still wants is activated again in the same run.
    if (a.executable && a.workflow === 'online') {
      for (const l of along.filter((x) => x.stillPlanned)) {
        const p = planned.get(plannedKey(tx.target, l.activationId))!;
        actions.push(findings(activation(base, p, `${label(p.assignments)}: taken back by the return of ${tx.transaction}, still planned: activate again`)));
      }
    }
  }

  // Repairs: broken transactions, within the budget of 4 repairs of a target in 12 months.
  const used = new Map<string, number>();
  for (const tx of transactionsOf(ledger, undefined, ['broken'])) {
    if (tx.lines.some((l) => licenseState(ledger, tx.target, l.activationId)?.pendingRequest)) continue;
    const done = used.get(tx.target) ?? repairsInLast12Months(ledger, tx.target, options.today);
    used.set(tx.target, done + 1);
    const left = Math.max(0, REPAIRS_PER_12_MONTHS - done);
    const [first, ...rest] = tx.lines;
    const since = day(licenseState(ledger, tx.target, first!.activationId)?.at);
    const a = base('repair', tx.target, first!.activationId, first!.quantity, `transaction ${tx.transaction} broken since ${since}`);
    a.transaction = tx.transaction;
    a.repairsLeft = left;
    if (rest.length > 0) a.takesAlong = rest.map((l) => ({ ...l, stillPlanned: planned.has(plannedKey(tx.target, l.activationId)) }));
    const local = tx.lines.find((l) => [...planned.values()].some((p) => p.activationId === l.activationId && p.product?.licenseType === 'local'));
    if (left === 0) {
      a.executable = false;
      a.blocked = `no repair left: ${tx.target} was repaired ${done} times in the last 12 months (at most ${REPAIRS_PER_12_MONTHS}); contact Schneider Electric support`;
    } else if (local) {
      a.executable = false;
      a.blocked = `${local.activationId} is a local license: local licenses cannot be repaired; ask for a replacement .asr file`;
    }
    unknownTarget(a);
    actions.push(a);
  }

  // Activations and reclaims, per planned license.
  const reactivated = new Set(actions.filter((a) => a.kind === 'activate').map((a) => plannedKey(a.target, a.activationId)));
  for (const p of planned.values()) {
    if (reactivated.has(plannedKey(p.target, p.activationId))) continue;
    const l = licenseState(ledger, p.target, p.activationId);
    if (!l || l.status === 'returned') {
      if (l?.pendingRequest) continue; // a request about it is under way
      const why = l ? `${label(p.assignments)}: returned ${day(l.at)}, planned again` : `${label(p.assignments)} not activated`;
      actions.push(findings(activation(base, p, why)));
    } else if (l.status === 'return-pending') {
      actions.push(findings(activation(base, p, `${label(p.assignments)}: activate again once the offline return of ${l.transaction} is confirmed`)));
    } else if (l.status === 'activated' && l.quantity < p.quantity && !l.pendingRequest && !returning.has(`${p.target}\u0000${l.transaction}`)) {
      const a = base('reclaim', p.target, p.activationId, p.quantity, `${label(p.assignments)} asks for ${p.quantity}, ${l.quantity} activated: reclaim picks up the grown entitlement`);
      a.activeQuantity = l.quantity;
      a.assignments = p.assignments;
      a.transaction = l.transaction;
      unknownTarget(a);
      actions.push(findings(a));
    }
  }

  // A ledger line with an error: every action of its target waits (what it recorded is not known for sure).
  for (const a of options.ledgerBlockerOf ? actions : []) {
    const b = options.ledgerBlockerOf!(a.target);
    if (!b) continue;
    a.executable = false;
    a.waitsFor = undefined;
    a.finding = b;
    a.blocked = blockerText(b);
  }

  const rank = (a: ReconcileAction) => targets.get(a.target)?.rank ?? targets.size;
  // Returns run from the clients up to the top server: the reverse of licensing order.
  const order = (a: ReconcileAction) => (a.kind === 'return' ? -rank(a) : rank(a));
  const sorted = actions.map((a, i) => ({ a, i })).sort((x, y) => PHASE[x.a.kind] - PHASE[y.a.kind] || order(x.a) - order(y.a) || x.i - y.i).map((x) => x.a);
  return { site: site.name, connectivity: site.connectivity ?? 'online', activation: activationOf(site), actions: sorted, summary: summarize(sorted) };
}

function activation(base: (k: ActionKind, t: string, id: string, q: number, r: string) => ReconcileAction, p: PlannedLicense, reason: string): ReconcileAction {
  const a = base('activate', p.target, p.activationId, p.quantity, reason);
  a.assignments = p.assignments;
  if (a.targetKind === 'unknown') {
    a.executable = false;
    a.blocked = `the site has no server, License Server or client '${p.target}' (BMS010): fix the assignment`;
  } else if (!p.product) {
    a.executable = false;
    a.blocked = `${p.activationId} is in no entitlement of the plan (BMS012): add the product from the entitlement e-mail`;
  }
  return a;
}

export function summarize(actions: ReconcileAction[]): ReconcileSummary {
  const s: ReconcileSummary = { activate: 0, reclaim: 0, return: 0, repair: 0, pending: 0, blocked: 0 };
  for (const a of actions) {
    // A blocked action is counted apart, never among what is to activate (reclaim, repair…).
    if (!a.executable && !a.waitsFor) s.blocked++;
    else if (a.kind === 'import-response' || a.kind === 'confirm-return') s.pending++;
    else s[a.kind]++;
  }
  return s;
}

/** `assignment #7`, `assignments #2, #3`; with the plan's name when the site has several plans. 1-based. */
export function assignmentLabel(withPlan: boolean): (refs: AssignmentRef[]) => string {
  return (refs) => {
    const parts = refs.map((r) => `${withPlan ? `${r.plan} ` : ''}#${r.index + 1}`);
    return `${parts.length === 1 ? 'assignment' : 'assignments'} ${parts.join(', ')}`;
  };
}

function txKey(tx: TransactionState): string {
  return `${tx.target}\u0000${tx.transaction}`;
}

function day(at: string | undefined): string {
  return at ? at.slice(0, 10) : 'an unknown date';
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) out.set(key(i), [...(out.get(key(i)) ?? []), i]);
  return out;
}
