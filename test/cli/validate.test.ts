import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CliIO } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { commands } from '../../src/cli/commands';
import { validateCommand, type ReportedDiagnostic } from '../../src/cli/commands/validate';
import { RULES, type RuleCode } from '../../src/engine/diagnostics';

const ROOT = path.resolve(__dirname, '../..');
const BROKEN_TODAY = '2026-11-23';
/** The file rules BMS001–BMS070; later codes need a License Server reading, which the example has none of. */
// BMS062-065 are findings in a ledger file (test/cli/ledgerMerge.test.ts), not in the site and plan files.
const FILE_RULES = Object.keys(RULES).filter((c) => c <= 'BMS070' && !['BMS057', 'BMS062', 'BMS063', 'BMS064', 'BMS065', 'BMS067', 'BMS068', 'BMS069'].includes(c)).sort();

async function cli(args: string[], cwd = ROOT) {
  let out = '';
  let err = '';
  const io: CliIO = { cwd, out: (t) => void (out += t), err: (t) => void (err += t), env: {} };
  const code = await runCli(['validate', ...args], io);
  return { code, out, err };
}

/** README.md of examples/broken: `- CODE file:line — why`. */
function readmeLines(): { code: RuleCode; file: string; line: number }[] {
  const text = readFileSync(path.join(ROOT, 'examples/broken/README.md'), 'utf8');
  return [...text.matchAll(/^- (BMS\d{3}) ([\w.-]+):(\d+) /gm)].map((m) => ({ code: m[1] as RuleCode, file: `examples/broken/${m[2]}`, line: Number(m[3]) }));
}

describe('bmslicense validate', () => {
  it('is the first command', () => {
    assert.equal(commands[0], validateCommand);
  });

  it('exit 0 and only the summary for a clean workspace', async () => {
    const r = await cli(['examples/hospital-north']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '2 files checked: 0 errors, 0 warnings, 0 information\n');
  });

  it('exit 0 with warnings only; exit 1 once there is an error', async () => {
    const soon = await cli(['examples/hospital-north', '--today', '2028-12-10']);
    assert.equal(soon.code, 0);
    const lines = soon.out.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.deepEqual(/^(\S+):(\d+):\d+: (\w+) (BMS\d+) (\S+) /.exec(lines[0]!)?.slice(1), ['examples/hospital-north/plan.bms.yaml', '17', 'warning', 'BMS041', 'ACT-7F3A-0005']);
    assert.match(lines[0]!, /expires in 21 days/);
    assert.equal(lines[2], '2 files checked: 0 errors, 2 warnings, 0 information');
    const late = await cli(['examples/hospital-north', '--today', '2029-01-05']);
    assert.equal(late.code, 1);
    assert.match(late.out, /2 files checked: 2 errors, 0 warnings, 0 information\n$/);
  });

  it('examples/broken: every rule, at the line its README gives, in text', async () => {
    const r = await cli(['examples/broken', '--today', BROKEN_TODAY]);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    const summary = lines.pop()!;
    for (const l of lines) assert.match(l, /^examples\/broken\/[\w.-]+\.yaml:\d+:\d+: (error|warning|information) BMS\d{3} \S/);
    const expected = readmeLines();
    assert.deepEqual(expected.map((e) => e.code).sort(), FILE_RULES, 'the README lists every rule once');
    for (const e of expected) {
      assert.ok(lines.some((l) => l.startsWith(`${e.file}:${e.line}:`) && l.includes(` ${e.code} `)), `${e.code} at ${e.file}:${e.line}\n${r.out}`);
    }
    const bySeverity = (s: string) => expected.filter((e) => RULES[e.code].severity === s).length;
    assert.equal(summary, `7 files checked: ${bySeverity('error')} errors, ${bySeverity('warning')} warnings, ${bySeverity('information')} information`);
  });

  it('--format json: 1-based positions of each diagnostic', async () => {
    const r = await cli(['--format', 'json', 'examples/broken', `--today=${BROKEN_TODAY}`]);
    assert.equal(r.code, 1);
    const found = (JSON.parse(r.out) as { diagnostics: ReportedDiagnostic[] }).diagnostics;
    assert.deepEqual([...new Set(found.map((d) => d.code))].sort(), FILE_RULES);
    const orphan = readFileSync(path.join(ROOT, 'examples/broken/orphan-plan.bms.yaml'), 'utf8').split('\n');
    const line = orphan.findIndex((l) => l.includes('harbour-veiw'));
    const column = orphan[line].indexOf('harbour-veiw');
    const d = found.find((x) => x.code === 'BMS013')!;
    assert.deepEqual(d, {
      file: 'examples/broken/orphan-plan.bms.yaml',
      line: line + 1,
      column: column + 1,
      endLine: line + 1,
      endColumn: column + 1 + 'harbour-veiw'.length,
      severity: 'error',
      code: 'BMS013',
      message: d.message,
      helpUri: 'https://github.com/bms-tools/bms-license-workbench#bms013',
    });
    assert.match(d.message, /Did you mean 'harbour-view'\?/);
  });

  it('reads the site ledger: no BMS061 once the repairs are over a year old', async () => {
    const r = await cli(['examples/broken', '--format', 'json', '--today', '2027-11-23']);
    const codes = (JSON.parse(r.out) as { diagnostics: ReportedDiagnostic[] }).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('BMS061'));
    assert.ok(codes.includes('BMS040'));
  });

  it("defaults to the current folder, with paths relative to it", async () => {
    const r = await cli(['--today', BROKEN_TODAY], path.join(ROOT, 'examples/broken'));
    assert.equal(r.code, 1);
    assert.match(r.out, /^orphan-plan\.bms\.yaml:6:9: error BMS013 /m);
  });

  const usage: [string, string[], RegExp][] = [
    ['an unknown option', ['--strict'], /unknown option --strict/],
    ['a bad --format', ['--format', 'xml'], /--format must be 'text', 'json', 'sarif' or 'junit'/],
    ['a bad --today', ['--today', '2026-02-30'], /--today must be a date written YYYY-MM-DD/],
    ['a missing --today value', ['--today'], /--today needs a value/],
    ['a path that does not exist', ['examples/nope'], /examples\/nope: no such file or folder/],
  ];
  for (const [what, args, message] of usage) {
    it(`exit 2 on ${what}`, async () => {
      const r = await cli(args);
      assert.equal(r.code, 2);
      assert.match(r.err, message);
      assert.equal(r.out, '');
    });
  }

  it('exit 2 when no *.bms.yaml file is found', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bms-validate-'));
    try {
      const r = await cli([dir]);
      assert.equal(r.code, 2);
      assert.match(r.err, /no \*\.bms\.yaml files found/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the built binary validates the clean example', function () {
    this.timeout(60_000);
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
    const r = spawnSync(process.execPath, ['bin/bmslicense.js', 'validate', 'examples/hospital-north'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '2 files checked: 0 errors, 0 warnings, 0 information\n');
  });
});
