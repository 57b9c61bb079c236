// `validate --format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. One rule per
// BMS code (with its help URL), one result per diagnostic with its region and related locations.
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { RULES, ruleHelpUrl, type RuleCode, type Severity } from '../../engine/diagnostics';
import type { ReportedLocation } from '../diagnosticLines';
import { TOOL, type ValidateReport } from './validateReport';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', information: 'note' };
/** Paths in results are relative to the folder `validate` ran in. */
const ROOT = '%SRCROOT%';

function fileUri(relative: string): string {
  return relative.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function physicalLocation(at: ReportedLocation): Sarif.PhysicalLocation {
  return {
    artifactLocation: { uri: fileUri(at.file), uriBaseId: ROOT },
    region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
  };
}

function rule(code: RuleCode): Sarif.ReportingDescriptor {
  const { severity, summary } = RULES[code];
  return {
    id: code,
    shortDescription: { text: summary },
    helpUri: ruleHelpUrl(code),
    help: { text: `${code}: ${summary}. See ${ruleHelpUrl(code)}` },
    defaultConfiguration: { level: LEVEL[severity] },
  };
}

export function sarifReport(report: ValidateReport): string {
  const codes = Object.keys(RULES) as RuleCode[];
  const results: Sarif.Result[] = report.found.map((d) => {
    const result: Sarif.Result = {
      ruleId: d.code,
      ruleIndex: codes.indexOf(d.code),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: physicalLocation(d) }],
    };
    if (d.related?.length) result.relatedLocations = d.related.map((r, i) => ({ id: i, physicalLocation: physicalLocation(r), message: { text: r.message } }));
    return result;
  });
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL.name, version: TOOL.version, semanticVersion: TOOL.version, informationUri: TOOL.informationUri, rules: codes.map(rule) } },
        originalUriBaseIds: { [ROOT]: { uri: `${pathToFileURL(report.cwd).href.replace(/\/?$/, '/')}` } },
        artifacts: report.files.map((f) => ({ location: { uri: fileUri(f), uriBaseId: ROOT } })),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
