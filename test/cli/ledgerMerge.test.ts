// The ledger in git: two engineers on two branches each activate a different target. With the starter's
// `.gitattributes` (union merge) the merge succeeds and the ledger holds both; without it the add/add
// conflict leaves markers, which every command refuses (exit 2) without appending. validate reports what
// a merge or a hand edit can leave behind, each on its line: a doubled event, a return of a transaction
// never activated, an event of another site.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { capturedCli } from './captured';
import { withGitattributesLine, withGitignoreLine } from '../../src/extension/starter/templates';

const ROOT = path.resolve(__dirname, '../..');
const LEDGER = 'hospital-north.ledger.jsonl';

describe('the ledger in git: merges and conflict markers', function () {
  this.timeout(60_000);
  let dir: string;
  const cli = capturedCli(() => dir, { BMSLICENSE_INTERACTIVE: '0' });
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' });
  const ledger = () => fs.readFileSync(path.join(dir, LEDGER), 'utf8');

  /** A repository with the example (and the starter's .gitattributes when `union`), and two branches that each activated one target. */
  async function twoBranches(union: boolean): Promise<ReturnType<typeof git>> {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merge-'));
    fs.cpSync(path.join(ROOT, 'examples/hospital-north'), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, '.gitignore'), withGitignoreLine(undefined)!);
    if (union) fs.writeFileSync(path.join(dir, '.gitattributes'), withGitattributesLine(undefined)!);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'site and plan');
    git('checkout', '-qb', 'anna');
    assert.equal(await cli('activate', '--site', 'hospital-north', '--target', 'es-01', '--by', 'anna'), 0, cli.out + cli.err);
    git('add', LEDGER);
    git('commit', '-qm', 'es-01 activated');
    git('checkout', '-q', 'main');
    git('checkout', '-qb', 'ben');
    assert.equal(await cli('activate', '--site', 'hospital-north', '--target', 'es-02', '--by', 'ben'), 0, cli.out + cli.err);
    git('add', LEDGER);
    git('commit', '-qm', 'es-02 activated');
    return git('merge', '--no-edit', 'anna');
  }
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('with the starter .gitattributes (merge=union) the merge succeeds: both activations, no finding, no drift', async () => {
    const merged = await twoBranches(true);
    assert.equal(merged.status, 0, merged.stdout + merged.stderr);
    assert.doesNotMatch(merged.stdout, /CONFLICT/);
    const targets = ledger().trim().split('\n').map((l) => (JSON.parse(l) as { target: string }).target);
    assert.deepEqual([...new Set(targets)].sort(), ['es-01', 'es-02']);
    assert.equal(await cli('validate'), 0, cli.out + cli.err);
    assert.match(cli.out, /0 errors, 0 warnings/);
    assert.equal(await cli('plan', '--site', 'hospital-north'), 0);
    assert.doesNotMatch(cli.out, /es-0[12] .*not activated|Drift/);
  });

  it('without it: CONFLICT (add/add); every command refuses the conflicted ledger with its line, exit 2, nothing appended', async () => {
    const merged = await twoBranches(false);
    assert.notEqual(merged.status, 0);
    const conflict = merged.stdout.split('\n').find((l) => l.startsWith('CONFLICT (add/add): '));
    assert.ok(conflict?.endsWith(' hospital-north.ledger.jsonl'), merged.stdout);
    const before = ledger();
    const line = before.split('\n').findIndex((l) => l.startsWith('<<<<<<<')) + 1;
    const refused = new RegExp(`merge conflict in (\\S*/)?hospital-north\\.ledger\\.jsonl at line ${line}: resolve it \\(keep the event lines of both sides and delete the <<<<<<<, ======= and >>>>>>> lines`);
    for (const argv of [['plan'], ['apply', '--yes'], ['activate'], ['reclaim'], ['return', '--yes'], ['repair'], ['confirm-return'], ['report'], ['las', 'restore']]) {
      const args = argv[0] === 'las' ? [...argv, '--site', 'hospital-north'] : [argv[0]!, '--site', 'hospital-north', ...argv.slice(1)];
      assert.equal(await cli(...args), 2, `${argv.join(' ')}: ${cli.out}${cli.err}`);
      assert.match(cli.err, refused, argv.join(' '));
    }
    assert.equal(await cli('validate'), 2);
    assert.match(cli.err, refused);
    assert.equal(ledger(), before, 'nothing appended to the conflicted ledger');
  });

  it('validate reports a doubled event, a return of a transaction never activated and an event of another site, each on its line', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merge-'));
    fs.cpSync(path.join(ROOT, 'examples/hospital-north'), dir, { recursive: true });
    const e = (o: object) => JSON.stringify({ at: '2026-11-23T10:15:00Z', by: 'anna', ...o });
    const activate = e({ op: 'activate', site: 'hospital-north', target: 'es-01', activationId: 'ACT-7F3A-0002', quantity: 1, transaction: 'T-0001-AAAA', mode: 'online' });
    fs.writeFileSync(path.join(dir, LEDGER), [
      activate,
      activate,
      e({ op: 'return', site: 'hospital-north', target: 'fdp-01', transaction: 'T-0099-FFFF', mode: 'online' }),
      e({ op: 'activate', site: 'harbour-view', target: 'as-01', activationId: 'ACT-1', quantity: 1, transaction: 'T-0002-BBBB', mode: 'online' }),
      '',
    ].join('\n'));
    assert.equal(await cli('validate'), 1);
    const found = cli.out.split('\n').filter((l) => l.startsWith(LEDGER));
    assert.equal(found.length, 3, cli.out);
    assert.deepEqual(found.map((l) => /^(\S+:\d+:\d+): (\w+) (BMS\d{3}) /.exec(l)?.slice(1)), [
      [`${LEDGER}:2:1`, 'warning', 'BMS062'],
      [`${LEDGER}:3:1`, 'error', 'BMS063'],
      [`${LEDGER}:4:1`, 'error', 'BMS064'],
    ]);
    assert.match(found[0]!, /as line 1, doubled /);
    assert.match(found[0]!, /: delete this line$/, 'what to do');
    assert.match(found[1]!, /T-0099-FFFF on fdp-01/);
    assert.match(found[2]!, /site 'harbour-view'/);
    assert.equal(await cli('validate', '--format', 'json'), 1);
    const json = (JSON.parse(cli.out) as { diagnostics: { file: string; code: string; line: number }[] }).diagnostics.filter((d) => d.file === LEDGER);
    assert.deepEqual(json.map((d) => `${d.code}@${d.line}`), ['BMS062@2', 'BMS063@3', 'BMS064@4']);
  });
});
