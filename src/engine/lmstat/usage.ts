// Seats per feature across lmstat results, counting each license pool once.
import type { LicenseServerBlock, LmstatResult } from './types';

export interface FeatureSeats {
  issued: number;
  inUse: number;
}

/**
 * The pool a block reports: the set of its lmgrd addresses. The servers of a redundant triad share
 * one pool, so a triad read three times (once per server) must count once.
 */
function poolKey(block: LicenseServerBlock, index: number): string {
  const entries = (block.statusList ?? '').split(/[,;\s]+/).filter((e) => e.includes('@'));
  const addresses = entries.length > 0 ? entries : block.servers.map((s) => s.address);
  if (addresses.length === 0) return `#unnamed-${index}`;
  return addresses.map((a) => a.toLowerCase()).sort().join(',');
}

function sharesServer(a: string, b: string): boolean {
  if (a.startsWith('#') || b.startsWith('#')) return false;
  const left = new Set(a.split(','));
  return b.split(',').some((x) => left.has(x));
}

/** feature → issued/in use, summed over distinct pools; uncounted and error features count as 0. */
export function usageByFeature(results: LmstatResult | LmstatResult[]): Map<string, FeatureSeats> {
  const list = Array.isArray(results) ? results : [results];
  const pools: { key: string; features: Set<string> }[] = [];
  const seats = new Map<string, FeatureSeats>();
  let index = 0;
  for (const result of list) {
    for (const block of result.blocks) {
      const key = poolKey(block, index++);
      // Two blocks that share any lmgrd address are the same pool (a triad read from another member).
      let pool = pools.find((p) => p.key === key || sharesServer(p.key, key));
      if (!pool) pools.push((pool = { key, features: new Set() }));
      for (const feature of block.features) {
        if (pool.features.has(feature.name)) continue;
        pool.features.add(feature.name);
        const total = seats.get(feature.name) ?? { issued: 0, inUse: 0 };
        total.issued += feature.issued ?? 0;
        total.inUse += feature.inUse ?? 0;
        seats.set(feature.name, total);
      }
    }
  }
  return seats;
}
