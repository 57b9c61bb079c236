// `bmslicense las restore`: the way back when the simulator's record and the ledger disagree because the
// simulator lost (or never had) the site. Under the site's lock: entitlements from the plans, then every
// transaction the ledger holds open (active, broken, returned offline) and its repairs, into the simulator.
import { transactionsOf } from '../ledger/fold';
import { ledgerErrorLines, NOT_COUNTED, readJudgedLedger } from '../ledger/judged';
import { foldSite, judgeContextOf } from '../ledger/siteLedger';
import type { LasSimulator } from '../las/simulator';
import type { RestoredTransaction } from '../las/simulatorRestore';
import { lasFailure, notStarted, runSteps, type WorkflowOptions, type WorkflowResult } from './context';
import { withSiteLock } from './siteLock';
import { entitledProducts, resolveTargets } from './targets';

export function restoreLasRecord(opts: WorkflowOptions & { las: LasSimulator }): Promise<WorkflowResult> {
  return withSiteLock(opts, 'las restore', (o) => restoreLocked({ ...o, las: opts.las }), (r) => r, { lasRecord: false, writesLedger: false });
}

async function restoreLocked(opts: WorkflowOptions & { las: LasSimulator }): Promise<WorkflowResult> {
  const resolved = resolveTargets({ ...opts, target: undefined });
  if (!resolved.ok) return notStarted(resolved.error, 'unknown-target');
  const byId = new Map(resolved.value.map((t) => [t.id, t.las]));
  // A ledger with errors would put into the simulator what nobody knows happened (a transaction twice); a line
  // the site's activation does not count (BMS068/069) is left out by the fold, not put in.
  const judged = readJudgedLedger(opts.ledgerPath, opts.site.name, { now: opts.now?.(), ...judgeContextOf(opts.site, opts.ledgerPath) });
  const errors = judged.errors.filter((f) => !NOT_COUNTED.has(f.code));
  if (errors.length > 0) {
    const list = ledgerErrorLines({ ...judged, errors }).slice(0, 10);
    const more = errors.length > list.length ? `\n  … and ${errors.length - list.length} more (bmslicense validate lists them)` : '';
    return notStarted(`The ledger has ${errors.length} error(s): the simulator is not restored from it. Nothing was done.\n  ${list.join('\n  ')}${more}\nFix each line's cause and clear it by appending a 'void' event for it (never delete a line), then run 'bmslicense las restore' again.`, 'ledger-errors');
  }
  const state = foldSite(opts.site, judged, opts.ledgerPath);
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
