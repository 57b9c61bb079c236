// Issue 25.5: apply on a vendor-tools site is a checklist; only what is answered done is recorded.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliIO } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { realSite, type RealSite } from './realSite';

const ROOT = path.resolve(__dirname, '../..');
const SITE = ['--site', 'hospital-north'];

describe('apply on a vendor-tools site: a checklist (issue 25.5)', () => {
  let s: RealSite;
  beforeEach(() => {
    s = realSite('vendor-tools', { BMSLICENSE_NOW: '2026-11-23T10:00:00Z' });
  });
  afterEach(() => s.remove());

  it('--answers FILE: done, done with other values, failed, skip, quit — only done is recorded, with the vendor id', async () => {
    // Hospital North plans no client.station seats on 7.0 (issue 28): the first step is ls-eng's ACT-7F3A-0004 ×2, then ec-01.
    fs.writeFileSync(path.join(s.dir, 'answers.txt'), '# one answer a step\nother ACT-7F3A-0004=1\ndone FID-1\nfailed -15 cannot connect\nskip\nquit\n');
    assert.equal(await s.cli('apply', ...SITE, '--answers', 'answers.txt'), 1, s.cli.err);
    assert.match(s.cli.out, /^ {2}1\. License Administrator on ls-eng's computer/m);
    assert.match(s.cli.out, /failed: not recorded \(-15 cannot connect\)/);
    const events = s.events();
    assert.deepEqual(events.map((e) => [e.target, e.activationId, e.quantity, e.via, e.vendorRef]), [
      ['ls-eng', 'ACT-7F3A-0004', 1, 'license-administrator', undefined],
      ['ec-01', 'ACT-7F3A-0001', 1, 'device-administrator', 'FID-1'],
    ]);
    assert.match(s.cli.out, /Recorded 2; failed 1; skipped 1; not reached \d+\./);
  });

  it('--answers - reads standard input', async () => {
    let out = '';
    const io: CliIO = { cwd: s.dir, env: { BMSLICENSE_INTERACTIVE: '0' }, out: (t) => void (out += t), err: () => undefined, stdin: async () => Buffer.from('done\nquit\n') };
    assert.equal(await runCli(['apply', ...SITE, '--answers', '-'], io), 0, out);
    assert.deepEqual(s.events().map((e) => e.target), ['ls-eng']);
  });

  it('without a terminal or --answers: nothing written, exit 2 naming record and --answers; --yes is refused (exit 2)', async () => {
    assert.equal(await s.cli('apply', ...SITE), 2);
    assert.match(s.cli.err, /bmslicense record/);
    assert.match(s.cli.err, /--answers/);
    assert.equal(await s.cli('apply', ...SITE, '--yes'), 2);
    assert.match(s.cli.err, /--yes is refused/);
    assert.deepEqual(s.events(), []);
  });

  it('reads the ledger as plan does: a simulated line does not count, a bad line blocks its target\'s step (issues 25 and 29)', async () => {
    const at = '2026-11-20T10:00:00Z';
    s.append(
      { at, op: 'activate', site: 'hospital-north', target: 'ls-eng', activationId: 'ACT-7F3A-0004', quantity: 2, transaction: 'T-SIM', via: 'simulator', by: 'jo' },
      { at, op: 'activate', site: 'hospital-north', target: 'ec-01', activationId: 'ACT-7F3A-0001', quantity: -1, transaction: 'T-BAD', via: 'device-administrator', by: 'jo' },
    );
    fs.writeFileSync(path.join(s.dir, 'answers.txt'), 'skip\n'.repeat(12));
    await s.cli('apply', ...SITE, '--answers', 'answers.txt');
    assert.match(s.cli.out, /^ {2}1\. License Administrator .*ls-eng.*ACT-7F3A-0004, quantity 2/m);
    assert.match(s.cli.out, /\[cannot be done yet\].*ec-01/);
    assert.match(s.cli.out, /blocked: .*BMS092/);
    assert.equal(s.events().length, 2, 'nothing recorded');
  });

  it('a bad answer in the file is bad input (exit 2), nothing written', async () => {
    fs.writeFileSync(path.join(s.dir, 'answers.txt'), 'maybe\n');
    assert.equal(await s.cli('apply', ...SITE, '--answers', 'answers.txt'), 2);
    assert.match(s.cli.err, /not an answer/);
    assert.deepEqual(s.events(), []);
  });

  it('under a real pseudo-terminal (script -qc): the questions are asked and the answers recorded', function () {
    this.timeout(60_000);
    const cmd = `${JSON.stringify(process.execPath)} --require tsx/cjs -e "require(process.env.BMS_MAIN).main()" bmslicense apply --site hospital-north --by pty-user`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], {
      cwd: s.dir,
      env: { ...process.env, BMS_MAIN: path.join(ROOT, 'src/cli/main.ts'), NODE_PATH: path.join(ROOT, 'node_modules'), BMSLICENSE_INTERACTIVE: '', TERM: 'dumb' },
      input: 'd\nFID-PTY\no\n1\n\nq\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /Skip or Quit\?/);
    const events = s.events();
    assert.deepEqual(events.map((e) => [e.target, e.quantity, e.vendorRef, e.by]), [
      ['ls-eng', 2, 'FID-PTY', 'pty-user'],
      ['ec-01', 1, undefined, 'pty-user'],
    ]);
  });
});
