// The local state folder `.bmslicense/` ignores itself (a `.gitignore` holding `*`, as tool caches do): a repository
// that never ran the starter, where each engineer commits everything (`git add -A`), does not commit the
// simulator's state or its signing key, so two branches that each activated a target merge without a conflict on
// `.bmslicense/las-sim/state.json`. Every writer under `.bmslicense/` makes its folder through makeStateDir.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { toCachedUsage, usageFile, writeUsage } from '../../src/engine/lmstat/cache';
import { parseLicensesLog } from '../../src/engine/lmstat/licensesLog';
import { type CachedLicensesLog, LICENSES_LOG_CACHE_VERSION, licensesLogFile, writeLicensesLog } from '../../src/engine/lmstat/licensesLogCache';
import { summarizeLicensesLog } from '../../src/engine/lmstat/licensesLogSummary';
import { importLmstat } from '../../src/engine/lmstat/source';
import { makeStateDir, STATE_FOLDER_GITIGNORE } from '../../src/engine/stateFolder';
import { capturedCli } from './captured';

const ROOT = path.resolve(__dirname, '../..');

describe('the local state folder .bmslicense/ ignores itself', function () {
  this.timeout(60_000);
  let dir: string;
  const cli = capturedCli(() => dir, { BMSLICENSE_INTERACTIVE: '0' });
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' });
  const ignoreFile = () => path.join(dir, '.bmslicense', '.gitignore');
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bms-state-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a repository without the starter: git add -A on two branches commits no state, and they merge', async () => {
    fs.cpSync(path.join(ROOT, 'examples/hospital-north'), dir, { recursive: true });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'site and plan');
    fs.writeFileSync(path.join(dir, '.gitattributes'), '*.ledger.jsonl merge=union\n');
    git('add', '-A');
    git('commit', '-qm', 'ledgers merge by union');
    for (const [branch, target] of [['anna', 'es-01'], ['ben', 'es-02']] as const) {
      git('checkout', '-q', 'main');
      git('checkout', '-qb', branch);
      assert.equal(await cli('activate', '--site', 'hospital-north', '--target', target, '--by', branch), 0, cli.out + cli.err);
      git('add', '-A');
      git('commit', '-qm', `${target} activated`);
      const committed = git('show', '--name-only', '--format=', 'HEAD').stdout.trim().split('\n');
      assert.deepEqual(committed, ['hospital-north.ledger.jsonl'], `${branch} commits the ledger and nothing of .bmslicense/`);
    }
    assert.equal(fs.readFileSync(ignoreFile(), 'utf8'), STATE_FOLDER_GITIGNORE);
    assert.ok(fs.existsSync(path.join(dir, '.bmslicense', 'las-sim', 'state.json')), 'the simulator kept its state');
    const merged = git('merge', '--no-edit', 'anna');
    assert.equal(merged.status, 0, merged.stdout + merged.stderr);
    assert.equal(git('ls-files', '.bmslicense').stdout, '');
  });

  it('the usage and licenses-log caches make the same .gitignore; one the engineer wrote is kept', async () => {
    const reading = await importLmstat(path.join(ROOT, 'test/unit/lmstat/fixtures/15-lmgrd-not-running-96.txt'));
    assert.ok(reading.ok);
    const usage = await writeUsage(dir, toCachedUsage(reading.value, { site: 's', licenseServer: 'ls-1' }));
    assert.deepEqual(usage, { ok: true, file: usageFile(dir, 's', 'ls-1') });
    assert.equal(fs.readFileSync(ignoreFile(), 'utf8'), STATE_FOLDER_GITIGNORE);

    fs.writeFileSync(ignoreFile(), '# mine\nlas-sim/\n');
    const log = parseLicensesLog(fs.readFileSync(path.join(ROOT, 'test/unit/lmstat/licenses-log/04-bms-site-clock-difference-constructed.log'), 'utf8'));
    const entry: CachedLicensesLog = { version: LICENSES_LOG_CACHE_VERSION, at: '2026-12-01T00:00:00.000Z', site: 's', licenseServer: 'ls-1', file: 'x.log', ...summarizeLicensesLog(log) };
    assert.deepEqual(writeLicensesLog(dir, entry), { ok: true, file: licensesLogFile(dir, 's', 'ls-1') });
    assert.equal(fs.readFileSync(ignoreFile(), 'utf8'), '# mine\nlas-sim/\n');
  });

  it('makeStateDir: only a .bmslicense folder gets a .gitignore, the outermost one, never a folder outside it', () => {
    makeStateDir(path.join(dir, 'offline', 'requests'));
    assert.deepEqual(fs.readdirSync(path.join(dir, 'offline')), ['requests']);
    assert.equal(fs.existsSync(path.join(dir, '.gitignore')), false);
    makeStateDir(path.join(dir, '.bmslicense', 'las-sim', '.bmslicense'));
    assert.deepEqual(fs.readdirSync(path.join(dir, '.bmslicense')).sort(), ['.gitignore', 'las-sim']);
    assert.deepEqual(fs.readdirSync(path.join(dir, '.bmslicense', 'las-sim', '.bmslicense')), []);
    assert.match(fs.readFileSync(ignoreFile(), 'utf8'), /^\*$/m);
  });
});
