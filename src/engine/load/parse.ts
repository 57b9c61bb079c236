// One `*.bms.yaml` text → its documents (typed model + YAML AST) and the diagnostics of parsing.
// Never throws: syntax errors become BMS001 and the rest of the file still yields its diagnostics.
import { Composer, isMap, isScalar, Parser, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { API_VERSION, type BmsDocument, type Span } from '../model';
import { excessiveNesting, MAX_NESTING } from './depth';
import { extractPlan, extractSite } from './extract';
import { MAX_DOCUMENTS, sizeLimit } from './limits';
import { spanOf } from './nodes';
import { t } from '../l10n';
import { openersOf, unclosedOf } from './unclosed';
import { yamlFeatureDiagnostics } from './yamlFeatures';

export const KINDS = ['Site', 'LicensePlan'] as const;
export type Kind = (typeof KINDS)[number];

export interface ParsedDocument {
  /** The typed model, when the document is a Site or a LicensePlan. */
  model?: BmsDocument;
  kind?: Kind;
  yaml: Document;
  /** The document's extent in the file. */
  span: Span;
  /** An unclosed quote swallowed the rest of the document: its schema findings would only be noise. */
  swallowed?: boolean;
}

export interface BmsFile {
  uri: string;
  text: string;
  documents: ParsedDocument[];
  /** BMS001 (syntax) and BMS002 for documents that are not ours (no or unknown apiVersion/kind). */
  diagnostics: Diagnostic[];
  /**
   * Syntax and schema diagnostics, when the parser worked them out already: the incremental parser's
   * documents hold skeletons (its list items are checked on their own), so they cannot be schema-checked again.
   */
  checked?: Diagnostic[];
}

// logLevel 'error': the yaml package would otherwise print warnings (e.g. collection keys) on stderr; our diagnostics say it.
export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, maxAliasCount: 100, logLevel: 'error' } as const;

export function parseBmsText(uri: string, text: string): BmsFile {
  const diagnostics: Diagnostic[] = [];
  const documents: ParsedDocument[] = [];
  const deep = excessiveNesting(text);
  if (deep >= 0) {
    const message = t('YAML nested deeper than {0} levels here: no site or plan nests this deep, so this file was not read. Remove the runaway brackets or indentation.', MAX_NESTING);
    diagnostics.push(diagnostic('BMS001', uri, { start: deep, end: Math.min(text.length, deep + 1) }, message));
    return { uri, text, documents, diagnostics };
  }
  const limit = sizeLimit(uri, text);
  if (limit?.readUpTo === 0) return { uri, text, documents, diagnostics: [limit.diagnostic] };
  let docs: Document.Parsed[];
  try {
    docs = parseWithinBudget(limit ? text.slice(0, limit.readUpTo) : text, uri, diagnostics);
  } catch (e) {
    // The yaml package does not throw on bad input; if it ever does, the file still gets a diagnostic.
    diagnostics.push(diagnostic('BMS001', uri, { start: 0, end: Math.min(text.length, 1) }, t('This file could not be read as YAML ({0}). Check its syntax.', (e as Error).message)));
    return { uri, text, documents, diagnostics };
  }
  for (const doc of docs) {
    const syntax = syntaxDiagnostics(doc, uri, text);
    diagnostics.push(...syntax.diagnostics, ...yamlFeatureDiagnostics(doc, uri));
    const span: Span = { start: doc.range[0], end: doc.range[2] };
    const kind = kindOf(doc, uri, text, diagnostics);
    const parsed: ParsedDocument = { yaml: doc, span, kind };
    if (syntax.swallowed) parsed.swallowed = true;
    if (kind) parsed.model = kind === 'Site' ? extractSite(doc.contents as Node, uri, text) : extractPlan(doc.contents as Node, uri, text);
    if (parsed.model?.kind === 'LicensePlan' && syntax.swallowed) parsed.model.incomplete = true;
    documents.push(parsed);
  }
  // Unless the syntax error budget stopped the reading first (and said so).
  if (limit && docs.length >= MAX_DOCUMENTS) diagnostics.push(limit.diagnostic);
  return { uri, text, documents, diagnostics };
}

/** Past this many syntax errors a file is not read further: 1,000 broken documents made 400,000 errors (fuzz seed 2 case 118). */
export const MAX_SYNTAX_ERRORS = 200;

/** The syntax errors a file may report, document by document: the document that spends it is the last one read. */
export class SyntaxBudget {
  private used = 0;

