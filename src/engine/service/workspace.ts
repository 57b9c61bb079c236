// The workspace as an editor sees it: every file's latest text, read incrementally, in one index; which
// files an edit affects; and each file's diagnostics through the one pipeline (validateFile) with the
// editor's incremental rule passes.
import type { Diagnostic } from '../diagnostics';
import type { WorkspaceIndex as Index } from '../load/workspace';
import { WorkspaceIndex } from '../load/workspace';
import { IncrementalParser, readText, type ParsedText } from '../load/incremental/read';
import { isPlan, isSite, type BmsDocument } from '../model';
import type { RuleContext, RuleFailure, ValidationOptions } from '../rules';
import { IncrementalRules } from '../rules/incremental/passes';
import { WorkspaceSession, type SessionSettings } from '../session/session';
import { LineIndex } from '../text';
import { validateFile } from '../validate';
import type { Lines } from './lsp';
import { Occurrences } from './occurrences';

export type { RuleContext, RuleFailure } from '../rules';

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
  private readonly rules = new IncrementalRules();
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

  /** The rules' context for one pass over the workspace, with the session's ledgers and usage readings. */
  ruleContext(settings: SessionSettings & ValidationOptions = {}): RuleContext {
    return this.rules.context(this.index, { ...this.session.options(settings), ...settings });
  }

  /** Every diagnostic of one file, sorted. `ctx` shares the rules' lookups across files of one pass; a rule that throws goes to `failures`. */
  diagnostics(uri: string, options: ValidationOptions = {}, ctx: RuleContext = this.ruleContext(options), failures?: RuleFailure[]): Diagnostic[] {
    if (!this.files.has(uri)) return [];
    return validateFile(this.index, uri, options, { context: ctx, incremental: this.rules, failures });
  }

  /** The uri of every site's ledger (`spec.ledger`, or `<name>.ledger.jsonl` beside the site file). */
  ledgerUris(): Set<string> {
    return this.session.ledgers.uris(this.index);
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
