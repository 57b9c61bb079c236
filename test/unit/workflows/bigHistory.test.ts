// Big histories stay fast: `apply` reads (and folds) the ledger once per run, whatever the number of actions,
// keeps the fold up to date as it appends, and writes the simulator's state once per step.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { injectDiskFault } from '../../../src/engine/ledger/disk';
import { readLedger } from '../../../src/engine/ledger/ledger';
import { BIG_SITE, writeBigSite, writeHistory } from '../../hardening/fixtures/bigSite';
import { capturedCli } from '../../cli/captured';

describe('apply on a long history: one read of the ledger per run, one state write per step', () => {
  let dir: string;
  const cli = capturedCli(() => dir, { BMSLICENSE_NOW: '2026-11-23T10:00:00Z', BMSLICENSE_INTERACTIVE: '0' });
  // The module object itself (the namespace import is read-only): the engine's `fs.readFileSync` goes through it.
  const nodeFs = require('node:fs') as { readFileSync: typeof fs.readFileSync };
  const realRead = nodeFs.readFileSync;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'history-'));
    writeBigSite(dir, 20);
    writeHistory(dir, 20, 2000);
  });
  afterEach(() => {
    nodeFs.readFileSync = realRead;
    injectDiskFault(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('21 activations: the ledger is read twice in all (the check before the lock and the one under it), the state written 21 times', async () => {
    const ledger = path.join(dir, `${BIG_SITE}.ledger.jsonl`);
    let reads = 0;
    nodeFs.readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (file === ledger) reads++;
      return (realRead as (...a: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync;
    let stateWrites = 0;
    injectDiskFault((op, file) => void (op === 'rename' && path.basename(file) === 'state.json' && stateWrites++));
    assert.equal(await cli('apply', '--site', BIG_SITE, '--yes'), 0, cli.err);
    assert.equal(reads, 2);
    // One write per activation; the first step's entitlements are new (written once), later syncs change nothing.
    assert.equal(stateWrites, 21 + 1);
    nodeFs.readFileSync = realRead;
    const activated = readLedger(ledger).events.filter((e) => e.op === 'activate' && e.at.startsWith('2026'));
    assert.equal(activated.length, 21, 'the fold kept up to date: nothing activated twice');
    assert.equal(await cli('plan', '--site', BIG_SITE, '--detailed-exitcode'), 0, cli.out);
  });
});
