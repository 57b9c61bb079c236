// Diagnostics as the CLI prints them (`path:line:col: severity CODE message`), for validate and for the
// site commands that refuse to act on files validate rejects.
import * as path from 'node:path';
import type { Diagnostic, RuleCode } from '../engine/diagnostics';
import type { Span } from '../engine/model';
import type { WorkspaceIndex } from '../engine/load/workspace';
import { LineIndex } from '../engine/text';

/** A range in a file: a path relative to the working folder, 1-based lines and columns (UTF-16 code units). */
export interface ReportedLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ReportedRelated extends ReportedLocation {
  message: string;
}

export interface ReportedDiagnostic extends ReportedLocation {
  severity: Diagnostic['severity'];
  code: RuleCode;
  message: string;
  /** The other places a rule involves (each over-allocating assignment, the other copy of a site…). */
  related?: ReportedRelated[];
}

/** Every diagnostic with 1-based positions and a path relative to `cwd`, files in path order; `textOf` gives the text of a file that is not in the index (a ledger). */
export function reportDiagnostics(index: WorkspaceIndex | undefined, byUri: Map<string, Diagnostic[]>, paths: Map<string, string>, cwd: string, textOf?: (uri: string) => string | undefined): ReportedDiagnostic[] {
  const out: ReportedDiagnostic[] = [];
  const lineIndexes = new Map<string, LineIndex>();
  const locate = (uri: string, span: Span): ReportedLocation => {
    let lines = lineIndexes.get(uri);
    if (!lines) lineIndexes.set(uri, (lines = new LineIndex(index?.file(uri)?.text ?? textOf?.(uri) ?? '')));
    const s = lines.positionAt(span.start);
    const e = lines.positionAt(span.end);
    return { file: path.relative(cwd, paths.get(uri) ?? uri), line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const files = [...byUri.keys()].map((uri) => ({ uri, rel: path.relative(cwd, paths.get(uri) ?? uri) })).sort((a, b) => a.rel.localeCompare(b.rel));
  for (const { uri } of files) {
    for (const d of byUri.get(uri) ?? []) {
      const found: ReportedDiagnostic = { ...locate(uri, d.span), severity: d.severity, code: d.code, message: d.message };
      if (d.related?.length) found.related = d.related.map((r) => ({ ...locate(r.uri, r.span), message: r.message }));
      out.push(found);
    }
  }
  return out;
}

export function diagnosticLine(d: ReportedDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`;
}
