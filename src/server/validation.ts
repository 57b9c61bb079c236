// Debounced validation: an edit is parsed and checked after `debounceMs` of quiet; a newer edit cancels
// the run in progress; every file the edit affects is re-published, and only those.
import type { Connection } from 'vscode-languageserver/node';
import { LiveRuleContext } from '../engine/service/ruleContext';
import { toLspDiagnostic, type Lines } from '../engine/service/lsp';
import type { LiveWorkspace } from '../engine/service/workspace';
import { LedgerDiagnostics } from '../engine/service/ledgerDiagnostics';
import type { ServerSettings } from './settings';

export interface TextSource {
  /** The editor's text and version of an open file, undefined when it is not open. */
  open(uri: string): { text: string; version: number; document: Lines & { getText(): string } } | undefined;
}

export class ValidationQueue {
  /** Files whose new text is not parsed yet. */
  private readonly dirty = new Set<string>();
  /** Files parsed but whose diagnostics are not published yet. */
  private readonly unpublished = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  /** License Server usage cached by 'Refresh License Server Usage' (BMS080-082); re-read only when a file changes. */
  /** BMS062-065 on the ledger files themselves. */
  private readonly ledgers: LedgerDiagnostics;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: LiveWorkspace,
    private readonly source: TextSource,
    private readonly settings: () => ServerSettings,
  ) {
    this.ledgers = new LedgerDiagnostics((uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }));
  }

  /** An open file changed: parse and publish after the debounce. */
  changed(uri: string): void {
    this.dirty.add(uri);
    this.generation++;
    this.arm(this.settings().debounceMs);
  }

  /** Files already parsed into the workspace (from disk) whose diagnostics must be (re)published. */
  publishSoon(uris: Iterable<string>): void {
    for (const u of uris) this.unpublished.add(u);
    this.generation++;
    this.arm(0);
  }

  /** Parses pending edits of `uri` now, so a request sees the text the editor sent. */
  flush(uri: string): void {
    if (!this.dirty.delete(uri)) return;
    const doc = this.source.open(uri);
    if (doc) for (const u of this.workspace.update(uri, doc.text, doc.document)) this.unpublished.add(u);
    this.arm(this.settings().debounceMs);
  }

  private arm(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, ms);
  }

  private async run(): Promise<void> {
    const generation = this.generation;
    const edited = [...this.dirty];
    for (const uri of edited) this.flush(uri);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // Let a newer edit that is already waiting cancel this run before the rules.
    await new Promise((r) => setImmediate(r));
    if (generation !== this.generation) return;
    const settings = this.settings();
    const index = this.workspace.index;
    const parsed = index.generation;
    const ctx = new LiveRuleContext(index, this.workspace.session.options({ expiryWarningDays: settings.expiryWarningDays, activationMode: settings.activationMode }));
    // The files the engineer edited first (their diagnostics are what they wait for), then those that depend on them.
    for (const uri of new Set([...edited.filter((u) => this.unpublished.has(u)), ...this.unpublished])) {
      // Between files, a newer edit (or a request that parsed one) stops this run; the next run goes on.
      if (generation !== this.generation || parsed !== index.generation) return;
      this.unpublished.delete(uri);
      this.publish(uri, ctx);
      await new Promise((r) => setImmediate(r));
    }
    if (generation === this.generation) this.ledgers.publish(index);
  }

  private publish(uri: string, ctx: LiveRuleContext): void {
    const lines = this.workspace.lines(uri);
    if (!lines) {
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const diagnostics = this.workspace
      .diagnostics(uri, {}, ctx)
      .map((d) => toLspDiagnostic(d, lines, (other) => this.workspace.lines(other)));
    void this.connection.sendDiagnostics({ uri, version: this.source.open(uri)?.version, diagnostics });
  }
}
