// Syntax errors of unclosed quotes, brackets and braces, reported where the engineer must fix them: on the
// opening character, not where the parser gave up (often the end of the file, past everything it swallowed).
import { visit, type Document, type Node, type YAMLError } from 'yaml';
import type { Span } from '../model';
import { t } from '../l10n';

export interface Unclosed {
  span: Span;
  message: string;
  /** A quote swallows the rest of the document: what follows it cannot be judged. */
  swallows: boolean;
}

const WHAT = {
  QUOTE_DOUBLE: { open: '"', message: () => t('YAML syntax error: this double-quoted value is never closed, so everything after it was read as part of it. Add the closing " where the value ends.') },
  QUOTE_SINGLE: { open: "'", message: () => t("YAML syntax error: this single-quoted value is never closed, so everything after it was read as part of it. Add the closing ' where the value ends.") },
  SEQ: { open: '[', message: () => t('YAML syntax error: the list opened with [ here is not closed. Add the closing ]; a list written over several lines must be indented further than its key.') },
  MAP: { open: '{', message: () => t('YAML syntax error: the mapping opened with { here is not closed. Add the closing }; a mapping written over several lines must be indented further than its key.') },
} as const;

/** Candidates looked at per error: the opener is nearly always the last one before it. */
const MAX_LOOK_BACK = 1000;

type Opener = { node: Node; kind: keyof typeof WHAT };

/** Every quoted scalar and flow collection of the document by start offset, for `unclosedOf` (one walk per document). */
export function openersOf(doc: Document): Opener[] {
  const out: Opener[] = [];
  visit(doc, {
    Scalar(_, n) {
      if (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') out.push({ node: n, kind: n.type });
    },
    Seq(_, n) {
      if (n.flow) out.push({ node: n, kind: 'SEQ' });
    },
    Map(_, n) {
      if (n.flow) out.push({ node: n, kind: 'MAP' });
    },
  });
  return out.filter((o) => o.node.range).sort((a, b) => a.node.range![0] - b.node.range![0]);
}

/** The unclosed construct a parser error is about, or undefined for every other error. */
export function unclosedOf(openers: () => Opener[], err: YAMLError, text: string): Unclosed | undefined {
  const quote = err.code === 'MISSING_CHAR' && /closing ["']quote/.test(err.message);
  const flow = err.code === 'BAD_INDENT' && /^Flow (sequence|map) in block collection/.test(err.message);
  if (!quote && !flow) return undefined;
  const at = err.pos[0];
  const list = openers();
  // The innermost candidate: the one that starts last before the error and reaches it.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.node.range![0] < at) lo = mid + 1;
    else hi = mid;
  }
  let found: Opener | undefined;
  for (let i = lo - 1; i >= 0 && i >= lo - MAX_LOOK_BACK && !found; i--) {
    const o = list[i]!;
    const r = o.node.range!;
    const fits = quote ? o.kind === 'QUOTE_DOUBLE' || o.kind === 'QUOTE_SINGLE' : o.kind === 'SEQ' || o.kind === 'MAP';
    if (fits && r[1] >= at - 1 && text[r[0]] === WHAT[o.kind].open) found = o;
  }
  if (!found) return undefined;
  const start = found.node.range![0];
  const lineEnd = text.indexOf('\n', start);
  const end = Math.max(start + 1, Math.min(lineEnd === -1 ? text.length : lineEnd, found.node.range![1]));
  const message = WHAT[found.kind].message();
  return { span: { start, end: text[end - 1] === '\r' ? end - 1 : end }, message, swallows: quote };
}
