// The ledger files' own findings (BMS062-069, BMS083) in the editor: published for each site's ledger, whether or
// not it is open, and cleared when they are gone. Re-read only when a ledger file changed on disk.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { ruleHelpUrl } from '../diagnostics';
import { ledgerFindings } from '../ledger/findings';
import { ledgerPathFor } from '../ledger/ledger';
import { foldContextOf } from '../ledger/siteLedger';
import type { Site } from '../model';
import type { WorkspaceIndex } from '../load/workspace';
import { SOURCE } from './lsp';

const SEVERITY = { error: 1, warning: 2, information: 3 } as const;

export class LedgerDiagnostics {
  private readonly seen = new Map<string, { mtime: string; site: string; key: string }>();

  /** `send` publishes one ledger file's diagnostics (the server's connection). */
  constructor(private readonly send: (uri: string, diagnostics: LspDiagnostic[]) => void) {}

  publish(index: WorkspaceIndex): void {
    const current = new Set<string>();
    for (const site of index.sites()) {
      if (!site.name || !site.uri.startsWith('file:')) continue;
      const file = ledgerPathFor(site, fileURLToPath(site.uri));
      const uri = pathToFileURL(file).href;
      let mtime: string;
      try {
        const st = statSync(file);
        mtime = `${st.mtimeMs}:${st.size}`;
      } catch {
        continue; // no ledger yet
      }
      current.add(uri);
      const before = this.seen.get(uri);
      const judged = `${site.name}:${site.activation ?? ''}`;
      if (before && before.mtime === mtime && before.site === judged) continue;
      const diagnostics = diagnosticsOf(file, site);
      const key = JSON.stringify(diagnostics);
      this.seen.set(uri, { mtime, site: judged, key });
      if (before?.key !== key) this.send(uri, diagnostics);
    }
    for (const uri of [...this.seen.keys()]) {
      if (current.has(uri)) continue;
      this.seen.delete(uri);
      this.send(uri, []);
    }
  }
}

function diagnosticsOf(file: string, site: Site): LspDiagnostic[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const lines = text.split('\n');
  return ledgerFindings(text, site.name, foldContextOf(site, file)).map((f) => ({
    range: { start: { line: f.line - 1, character: 0 }, end: { line: f.line - 1, character: lines[f.line - 1]?.replace(/\r$/, '').length ?? 0 } },
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: ruleHelpUrl(f.code) },
    source: SOURCE,
    message: f.message,
  }));
}
