// The CLI by clig.dev conventions: help per command (usage, description, every option, examples) that runs
// nothing, -V, short options, `--`, `-` for standard input, usage errors on stderr, shell completion, and
// one file validated alone with its workspace (a pre-commit hook).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commands } from '../../src/cli/commands';
import type { CliIO } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';

const ROOT = path.resolve(__dirname, '../..');
// Real lmstat outputs kept in the repository with their sources (test/unit/lmstat/fixtures/SOURCES.md).
const LMSTAT = path.join(ROOT, 'test/unit/lmstat/fixtures');

async function cli(argv: string[], cwd = ROOT, stdin?: Buffer) {
  let out = '';
  let err = '';
  const io: CliIO = { cwd, env: { BMSLICENSE_INTERACTIVE: '0' }, out: (t) => void (out += t), err: (t) => void (err += t), ...(stdin ? { stdin: async () => stdin } : {}) };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe('bmslicense conventions', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-conv-'));
    fs.cpSync(path.join(ROOT, 'examples/hospital-north'), dir, { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('every command has help on -h and --help: usage, what it does, its options, exit 0, and it runs nothing', async () => {
    for (const c of commands) {
      for (const h of ['-h', '--help']) {
        const r = await cli([c.name, ...(c.name === 'las' ? ['respond'] : []), h, '--site', 'hospital-north', '--yes'], dir);
        assert.equal(r.code, 0, `${c.name} ${h}: ${r.err}`);
        assert.equal(r.err, '', `${c.name} ${h} prints to stdout`);
        assert.ok(r.out.startsWith(`Usage: ${c.usage}\n\n`), `${c.name}: usage first\n${r.out}`);
        if (c.name !== 'completion') assert.match(r.out, /\nOptions:\n[\s\S]* {2}-h, --help +show this help\n/, c.name);
      }
    }
    assert.equal(fs.existsSync(path.join(dir, 'hospital-north.ledger.jsonl')), false, '--help ran no workflow');
    const plan = await cli(['plan', '--help']);
    assert.match(plan.out, /^ {2}-f, --format FORMAT +the output format/m);
    assert.match(plan.out, /^ {6}--detailed-exitcode +exit 0 when nothing/m);
    assert.match(plan.out, /\nExamples:\n {2}bmslicense plan --site hospital-north\n/);
  });

  it('-V prints the version; a usage error goes to stderr with the usage, exit 2, and names the closest option', async () => {
    const v = await cli(['-V']);
    assert.equal(v.out, `${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
    const r = await cli(['plan', '--sit', 'hospital-north'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /^bmslicense plan: unknown option --sit\./);
    assert.match(r.err, /'--site'\?\n/, 'the closest option');
    assert.match(r.err, /\nUsage: bmslicense plan /);
    const missing = await cli(['plan', '--site'], dir);
    assert.match(missing.err, /^bmslicense plan: --site needs a value\n/);
    const flagValue = await cli(['apply', '--site', 'hospital-north', '--yes=no'], dir);
    assert.match(flagValue.err, /^bmslicense apply: --yes /);
    assert.match(flagValue.err, /takes no value\n/);
  });

  it('short options -f and -o, and -- before a positional that starts with a dash', async () => {
    const json = await cli(['validate', '-f', 'json', '.'], dir);
    assert.equal(json.code, 0, json.err);
    assert.doesNotThrow(() => JSON.parse(json.out));
    const out = path.join(dir, 'report.md');
    const report = await cli(['report', '--site', 'hospital-north', '-o', out], dir);
    assert.equal(report.code, 0, report.err);
    assert.match(fs.readFileSync(out, 'utf8'), /License report/);
    fs.copyFileSync(path.join(dir, 'site.bms.yaml'), path.join(dir, '-odd.bms.yaml'));
    const dashed = await cli(['validate', '--', '-odd.bms.yaml'], dir);
    assert.match(dashed.out, /^1 file checked/m, dashed.err);
  });

  it('lmstat - reads standard input (lmutil lmstat -a | bmslicense lmstat -), the same as the file', async () => {
    const file = path.join(LMSTAT, fs.readdirSync(LMSTAT).sort().find((f) => f.endsWith('.txt'))!);
    const fromFile = await cli(['lmstat', file, '-f', 'json']);
    const fromStdin = await cli(['lmstat', '-', '--format', 'json'], ROOT, fs.readFileSync(file));
    assert.equal(fromStdin.code, fromFile.code);
    assert.equal(fromStdin.out, fromFile.out);
    const text = await cli(['lmstat', '-'], ROOT, fs.readFileSync(file));
    assert.match(text.out, /^lmstat output standard input/);
  });

  it('completion bash|zsh|pwsh: every command and its options; the bash script is valid bash', async () => {
    for (const shell of ['bash', 'zsh', 'pwsh']) {
      const r = await cli(['completion', shell]);
      assert.equal(r.code, 0, r.err);
      for (const c of commands) assert.ok(r.out.includes(c.name), `${shell} completes ${c.name}`);
      assert.match(r.out, /--detailed-exitcode/);
    }
    const bash = (await cli(['completion', 'bash'])).out;
    const planOpts = /^ {4}plan\) opts="([^"]*)" ;;$/m.exec(bash);
    assert.deepEqual(planOpts?.[1]?.split(' '), ['--site', '--target', '--workspace', '--by', '--las', '--las-token-env', '--format', '-f', '--detailed-exitcode', '--help']);
    const script = path.join(dir, 'bmslicense.bash');
    fs.writeFileSync(script, bash);
    const check = spawnSync('bash', ['-n', script], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    const bad = await cli(['completion', 'fish']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /: bash, zsh, pwsh/);
  });

  it('validate FILE alone finds its site in the workspace (the git repository holding it): no false BMS013', async () => {
    fs.mkdirSync(path.join(dir, '.git'));
    fs.mkdirSync(path.join(dir, 'plans'));
    fs.renameSync(path.join(dir, 'plan.bms.yaml'), path.join(dir, 'plans/plan.bms.yaml'));
    const alone = await cli(['validate', 'plan.bms.yaml'], path.join(dir, 'plans'));
    assert.equal(alone.code, 0, alone.out);
    assert.equal(alone.out, '1 file checked: 0 errors, 0 warnings, 0 information\n');
    // Its problems are still found, and only its own are reported.
    const plan = path.join(dir, 'plans/plan.bms.yaml');
    fs.writeFileSync(plan, fs.readFileSync(plan, 'utf8').replace('{ server: as-02,', '{ server: as-22,'));
    const broken = await cli(['validate', 'plans/plan.bms.yaml'], dir);
    assert.equal(broken.code, 1);
    const at = /^plans\/plan\.bms\.yaml:(\d+):(\d+): error BMS010 (.*)$/m.exec(broken.out);
    assert.ok(at, broken.out);
    const line = fs.readFileSync(plan, 'utf8').split(/\r?\n/)[Number(at[1]) - 1]!;
    assert.equal(line.slice(Number(at[2]) - 1, Number(at[2]) - 1 + 'as-22'.length), 'as-22', 'on the unknown id');
    assert.match(at[3]!, /no server 'as-22'/);
    assert.match(broken.out, /^1 file checked: 1 error/m);
  });
});

describe('the repository is self-contained (a plain clone runs every test)', () => {
  /** Every source, test, benchmark and script file git tracks (the patterns below escape every '/', so they do not match themselves). */
  function trackedCode(): string[] {
    const r = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', 'src', 'test', 'bench', 'scripts', 'bin', 'webview', '*.mjs', '*.cjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout
      .split('\0')
      .filter((f) => /\.(ts|mjs|cjs|js)$|^scripts\/[^.]+$/.test(f) && !f.includes('/fixtures/'));
  }

  it('no file names a folder of the machine it was written on or a sibling of the clone', () => {
    const outside = /\/work\/|\/home\/\w|\.\.\/shared\/|\bshared\/(?:fixtures|spec)\//;
    const found = trackedCode().flatMap((f) =>
      fs
        .readFileSync(path.join(ROOT, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (outside.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    assert.deepEqual(found, []);
  });

  it('no path built from __dirname or the root climbs out of the repository', () => {
    const climbs: string[] = [];
    for (const f of trackedCode()) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      for (const m of text.matchAll(/(?:join|resolve)\(\s*__dirname\s*,\s*((?:'[^']*'\s*,?\s*)+)\)/g)) {
        const parts = [...m[1].matchAll(/'([^']*)'/g)].map((p) => p[1]);
        const to = path.resolve(path.dirname(path.join(ROOT, f)), ...parts);
        if (path.relative(ROOT, to).startsWith('..')) climbs.push(`${f}: ${m[0]}`);
      }
      for (const m of text.matchAll(/(?:join|resolve)\(\s*(?:ROOT|root|repoRoot)\s*,\s*'\.\.[/'][^)]*\)/g)) climbs.push(`${f}: ${m[0]}`);
    }
    assert.deepEqual(climbs, []);
  });
});
