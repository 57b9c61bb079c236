// The ledger of every site in the index, for the tree, from the session's ledger store (a file is read
// again only when it changed; the workflows read their own under the site lock).
import { fold, type LedgerState } from '../ledger/fold';
import type { WorkspaceIndex } from '../load/workspace';
import { LedgerStore } from '../session/ledgerStore';
import { t } from '../l10n';

export interface SiteLedgers {
  states: Map<string, LedgerState>;
  /** Ledger file of each site, by site name. */
  paths: Map<string, string>;
  /** One line per site whose ledger had lines that were ignored. */
  notes: Map<string, string>;
  /** Sites whose ledger has lines the fold ignored: how many, and the line of a git conflict marker. */
  problems: Map<string, LedgerTrouble>;
}

export interface LedgerTrouble {
  ignored: number;
  conflict?: number;
}

export function readSiteLedgers(index: WorkspaceIndex, store: LedgerStore = new LedgerStore()): SiteLedgers {
  const out: SiteLedgers = { states: new Map(), paths: new Map(), notes: new Map(), problems: new Map() };
  for (const site of index.sites()) {
    if (!site.name || out.states.has(site.name) || !site.uri.startsWith('file:')) continue;
    const read = store.of(site);
    out.paths.set(site.name, store.pathOf(site)!);
    out.states.set(site.name, read?.state ?? fold([]));
    if (!read) continue;
    if (read.problems.length > 0) {
      const first = read.problems[0];
      out.notes.set(site.name, t('Ledger: {0} line(s) ignored (line {1}: {2}).', read.problems.length, first.line, first.message));
      out.problems.set(site.name, { ignored: read.problems.length, conflict: read.conflict });
    }
  }
  return out;
}
