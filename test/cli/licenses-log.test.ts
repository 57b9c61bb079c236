import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { readLicensesLog } from '../../src/engine/lmstat/licensesLogCache';

const ROOT = path.resolve(__dirname, '../..');
const LOG = 'test/unit/lmstat/licenses-log/04-bms-site-clock-difference-constructed.log';

async function cli(cwd: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const stdin = async () => readFileSync(path.join(ROOT, LOG));
  const code = await runCli(argv, { cwd, env: {}, out: (t) => void (out += t), err: (t) => void (err += t), stdin });
  return { code, out, err };
}

describe('bmslicense licenses-log', () => {
  it('text: denials and queued per feature and user, the clock difference explained; exit 1 when a checkout was denied', async () => {
    const r = await cli(ROOT, 'licenses-log', LOG);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /: 13 checkout events in 14 lines, /);
    assert.match(r.out, /2026-11-23 7:58:40 to 2026-11-23 17:30:09\.\n/);
    assert.match(r.out, /\nSummary: 4 denied \(2 clock difference\) · 1 queued\.\n/);
    assert.match(r.out, /^ {2}client\.station +2 \/ 1 \/ 2 \/ 0$/m);
    const denied = r.out.split('\n').findIndex((l) => l.startsWith('  denied  client.station  ops@ws-lobby  2 times, '));
    assert.ok(denied >= 0, r.out);
    assert.match(r.out.split('\n')[denied]!, /\(-34\)$/, 'the FlexNet code');
    assert.match(r.out.split('\n')[denied + 1]!, /^ {4}→ the clock of ws-lobby /, 'what to do, on the next line');
    assert.match(r.out, /^ {2}queued {2}client\.graphiceditor {2}eng2@eng-02 {2}at 2026-11-23 8:11:31$/m);
  });

  it('- reads standard input the same as the file; --help lists the options with examples', async () => {
    const fromFile = await cli(ROOT, 'licenses-log', LOG, '-f', 'json');
    const fromStdin = await cli(ROOT, 'licenses-log', '-', '--format', 'json');
    assert.equal(fromStdin.out, fromFile.out);
    assert.match((await cli(ROOT, 'licenses-log', '-')).out, /^Licenses log standard input: 13 /);
    const help = await cli(ROOT, 'licenses-log', '--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: bmslicense licenses-log FILE\|- /);
    assert.match(help.out, /^ +--license-server ID +\S/m, 'the option and its value, described');
    assert.match(help.out, /Examples:\n {2}bmslicense licenses-log licenses\.log/);
  });

  it('exit 0 on a log without denials; --format json gives the summary', async () => {
    const r = await cli(ROOT, 'licenses-log', 'test/unit/lmstat/licenses-log/01-autodesk-adskflex-out-in-inactive.log', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const s = JSON.parse(r.out);
    assert.deepEqual([s.events, s.denied, s.queued, s.features.length], [50, 0, 0, 2]);
  });

  it('--site and --license-server keep the summary for the tree and the dashboard', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bms-llog-'));
    try {
      cpSync(path.join(ROOT, 'examples/hospital-north'), dir, { recursive: true });
      const r = await cli(dir, 'licenses-log', path.join(ROOT, LOG), '--site', 'hospital-north', '--license-server', 'ls-main');
      assert.equal(r.code, 1, r.err);
      assert.match(r.err, /: \.bmslicense\/licenses-log\/hospital-north\/ls-main\.json/, 'where it is kept');
      const kept = readLicensesLog(dir, 'hospital-north', 'ls-main');
      assert.deepEqual([kept?.denied, kept?.clockDenials, kept?.file], [4, 2, path.basename(LOG)]);
      const bad = await cli(dir, 'licenses-log', path.join(ROOT, LOG), '--site', 'hospital-north', '--license-server', 'ls-nope');
      assert.equal(bad.code, 2);
      assert.match(bad.err, /'ls-nope'/);
    assert.match(bad.err, /\(it has: ls-main, ls-eng\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exit 2 on a missing file or half of --site/--license-server', async () => {
    const missing = await cli(ROOT, 'licenses-log', 'nope.log');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /'nope\.log': no such file/);
    assert.match(missing.err, /\(help 6953\)/, 'where to find the log');
    const half = await cli(ROOT, 'licenses-log', LOG, '--site', 'x');
    assert.equal(half.code, 2);
    assert.match(half.err, /--site and --license-server go together/);
  });
});
