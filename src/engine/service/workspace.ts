// The workspace as an editor sees it: every file's latest text, parsed incrementally, in one index;
// which files an edit affects; and each file's diagnostics (syntax + schema + rules).
import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import type { WorkspaceIndex as Index } from '../load/workspace';
import { WorkspaceIndex } from '../load/workspace';
import { isPlan, isSite, type BmsDocument } from '../model';
import { runRules, type RuleContext, type ValidationOptions } from '../rules';
import { LiveRuleContext } from '../rules/incremental/keptLookups';
import { LineIndex } from '../text';
import type { Lines } from './lsp';
import { WorkspaceSession } from '../session/session';
import { Occurrences } from './occurrences';
import { IncrementalParser, type ParsedText } from '../load/incremental/incrementalParser';
import { PlanRules } from '../rules/incremental/planPass';
import { readText } from '../load/incremental/read';
import { siteRulesContext } from '../rules/incremental/narrowed';

interface FileState {
  parser: IncrementalParser;
  parsed: ParsedText;
  lines?: Lines;
  /** The editor's document of this text, when open: its line offsets are updated per edit, not rescanned. */
  editor?: Lines & { getText(): string };
}

export class LiveWorkspace {
  readonly index: Index = new WorkspaceIndex();
  readonly occurrences = new Occurrences(this.index);
  /** The ledgers and usage readings of this workspace, and the validation options built from them. */
  readonly session = new WorkspaceSession(this.index);
  private readonly planRules = new PlanRules();
  private readonly files = new Map<string, FileState>();

  /** Parses a file's new text into the index; returns every uri whose diagnostics may have changed. */
  update(uri: string, text: string, editor?: FileState['editor']): string[] {
    const before = this.names(uri);
    let state = this.files.get(uri);
    if (state?.parsed.file.text === text) {
      state.editor = editor;
      return [uri];
    }
    const parser = state?.parser ?? new IncrementalParser(uri);
    const parsed = safeParse(parser, uri, text);
    state = { parser, parsed, editor };
    this.files.set(uri, state);
    this.index.setFile(parsed.file);
    return this.affected(uri, before, this.names(uri));
  }

  /** Forgets a file; returns the uris to re-check (the file's own diagnostics are gone). */
  remove(uri: string): string[] {
    const before = this.names(uri);
    if (!this.files.delete(uri)) return [];
    this.index.remove(uri);
    return this.affected(uri, before, new Set()).filter((u) => u !== uri);
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  text(uri: string): string | undefined {
    return this.files.get(uri)?.parsed.file.text;
  }

  lines(uri: string): Lines | undefined {
    const state = this.files.get(uri);
    if (!state) return undefined;
    if (state.editor && state.editor.getText() === state.parsed.file.text) return state.editor;
    state.lines ??= new LineIndex(state.parsed.file.text);
    return state.lines;
  }

  documents(uri: string): BmsDocument[] {
    return (this.index.file(uri)?.documents ?? []).flatMap((d) => (d.model ? [d.model] : []));
  }

  /** Every diagnostic of one file, sorted. `ctx` shares the rules' lookups across files of one pass. */
  diagnostics(uri: string, options: ValidationOptions = {}, ctx: RuleContext = new LiveRuleContext(this.index, { repairsOf: this.session.repairsOf(options.today), repairedTargets: (site) => this.session.repairedTargets(site), ...options })): Diagnostic[] {
    const state = this.files.get(uri);
    if (!state) return [];
    const out = [...state.parsed.diagnostics];
    for (const d of this.index.file(uri)?.documents ?? []) {
      const doc = d.model;
      if (!doc || d.swallowed) continue; // an unclosed quote: its BMS001 says all that can be said
      out.push(...(isPlan(doc) ? this.planRules.check(doc, ctx) : runRules(doc, siteRulesContext(doc, ctx))));
    }
    return out.sort(compareDiagnostics);
  }

  /** Site names a file defines, and site names its plans are for. */
  private names(uri: string): Set<string> {
    const out = new Set<string>();
    for (const d of this.documents(uri)) {
      if (isSite(d)) out.add(d.name);
      else if (d.site !== undefined) out.add(d.site);
    }
    return out;
  }

  /** The file, and every file with a Site or a plan for a site the file names (before or after the edit). */
  private affected(uri: string, before: Set<string>, after: Set<string>): string[] {
    const names = new Set([...before, ...after]);
    const out = new Set([uri]);
    if (names.size === 0) return [...out];
    for (const file of this.index.allFiles()) {
      for (const d of file.documents) {
        const m = d.model;
        if (!m) continue;
        if ((isSite(m) && names.has(m.name)) || (isPlan(m) && m.site !== undefined && names.has(m.site))) out.add(file.uri);
      }
    }
    return [...out];
  }
}

/** The parse never throws; if a bug makes it, the file still shows one diagnostic instead of killing the server. */
function safeParse(parser: IncrementalParser, uri: string, text: string): ParsedText {
  try {
    return readText(parser, text);
  } catch (e) {
    const d: Diagnostic = {
      code: 'BMS001',
      severity: 'error',
      uri,
      span: { start: 0, end: Math.min(1, text.length) },
      message: `This file could not be read (${(e as Error).message}). Check its syntax; please report this as a bug.`,
    };
    return { file: { uri, text, documents: [], diagnostics: [d] }, diagnostics: [d], stats: { parsed: 0, reused: 0, whole: true } };
  }
}
