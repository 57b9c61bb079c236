// Crash safety: a child process appends to the ledger (or replaces the simulator state) in a loop and is
// killed with SIGKILL at random moments, 200 times, on the same file. What it printed had returned, so
// it must be there, whole; a torn last line is reported and ignored; the state is always old or new.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { appendLedger, readLedger, type LedgerEvent } from '../../src/engine/ledger/ledger';
import { readState, STATE_FILE } from '../../src/engine/las/simulatorState';
import { Rng } from './fuzz/mutate';

export const KILLS = 200;

/** Bundles a fixture to plain JavaScript so each child starts in milliseconds (no TypeScript loader). */
function bundle(fixture: string, outDir: string): string {
  const outfile = path.join(outDir, `${path.basename(fixture, '.ts')}.cjs`);
  buildSync({ entryPoints: [path.join(__dirname, 'fixtures', fixture)], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
  return outfile;
}

/** Runs the child until `ready`, lets it work `ms` milliseconds, SIGKILLs it; resolves with what it printed. */
export function killAfter(script: string, args: string[], ms: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (!armed && out.startsWith('ready\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), ms);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the writer stopped by itself (${signal}): ${err}`));
      // Only whole lines were printed by a returned call; 'ready' is not a number.
      resolve(out.split('\n').slice(1, -1));
    });
  });
}

describe('hardening: crash safety (SIGKILL at random moments)', function () {
  this.timeout(120_000);
  let dir: string;
  let scripts: { ledger: string; state: string };
  // The two writers are killed side by side (separate files), so the suite waits for one lane, not two.
  let lanes: { ledger: Promise<void>; state: Promise<void> };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bms-crash-'));
    scripts = { ledger: bundle('ledgerAppender.ts', dir), state: bundle('stateWriter.ts', dir) };
    lanes = { ledger: ledgerLane(), state: stateLane() };
    lanes.ledger.catch(() => undefined);
    lanes.state.catch(() => undefined);
  });
  after(async () => {
    await Promise.allSettled([lanes.ledger, lanes.state]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`ledger: every append that returned survives ${KILLS} kills whole, a torn tail is reported and the next append starts a fresh line`, () => lanes.ledger);

  it(`simulator state: after each of ${KILLS} kills the state file loads and is the old or the new state`, () => lanes.state);

  async function ledgerLane(): Promise<void> {
    const file = path.join(dir, 'crash.ledger.jsonl');
    const r = new Rng(20261123);
    const returned = new Set<number>();
    let torn = 0;
    const knownProblems = new Map<number, string>();
    for (let round = 0; round < KILLS; round++) {
      const printed = (await killAfter(scripts.ledger, [file, String(round * 1_000_000)], 1 + r.int(20))).map(Number);
      for (const n of printed) returned.add(n);
      // SIGKILL seldom lands inside one write(); one round in ten also leaves what a power cut would: half a line.
      if (r.chance(0.1)) fs.appendFileSync(file, '{"at":"2026-11-23T10:15:00Z","op":"activate","site":"crash","target":"torn');
      const { events, problems } = readLedger(file);
      const lineCount = fs.readFileSync(file, 'utf8').split('\n').length;
      const seen = new Map<number, LedgerEvent>();
      for (const e of events) {
        assert.ok(!seen.has(e.quantity!), `event ${e.quantity} appears twice`);
        seen.set(e.quantity!, e);
      }
      for (const n of returned) {
        const e = seen.get(n);
        assert.ok(e, `round ${round}: append ${n} returned but is not in the ledger`);
        assert.equal(e.target, `t-${n}`);
        assert.equal(e.activationId!.length, n % 8 === 0 ? 8 * 1024 : 40, `append ${n} is not whole`);
      }
      // Lines torn in earlier rounds stay reported at the same line; at most one new problem: the torn last line.
      const fresh = problems.filter((p) => !knownProblems.has(p.line));
      assert.ok(fresh.length <= 1, `round ${round}: ${JSON.stringify(fresh)}`);
      for (const p of fresh) {
        assert.equal(p.line, lineCount, 'only the last line can be torn');
        assert.match(p.message, /incomplete last line/);
        torn++;
      }
      knownProblems.clear();
      for (const p of problems) knownProblems.set(p.line, p.message);
    }
    // After a torn tail the next append starts on a fresh line: make one more and read it back.
    appendLedger(file, { at: '2026-11-23T10:15:00Z', op: 'activate', site: 'crash', target: 'last', quantity: -1 });
    const end = readLedger(file);
    assert.equal(end.events.at(-1)!.target, 'last');
    assert.ok(end.problems.every((p) => /ignored/.test(p.message)));
    assert.ok(returned.size > KILLS / 2, `only ${returned.size} appends returned in ${KILLS} rounds: the kills came too early to test anything`);
    console.log(`      ledger: ${KILLS} kills, ${returned.size} appends returned and kept, ${torn} torn tails reported and skipped, ${end.events.length} events in ${fs.statSync(file).size} bytes`);
  }

  async function stateLane(): Promise<void> {
    const data = path.join(dir, 'las-sim');
    const r = new Rng(42);
    const made = new Set<string>();
    let last = 0;
    for (let round = 0; round < KILLS; round++) {
      const printed = await killAfter(scripts.state, [data], 1 + r.int(20));
      const before = last;
      for (const tx of printed) {
        made.add(tx);
        last = Number(/^T-(\d+)-/.exec(tx)![1]);
      }
      const state = readState(data); // throws on a half-written file
      assert.ok(state.counter === last || state.counter === last + 1, `round ${round}: counter ${state.counter}, last returned ${last} (before ${before})`);
      const inState = new Set(state.transactions.map((t) => t.transaction));
      for (const tx of made) assert.ok(inState.has(tx), `round ${round}: activation ${tx} returned but is not in the state`);
      assert.equal(state.transactions.length, state.counter, 'one transaction per counter step, none lost, none doubled');
      last = state.counter;
    }
    const leftovers = fs.readdirSync(data).filter((f) => f !== STATE_FILE && f.endsWith('.tmp'));
    console.log(`      simulator state: ${KILLS} kills, ${made.size} activations returned and kept, ${leftovers.length} temp files left by killed writers (ignored by readState)`);
    assert.ok(made.size > KILLS / 2, `only ${made.size} activations returned`);
  }
});
