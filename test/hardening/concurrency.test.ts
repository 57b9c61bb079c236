// Two engineers, one site: two `bmslicense apply --site hospital-north --yes` started together on a copy
// of the example, 20 times (the measurement, before the lock: the same activation in two
// transactions in 15 of 20 runs, the simulator losing transactions the ledger records in 18). Now: no
// duplicate activation, ledger and LAS agree, `plan --detailed-exitcode` clean, every time.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { LasSimulator, simulatorDataDir } from '../../src/engine/las/simulator';
import { transactionsOf, fold } from '../../src/engine/ledger/fold';
import { readLedger } from '../../src/engine/ledger/ledger';
import { planYaml, siteYaml } from '../unit/workflows/fixture';

export const RUNS = 20;
const example = path.join(__dirname, '../../examples/hospital-north');

interface Ran {
  code: number;
  out: string;
  err: string;
  ms: number;
}

function cli(script: string, cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, BMSLICENSE_INTERACTIVE: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, out, err, ms: Date.now() - started }));
  });
}

export function copyExample(into: string): string {
  const dir = fs.mkdtempSync(path.join(into, 'site-'));
  for (const f of fs.readdirSync(example)) fs.copyFileSync(path.join(example, f), path.join(dir, f));
  return dir;
}

/** `target activationId` pairs recorded as activated in more than one transaction. */
function duplicates(ledger: string): string[] {
  const txs = new Map<string, Set<string>>();
  for (const e of readLedger(ledger).events) {
    if (e.op !== 'activate') continue;
    const key = `${e.target} ${e.activationId}`;
    txs.set(key, (txs.get(key) ?? new Set()).add(e.transaction ?? ''));
  }
  return [...txs].filter(([, t]) => t.size > 1).map(([k]) => k);
}

async function disagreement(dir: string, ledger: string): Promise<{ ledger: string[]; las: string[] }> {
  const mine = transactionsOf(fold(readLedger(ledger).events), undefined, ['activated']).map((t) => `${t.target} ${t.transaction}`).sort();
  const listed = await new LasSimulator({ dataDir: simulatorDataDir(dir) }).activations('hospital-north');
  assert.ok(listed.ok, !listed.ok ? listed.error.message : '');
  return { ledger: mine, las: listed.value.map((t) => `${t.target} ${t.transaction}`).sort() };
}

