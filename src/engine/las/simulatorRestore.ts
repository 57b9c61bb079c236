// Rebuilding the simulator's record of a site from its ledger: for a simulator whose state was lost,
// damaged and moved away, or never had this site (a second engineer's clone, where the ledger came with
// git and the simulator's state, which is local, did not). The ledger wins for what it records; what the
// simulator holds and the ledger does not is left alone and counted.
import type { SimState, SimTransactionStatus } from './simulatorState';
import type { LicenseLine } from './types';

export interface RestoredTransaction {
  target: string;
  targetType: string;
  licenseServer?: string;
  transaction: string;
  status: 'activated' | 'broken' | 'return-pending';
  lines: LicenseLine[];
  at: string;
}

export interface RestoreInput {
  site: string;
  transactions: RestoredTransaction[];
  /** Repair dates per target, for the 4-a-year budget. */
  repairs: { target: string; at: string }[];
}

export interface RestoreReport {
  added: string[];
  corrected: string[];
  unchanged: number;
  /** Active transactions of the site the simulator holds and the ledger does not record. */
  notInLedger: string[];
}

const STATUS: Record<RestoredTransaction['status'], SimTransactionStatus> = { activated: 'active', broken: 'broken', 'return-pending': 'return-pending' };

export function restoreInto(s: SimState, input: RestoreInput): RestoreReport {
  const report: RestoreReport = { added: [], corrected: [], unchanged: 0, notInLedger: [] };
  for (const r of input.transactions) {
    const lines = r.lines.map((l) => ({ ...l, entitled: s.products[l.activationId]?.quantity ?? l.quantity }));
    const status = STATUS[r.status];
    const known = s.transactions.find((t) => t.site === input.site && t.target === r.target && t.transaction === r.transaction);
    if (!known) {
      s.transactions.push({ transaction: r.transaction, site: input.site, target: r.target, targetType: r.targetType, licenseServer: r.licenseServer, lines, at: r.at, status });
      report.added.push(`${r.target} ${r.transaction}`);
    } else if (known.status !== status || JSON.stringify(known.lines.map(plain)) !== JSON.stringify(r.lines.map(plain))) {
      Object.assign(known, { status, lines });
      report.corrected.push(`${r.target} ${r.transaction}`);
    } else report.unchanged++;
    const n = /^T-(\d+)-/.exec(r.transaction);
    if (n) s.counter = Math.max(s.counter, Number(n[1]));
  }
  const recorded = new Set(input.transactions.map((t) => `${t.target} ${t.transaction}`));
  for (const t of s.transactions) {
    if (t.site === input.site && (t.status === 'active' || t.status === 'broken') && !recorded.has(`${t.target} ${t.transaction}`)) report.notInLedger.push(`${t.target} ${t.transaction}`);
  }
  for (const r of input.repairs) {
    if (!s.repairs.some((x) => x.site === input.site && x.target === r.target && x.at === r.at)) s.repairs.push({ site: input.site, target: r.target, transaction: 'restored from the ledger', at: r.at });
  }
  return report;
}

function plain(l: LicenseLine): string {
  return `${l.activationId}×${l.quantity}`;
}
