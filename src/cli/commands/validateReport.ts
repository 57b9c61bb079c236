// What `validate` found, in the shape every output format (text, json, sarif, junit) is written from.
import { version } from '../../../package.json';
import { REPOSITORY_URL, ruleHelpUrl } from '../../engine/diagnostics';
import type { ReportedDiagnostic } from '../diagnosticLines';

export const TOOL = { name: 'bmslicense', version, informationUri: REPOSITORY_URL } as const;

export interface ValidateReport {
  /** Every file checked, relative to the working folder, in path order. */
  files: string[];
  found: ReportedDiagnostic[];
  /** The working folder the relative paths start from. */
  cwd: string;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  information: number;
}

export function summarize(report: ValidateReport): Summary {
  const count = (s: ReportedDiagnostic['severity']) => report.found.filter((d) => d.severity === s).length;
  return { files: report.files.length, errors: count('error'), warnings: count('warning'), information: count('information') };
}

/** Version of the `--format json` document: raised when a field changes meaning or goes away. */
export const JSON_FORMAT_VERSION = 1;

/** `validate --format json`: `{ version, tool, summary, diagnostics }`, each diagnostic with its help URL. */
export function jsonReport(report: ValidateReport): string {
  const diagnostics = report.found.map((d) => ({ ...d, helpUri: ruleHelpUrl(d.code) }));
  return `${JSON.stringify({ version: JSON_FORMAT_VERSION, tool: TOOL, summary: summarize(report), diagnostics }, null, 2)}\n`;
}
