// Everything a site report needs, read from disk: the workspace, its diagnostics, the site's ledger and,
// optionally, saved lmstat outputs. Used by `bmslicense report` and by the dashboard host.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { repairsInLast12Months } from '../ledger/fold';
import { conflictMessage, ledgerPathFor, readLedger, type LedgerRead } from '../ledger/ledger';
import { foldSite, judgeContextOf } from '../ledger/siteLedger';
import { loadWorkspace } from '../load/files';
import type { WorkspaceIndex } from '../load/workspace';
import { decodeLmstatBytes, parseLmstat, usageByFeature } from '../lmstat';
import { usageReaderForSites } from '../lmstat/cache';
import { licensesLogReaderForSites } from '../lmstat/licensesLogCache';
import { checkSite } from '../siteCheck';
import { judgeLedgerBytes } from '../ledger/findings';
import { siteReport, type SiteReportOptions } from './build';
import type { SiteReport } from './types';

export interface CollectOptions {
  today?: Date;
  expiryWarningDays?: number;
  /** Saved `lmutil lmstat -a` outputs of the site's License Servers. */
  lmstatFiles?: string[];
  /** License Server usage already known (the extension's last lmstat refresh); lmstatFiles win. */
  usage?: SiteReportOptions['usage'];
  /** An index already loaded (the extension keeps one); else `roots` are read. */
  index?: WorkspaceIndex;
}

export type CollectResult = { ok: true; report: SiteReport; ledgerPath?: string; siteFile?: string } | { ok: false; code: 'no-site' | 'lmstat-unreadable' | 'ledger-conflict'; message: string };

/** Loads the folders, finds the site, validates, folds its ledger and builds the report. Never throws for bad input. */
export function collectSiteReport(roots: string[], siteName: string, options: CollectOptions = {}): CollectResult {
  const today = options.today ?? new Date();
  const index = options.index ?? loadWorkspace(roots).index;
  const site = index.site(siteName);
  if (!site) {
    const known = index.sites().map((s) => s.name);
    return {
      ok: false,
      code: 'no-site',
      message: `No Site named '${siteName}' in ${roots.join(', ') || 'the workspace'}${known.length ? ` (sites: ${known.join(', ')})` : ' (no *.bms.yaml Site found)'}.`,
    };
  }
  const siteFile = site.uri.startsWith('file:') ? fileURLToPath(site.uri) : undefined;
  const ledgerPath = siteFile ? ledgerPathFor(site, siteFile) : undefined;
  const read: LedgerRead = ledgerPath ? readLedger(ledgerPath) : { events: [], problems: [] };
  if (ledgerPath && read.conflict !== undefined) return { ok: false, code: 'ledger-conflict', message: conflictMessage(ledgerPath, read.conflict) };
  const state = foldSite(site, read, ledgerPath);
  const repairsOf = (_site: string, target: string) => repairsInLast12Months(state, target, today);
  // What `validate` says about the site's files (the same pipeline and options: repairs, usage readings) and its ledger.
  const usageOf = usageReaderForSites(index);
  const licensesLogOf = licensesLogReaderForSites(index);
  const check = checkSite(index, site, { today, expiryWarningDays: options.expiryWarningDays, repairsOf, repairedTargets: () => state.repairs.keys(), usageOf, licensesLogOf, ledgerOf: (name) => (name === site.name ? state : undefined) });
  const diagnostics = check.diagnostics;
  // The ledger judged as validate judges it (as bytes: a UTF-16 ledger is BMS091), as of the report's day.
  const ledgerBytes = ledgerPath ? readBytes(ledgerPath) : undefined;
  const findings = ledgerBytes === undefined || !ledgerPath ? [] : judgeLedgerBytes(ledgerBytes, site.name, ledgerPath, { now: today, ...judgeContextOf(site, ledgerPath) }).findings;
  let usage = options.usage;
  if (options.lmstatFiles && options.lmstatFiles.length > 0) {
    const results = [];
    for (const file of options.lmstatFiles) {
      try {
        results.push(parseLmstat(decodeLmstatBytes(readFileSync(file))));
      } catch (e) {
        return { ok: false, code: 'lmstat-unreadable', message: `Cannot read the lmstat output ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Save it with \`lmutil lmstat -a -c port@host > file\`.` };
      }
    }
    usage = usageByFeature(results);
  }
  const report = siteReport(index, site.name, {
    ledgerState: state,
    ledgerEvents: read.events,
    ledgerProblems: read.problems,
    ledgerFindings: findings,
    ledgerPath,
    usage,
    usageOf,
    licensesLogOf,
    diagnostics,
    blockerOf: check.blockerOf,
    today,
    expiryWarningDays: options.expiryWarningDays,
  })!;
  return { ok: true, report, ledgerPath, siteFile };
}

function readBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined; // no ledger yet
  }
}
