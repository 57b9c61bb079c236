// Per target and feature: Required / Planned / Activated / Used / Available, from the site tree's own plan-
// versus-ledger lines (the tree computes them; this only groups them by feature and adds usage).
import type { FeatureSeats } from '../lmstat/usage';
import { catalogFeature, baseFeaturesOf } from '../rules/catalog';
import type { Requirement } from '../rules/required';
import { statusLabel, typeLabel } from '../tree/labels';
import { targetStatus } from '../tree/licenses';
import type { NodeStatus, TargetLicense, TreeNode } from '../tree/types';
import type { FeatureRow, LicenseRow, TargetRow } from './types';

/** Ledger states whose quantity is activated and usable. */
const USABLE = new Set(['activated', 'short', 'unplanned']);

export interface UsageLookup {
  /** Seats of a feature on a License Server; undefined when not known. */
  seats(licenseServer: string, feature: string): FeatureSeats | undefined;
  known: boolean;
}

export function activatedOf(l: TargetLicense): number {
  return USABLE.has(l.state) ? (l.activatedQuantity ?? 0) : 0;
}

export function featureOf(l: { feature?: string; activationId: string }): string {
  return l.feature ?? `(feature unknown: ${l.activationId})`;
}

/** The node's licenses grouped by feature, with the base license row a server needs even when unplanned. */
export function featureRows(node: TreeNode, underCentral: boolean, usage: UsageLookup, computed: readonly Requirement[] = []): FeatureRow[] {
  const rows = new Map<string, FeatureRow>();
  const lines = new Map<string, TargetLicense[]>();
  const base = node.kind === 'server' ? baseFeaturesOf(node.type) : [];
  const blank = (feature: string): FeatureRow => ({ feature, required: 0, planned: 0, activated: 0, used: null, available: null, status: 'none', statusLabel: '' });
  for (const l of node.licenses) {
    const feature = featureOf(l);
    lines.set(feature, [...(lines.get(feature) ?? []), l]);
    const row = rows.get(feature) ?? blank(feature);
    row.planned += l.plannedQuantity ?? 0;
    row.activated += activatedOf(l);
    rows.set(feature, row);
  }
  const baseRows = [...rows.values()].filter((r) => base.includes(r.feature));
  if (base.length > 0 && baseRows.length === 0) {
    const feature = base.find((f) => !!catalogFeature(f)?.underEnterpriseCentral === underCentral) ?? base[0];
    const row = blank(feature);
    rows.set(feature, row);
    baseRows.push(row);
  }
  for (const row of rows.values()) {
    row.required = base.includes(row.feature) ? 0 : row.planned;
    if (node.kind === 'licenseServer' && node.target !== undefined) {
      const seats = usage.seats(node.target, row.feature);
      if (seats) {
        row.used = seats.inUse;
        row.available = row.activated - seats.inUse;
      }
    }
  }
  // A figure the site itself implies (devices counted, attached automation servers) replaces "as planned".
  for (const r of computed) {
    const row = rows.get(r.feature) ?? blank(r.feature);
    rows.set(r.feature, row);
    row.required = r.required;
    row.requiredFrom = r.from;
    if (row.activated < r.required) row.violation = `${row.activated} of ${r.required} required ${r.feature} activated`;
  }
  // One base license licenses the server, whichever of the alternatives it is.
  if (baseRows.length > 0) {
    const main = baseRows.find((r) => r.activated > 0) ?? baseRows.find((r) => r.planned > 0) ?? baseRows[0];
    main.required = 1;
    if (!baseRows.some((r) => r.activated > 0)) main.violation = `base license not activated: ${node.type ?? 'server'} needs 1 ${main.feature}`;
  }
  for (const row of rows.values()) {
    if (row.violation || row.used === null) continue;
    if (row.used > row.activated) row.violation = `${row.used} seats in use but only ${row.activated} activated`;
    else if (row.activated > 0 && row.used === row.activated) row.violation = `no free seat: all ${row.activated} in use`;
  }
  for (const row of rows.values()) {
    row.status = row.violation ? 'violation' : targetStatus(lines.get(row.feature) ?? []);
    row.statusLabel = row.violation ? `license violation: ${row.violation}` : statusLabel(row.status as NodeStatus);
  }
  return [...rows.values()];
}

/** `activatedOn` gives the date of the activation itself (a repair or a request later changes the fold's `at`). */
export function licenseRows(node: TreeNode, refOf: (l: TargetLicense) => string | undefined, activatedOn: (activationId: string) => string | undefined): LicenseRow[] {
  return node.licenses.map((l) => ({
    activationId: l.activationId,
    feature: featureOf(l),
    licenseType: l.licenseType ?? '',
    planned: l.plannedQuantity ?? null,
    activated: USABLE.has(l.state) ? (l.activatedQuantity ?? null) : null,
    state: l.state,
    activatedOn: USABLE.has(l.state) ? (activatedOn(l.activationId) ?? l.at)?.slice(0, 10) : undefined,
    transaction: l.transaction,
    expires: l.expires ?? '',
    expiry: l.expiry,
    ref: refOf(l),
  }));
}

export function targetRow(node: TreeNode, depth: number, parent: string | undefined, extra: Partial<TargetRow>): Omit<TargetRow, 'features' | 'licenses'> {
  const kind = node.kind as TargetRow['kind'];
  return {
    ref: `target:${node.target}`,
    id: node.target ?? node.label,
    kind,
    type: kind === 'licenseServer' ? 'license-server' : (node.type ?? ''),
    typeLabel: kind === 'licenseServer' ? 'License Server' : typeLabel(node.type),
    depth,
    parent,
    status: node.status,
    statusLabel: statusLabel(node.status),
    ...extra,
  };
}
