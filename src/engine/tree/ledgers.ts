// The ledger of every site in the index, for the tree, from the session's ledger store (a file is read
// again only when it changed; the workflows read their own under the site lock).
import { fold, type LedgerState } from '../ledger/fold';
import type { WorkspaceIndex } from '../load/workspace';
import { LedgerStore } from '../session/ledgerStore';

export interface SiteLedgers {
  states: Map<string, LedgerState>;
  /** Ledger file of each site, by site name. */
  paths: Map<string, string>;
  /** One line per site whose ledger had lines that were ignored. */
  notes: Map<string, string>;
}

export function readSiteLedgers(index: WorkspaceIndex, store: LedgerStore = new LedgerStore()): SiteLedgers {
  const out: SiteLedgers = { states: new Map(), paths: new Map(), notes: new Map() };
  for (const site of index.sites()) {
    if (!site.name || out.states.has(site.name) || !site.uri.startsWith('file:')) continue;
    const read = store.of(site);
    out.paths.set(site.name, store.pathOf(site)!);
    out.states.set(site.name, read?.state ?? fold([]));
    if (!read) continue;
    if (read.problems.length > 0) {
      const first = read.problems[0];
      out.notes.set(site.name, `Ledger: ${read.problems.length} line(s) ignored (line ${first.line}: ${first.message}).`);
    }
  }
  return out;
}