  /** How many of a document's `count` syntax errors to report (the first ones); afterwards `spent` says whether to stop. */
  take(count: number): number {
    const room = Math.max(0, MAX_SYNTAX_ERRORS - this.used);
    this.used += count;
    return Math.min(count, room);
  }

  get spent(): boolean {
    return this.used > MAX_SYNTAX_ERRORS;
  }
}

/** The BMS001 that says the file was read only up to `at` (none when nothing follows). */
export function restNotChecked(uri: string, text: string, at: number): Diagnostic | undefined {
  at = Math.min(at, text.length);
  if (at >= text.length) return undefined;
  return diagnostic('BMS001', uri, { start: at, end: Math.min(text.length, at + 1) }, t('More than {0} YAML syntax errors: the rest of the file was not checked. Fix the errors above first.', MAX_SYNTAX_ERRORS));
}

/** `parseAllDocuments`, document by document, stopping after the document that brings the errors over the budget. */
function parseWithinBudget(text: string, uri: string, out: Diagnostic[]): Document.Parsed[] {
  const docs: Document.Parsed[] = [];
  const budget = new SyntaxBudget();
  for (const doc of new Composer(PARSE_OPTIONS).compose(new Parser().parse(text))) {
    docs.push(doc as Document.Parsed);
    doc.errors.length = budget.take(doc.errors.length);
    if (budget.spent) {
      const rest = restNotChecked(uri, text, doc.range[2]);
      if (rest) out.push(rest);
      break;
    }
  }
  return docs;
}

/** A document's syntax errors as BMS001: an unclosed quote, bracket or brace on its opening character. */
export function syntaxDiagnostics(doc: Document, uri: string, text: string): { diagnostics: Diagnostic[]; swallowed: boolean } {
  let openers: ReturnType<typeof openersOf> | undefined;
  const lazy = () => (openers ??= openersOf(doc));
  const found = doc.errors.map((err) => ({ err, unclosed: unclosedOf(lazy, err, text) }));
  // Past an unclosed quote the parser only sees the quote's value: every later error follows from it.
  const quote = found.find((f) => f.unclosed?.swallows);
  const kept = quote ? found.filter((f) => f === quote || f.err.pos[0] <= quote.unclosed!.span.start) : found;
  const diagnostics = kept.map(({ err, unclosed }) => (unclosed ? diagnostic('BMS001', uri, unclosed.span, unclosed.message) : syntaxDiagnostic(uri, text, err.pos, err.message)));
  return { diagnostics, swallowed: quote !== undefined };
}

export function syntaxDiagnostic(uri: string, text: string, pos: [number, number], raw: string): Diagnostic {
  const start = Math.max(0, Math.min(pos[0], text.length));
  let end = Math.max(start, Math.min(pos[1], text.length));
  if (end === start) end = Math.min(text.length, start + 1);
  const message = raw.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return diagnostic('BMS001', uri, { start, end }, t('YAML syntax error: {0}. Fix the YAML here; the rest of the file is still checked.', message));
}

/** The document's kind when it is a BMS document; otherwise reports why it is not and returns undefined. */
export function kindOf(doc: Document, uri: string, text: string, out: Diagnostic[]): Kind | undefined {
  const root = doc.contents;
  if (root === null || root === undefined) return undefined; // an empty document is not an error
  if (!isMap(root)) {
    if (doc.errors.length === 0) {
      out.push(diagnostic('BMS002', uri, spanOf(root as Node) ?? { start: 0, end: 0 }, t("A BMS document is a mapping that starts with 'apiVersion: {0}' and 'kind: Site' or 'kind: LicensePlan'.", API_VERSION)));
    }
    return undefined;
  }
  const kindNode = root.get('kind', true);
  const kind = isScalar(kindNode) ? kindNode.value : undefined;
  if ((KINDS as readonly unknown[]).includes(kind)) return kind as Kind;
  const at = spanOf(kindNode as Node | undefined) ?? keySpanOrStart(root as Node, text);
  const message =
    kind === undefined
      ? t("This document has no 'kind': set 'kind: Site' (the site topology) or 'kind: LicensePlan' (what goes where).")
      : t("This document has kind '{0}': set 'kind: Site' (the site topology) or 'kind: LicensePlan' (what goes where).", String(kind));
  out.push(diagnostic('BMS002', uri, at, message));
  return undefined;
}

function keySpanOrStart(root: Node, text: string): Span {
  const s = spanOf(root);
  if (!s) return { start: 0, end: 0 };
  const lineEnd = text.indexOf('\n', s.start);
  return { start: s.start, end: lineEnd === -1 ? s.end : Math.min(lineEnd, s.end) };
}
