// Reads and folds the ledger of every site in the index, for the tree (the workflows keep their own).
import { fileURLToPath } from 'node:url';
import { fold, type LedgerState } from '../ledger/fold';
import { ledgerPathFor, readLedger } from '../ledger/ledger';
import type { WorkspaceIndex } from '../load/workspace';

export interface SiteLedgers {
  states: Map<string, LedgerState>;
  /** Ledger file of each site, by site name. */
  paths: Map<string, string>;
  /** One line per site whose ledger had lines that were ignored. */
  notes: Map<string, string>;
}

export function readSiteLedgers(index: WorkspaceIndex): SiteLedgers {
  const out: SiteLedgers = { states: new Map(), paths: new Map(), notes: new Map() };
  for (const site of index.sites()) {
    if (!site.name || out.states.has(site.name) || !site.uri.startsWith('file:')) continue;
    const file = ledgerPathFor(site, fileURLToPath(site.uri));
    const read = readLedger(file);
    out.paths.set(site.name, file);
    out.states.set(site.name, fold(read.events));
    if (read.problems.length > 0) {
      const first = read.problems[0];
      out.notes.set(site.name, `Ledger: ${read.problems.length} line(s) ignored (line ${first.line}: ${first.message}).`);
    }
  }
  return out;
}
