// The summary "Validate Workspace" shows: counts by severity and the first problems, in plain words.
import type { Diagnostic } from '../../engine/diagnostics';
import { LineIndex } from '../../engine/text';
import { t } from '../../engine/l10n';

export interface ValidationSummary {
  severity: 'information' | 'warning' | 'error';
  message: string;
  /** One line per diagnostic, `path:line:col code severity message`, for the output channel. */
  lines: string[];
}

const files = (n: number) => (n === 1 ? t('1 file') : t('{0} files', n));
const errors = (n: number) => (n === 1 ? t('1 error') : t('{0} errors', n));
const warnings = (n: number) => (n === 1 ? t('1 warning') : t('{0} warnings', n));

/** `texts` gives each file's text (for line numbers) and `label` its workspace-relative name. */
export function summarizeValidation(byUri: ReadonlyMap<string, Diagnostic[]>, texts: (uri: string) => string | undefined, label: (uri: string) => string): ValidationSummary {
  const all = [...byUri.values()].flat();
  const count = (s: Diagnostic['severity']) => all.filter((d) => d.severity === s).length;
  const errorCount = count('error');
  const warningCount = count('warning');
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
  if (all.length === 0) return { severity: 'information', message: t('Validated {0}: no problems.', files(byUri.size)), lines };
  const parts = [errors(errorCount), warnings(warningCount), ...(infos > 0 ? [t('{0} information', infos)] : [])];
  const severity = errorCount > 0 ? 'error' : warningCount > 0 ? 'warning' : 'information';
  const next = errorCount > 0 ? t('Fix the errors before activating: open the Problems panel to go to each one.') : t('See the Problems panel for each one.');
  return { severity, message: `${t('Validated {0}: {1}.', files(byUri.size), parts.join(', '))} ${next}`, lines };
}
