// Diagnostics as the CLI prints them (`path:line:col: severity CODE message`), for validate and for the
// site commands that refuse to act on files validate rejects.
import * as path from 'node:path';
import type { Diagnostic } from '../engine/diagnostics';
import type { WorkspaceIndex } from '../engine/load/workspace';
import { LineIndex } from '../engine/text';

export interface ReportedDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
}

/** Every diagnostic with 1-based positions and a path relative to `cwd`, files in path order. */
export function reportDiagnostics(index: WorkspaceIndex, byUri: Map<string, Diagnostic[]>, paths: Map<string, string>, cwd: string): ReportedDiagnostic[] {
  const out: ReportedDiagnostic[] = [];
  const files = [...byUri.keys()].map((uri) => ({ uri, rel: path.relative(cwd, paths.get(uri) ?? uri) })).sort((a, b) => a.rel.localeCompare(b.rel));
  for (const { uri, rel } of files) {
    const lines = new LineIndex(index.file(uri)?.text ?? '');
    for (const d of byUri.get(uri) ?? []) {
      const s = lines.positionAt(d.span.start);
      const e = lines.positionAt(d.span.end);
      out.push({ file: rel, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: d.severity, code: d.code, message: d.message });
    }
  }
  return out;
}

export function diagnosticLine(d: ReportedDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`;
}
