// The computers a workflow acts on, as the LAS sees them, and what the plans say about each.
import type { EntitledProduct, LasTarget, LicenseLine } from '../las/types';
import { productsOf, type Assignment, type Product, type TargetKind } from '../model';
import { applicableTargets } from '../rules/catalog';
import type { Blocker } from '../siteCheck';
import type { WorkflowOptions } from './options';
import { fail, ok, type Result } from '../result';

export interface WorkflowTarget {
  id: string;
  kind: TargetKind;
  las: LasTarget;
}

/** The whole site (servers, License Servers, clients), or the one target named; an error message otherwise. */
export function resolveTargets(opts: WorkflowOptions): Result<WorkflowTarget[]> {
  const site = opts.site;
  const all: WorkflowTarget[] = [
    ...site.servers.map((s): WorkflowTarget => ({ id: s.id, kind: 'server', las: { site: site.name, id: s.id, type: s.type ?? 'unknown', licenseServer: s.licenseServer } })),
    ...site.licenseServers.map((l): WorkflowTarget => ({ id: l.id, kind: 'licenseServer', las: { site: site.name, id: l.id, type: 'license-server', licenseServer: l.id } })),
    ...site.clients.map((c): WorkflowTarget => ({ id: c.id, kind: 'client', las: { site: site.name, id: c.id, type: c.type ?? 'unknown' } })),
  ];
  if (opts.target === undefined) return ok(all);
  const one = all.find((t) => t.id === opts.target);
  if (!one) return fail(`Site '${site.name}' has no server, License Server or client '${opts.target}': check the id in the site file.`);
  return ok([one]);
}

/** Assignments of the site's plans that name this target. */
export function assignmentsOf(opts: WorkflowOptions, target: WorkflowTarget): Assignment[] {
  return opts.plans
    .filter((p) => p.site === undefined || p.site === opts.site.name)
    .flatMap((p) => p.assignments)
    .filter((a) => a.target === target.id && a.activationId !== undefined && (a.targetKind === undefined || a.targetKind === target.kind));
}

/** Every planned line of a target: one per activation id, quantities of repeated assignments added up. */
function allPlannedLines(opts: WorkflowOptions, target: WorkflowTarget): LicenseLine[] {
  const byId = new Map<string, number>();
  for (const a of assignmentsOf(opts, target)) byId.set(a.activationId!, (byId.get(a.activationId!) ?? 0) + (a.quantity ?? 1));
  return [...byId].map(([activationId, quantity]) => ({ activationId, quantity }));
}

/** The planned lines of a target that may be sent to the LAS: those no error finding of validate blocks. */
export function plannedLines(opts: WorkflowOptions, target: WorkflowTarget): LicenseLine[] {
  return allPlannedLines(opts, target).filter((l) => !opts.blockerOf?.(target.id, l.activationId));
}

/** The planned lines of a target that an error finding blocks, with the finding: reported, never attempted. */
export function blockedLines(opts: WorkflowOptions, target: WorkflowTarget): { line: LicenseLine; blocker: Blocker }[] {
  if (!opts.blockerOf) return [];
  return allPlannedLines(opts, target).flatMap((line) => {
    const blocker = opts.blockerOf!(target.id, line.activationId);
    return blocker ? [{ line, blocker }] : [];
  });
}

/** The plans' products as the LAS knows them; applicability from the product, else from the catalog. */
export function entitledProducts(opts: WorkflowOptions, activationIds?: Set<string>): EntitledProduct[] {
  const out = new Map<string, EntitledProduct>();
  for (const plan of opts.plans) {
    if (plan.site !== undefined && plan.site !== opts.site.name) continue;
    for (const p of productsOf(plan)) {
      if (activationIds && !activationIds.has(p.activationId)) continue;
      out.set(p.activationId, toEntitled(p, opts));
    }
  }
  return [...out.values()];
}

function toEntitled(p: Product, opts: WorkflowOptions): EntitledProduct {
  return {
    entitlementId: p.entitlementId,
    activationId: p.activationId,
    feature: p.feature,
    licenseType: p.licenseType,
    quantity: p.quantity ?? 0,
    expires: p.expires,
    // An explicit appliesTo as the catalog reads it: a network license naming clients goes on a License Server.
    appliesTo: p.appliesTo ? [...(applicableTargets(p) ?? [])] : (opts.appliesTo?.(p) ?? []),
  };
}

export function formatLines(lines: LicenseLine[]): string {
  return lines.map((l) => `${l.activationId} ×${l.quantity}`).join(', ');
}
