// Each Site's ledger, folded and cached until the file changes: for hovers (what is activated) and for
// BMS061 (repairs in the last 12 months).
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fold, repairsInLast12Months, type LedgerState } from '../ledger/fold';
import { ledgerPathFor, readLedger } from '../ledger/ledger';
import type { WorkspaceIndex } from '../load/workspace';
import type { Site } from '../model';

const ledgers = new Map<string, { mtime: number; state: LedgerState }>();

/** The site's ledger folded, cached until the file changes; undefined when there is none. */
export function ledgerOf(site: Site): LedgerState | undefined {
  if (!site.uri.startsWith('file:')) return undefined;
  try {
    const path = ledgerPathFor(site, fileURLToPath(site.uri));
    const mtime = statSync(path).mtimeMs;
    const cached = ledgers.get(path);
    if (cached?.mtime === mtime) return cached.state;
    const state = fold(readLedger(path).events);
    ledgers.set(path, { mtime, state });
    return state;
  } catch {
    return undefined;
  }
}

/** The rules' `repairsOf` option, read from the ledgers of the workspace's sites. */
export function repairsFrom(index: WorkspaceIndex, today = new Date()): (site: string, target: string) => number {
  // One look at each ledger per validation pass, not one per assignment.
  const states = new Map<string, LedgerState | undefined>();
  return (name, target) => {
    if (!states.has(name)) {
      const site = index.site(name);
      states.set(name, site && ledgerOf(site));
    }
    const state = states.get(name);
    return state ? repairsInLast12Months(state, target, today) : 0;
  };
}
