// One writer at a time per site: every workflow (and apply) runs under the lock beside the site's ledger,
// so two processes (two terminals, the CLI and VS Code, CI) never both act on what they read before the
// other one wrote. Everything a workflow reads — the ledger, the LAS — is read after the lock is taken.
// Under the lock, before anything runs: a ledger with git conflict markers is refused, and so is a LAS
// simulator with no record at all of a site whose ledger records activations.
import { transactionsOf } from '../ledger/fold';
import { foldContextOf, foldSite, judgeContextOf } from '../ledger/siteLedger';
import { acquireLock, describeHolder, lockFileOf } from '../ledger/lock';
import { conflictMessage, defaultActor, ledgerWritable } from '../ledger/ledger';
import { describeDiskError, isDiskError } from '../ledger/disk';
import { ledgerBlockerOf, readJudgedLedger, type JudgedLedger } from '../ledger/judged';
import { LedgerFold } from './ledgerFold';
import { notStarted, type WorkflowOptions, type WorkflowResult } from './context';
import { activationOf } from '../model';

/** Default wait for another process holding the site: long enough for an apply, short enough to notice. */
export const DEFAULT_LOCK_TIMEOUT_MS = 60_000;

/** The codes of refusals before anything ran, for callers that map them to exit codes. */
export const REFUSAL_CODES = { locked: 'site-locked', conflict: 'ledger-conflict', lasRecord: 'las-disagrees', disk: 'disk', vendorTools: 'vendor-tools-site' } as const;

/** Something that can say whether it has a record at all (the simulator's state file). */
interface KnowsItsRecord {
  stateInfo(): { file: string; exists: boolean };
}

/**
 * Runs `work` holding the site's lock (taken here, or already held by the caller, e.g. apply running its
 * workflows). `what` names the command for whoever waits: "activate", "apply".
 */
export async function withSiteLock<R extends WorkflowResult>(
  opts: WorkflowOptions,
  what: string,
  work: (locked: WorkflowOptions) => Promise<R>,
  refused: (r: WorkflowResult) => R,
  checks: { lasRecord: boolean; writesLedger?: boolean } = { lasRecord: true },
): Promise<R> {
  const lockFile = lockFileOf(opts.ledgerPath);
  if (opts.heldSiteLock?.file === lockFile) return work(opts);
  const site = opts.site.name;
  let got: Awaited<ReturnType<typeof acquireLock>>;
  try {
    got = await acquireLock(opts.ledgerPath, {
      what: `${what} by ${opts.by ?? defaultActor()}`,
      timeoutMs: opts.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
      signal: opts.signal,
      onWait: (h) => opts.onWait?.(`Waiting for ${describeHolder(h)} to finish with site ${site} (lock ${lockFile})…`),
    });
  } catch (e) {
    if (!isDiskError(e)) throw e;
    return refused(notStarted(`${describeDiskError(e, "take the site's lock", lockFile)} Nothing was done.`, REFUSAL_CODES.disk));
  }
  if (!got.ok) {
    if (got.reason === 'cancelled') return refused(notStarted(`Cancelled while waiting for ${describeHolder(got.holder)} to finish with site ${site}: nothing was done.`, 'cancelled'));
    const waited = got.waitedMs >= 1000 ? ` (waited ${Math.round(got.waitedMs / 1000)} s)` : '';
    return refused(
      notStarted(
        `Site ${site} is busy: ${describeHolder(got.holder)} holds its lock${waited}. Nothing was done: let it finish, then run the command again. If that process is gone (stopped on another computer), delete ${lockFile}.`,
        REFUSAL_CODES.locked,
      ),
    );
  }
  try {
    const judged = readJudgedLedger(opts.ledgerPath, opts.site.name, { now: opts.now?.(), ...judgeContextOf(opts.site, opts.ledgerPath) });
    const problem = preflight(opts, judged, checks.lasRecord);
    if (problem) return refused(problem);
    // Nothing consumed without a record: the ledger must take an append before the activation server is asked.
    const unwritable = checks.writesLedger === false ? undefined : ledgerWritable(opts.ledgerPath);
    if (unwritable) return refused(notStarted(`${describeDiskError(unwritable, 'write the ledger', opts.ledgerPath)} Nothing was done: the activation server was not asked.`, REFUSAL_CODES.disk));
    return await work({ ...opts, heldSiteLock: got.lock, ledgerBlockerOf: ledgerBlockerOf(judged), ledgerRead: judged, ledgerFold: new LedgerFold(opts.ledgerPath, judged, foldContextOf(opts.site, opts.ledgerPath)) });
  } finally {
    got.lock.release();
  }
}

/** Refusals that need the lock to be true: the ledger and the LAS record as they are now. */
function preflight(opts: WorkflowOptions, read: JudgedLedger, lasRecord: boolean): WorkflowResult | undefined {
  // A real site is activated in the vendor's tools only: no simulator or HTTP server acts on it, whoever asks.
  if (opts.las.via !== undefined && activationOf(opts.site) === 'vendor-tools') {
    return notStarted(
      `Site ${opts.site.name} is licensed with the vendor's tools (activation: vendor-tools${opts.site.activation === undefined ? ', as a site without spec.activation is' : ''}): the ${opts.las.via === 'simulator' ? 'built-in simulator' : 'HTTP activation server'} does not act on it. Nothing was done. Do the step in License Administrator or Device Administrator and record it (bmslicense record, or apply's checklist); for practice set 'activation: simulator' in the site file.`,
      REFUSAL_CODES.vendorTools,
    );
  }
  if (read.conflict !== undefined) return notStarted(conflictMessage(opts.ledgerPath, read.conflict), REFUSAL_CODES.conflict);
  if (!lasRecord) return undefined;
  const las = opts.las as Partial<KnowsItsRecord>;
  if (typeof las.stateInfo !== 'function') return undefined;
  const info = las.stateInfo();
  if (info.exists) return undefined;
  const recorded = transactionsOf(foldSite(opts.site, read, opts.ledgerPath), undefined, ['activated', 'broken', 'return-pending']);
  if (recorded.length === 0) return undefined;
  return notStarted(
    `The LAS simulator has no record (${info.file} is missing), but the ledger ${opts.ledgerPath} records ${recorded.length} activation transaction(s) of site ${opts.site.name}: starting the simulator afresh would contradict the ledger. Nothing was done. Restore ${info.file} from a backup, or run 'bmslicense las restore --site ${opts.site.name}' to rebuild the simulator's record from the ledger.`,
    REFUSAL_CODES.lasRecord,
  );
}
