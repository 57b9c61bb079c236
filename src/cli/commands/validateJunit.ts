// `validate --format junit`: JUnit XML for CI test reports (GitLab, Jenkins, Azure Pipelines). One test
// suite per file; an error is a failed test case, a warning or information a passed one that says it, and
// a file without problems one passed case — so the failures are exactly what makes `validate` exit 1.
import { ruleHelpUrl } from '../../engine/diagnostics';
import { diagnosticLine, type ReportedDiagnostic } from '../diagnosticLines';
import { summarize, TOOL, type ValidateReport } from './validateReport';

/** Text for an XML attribute or element: escaped, and without the characters XML 1.0 cannot hold. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function testCase(d: ReportedDiagnostic): string {
  const head = `    <testcase name="${xml(`${d.code} ${d.file}:${d.line}:${d.column}`)}" classname="${xml(d.file)}" file="${xml(d.file)}" line="${d.line}">`;
  const details = xml(`${diagnosticLine(d)}\n${ruleHelpUrl(d.code)}`);
  if (d.severity === 'error') return `${head}\n      <failure type="${d.code}" message="${xml(d.message)}">${details}</failure>\n    </testcase>`;
  return `${head}\n      <system-out>${details}</system-out>\n    </testcase>`;
}

export function junitReport(report: ValidateReport): string {
  const { errors } = summarize(report);
  const suites = report.files.map((file) => {
    const found = report.found.filter((d) => d.file === file);
    const cases = found.length > 0 ? found.map(testCase) : [`    <testcase name="${xml(`${file}: no problems`)}" classname="${xml(file)}" file="${xml(file)}"/>`];
    const failures = found.filter((d) => d.severity === 'error').length;
    return `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const tests = report.files.reduce((n, f) => n + Math.max(1, report.found.filter((d) => d.file === f).length), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${TOOL.name} validate" tests="${tests}" failures="${errors}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
