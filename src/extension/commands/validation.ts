// The summary "Validate Workspace" shows: counts by severity and the first problems, in plain words.
import type { Diagnostic } from '../../engine/diagnostics';
import { LineIndex } from '../../engine/text';

export interface ValidationSummary {
  severity: 'information' | 'warning' | 'error';
  message: string;
  /** One line per diagnostic, `path:line:col code severity message`, for the output channel. */
  lines: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `texts` gives each file's text (for line numbers) and `label` its workspace-relative name. */
export function summarizeValidation(byUri: ReadonlyMap<string, Diagnostic[]>, texts: (uri: string) => string | undefined, label: (uri: string) => string): ValidationSummary {
  const all = [...byUri.values()].flat();
  const count = (s: Diagnostic['severity']) => all.filter((d) => d.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('information');
  const lines: string[] = [];
  for (const [uri, diags] of byUri) {
    const text = texts(uri);
    const index = text === undefined ? undefined : new LineIndex(text);
    for (const d of diags) {
      const p = index?.positionAt(d.span.start) ?? { line: 0, character: 0 };
      lines.push(`${label(uri)}:${p.line + 1}:${p.character + 1} ${d.code} ${d.severity}: ${d.message}`);
    }
  }
  const files = plural(byUri.size, 'file');
  if (all.length === 0) return { severity: 'information', message: `Validated ${files}: no problems.`, lines };
  const parts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos > 0 ? [`${infos} information`] : [])];
  const severity = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'information';
  const next = errors > 0 ? ' Fix the errors before activating: open the Problems panel to go to each one.' : ' See the Problems panel for each one.';
  return { severity, message: `Validated ${files}: ${parts.join(', ')}.${next}`, lines };
}
