// The desired state: what the site's plans assign to each target, summed per activation id, and the order
// in which targets are licensed (License Servers first, then servers top-down, then clients).
import { productsOf, type LicensePlan, type Product, type Site, type TargetKind } from '../model';
import type { AssignmentRef } from './types';

export interface SiteTarget {
  id: string;
  kind: TargetKind;
  type?: string;
  /** Position in the licensing order. */
  rank: number;
}

export interface PlannedLicense {
  target: string;
  activationId: string;
  quantity: number;
  assignments: AssignmentRef[];
  /** Some assignment asks for the offline workflow (`mode: offline`). */
  offline: boolean;
  product?: Product;
}

/** Every target of the site in licensing order: a License Server serves seats before its clients need them. */
export function siteTargets(site: Site): Map<string, SiteTarget> {
  const out = new Map<string, SiteTarget>();
  const add = (id: string, kind: TargetKind, type?: string) => {
    if (!out.has(id)) out.set(id, { id, kind, type, rank: out.size });
  };
  for (const ls of site.licenseServers) add(ls.id, 'licenseServer', 'license-server');
  // Top-down by depth (EC, then ES, then automation servers), source order within a level.
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen = new Set<string>()): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const parent = site.servers.find((s) => s.id === id)?.parent;
    const d = parent === undefined || seen.has(parent) ? 0 : depthOf(parent, seen.add(id)) + 1;
    depth.set(id, d);
    return d;
  };
  const servers = site.servers.map((s, i) => ({ s, i, d: depthOf(s.id) })).sort((a, b) => a.d - b.d || a.i - b.i);
  for (const { s } of servers) add(s.id, 'server', s.type);
  for (const c of site.clients) add(c.id, 'client', c.type);
  return out;
}

/** The planned licenses of the site, keyed by `target\0activationId`, in plan order. */
export function plannedLicenses(site: Site, plans: LicensePlan[]): Map<string, PlannedLicense> {
  const out = new Map<string, PlannedLicense>();
  const products = new Map<string, Product>();
  for (const plan of plans) for (const p of productsOf(plan)) if (!products.has(p.activationId)) products.set(p.activationId, p);
  for (const plan of plans) {
    if (plan.site !== undefined && plan.site !== site.name) continue;
    for (const a of plan.assignments) {
      if (!a.target || !a.activationId) continue;
      const key = plannedKey(a.target, a.activationId);
      const line = out.get(key) ?? { target: a.target, activationId: a.activationId, quantity: 0, assignments: [], offline: false, product: products.get(a.activationId) };
      line.quantity += a.quantity ?? 1;
      line.assignments.push({ plan: plan.name, index: a.index });
      if (a.mode === 'offline') line.offline = true;
      out.set(key, line);
    }
  }
  return out;
}

export function plannedKey(target: string, activationId: string): string {
  return `${target}\u0000${activationId}`;
}

/** online and semi-online use the LAS directly (semi-online never offline); an offline site uses request files. */
export function workflowFor(site: Site, lines: Iterable<PlannedLicense>): 'online' | 'offline' {
  if (site.connectivity === 'offline') return 'offline';
  if (site.connectivity === 'semi-online') return 'online';
  for (const l of lines) if (l.offline) return 'offline';
  return 'online';
}
