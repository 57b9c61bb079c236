// Ctrl-C in a real child process: `apply` on a 201-step site stops between two steps within a second, says
// what was done and what was not, leaves the lock released and the ledger equal to the simulator's record; a
// second Ctrl-C waits at most 2 s for the step under way, then exits naming what the activation server was
// asked and had not answered.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { LasSimulator, simulatorDataDir } from '../../src/engine/las/simulator';
import { fold, transactionsOf } from '../../src/engine/ledger/fold';
import { readLedger } from '../../src/engine/ledger/ledger';
import { BIG_SITE, writeBigSite } from './fixtures/bigSite';

interface Child {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

function start(script: string, cwd: string, args: string[]): Child {
  const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, BMSLICENSE_INTERACTIVE: '0', BMSLICENSE_NOW: '2026-11-23T10:00:00Z' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on('exit', (code) => resolve({ code, at: Date.now() })));
  return { child, out: () => out, err: () => err, exited };
}

async function until(what: string, ok: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('hardening: Ctrl-C (a real child process, SIGINT)', function () {
  this.timeout(120_000);
  let tmp: string;
  let script: string;
  let dir: string;
  const ledger = () => path.join(dir, `${BIG_SITE}.ledger.jsonl`);

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bms-cancel-'));
    script = path.join(tmp, 'bmslicense.cjs');
    buildSync({ entryPoints: [path.join(__dirname, 'fixtures/cliMain.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error' });
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(tmp, 'site-'));
    writeBigSite(dir, 200);
  });

  it('stops apply between two steps within a second: exit 130, done and not done said, lock released, ledger = simulator', async () => {
    const run = start(script, dir, ['apply', '--site', BIG_SITE, '--yes']);
    await until('a few steps done', () => /\[5\/\d+\]/.test(run.err()));
    const sent = Date.now();
    run.child.kill('SIGINT');
    const { code, at } = await run.exited;
    assert.equal(code, 130, run.err());
    assert.ok(at - sent < 1000, `stopped ${at - sent} ms after Ctrl-C`);
    assert.match(run.err(), /Cancelling after the current step/);
    assert.match(run.out(), /done +as-\d+: simulated: activated/);
    assert.match(run.out(), /not started \(cancelled\)/);
    assert.equal(fs.existsSync(`${ledger()}.lock`), false, 'the site lock is released');
    const recorded = transactionsOf(fold(readLedger(ledger()).events), undefined, ['activated']).map((t) => t.transaction).sort();
    const listed = await new LasSimulator({ dataDir: simulatorDataDir(dir) }).activations(BIG_SITE);
    assert.ok(listed.ok);
    assert.deepEqual(listed.value.map((t) => t.transaction).sort(), recorded, 'the ledger records exactly what the simulator made');
    assert.ok(recorded.length >= 5 && recorded.length < 201, `${recorded.length} activations`);
  });

  it('a second Ctrl-C waits at most 2 s for the step under way, then exits naming what the activation server had not answered', async () => {
    // The simulator's state is held by another (live) process: the first call to it waits.
    const stateLock = path.join(simulatorDataDir(dir), 'state.json.lock');
    fs.mkdirSync(path.dirname(stateLock), { recursive: true });
    fs.writeFileSync(stateLock, JSON.stringify({ pid: process.pid, host: os.hostname(), what: 'a test', since: new Date().toISOString(), token: 'held-by-test' }));
    const run = start(script, dir, ['apply', '--site', BIG_SITE, '--yes']);
    await until('apply holding the site', () => fs.existsSync(`${ledger()}.lock`));
    run.child.kill('SIGINT');
    await until('the first Ctrl-C heard', () => /Cancelling/.test(run.err()));
    const second = Date.now();
    run.child.kill('SIGINT');
    const { code, at } = await run.exited;
    assert.equal(code, 130, run.err());
    assert.ok(at - second >= 1900 && at - second < 3500, `exited ${at - second} ms after the second Ctrl-C`);
    assert.match(run.err(), /not answered yet.*entitlements/);
    assert.equal(fs.existsSync(`${ledger()}.lock`), false, 'the site lock is released on exit');
    assert.equal(fs.existsSync(ledger()), false, 'nothing recorded: nothing was done');
  });
});
