// The simulator's state across processes (CLI, extension, `las serve` on one folder): three processes
// activating at once lose none of each other's transactions (without the state lock, a read-change-write
// race kept only 34-49 of the 90).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { readState } from '../../../src/engine/las/simulatorState';

describe('LAS simulator: the state lock across processes', function () {
  this.timeout(60_000);
  it('3 processes × 30 activations on one state folder: 90 transactions, 90 distinct ids', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bms-simlock-'));
    try {
      const script = path.join(dir, 'simWriter.cjs');
      buildSync({ entryPoints: [path.join(__dirname, '../../hardening/fixtures/simWriter.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error' });
      const data = path.join(dir, 'las-sim');
      const codes = await Promise.all(
        [1, 2, 3].map(
          () =>
            new Promise<number>((resolve, reject) => {
              const child = spawn(process.execPath, [script, data, '30'], { stdio: ['ignore', 'ignore', 'inherit'] });
              child.on('error', reject);
              child.on('exit', (code) => resolve(code ?? -1));
            }),
        ),
      );
      assert.deepEqual(codes, [0, 0, 0]);
      const state = readState(data);
      assert.equal(state.transactions.length, 90);
      assert.equal(new Set(state.transactions.map((t) => t.transaction)).size, 90);
      assert.equal(state.counter, 90);
      assert.equal(fs.existsSync(path.join(data, 'state.json.lock')), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
