// Plan against ledger for one target: which licenses are planned there, which are activated, pending,
// broken or expiring, and the status the target shows in the tree.
import type { LedgerState, LicenseState } from '../ledger/fold';
import type { LicensePlan, Product, Site } from '../model';
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

const DAY_MS = 86_400_000;

/** `expired` after the expiry day, `expiring` within the warning days; `permanent` or unreadable dates are `ok`. */
export function expiryOf(expires: string | undefined, today: Date, warningDays: number): 'expired' | 'expiring' | 'ok' {
  if (!expires || !/^\d{4}-\d{2}-\d{2}$/.test(expires)) return 'ok';
  const end = Date.parse(`${expires}T00:00:00Z`);
  if (Number.isNaN(end)) return 'ok';
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (day > end) return 'expired';
  return (end - day) / DAY_MS <= warningDays ? 'expiring' : 'ok';
}

/** Every license planned on or recorded for the target, in plan order, then ledger-only ones. */
export function licensesOf(ctx: LicenseContext, target: string): TargetLicense[] {
  const byId = new Map<string, TargetLicense>();
  for (const plan of ctx.plans) {
    const products = new Map<string, Product>(productsOf(plan).map((p) => [p.activationId, p]));
    const warningDays = plan.expiryWarningDays ?? ctx.expiryWarningDays;
    for (const a of plan.assignments) {
      if (a.target !== target || !a.activationId) continue;
      const existing = byId.get(a.activationId);
      if (existing) {
        existing.plannedQuantity = (existing.plannedQuantity ?? 0) + (a.quantity ?? 1);
        continue;
      }
      const p = products.get(a.activationId) ?? findProduct(ctx.plans, a.activationId);
      byId.set(a.activationId, {
        activationId: a.activationId,
        feature: p?.feature,
        licenseType: p?.licenseType,
        expires: p?.expires,
        plannedQuantity: a.quantity ?? 1,
        state: 'planned',
        expiry: expiryOf(p?.expires, ctx.today, warningDays),
        assignment: { uri: plan.uri, span: a.span },
      });
    }
  }
  for (const l of ledgerLicenses(ctx.ledger, ctx.site.name, target)) {
    const planned = byId.get(l.activationId);
    if (l.status === 'returned' && !l.pendingRequest) continue;
    if (planned) {
      applyLedger(planned, l);
    } else if (l.status !== 'returned') {
      const p = findProduct(ctx.plans, l.activationId);
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

function ledgerLicenses(ledger: LedgerState | undefined, site: string, target: string): LicenseState[] {
  if (!ledger) return [];
  return [...ledger.licenses.values()].filter((l) => l.target === target && (l.site === site || !l.site));
}

function findProduct(plans: LicensePlan[], activationId: string): Product | undefined {
  for (const plan of plans) {
    const p = productsOf(plan).find((x) => x.activationId === activationId);
    if (p) return p;
  }
  return undefined;
}

/** True when the line is planned and the ledger shows it fully activated. */
export function isActivated(l: TargetLicense): boolean {
  return l.plannedQuantity !== undefined && l.state === 'activated';
}

/** The status of a target: the worst of its licenses, plus the base-license violation of its type. */
export function targetStatus(licenses: TargetLicense[], serverType?: string): NodeStatus {
  const found = new Set<NodeStatus>();
  for (const l of licenses) {
    if (l.state === 'broken') found.add('broken');
    if (l.expiry === 'expired') found.add('expired');
    if (l.expiry === 'expiring') found.add('expiring');
    if (l.state === 'requested' || l.state === 'return-pending' || l.pending) found.add('pending-offline');
    if (l.state === 'planned' || l.state === 'short') found.add('planned');
    if (l.state === 'activated' || l.state === 'unplanned') found.add('activated');
  }
  const base = baseFeaturesOf(serverType);
  if (base.length > 0) {
    const baseLines = licenses.filter((l) => l.plannedQuantity !== undefined && l.feature !== undefined && base.includes(l.feature));
    if (baseLines.length === 0 || !baseLines.some(isActivated)) found.add('violation');
  }
  return worst([...found]);
}

/** The worst of several statuses (`none` when there are none). */
export function worst(statuses: Iterable<NodeStatus>): NodeStatus {
  let best = NODE_STATUSES.indexOf('none');
  for (const s of statuses) best = Math.min(best, NODE_STATUSES.indexOf(s));
  return NODE_STATUSES[best];
}
