// Validation on edits: an edit on a quiet server is checked at once; a burst of edits is checked after the
// typing pauses (EditRhythm: at most `debounceMs`); a newer edit cancels the run in progress; every file
// the edit affects is re-published, and only those.
import type { Connection } from 'vscode-languageserver/node';
import { toLspDiagnostic, type Lines } from '../engine/service/lsp';
import type { LiveWorkspace, RuleContext, RuleFailure } from '../engine/service/workspace';
import { LedgerDiagnostics } from '../engine/service/ledgerDiagnostics';
import { EditRhythm } from './editRhythm';
import { collectGarbage, WarmUp } from './warmUp';
import type { ServerSettings } from './settings';

export interface TextSource {
  /** The editor's text and version of an open file, undefined when it is not open. */
  open(uri: string): { uri: string; text: string; version: number; document: Lines & { getText(): string } } | undefined;
}

export class ValidationQueue {
  /** Files whose new text is not parsed yet. */
  private readonly dirty = new Set<string>();
  /** Files parsed but whose diagnostics are not published yet. */
  private readonly unpublished = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private readonly rhythm = new EditRhythm();
  /** BMS062-069, BMS083 and BMS090-097 on the ledger files themselves. */
  private readonly ledgers: LedgerDiagnostics;
  /** Rule and file of every rule that threw (a bug): logged once each, not at every keystroke. */
  private readonly logged = new Set<string>();
  /** The edit path run on made-up files once the server is first idle (warmUp.ts); undefined once done. */
  private warmUp: WarmUp | undefined = new WarmUp();
  /** A file was opened since the server last collected its garbage. */
  private openedSinceCollect = false;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: LiveWorkspace,
    private readonly source: TextSource,
    private readonly settings: () => ServerSettings,
  ) {
    this.ledgers = new LedgerDiagnostics((uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }));
  }

  /** An open file changed: parse and publish at once, or when a burst of edits pauses. */
  changed(uri: string): void {
    this.dirty.add(uri);
    this.generation++;
    this.arm(this.rhythm.edit(performance.now(), this.settings().debounceMs));
  }

  /** A file was opened: check it at once (opening is not typing, so it does not start a burst). */
  opened(uri: string): void {
    this.openedSinceCollect = true;
    this.dirty.add(uri);
    this.generation++;
    this.arm(0);
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
    // Parsed for a request: publish as soon as the edits pause (a timer already armed keeps its time).
    if (!this.timer) this.arm(0);
  }

  private arm(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, ms);
  }

  private async run(): Promise<void> {
    const started = performance.now();
    const generation = this.generation;
    const edited = [...this.dirty];
    for (const uri of edited) this.flush(uri);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // Let a newer edit that is already waiting cancel this run before the rules.
    this.rhythm.checked(started, performance.now());
    await new Promise((r) => setImmediate(r));
    if (generation !== this.generation) return;
    const settings = this.settings();
    const index = this.workspace.index;
    const parsed = index.generation;
    const ctx = this.workspace.ruleContext({ expiryWarningDays: settings.expiryWarningDays, activationMode: settings.activationMode });
    // The files the engineer edited first (their diagnostics are what they wait for), then those that depend on them.
    for (const uri of new Set([...edited.filter((u) => this.unpublished.has(u)), ...this.unpublished])) {
      // Between files, a newer edit (or a request that parsed one) stops this run; the next run goes on.
      if (generation !== this.generation || parsed !== index.generation) return;
      this.unpublished.delete(uri);
      this.publish(uri, ctx);
      this.rhythm.checked(started, performance.now());
      await new Promise((r) => setImmediate(r));
    }
    if (generation === this.generation) this.ledgers.publish(this.workspace.session);
    this.whileIdle(generation);
  }

  /**
   * Everything is published: warm the edit path up (once per server), then collect the open's garbage, so the
   * engineer's first keystroke finds neither cold code nor a full heap. A slice at a time; an edit stops it.
   */
  private whileIdle(generation: number): void {
    if (generation !== this.generation || this.timer || this.dirty.size || this.unpublished.size) return;
    const warmUp = this.warmUp;
    if (warmUp && !warmUp.done) {
      try {
        warmUp.next();
      } catch (error) {
        // A bug in the warm-up costs the engineer a slower first keystroke, nothing else.
        this.warmUp = undefined;
        this.connection.console.error(`Internal error while warming the edit path up: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}. Validation is not affected; please report this.`);
        return;
      }
      setImmediate(() => this.whileIdle(generation));
      return;
    }
    if (warmUp) {
      this.warmUp = undefined;
      this.connection.console.log(`Edit path warmed up (${warmUp.edits} edits of made-up files in ${Math.round(warmUp.ms)} ms).`);
    }
    if (this.openedSinceCollect) {
      this.openedSinceCollect = false;
      const start = performance.now();
      if (collectGarbage() && process.env.BMS_LSP_TRACE) this.connection.console.log(`Garbage collected after an open in ${Math.round(performance.now() - start)} ms.`);
    }
  }

  private publish(uri: string, ctx: RuleContext): void {
    const lines = this.workspace.lines(uri);
    if (!lines) {
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const failures: RuleFailure[] = [];
    const diagnostics = this.workspace
      .diagnostics(uri, {}, ctx, failures)
      .map((d) => toLspDiagnostic(d, lines, (other) => this.workspace.lines(other)));
    for (const f of failures) this.logFailure(f);
    // An open document's diagnostics go to the uri the editor spelled (the same file as the canonical one).
    const open = this.source.open(uri);
    void this.connection.sendDiagnostics({ uri: open?.uri ?? uri, version: open?.version, diagnostics });
  }

  /** The output channel gets one entry per rule and file; the file keeps every other rule's findings. */
  private logFailure(f: RuleFailure): void {
    const key = `${f.codes.join('/')}\u0000${f.uri}`;
    if (this.logged.has(key)) return;
    this.logged.add(key);
    const why = f.error instanceof Error ? (f.error.stack ?? f.error.message) : String(f.error);
    this.connection.console.error(`Internal error in the ${f.codes.join('/')} check of ${f.uri}: ${why}. The other checks ran; please report this.`);
  }
}
