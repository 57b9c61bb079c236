// The ledger files' own findings (BMS062-069, BMS083, BMS090-097) in the editor: published for each site's ledger, whether or
// not it is open, and cleared when they are gone. The session's LedgerStore reads and judges each ledger
// (again only when it changed on disk); this maps its findings through the one LSP converter.
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { WorkspaceSession } from '../session/session';
import { toLspDiagnostic } from './lsp';

export class LedgerDiagnostics {
  /** Per ledger uri: what was published last, to send only what changed. */
  private readonly seen = new Map<string, string>();

  /** `send` publishes one ledger file's diagnostics (the server's connection). */
  constructor(private readonly send: (uri: string, diagnostics: LspDiagnostic[]) => void) {}

  publish(session: WorkspaceSession): void {
    const current = new Set<string>();
    for (const site of session.index.sites()) {
      if (!site.name) continue;
      const ledger = session.ledgers.of(site);
      if (!ledger || current.has(ledger.uri)) continue;
      current.add(ledger.uri);
      const diagnostics = ledger.findings.map((d) => toLspDiagnostic(d, ledger.lines, () => undefined));
      const key = JSON.stringify(diagnostics);
      if (this.seen.get(ledger.uri) === key) continue;
      this.seen.set(ledger.uri, key);
      this.send(ledger.uri, diagnostics);
    }
    for (const uri of [...this.seen.keys()]) {
      if (current.has(uri)) continue;
      this.seen.delete(uri);
      this.send(uri, []);
    }
  }
}
