// Engine values → LSP-shaped values (plain objects; the server sends them as they are).
import type { Diagnostic as LspDiagnostic, Range } from 'vscode-languageserver-types';
import { ruleHelpUrl, type Diagnostic } from '../diagnostics';
import type { Span } from '../model';
import type { LineIndex } from '../text';

/** Offset ↔ position for one text: our LineIndex, or the editor's own document (kept up to date per edit). */
export type Lines = Pick<LineIndex, 'positionAt' | 'offsetAt'>;

export const SOURCE = 'bms-license';

const SEVERITY = { error: 1, warning: 2, information: 3 } as const;

export function rangeOf(lines: Lines, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/** `linesOf` gives the line index of another file, for related information. */
export function toLspDiagnostic(d: Diagnostic, lines: Lines, linesOf: (uri: string) => Lines | undefined): LspDiagnostic {
  const out: LspDiagnostic = {
    range: rangeOf(lines, d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: ruleHelpUrl(d.code) },
    source: SOURCE,
    message: d.message,
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.flatMap((r) => {
      const other = r.uri === d.uri ? lines : linesOf(r.uri);
      return other ? [{ location: { uri: r.uri, range: rangeOf(other, r.span) }, message: r.message }] : [];
    });
  }
  if (d.data) out.data = d.data;
  return out;
}
