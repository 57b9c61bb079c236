// A usage refresh that agrees with the ledger is written down: a `verified` event (time, License Server, issued
// seats per feature), so the report in git — anyone's — says "verified by lmstat on <date>" or "not verified".
import type { SeatCheck } from '../ledger/seats';
import { LedgerWriter } from '../workflows/ledgerWriter';
import type { WorkflowOptions, WorkflowResult } from '../workflows/options';
import { withSiteLock } from '../workflows/siteLock';

/** True when lmstat and the ledger agree on every network feature compared (and at least one was). */
export function seatsAgree(check: SeatCheck): boolean {
  const known = check.comparisons.filter((c) => c.kind !== 'not-known');
  return known.length > 0 && known.every((c) => c.kind === 'agrees');
}

export function recordVerified(opts: WorkflowOptions, check: SeatCheck, at: string): Promise<WorkflowResult> {
  return withSiteLock(
    opts,
    'record verified',
    async (locked): Promise<WorkflowResult> => {
      const writer = new LedgerWriter(locked);
      const counts = Object.fromEntries(check.comparisons.filter((c) => c.issued !== null).map((c) => [c.feature, c.issued!]));
      const e = { ...writer.event('verified', { target: check.licenseServer, counts }), at };
      delete e.via;
      delete e.lasHost;
      writer.append([e]);
      return { ok: true, cancelled: false, done: [{ target: check.licenseServer, message: `verified by lmstat: ${Object.entries(counts).map(([f, n]) => `${f} ${n}`).join(', ')}` }], notDone: [], requestFiles: [] };
    },
    (r) => r,
    { lasRecord: false },
  );
}
