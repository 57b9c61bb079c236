// Plan against ledger for one target: which licenses are planned there, which are activated, pending,
// broken or expiring, and the status the target shows in the tree.
import { daysUntil } from '../calendar';
import type { LedgerState, LicenseState } from '../ledger/fold';
import type { Assignment, LicensePlan, Product, Site } from '../model';
import { productsOf } from '../model';
import { baseFeaturesOf } from '../rules/catalog';
import type { LicenseLineState, NodeStatus, TargetLicense } from './types';
import { NODE_STATUSES } from './types';

export interface LicenseContext {
  site: Site;
  plans: LicensePlan[];
  ledger?: LedgerState;
  today: Date;
  /** Used when a plan sets no `spec.expiryWarningDays`. */
  expiryWarningDays: number;
}

/** `expired` after the expiry day, `expiring` within the warning days; `permanent` or unreadable dates are `ok`. */
export function expiryOf(expires: string | undefined, today: Date, warningDays: number): 'expired' | 'expiring' | 'ok' {
  const left = expires === undefined ? undefined : daysUntil(expires, today);
  if (left === undefined) return 'ok';
  if (left < 0) return 'expired';
  return left <= warningDays ? 'expiring' : 'ok';
}

/** Lookups built once per site, so each target costs only its own assignments and ledger lines. */
interface LicenseIndex {
  assignments: Map<string, { plan: LicensePlan; assignment: Assignment }[]>;
  products: Map<LicensePlan, Map<string, Product>>;
  /** The first plan's product of each activation id. */
  firstProduct: Map<string, Product>;
  ledger: Map<string, LicenseState[]>;
}

const indexes = new WeakMap<LicenseContext, LicenseIndex>();

function indexOf(ctx: LicenseContext): LicenseIndex {
  let index = indexes.get(ctx);
  if (index) return index;
  index = { assignments: new Map(), products: new Map(), firstProduct: new Map(), ledger: new Map() };
  for (const plan of ctx.plans) {
    const products = new Map<string, Product>();
    for (const p of productsOf(plan)) {
      if (!products.has(p.activationId)) products.set(p.activationId, p);
      if (!index.firstProduct.has(p.activationId)) index.firstProduct.set(p.activationId, p);
    }
    index.products.set(plan, products);
    for (const assignment of plan.assignments) {
      if (assignment.target === undefined || !assignment.activationId) continue;
      const list = index.assignments.get(assignment.target) ?? [];
      list.push({ plan, assignment });
      index.assignments.set(assignment.target, list);
    }
  }
  for (const l of ctx.ledger?.licenses.values() ?? []) {
    if (l.site !== ctx.site.name && l.site) continue;
    const list = index.ledger.get(l.target) ?? [];
    list.push(l);
    index.ledger.set(l.target, list);
  }
  indexes.set(ctx, index);
  return index;
}

/** Every license planned on or recorded for the target, in plan order, then ledger-only ones. */
export function licensesOf(ctx: LicenseContext, target: string): TargetLicense[] {
  const index = indexOf(ctx);
  const byId = new Map<string, TargetLicense>();
  for (const { plan, assignment: a } of index.assignments.get(target) ?? []) {
    const activationId = a.activationId!;
    const existing = byId.get(activationId);
    if (existing) {
      existing.plannedQuantity = (existing.plannedQuantity ?? 0) + (a.quantity ?? 1);
      continue;
    }
    const p = index.products.get(plan)?.get(activationId) ?? index.firstProduct.get(activationId);
    byId.set(activationId, {
      activationId,
      feature: p?.feature,
      licenseType: p?.licenseType,
      expires: p?.expires,
      plannedQuantity: a.quantity ?? 1,
      state: 'planned',
      expiry: expiryOf(p?.expires, ctx.today, plan.expiryWarningDays ?? ctx.expiryWarningDays),
      assignment: { uri: plan.uri, span: a.span },
    });
  }
  for (const l of index.ledger.get(target) ?? []) {
    const planned = byId.get(l.activationId);
    if (l.status === 'returned' && !l.pendingRequest) continue;
    if (planned) {
      applyLedger(planned, l);
    } else if (l.status !== 'returned') {
      const p = index.firstProduct.get(l.activationId);
      const line: TargetLicense = {
        activationId: l.activationId,
        feature: p?.feature,
        licenseType: p?.licenseType,
        expires: p?.expires,
        state: 'unplanned',
        expiry: expiryOf(p?.expires, ctx.today, ctx.expiryWarningDays),
      };
      applyLedger(line, l);
      byId.set(l.activationId, line);
    }
  }
  return [...byId.values()];
}

function applyLedger(line: TargetLicense, l: LicenseState): void {
  const planned = line.plannedQuantity;
  if (l.status !== 'returned') {
    line.activatedQuantity = l.quantity;
    line.at = l.at;
    line.transaction = l.transaction;
    line.source = l.source;
  }
  line.state = lineState(l, planned);
  if (l.pendingRequest && l.status !== 'requested') line.pending = l.pendingRequest.op;
}

function lineState(l: LicenseState, planned: number | undefined): LicenseLineState {
  switch (l.status) {
    case 'activated':
      if (planned === undefined) return 'unplanned';
      return l.quantity < planned ? 'short' : 'activated';
    case 'requested':
      return 'requested';
    case 'return-pending':
      return 'return-pending';
    case 'broken':
      return 'broken';
    case 'returned':
      return planned === undefined ? 'unplanned' : 'planned';
  }
}

/** True when the line is planned and the ledger shows it fully activated. */
export function isActivated(l: TargetLicense): boolean {
  return l.plannedQuantity !== undefined && l.state === 'activated';
}

/** The status of a target: the worst of its licenses, plus the base-license violation of its type. */
export function targetStatus(licenses: TargetLicense[], serverType?: string): NodeStatus {
  const found = new Set<NodeStatus>();
  for (const l of licenses) {
    if (l.blockedBy) found.add('blocked');
    if (l.state === 'broken') found.add('broken');
    if (l.expiry === 'expired') found.add('expired');
    if (l.expiry === 'expiring') found.add('expiring');
    if (l.state === 'requested' || l.state === 'return-pending' || l.pending) found.add('pending-offline');
    if (l.state === 'planned' || l.state === 'short') found.add('planned');
    if (l.state === 'activated' || l.state === 'unplanned') found.add('activated');
  }
  const base = baseFeaturesOf(serverType);
  if (base.length > 0) {
    // Not planned: under-planned. Planned and waiting: "not activated yet" (its line says so), never a violation.
    const baseLines = licenses.filter((l) => l.plannedQuantity !== undefined && l.feature !== undefined && base.includes(l.feature));
    if (baseLines.length === 0) found.add('under-planned');
  }
  return worst([...found]);
}

/** The worst of several statuses (`none` when there are none). */
export function worst(statuses: Iterable<NodeStatus>): NodeStatus {
  let best = NODE_STATUSES.indexOf('none');
  for (const s of statuses) best = Math.min(best, NODE_STATUSES.indexOf(s));
  return NODE_STATUSES[best];
}
