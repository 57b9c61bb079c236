// `bmslicense las restore`: the way back when the simulator's record and the ledger disagree because the
// simulator lost (or never had) the site. Under the site's lock: entitlements from the plans, then every
// transaction the ledger holds open (active, broken, returned offline) and its repairs, into the simulator.
import { transactionsOf } from '../ledger/fold';
import { foldSite } from '../ledger/siteLedger';
import { readLedger } from '../ledger/ledger';
import type { LasSimulator } from '../las/simulator';
import type { RestoredTransaction } from '../las/simulatorRestore';
import { lasFailure, notStarted, runSteps, type WorkflowOptions, type WorkflowResult } from './context';
import { withSiteLock } from './siteLock';
import { entitledProducts, resolveTargets } from './targets';

export function restoreLasRecord(opts: WorkflowOptions & { las: LasSimulator }): Promise<WorkflowResult> {
  return withSiteLock(opts, 'las restore', (o) => restoreLocked({ ...o, las: opts.las }), (r) => r, { lasRecord: false });
}

async function restoreLocked(opts: WorkflowOptions & { las: LasSimulator }): Promise<WorkflowResult> {
  const resolved = resolveTargets({ ...opts, target: undefined });
  if (!resolved.ok) return notStarted(resolved.error, 'unknown-target');
  const byId = new Map(resolved.value.map((t) => [t.id, t.las]));
  const state = foldSite(opts.site, readLedger(opts.ledgerPath), opts.ledgerPath);
  const transactions: RestoredTransaction[] = [];
  const unknown: string[] = [];
  for (const tx of transactionsOf(state, undefined, ['activated', 'broken', 'return-pending'])) {
    const t = byId.get(tx.target);
    if (!t) {
      unknown.push(`${tx.target} ${tx.transaction}`);
      continue;
    }
    const at = state.licenses.get(`${tx.target}\u0000${tx.lines[0]!.activationId}`)?.at ?? new Date(0).toISOString();
    transactions.push({ target: tx.target, targetType: t.type, licenseServer: t.licenseServer, transaction: tx.transaction, status: tx.status as RestoredTransaction['status'], lines: tx.lines, at });
  }
  const repairs = [...state.repairs].flatMap(([target, dates]) => dates.map((at) => ({ target, at })));
  return runSteps(opts, [
    {
      target: '',
      label: `restore the simulator's record of site ${opts.site.name}`,
      run: async () => {
        const synced = await opts.las.syncEntitlements(entitledProducts(opts));
        if (!synced.ok) return lasFailure(synced.error, 'taking the entitlements of the plans');
        const r = await opts.las.restoreSite({ site: opts.site.name, transactions, repairs });
        if (!r.ok) return lasFailure(r.error, 'restoring the simulator');
        const v = r.value;
        const parts = [`${v.added.length} transaction(s) added`, `${v.corrected.length} corrected to what the ledger says`, `${v.unchanged} already known`];
        if (v.notInLedger.length > 0) parts.push(`${v.notInLedger.length} the simulator holds and the ledger does not record, left alone (${v.notInLedger.join(', ')}: 'bmslicense activate' records them)`);
        if (unknown.length > 0) parts.push(`${unknown.length} of targets no longer in the site file, skipped (${unknown.join(', ')})`);
        return { status: 'done', message: `simulator restored from the ledger: ${parts.join('; ')}` };
      },
    },
  ]);
}
