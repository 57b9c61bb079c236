import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type * as Sarif from 'sarif';
import type { CliIO } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import type { ReportedDiagnostic } from '../../src/cli/commands/validate';
import { REPOSITORY_URL, RULES, ruleHelpUrl } from '../../src/engine/diagnostics';
import { SARIF_ESSENTIALS } from './sarifEssentials';

const ROOT = path.resolve(__dirname, '../..');
const TODAY = '2026-11-23';
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

async function validate(args: string[], cwd = ROOT) {
  let out = '';
  let err = '';
  const io: CliIO = { cwd, out: (t) => void (out += t), err: (t) => void (err += t), env: {} };
  const code = await runCli(['validate', '--today', TODAY, ...args], io);
  return { code, out, err };
}

/** The text a 1-based region covers (one line), read from the file. */
function textAt(file: string, line: number, column: number, endColumn: number): string {
  return readFileSync(path.join(ROOT, file), 'utf8').split('\n')[line - 1].slice(column - 1, endColumn - 1);
}

interface JsonReport {
  version: number;
  tool: { name: string; version: string; informationUri: string };
  summary: { files: number; errors: number; warnings: number; information: number };
  diagnostics: (ReportedDiagnostic & { helpUri: string })[];
}

describe('bmslicense validate: CI formats', () => {
  let text: { code: number; out: string };
  let json: JsonReport;
  before(async () => {
    text = await validate(['examples/broken']);
    json = JSON.parse((await validate(['examples/broken', '--format', 'json'])).out) as JsonReport;
  });

  it('json: a versioned document with the tool, a summary that agrees with the text output, help URLs and related places', () => {
    assert.equal(json.version, 1);
    assert.deepEqual(json.tool, { name: 'bmslicense', version, informationUri: REPOSITORY_URL });
    const s = json.summary;
    assert.match(text.out, new RegExp(`${s.files} files checked: ${s.errors} errors, ${s.warnings} warnings, ${s.information} information\\n$`));
    assert.equal(json.diagnostics.length, s.errors + s.warnings + s.information);
    for (const d of json.diagnostics) assert.equal(d.helpUri, ruleHelpUrl(d.code));
    const over = json.diagnostics.find((d) => d.code === 'BMS021')!;
    assert.ok(over.related && over.related.length >= 2, 'each over-allocating assignment');
    for (const r of over.related) {
      assert.equal(r.file, 'examples/broken/plan.bms.yaml');
      assert.match(r.message, /^assigns \d+ of ACT-HV-WS to /);
      assert.match(textAt(r.file, r.line, r.column, r.endColumn), /^\d+$/, 'on the quantity');
    }
  });

  it('sarif: SARIF 2.1.0 with one rule per BMS code, results with regions and related locations', async () => {
    const r = await validate(['examples/broken', '--format', 'sarif']);
    assert.equal(r.code, 1, 'the exit code does not depend on the format');
    const log = JSON.parse(r.out) as Sarif.Log;
    const check = new Ajv({ allErrors: true }).compile(SARIF_ESSENTIALS);
    assert.ok(check(log), JSON.stringify(check.errors, null, 2));

    const run = log.runs[0];
    const rules = run.tool.driver.rules!;
    assert.deepEqual(rules.map((x) => x.id), Object.keys(RULES));
    for (const rule of rules) assert.equal(rule.helpUri, ruleHelpUrl(rule.id as keyof typeof RULES));
    assert.equal(rules.find((x) => x.id === 'BMS070')!.defaultConfiguration!.level, 'note');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.originalUriBaseIds!['%SRCROOT%'].uri, `${pathToFileURL(ROOT).href}/`);

    assert.equal(run.results!.length, json.diagnostics.length);
    run.results!.forEach((result, i) => {
      const d = json.diagnostics[i];
      assert.equal(rules[result.ruleIndex!].id, result.ruleId, 'ruleIndex points at its rule');
      assert.equal(result.ruleId, d.code);
      assert.equal(result.level, { error: 'error', warning: 'warning', information: 'note' }[d.severity]);
      assert.equal(result.message.text, d.message);
      const at = result.locations![0].physicalLocation!;
      assert.equal(at.artifactLocation!.uri, d.file);
      assert.ok(run.artifacts!.some((a) => a.location!.uri === d.file), 'every result file is an artifact');
      assert.deepEqual(at.region, { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
      assert.equal(result.relatedLocations?.length ?? 0, d.related?.length ?? 0);
    });
    const orphan = run.results!.find((x) => x.ruleId === 'BMS013')!.locations![0].physicalLocation!;
    assert.equal(textAt(orphan.artifactLocation!.uri!, orphan.region!.startLine!, orphan.region!.startColumn!, orphan.region!.endColumn!), 'harbour-veiw');
    const over = run.results!.find((x) => x.ruleId === 'BMS021')!;
    assert.deepEqual(over.relatedLocations!.map((l) => l.id), over.relatedLocations!.map((_, i) => i));
    assert.match(over.relatedLocations![0].message!.text!, /^assigns \d+ of ACT-HV-WS/);
  });

  it('junit: a suite per file, an error is a failed case, warnings pass with their text, a clean file passes', async () => {
    const r = await validate(['examples', '--format', 'junit']);
    assert.equal(r.code, 1);
    assert.equal(XMLValidator.validate(r.out), true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(r.out);
    const root = doc.testsuites;
    const suites: { name: string; tests: string; failures: string; testcase: { name: string; failure?: { type: string; message: string }; 'system-out'?: string }[] }[] = root.testsuite;
    const all = JSON.parse((await validate(['examples', '--format', 'json'])).out) as JsonReport;
    assert.equal(suites.length, all.summary.files);
    assert.equal(Number(root.failures), all.summary.errors);
    assert.equal(Number(root.tests), suites.reduce((n, s) => n + s.testcase.length, 0));
    for (const s of suites) {
      assert.equal(Number(s.tests), s.testcase.length, s.name);
      assert.equal(Number(s.failures), s.testcase.filter((c) => c.failure).length, s.name);
      const found = all.diagnostics.filter((d) => d.file === s.name);
      assert.equal(Number(s.failures), found.filter((d) => d.severity === 'error').length, s.name);
    }
    const clean = suites.find((s) => s.name === 'examples/hospital-north/plan.bms.yaml')!;
    assert.deepEqual(clean.testcase.map((c) => [c.name, c.failure]), [['examples/hospital-north/plan.bms.yaml: no problems', undefined]]);
    const cases = suites.flatMap((s) => s.testcase);
    const orphan = cases.find((c) => c.failure?.type === 'BMS013')!;
    assert.match(orphan.failure!.message, /No Site named 'harbour-veiw'/);
    const warning = cases.find((c) => c.name.startsWith('BMS051 '))!;
    assert.equal(warning.failure, undefined);
    assert.match(warning['system-out']!, /warning BMS051 .*\n.*#bms051$/);
  });

  it('junit and sarif keep what the files say intact: XML special characters, control characters', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bms-formats-'));
    try {
      const site = 'apiVersion: bms.license/v1\nkind: Site\nmetadata:\n  name: s1\n  customer: "Müller & <Söhne> \\"AG\\" \\u0007"\n  contact: Jane\nspec:\n  version: "7.0"\n  activation: simulator\n  servers: []\n';
      writeFileSync(path.join(dir, 'site.bms.yaml'), site);
      const junit = await validate(['--format', 'junit'], dir);
      assert.equal(XMLValidator.validate(junit.out), true, junit.out);
      const [testcase] = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' }).parse(junit.out).testsuites.testsuite.testcase;
      const failure = testcase.failure;
      assert.equal(failure.type, 'BMS034');
      assert.ok(failure.message.includes('Müller & <Söhne> "AG"'), failure.message);
      const sarif = JSON.parse((await validate(['--format', 'sarif'], dir)).out) as Sarif.Log;
      assert.ok(sarif.runs[0].results![0].message.text!.includes('Müller & <Söhne> "AG" \u0007'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
