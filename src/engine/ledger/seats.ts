// A License Server's network seats as lmstat reports them against what the ledger records there: per feature,
// the seats activated on that License Server (plus the 3 client seats each Enterprise Server or Enterprise
// Central it serves includes) against the seats it issues. Centralized licenses are not visible to lmstat.
import type { CachedUsage } from '../lmstat/cache';
import { productsOf, type LicensePlan, type LicenseServer, type Product, type Site } from '../model';
import type { LedgerState } from './fold';

/** Client seats each ES and each EC includes (DOMAIN.md: "Three client licenses come with each ES and each EC"). */
export const INCLUDED_CLIENT_SEATS = 3;
const INCLUDED_FEATURE = 'client.station';

export interface SeatComparison {
  feature: string;
  /** Seats the ledger records as activated on this License Server. */
  recorded: number;
  /** Seats that come with the ES/EC this License Server serves. */
  included: number;
  /** What lmstat says the License Server issues; null when it does not say (uncounted, an error). */
  issued: number | null;
  /** 1-based ledger lines of the activations counted in `recorded`. */
  lines: number[];
  /** Activation ids recorded for it (the first one prefills `record`). */
  activationIds: string[];
  kind: 'agrees' | 'fewer-issued' | 'more-issued' | 'not-known';
}

export interface SeatCheck {
  licenseServer: string;
  comparisons: SeatComparison[];
  /** Centralized licenses the ledger records on the site: Device Administrator's, which lmstat cannot see. */
  notVisible: number;
}

export function compareSeats(site: Site, plans: readonly LicensePlan[], state: LedgerState, ls: LicenseServer, usage: CachedUsage): SeatCheck {
  const products = new Map<string, Product>();
  for (const plan of plans) for (const p of productsOf(plan)) if (!products.has(p.activationId)) products.set(p.activationId, p);
  const byFeature = new Map<string, SeatComparison>();
  const entry = (feature: string) => {
    let c = byFeature.get(feature);
    if (!c) byFeature.set(feature, (c = { feature, recorded: 0, included: 0, issued: null, lines: [], activationIds: [], kind: 'not-known' }));
    return c;
  };
  let notVisible = 0;
  for (const l of state.licenses.values()) {
    if (l.status !== 'activated' && l.status !== 'broken') continue;
    const p = products.get(l.activationId);
    if (p?.licenseType === 'centralized' || p?.licenseType === 'inherited') notVisible++;
    if (l.target !== ls.id || !p?.feature || (p.licenseType !== undefined && p.licenseType !== 'network')) continue;
    const c = entry(p.feature);
    c.recorded += l.quantity;
    if (l.line !== undefined) c.lines.push(l.line);
    if (!c.activationIds.includes(l.activationId)) c.activationIds.push(l.activationId);
  }
  const served = site.servers.filter((s) => s.licenseServer === ls.id && (s.type === 'enterprise-server' || s.type === 'enterprise-central')).length;
  if (served > 0) entry(INCLUDED_FEATURE).included = served * INCLUDED_CLIENT_SEATS;
  for (const f of usage.features) {
    if (f.uncounted || f.issued === null || f.error) continue;
    // Only features the plans know as network licenses, or that the ledger records: lmstat lists other vendors' too.
    const planned = [...products.values()].some((p) => p.feature === f.name && (p.licenseType === undefined || p.licenseType === 'network'));
    if (!planned && !byFeature.has(f.name)) continue;
    entry(f.name).issued = f.issued;
  }
  for (const c of byFeature.values()) {
    if (c.issued === null) continue;
    const expected = c.recorded + c.included;
    c.kind = c.issued < expected ? 'fewer-issued' : c.issued > expected ? 'more-issued' : 'agrees';
    c.lines.sort((a, b) => a - b);
  }
  return { licenseServer: ls.id, comparisons: [...byFeature.values()].sort((a, b) => a.feature.localeCompare(b.feature)), notVisible };
}

/** The activation id of the plans for a feature, to prefill `record` for seats served but not recorded. */
export function activationIdFor(plans: readonly LicensePlan[], feature: string): string | undefined {
  for (const plan of plans) for (const p of productsOf(plan)) if (p.feature === feature && (p.licenseType === undefined || p.licenseType === 'network')) return p.activationId;
  return undefined;
}