describe('hardening: two processes on one site (the lock)', function () {
  this.timeout(300_000);
  let tmp: string;
  let script: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bms-two-'));
    script = path.join(tmp, 'bmslicense.cjs');
    buildSync({ entryPoints: [path.join(__dirname, 'fixtures/cliMain.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error' });
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it(`${RUNS} × two concurrent apply: no duplicate activation, ledger and LAS agree, plan clean`, async () => {
    let waited = 0;
    let maxWait = 0;
    let dups = 0;
    let apart = 0;
    for (let run = 0; run < RUNS; run++) {
      const dir = copyExample(tmp);
      const ledger = path.join(dir, 'hospital-north.ledger.jsonl');
      const both = await Promise.all([1, 2].map(() => cli(script, dir, ['apply', '--site', 'hospital-north', '--yes'])));
      for (const r of both) assert.equal(r.code, 0, `run ${run + 1}: ${r.out}${r.err}`);
      const waiter = both.find((r) => /^Waiting for apply by .+ \(pid \d+ on .+, since .+\) to finish with site hospital-north/m.test(r.err));
      if (waiter) {
        waited++;
        maxWait = Math.max(maxWait, waiter.ms);
        assert.match(waiter.out, /No changes: .*Nothing to apply/, 'the waiter re-read the ledger after the lock');
      }
      const d = duplicates(ledger);
      const a = await disagreement(dir, ledger);
      if (d.length > 0) dups++;
      if (a.ledger.join() !== a.las.join()) apart++;
      assert.deepEqual(d, [], `run ${run + 1}: the same activation in two transactions`);
      assert.deepEqual(a.ledger, a.las, `run ${run + 1}: ledger and LAS disagree`);
      assert.equal(a.las.length, 10);
      const plan = await cli(script, dir, ['plan', '--site', 'hospital-north', '--detailed-exitcode']);
      assert.equal(plan.code, 0, plan.out + plan.err);
      assert.equal(fs.existsSync(`${ledger}.lock`), false, 'no lock left behind');
      fs.rmSync(dir, { recursive: true, force: true });
    }
    console.log(`      ${RUNS} runs × 2 concurrent apply: ${dups} with duplicates, ${apart} disagreements; ${waited} waited for the other (longest process ${maxWait} ms)`);
  });

  it('5 × activate and apply started together: no duplicate, ledger = LAS', async () => {
    for (let run = 0; run < 5; run++) {
      const dir = copyExample(tmp);
      const ledger = path.join(dir, 'hospital-north.ledger.jsonl');
      const both = await Promise.all([['activate', '--site', 'hospital-north'], ['apply', '--site', 'hospital-north', '--yes']].map((argv) => cli(script, dir, argv)));
      for (const r of both) assert.equal(r.code, 0, `run ${run + 1}: ${r.out}${r.err}`);
      assert.deepEqual(duplicates(ledger), []);
      const a = await disagreement(dir, ledger);
      assert.deepEqual(a.ledger, a.las);
      assert.equal(a.las.length, 10);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('two `las respond` of the same request files at once: each license activated once, both answers the same', async () => {
    for (let run = 0; run < 5; run++) {
      const dir = fs.mkdtempSync(path.join(tmp, 'respond-'));
      fs.writeFileSync(path.join(dir, 'site.bms.yaml'), siteYaml('north', 'offline'));
      fs.writeFileSync(path.join(dir, 'plan.bms.yaml'), planYaml('north'));
      const made = await cli(script, dir, ['activate', '--site', 'north', '--offline', 'req']);
      assert.equal(made.code, 0, made.out + made.err);
      const requests = fs.readdirSync(path.join(dir, 'req')).map((f) => path.join('req', f));
      const both = await Promise.all(['out-a', 'out-b'].map((out) => cli(script, dir, ['las', 'respond', ...requests, '--out', out])));
      for (const r of both) assert.equal(r.code, 0, r.out + r.err);
      const answers = (out: string) => fs.readdirSync(path.join(dir, out)).map((f) => JSON.parse(fs.readFileSync(path.join(dir, out, f), 'utf8')).outcome);
      assert.deepEqual(answers('out-a'), answers('out-b'), 'the same answer to the same request');
      const state = JSON.parse(fs.readFileSync(path.join(simulatorDataDir(dir), 'state.json'), 'utf8')) as { transactions: unknown[] };
      assert.equal(state.transactions.length, requests.length, 'one activation per request');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a busy site with BMSLICENSE_LOCK_TIMEOUT=0: refused at once with who holds it and what to do, nothing written', async () => {
    const dir = copyExample(tmp);
    const ledger = path.join(dir, 'hospital-north.ledger.jsonl');
    fs.writeFileSync(`${ledger}.lock`, JSON.stringify({ pid: process.pid, host: os.hostname(), what: 'apply by jsmith', since: '2026-11-23T10:15:02.000Z', token: 'live0001' }));
    const r = await cli(script, dir, ['activate', '--site', 'hospital-north'], { BMSLICENSE_LOCK_TIMEOUT: '0' });
    assert.equal(r.code, 1);
    assert.match(r.out, /: apply by jsmith \(pid \d+ /, 'who holds the lock');
    assert.match(r.out, /, since 10:15:02 UTC\) /, 'since when');
    assert.match(r.out, /Nothing was done/);
    assert.match(r.out, /delete .+hospital-north\.ledger\.jsonl\.lock\./, 'the lock file to delete if its process is gone');
    assert.equal(fs.existsSync(ledger), false);
    assert.equal(fs.existsSync(simulatorDataDir(dir)), false, 'the LAS was not called');
    const applied = await cli(script, dir, ['apply', '--site', 'hospital-north', '--yes'], { BMSLICENSE_LOCK_TIMEOUT: '0' });
    assert.equal(applied.code, 1);
    assert.match(applied.err, /Site hospital-north is busy/);
    assert.doesNotMatch(applied.out, /Nothing to apply/);
  });

  it('a lock left by a killed process (dead pid) is taken over: apply runs', async () => {
    const dir = copyExample(tmp);
    const ledger = path.join(dir, 'hospital-north.ledger.jsonl');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    fs.writeFileSync(`${ledger}.lock`, JSON.stringify({ pid: dead, host: os.hostname(), what: 'apply by jsmith', since: '2026-11-23T10:15:02.000Z', token: 'dead0001' }));
    const r = await cli(script, dir, ['apply', '--site', 'hospital-north', '--yes'], { BMSLICENSE_LOCK_TIMEOUT: '0' });
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(fold(readLedger(ledger).events).licenses.size, 15);
    assert.equal(fs.existsSync(`${ledger}.lock`), false);
  });
});
