// The ledger against the LAS's own record: what `plan` reports as drift. The ledger is what this workspace
// believes; the LAS (the simulator's state, or an activation server) is what was really done. They part
// when a state file is lost or copied, when two clones use two simulators, or when a crash lost a line.
import { fail, ok, type Result } from '../result';
import { transactionsOf, type LedgerState } from '../ledger/fold';
import type { Las, LicenseLine } from './types';

export interface Drift {
  target: string;
  transaction: string;
  kind: 'not-on-las' | 'not-in-ledger' | 'different-lines';
  message: string;
}

const lines = (ls: LicenseLine[]) => ls.map((l) => `${l.activationId} ×${l.quantity}`).sort().join(', ');

/** Every disagreement between the ledger's open transactions and the LAS's active ones; an error when the LAS cannot be read. */
export async function lasDrift(las: Las, site: string, ledger: LedgerState, options: { ledgerErrors?: number } = {}): Promise<Result<Drift[]>> {
  const errors = options.ledgerErrors ?? 0;
  // `las restore` refuses a ledger with errors: it would copy them into the simulator.
  const restore = errors > 0 ? `once the ledger's ${errors} error(s) are cleared (bmslicense validate lists them), 'bmslicense las restore --site ${site}' rebuilds it from the ledger` : `'bmslicense las restore --site ${site}' rebuilds it from the ledger`;
  const listed = await las.activations(site);
  if (!listed.ok) return fail(`Cannot compare the ledger with the LAS: ${listed.error.message}`);
  const onLas = new Map(listed.value.map((t) => [`${t.target}\u0000${t.transaction}`, t]));
  const drift: Drift[] = [];
  const mine = transactionsOf(ledger, undefined, ['activated', 'broken']).filter((t) => siteOf(ledger, t.target, t.lines) === site);
  for (const tx of mine) {
    const key = `${tx.target}\u0000${tx.transaction}`;
    const there = onLas.get(key);
    onLas.delete(key);
    if (!there) {
      drift.push({
        target: tx.target,
        transaction: tx.transaction,
        kind: 'not-on-las',
        message: `${tx.target}: the ledger records transaction ${tx.transaction} (${lines(tx.lines)}) as ${tx.status}; the LAS does not hold it. If the simulator's state was lost or comes from another clone, ${restore}; otherwise find out what happened to it on the LAS before changing the ledger.`,
      });
    } else if (lines(there.lines) !== lines(tx.lines)) {
      drift.push({ target: tx.target, transaction: tx.transaction, kind: 'different-lines', message: `${tx.target}: transaction ${tx.transaction} holds ${lines(tx.lines)} in the ledger, ${lines(there.lines)} on the LAS: reclaim on ${tx.target} records what the LAS holds.` });
    }
  }
  for (const t of onLas.values()) {
    drift.push({
      target: t.target,
      transaction: t.transaction,
      kind: 'not-in-ledger',
      message: `${t.target}: the LAS holds transaction ${t.transaction} (${lines(t.lines)}) that the ledger does not record (a crash before the ledger line, or another workspace): 'bmslicense activate --site ${site} --target ${t.target}' records it.`,
    });
  }
  return ok(drift);
}

/** The site of a transaction's licenses, as the ledger recorded it. */
function siteOf(ledger: LedgerState, target: string, ls: LicenseLine[]): string | undefined {
  return ledger.licenses.get(`${target}\u0000${ls[0]?.activationId}`)?.site;
}
