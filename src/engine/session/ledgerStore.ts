// Each site's ledger, read, folded and judged once and again only when the file changed (size or mtime) or the
// site's spec.activation changed: the one reader behind the tree, the hovers, the CodeLens, the rules' repair
// counts, the ledger's own findings (BMS062-069, BMS083, BMS090-097) in the editor and `bmslicense validate`.
// The fold and the judgement both take the site's fold context: how each line counts depends on how the site
// is licensed (a simulated line in a vendor-tools site is not an activation).
import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics';
import type { LedgerState } from '../ledger/fold';
import { judgeLedgerBytes } from '../ledger/findings';
import { ledgerPathFor, parseLedgerWithLines, type LedgerProblem, type LedgerRead } from '../ledger/ledger';
import { foldSite, judgeContextOf } from '../ledger/siteLedger';
import { uriOf } from '../load/files';
import { isFileUri, pathOfUri } from '../load/uri';
import type { WorkspaceIndex } from '../load/workspace';
import type { Site } from '../model';
import { LineIndex } from '../text';

export interface SiteLedger {
  path: string;
  /** The ledger's canonical uri (load/uri.ts): where the editor shows its findings. */
  uri: string;
  state: LedgerState;
  /** Lines that were not events (torn, not JSON…): reported, ignored. */
  problems: LedgerProblem[];
  /** The first line of a git conflict marker, when the file has one: every command refuses such a ledger. */
  conflict?: LedgerRead['conflict'];
  /** The ledger's own findings (BMS062-069, BMS083-085, BMS090-097), each on its line, as every other diagnostic. */
  findings: Diagnostic[];
  /** The ledger's lines, to turn the findings' offsets into positions. */
  lines: LineIndex;
}

export class LedgerStore {
  private readonly cache = new Map<string, { stamp: string; site: string; ledger: SiteLedger }>();
  /** Files read from disk since the store was made (a test and a benchmark count them). */
  reads = 0;

  /** Where the site's ledger is (or will be); undefined for a site that is not a file. */
  pathOf(site: Site): string | undefined {
    return isFileUri(site.uri) ? ledgerPathFor(site, pathOfUri(site.uri)) : undefined;
  }

  /** The uri of every site's ledger (`spec.ledger`, or `<name>.ledger.jsonl` beside the site file). */
  uris(index: WorkspaceIndex): Set<string> {
    const out = new Set<string>();
    for (const site of index.sites()) {
      const path = this.pathOf(site);
      if (path !== undefined) out.add(uriOf(path));
    }
    return out;
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
    if (cached?.stamp === stamp && cached.site === site.name) return cached.ledger;
    const ledger = readSiteLedger(path, site);
    this.reads++;
    this.cache.set(path, { stamp, site: site.name, ledger });
    return ledger;
  }
}

function readSiteLedger(path: string, site: Site): SiteLedger {
  const uri = uriOf(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const problems = [{ line: 0, message: `Cannot read the ledger ${path}: ${(e as Error).message}` }];
    return { path, uri, state: foldSite(site, { events: [] }), problems, findings: [], lines: new LineIndex('') };
  }
  const text = bytes.toString('utf8');
  const read = parseLedgerWithLines(text);
  const lines = new LineIndex(text);
  // Judged as bytes: a ledger not saved as UTF-8 is one finding (BMS091), nothing in it trusted.
  const findings = judgeLedgerBytes(bytes, site.name, path, judgeContextOf(site, path)).findings.map((f): Diagnostic => {
    const start = lines.offsetAt({ line: f.line - 1, character: 0 });
    const end = start + (text.slice(start).split('\n', 1)[0] ?? '').replace(/\r$/, '').length;
    return { code: f.code, severity: f.severity, message: f.message, uri, span: { start, end } };
  });
  return { path, uri, state: foldSite(site, read, path), problems: read.problems, conflict: read.conflict, findings, lines };
}
