// Per target and feature: Required / Planned / Activated / Used / Available, from the site tree's own plan-
// versus-ledger lines (the tree computes them; this only groups them by feature and adds usage).
import type { FeatureSeats } from '../lmstat/usage';
import { catalogFeature, baseFeaturesOf } from '../rules/catalog';
import type { Requirement } from '../rules/required';
import { statusLabel, typeLabel } from '../tree/labels';
import type { TargetLicense, TreeNode } from '../tree/types';
import { licenseStatus, sourceOfVia, type StatusSource } from '../tree/status';
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
/** The source of a feature's activations when they all share one (a mix says nothing). */
function oneSource(lines: readonly TargetLicense[]): StatusSource | undefined {
  const sources = new Set(lines.filter((l) => activatedOf(l) > 0).map((l) => sourceOfVia(l.source)));
  const [only] = sources;
  return sources.size === 1 ? only : undefined;
}

/** What a row's status needs beyond the tree: the findings that block a license on this target, the plan's stage. */
export interface StatusContext {
  blockerOf?: (activationId: string) => { code: string; where?: string } | undefined;
  stage?: string;
}

export function featureRows(node: TreeNode, underCentral: boolean, usage: UsageLookup, computed: readonly Requirement[] = [], ctx: StatusContext = {}): FeatureRow[] {
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
  }
  // One base license licenses the server, whichever of the alternatives it is.
  const main = baseRows.find((r) => r.activated > 0) ?? baseRows.find((r) => r.planned > 0) ?? baseRows[0];
  if (main) main.required = 1;
  for (const row of rows.values()) {
    const isBase = baseRows.includes(row);
    const featureLines = lines.get(row.feature) ?? [];
    const blocked = ctx.blockerOf ? featureLines.map((l) => ctx.blockerOf!(l.activationId)).find((b) => b !== undefined) : undefined;
    const status = licenseStatus({
      // The other alternative of the base license is judged as planned, not against the server's 1.
      required: isBase && row !== main ? row.planned : row.required,
      planned: isBase && row === main ? baseRows.reduce((n, r) => n + r.planned, 0) : row.planned,
      activated: isBase && row === main ? baseRows.reduce((n, r) => n + r.activated, 0) : row.activated,
      used: row.used,
      lines: featureLines,
      blockedBy: blocked,
      stage: ctx.stage,
      source: oneSource(featureLines),
    });
    row.status = status.kind;
    row.statusLabel = status.label;
    if (status.kind === 'violation') row.violation = status.label.replace(/^license violation: /, '');
  }
  return [...rows.values()];
}

/** `activatedOn` gives the date of the activation itself (a repair or a request later changes the fold's `at`). */
export function licenseRows(node: TreeNode, refOf: (l: TargetLicense) => string | undefined, activatedOn: (activationId: string) => string | undefined, ctx: StatusContext = {}): LicenseRow[] {
  const rows = node.licenses.map((l) => {
    const status = licenseStatus({ planned: l.plannedQuantity ?? 0, activated: activatedOf(l), lines: [l], blockedBy: l.plannedQuantity !== undefined ? ctx.blockerOf?.(l.activationId) : undefined, stage: ctx.stage, source: USABLE.has(l.state) ? sourceOfVia(l.source) : undefined });
    return { l, status };
  });
  // At handover, demo and engineering licenses come first: they are what the customer must see.
  rows.sort((a, b) => Number(b.status.handover !== undefined) - Number(a.status.handover !== undefined));
  return rows.map(({ l, status }) => ({
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
    status: status.kind,
    statusLabel: status.label,
    ...(status.detail ? { statusDetail: status.detail } : {}),
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
