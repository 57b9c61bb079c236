// Each site's ledger, read and folded once and again only when the file changed (size or mtime): the one
// reader behind the tree, the hovers, the CodeLens, the rules' repair counts and `bmslicense validate`.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LedgerState } from '../ledger/fold';
import { foldSite } from '../ledger/siteLedger';
import { ledgerPathFor, readLedger, type LedgerProblem } from '../ledger/ledger';
import type { Site } from '../model';

export interface SiteLedger {
  path: string;
  state: LedgerState;
  /** Lines that were not events (torn, not JSON…): reported, ignored. */
  problems: LedgerProblem[];
  /** The first line of a git conflict marker, when the file has one: every command refuses such a ledger. */
  conflict?: ReturnType<typeof readLedger>['conflict'];
}

export class LedgerStore {
  private readonly cache = new Map<string, { stamp: string; ledger: SiteLedger }>();
  /** Files read from disk since the store was made (a test and a benchmark count them). */
  reads = 0;

  /** Where the site's ledger is (or will be); undefined for a site that is not a file. */
  pathOf(site: Site): string | undefined {
    return site.uri.startsWith('file:') ? ledgerPathFor(site, fileURLToPath(site.uri)) : undefined;
  }

  /** The site's ledger as it is on disk now; undefined when the site is not a file or has no ledger yet. */
  of(site: Site): SiteLedger | undefined {
    const path = this.pathOf(site);
    if (path === undefined) return undefined;
    let stamp: string;
    try {
      const st = statSync(path);
      stamp = `${st.mtimeMs}:${st.size}`;
    } catch {
      this.cache.delete(path);
      return undefined;
    }
    // The site's spec.activation decides how each line counts: a change of it is a change of the fold.
    stamp += `:${site.name}:${site.activation ?? ''}`;
    const cached = this.cache.get(path);
    if (cached?.stamp === stamp) return cached.ledger;
    const read = readLedger(path);
    this.reads++;
    const ledger: SiteLedger = { path, state: foldSite(site, read, path), problems: read.problems, conflict: read.conflict };
    this.cache.set(path, { stamp, ledger });
    return ledger;
  }
}
