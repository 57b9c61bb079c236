// The site lock across processes: one holder at a time, a stale lock (dead pid) taken over exactly once
// even when several processes find it together, a live holder waited for and then refused.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { acquireLock, lockFileOf, lockHolder, type LockHolder } from '../../../src/engine/ledger/lock';

/** Starts a child; `ready` resolves once it printed `ready` (or at once when it was not asked to wait). */
function run(script: string, args: string[]): { ready: Promise<void>; exit: Promise<number> } {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const exit = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
  });
  return { ready, exit };
}

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

function writeLock(file: string, h: Partial<LockHolder>): void {
  const holder: LockHolder = { pid: deadPid(), host: os.hostname(), what: 'apply by someone', since: '2026-11-23T10:15:00.000Z', token: 'stale0000', ...h };
  fs.writeFileSync(lockFileOf(file), JSON.stringify(holder));
}

describe('site lock (cross-process)', function () {
  this.timeout(60_000);
  let dir: string;
  let script: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bms-lock-'));
    script = path.join(dir, 'lockUser.cjs');
    buildSync({ entryPoints: [path.join(__dirname, '../../hardening/fixtures/lockUser.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error' });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Checks the log: every `enter` is followed by the `leave` of the same pid before any other `enter`. */
  function assertExclusive(log: string, expected: number): void {
    const lines = fs.readFileSync(log, 'utf8').trim().split('\n');
    assert.equal(lines.length, expected * 2);
    for (let i = 0; i < lines.length; i += 2) {
      const [a, b] = [lines[i]!.split(' '), lines[i + 1]!.split(' ')];
      assert.deepEqual([a[0], b[0], b[1]], ['enter', 'leave', a[1]], `line ${i + 1}: sections overlap`);
    }
  }

  it('six processes released together on a stale lock (dead pid), 6 times: taken over once, never two holders at a time', async () => {
    for (let round = 0; round < 6; round++) {
      const file = path.join(dir, `a${round}.ledger.jsonl`);
      const log = path.join(dir, `a${round}.log`);
      const go = path.join(dir, `a${round}.go`);
      writeLock(file, {});
      const children = [1, 2, 3, 4, 5, 6].map(() => run(script, [file, log, '3', go]));
      await Promise.all(children.map((c) => c.ready));
      fs.writeFileSync(go, '');
      assert.deepEqual(await Promise.all(children.map((c) => c.exit)), [0, 0, 0, 0, 0, 0]);
      assertExclusive(log, 18);
      assert.equal(fs.existsSync(lockFileOf(file)), false, 'the last holder released the lock');
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.startsWith(`a${round}.ledger.jsonl.lock`)), [], 'no guard or temp file left');
    }
  });

  it('a live holder is waited for with one "waiting" call, then refused after the timeout with who holds it', async () => {
    const file = path.join(dir, 'b.ledger.jsonl');
    writeLock(file, { pid: process.pid, token: 'live0001', what: 'apply by jsmith' });
    const waits: (LockHolder | undefined)[] = [];
    const started = Date.now();
    const got = await acquireLock(file, { what: 'activate', timeoutMs: 150, onWait: (h) => waits.push(h) });
    assert.equal(got.ok, false);
    assert.ok(!got.ok && got.reason === 'timeout' && got.holder?.what === 'apply by jsmith');
    assert.ok(Date.now() - started >= 150);
    assert.equal(waits.length, 1);
    assert.equal(lockHolder(file)?.token, 'live0001', 'a live lock is never taken over');
  });

  it('a lock of another host is not judged by its pid: it is waited for, not taken over', async () => {
    const file = path.join(dir, 'c.ledger.jsonl');
    writeLock(file, { host: 'other-computer.example', token: 'remote01' });
    const got = await acquireLock(file, { what: 'activate', timeoutMs: 0 });
    assert.ok(!got.ok && got.reason === 'timeout');
    assert.equal(lockHolder(file)?.token, 'remote01');
  });

  it('release removes only its own lock; cancelling a wait gives up at once', async () => {
    const file = path.join(dir, 'd.ledger.jsonl');
    const got = await acquireLock(file, { what: 'apply', timeoutMs: 0 });
    assert.ok(got.ok);
    const abort = new AbortController();
    const waiting = acquireLock(file, { what: 'activate', timeoutMs: 30_000, signal: abort.signal, onWait: () => abort.abort() });
    const second = await waiting;
    assert.ok(!second.ok && second.reason === 'cancelled');
    // Someone deleted the lock and another process took it: releasing ours must leave theirs alone.
    fs.rmSync(lockFileOf(file));
    writeLock(file, { pid: process.pid, token: 'theirs01' });
    got.lock.release();
    assert.equal(lockHolder(file)?.token, 'theirs01');
  });
});
