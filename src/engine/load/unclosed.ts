// Syntax errors of unclosed quotes, brackets and braces, reported where the engineer must fix them: on the
// opening character, not where the parser gave up (often the end of the file, past everything it swallowed).
import { visit, type Document, type Node, type YAMLError } from 'yaml';
import type { Span } from '../model';

export interface Unclosed {
  span: Span;
  message: string;
  /** A quote swallows the rest of the document: what follows it cannot be judged. */
  swallows: boolean;
}

const WHAT = {
  QUOTE_DOUBLE: { open: '"', what: 'double-quoted value', close: 'the closing "' },
  QUOTE_SINGLE: { open: "'", what: 'single-quoted value', close: "the closing '" },
  SEQ: { open: '[', what: 'list opened with [', close: 'the closing ]' },
  MAP: { open: '{', what: 'mapping opened with {', close: 'the closing }' },
} as const;

/** The unclosed construct a parser error is about, or undefined for every other error. */
export function unclosedOf(doc: Document, err: YAMLError, text: string): Unclosed | undefined {
  const quote = err.code === 'MISSING_CHAR' && /closing ["']quote/.test(err.message);
  const flow = err.code === 'BAD_INDENT' && /^Flow (sequence|map) in block collection/.test(err.message);
  if (!quote && !flow) return undefined;
  const at = err.pos[0];
  let found: { node: Node; kind: keyof typeof WHAT } | undefined;
  const consider = (node: Node, kind: keyof typeof WHAT) => {
    const r = node.range;
    if (!r || r[0] >= at || r[1] < at - 1 || text[r[0]] !== WHAT[kind].open) return;
    if (!found || r[0] > found.node.range![0]) found = { node, kind };
  };
  visit(doc, {
    Scalar(_, n) {
      if (quote && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE')) consider(n, n.type);
    },
    Seq(_, n) {
      if (flow && n.flow) consider(n, 'SEQ');
    },
    Map(_, n) {
      if (flow && n.flow) consider(n, 'MAP');
    },
  });
  if (!found) return undefined;
  const start = found.node.range![0];
  const lineEnd = text.indexOf('\n', start);
  const end = Math.max(start + 1, Math.min(lineEnd === -1 ? text.length : lineEnd, found.node.range![1]));
  const w = WHAT[found.kind];
  const message = quote
    ? `YAML syntax error: this ${w.what} is never closed, so everything after it was read as part of it. Add ${w.close} where the value ends.`
    : `YAML syntax error: the ${w.what} here is not closed. Add ${w.close}; a ${found.kind === 'SEQ' ? 'list' : 'mapping'} written over several lines must be indented further than its key.`;
  return { span: { start, end: text[end - 1] === '\r' ? end - 1 : end }, message, swallows: quote };
}
