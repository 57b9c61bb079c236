// Errors of the file system, injected through the engine's one disk seam (tests run as root, where chmod stops
// nothing) and, where this machine lets us mount one, met for real on a small tmpfs: an append is whole or
// absent, each error is named (file, meaning, what to do) with what was done, never "internal error", and
// nothing is consumed on the activation server without a record.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diskError, injectDiskFault, type DiskOp } from '../../src/engine/ledger/disk';
import { appendLedger, type LedgerEvent } from '../../src/engine/ledger/ledger';
import { capturedCli } from '../cli/captured';

const ROOT = path.resolve(__dirname, '../..');
const NOW = '2026-11-23T10:00:00Z';
const LEDGER = 'hospital-north.ledger.jsonl';
const ev = (i: number): LedgerEvent => ({ at: '2026-11-23T10:15:00Z', op: 'activate', site: 's', target: 'es-01', activationId: `A-${i}`, quantity: 1, transaction: `T-${i}` });

/** Fails `op` on files whose name matches `name` with `code`, from the `after`-th matching call on. */
function failOn(op: DiskOp, name: RegExp, code: string, after = 0): () => number {
  let calls = 0;
  injectDiskFault((o, file) => {
    if (o !== op || !name.test(path.basename(file))) return;
    if (calls++ >= after) throw diskError(code, o, file);
  });
  return () => calls;
}

describe('hardening: file-system errors', () => {
  let dir: string;
  const cli = capturedCli(() => dir, { BMSLICENSE_NOW: NOW, BMSLICENSE_INTERACTIVE: '0', BMSLICENSE_LOCK_TIMEOUT: '0' });
  const ledgerText = () => (fs.existsSync(path.join(dir, LEDGER)) ? fs.readFileSync(path.join(dir, LEDGER), 'utf8') : '');
  const simTransactions = () => {
    const f = path.join(dir, '.bmslicense/las-sim/state.json');
    return fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, 'utf8')) as { transactions: { transaction: string }[] }).transactions.map((t) => t.transaction) : [];
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disk-'));
    fs.cpSync(path.join(ROOT, 'examples/hospital-north'), dir, { recursive: true });
  });
  afterEach(() => {
    injectDiskFault(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a short write is cut back before the error is reported: the ledger is as before, whole lines only', () => {
    const file = path.join(dir, 'l.jsonl');
    appendLedger(file, [ev(1)]);
    const before = fs.readFileSync(file, 'utf8');
    injectDiskFault((op) => (op === 'write' ? { written: 17 } : undefined));
    assert.throws(() => appendLedger(file, [ev(2), ev(3)]), /ENOSPC/);
    injectDiskFault(undefined);
    assert.equal(fs.readFileSync(file, 'utf8'), before);
    appendLedger(file, [ev(4)]);
    assert.equal(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length, 2);
  });

  for (const code of ['ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'ENAMETOOLONG']) {
    it(`${code} while taking the site lock: named with the lock file and what to do, exit 1, nothing done`, async () => {
      failOn('writeFile', /\.lock\./, code);
      assert.equal(await cli('apply', '--site', 'hospital-north'), 1);
      const said = cli.out + cli.err;
      assert.match(said, new RegExp(`${LEDGER}\\.lock: .*\\(${code}\\)`));
      assert.match(said, /Nothing was done/);
      assert.doesNotMatch(said, /internal error/);
      assert.deepEqual(simTransactions(), []);
    });
  }

  it('a ledger that cannot be opened for append: refused before the activation server is asked (nothing consumed)', async () => {
    failOn('open', /ledger\.jsonl$/, 'EPERM');
    assert.equal(await cli('apply', '--site', 'hospital-north'), 1);
    assert.match(cli.out + cli.err, /\(EPERM\).*not asked/);
    assert.deepEqual(simTransactions(), []);
    assert.equal(ledgerText(), '');
  });

  it('an append that fails after the activation server acted is retried; still failing, the transaction to record is named; the next run records it', async () => {
    failOn('write', /ledger\.jsonl$/, 'ENOSPC');
    assert.equal(await cli('apply', '--site', 'hospital-north'), 1);
    const said = cli.out + cli.err;
    const made = simTransactions();
    assert.equal(made.length, 1, 'the first activation ran, the rest were not attempted');
    assert.match(said, new RegExp(`transaction ${made[0]}`));
    assert.match(said, /las restore/);
    assert.match(said, /done|not attempted/);
    assert.doesNotMatch(said, /internal error/);
    assert.equal(ledgerText(), '');
    injectDiskFault(undefined);
    assert.equal(await cli('apply', '--site', 'hospital-north'), 0, cli.out + cli.err);
    assert.match(ledgerText(), new RegExp(`"transaction":"${made[0]}"`), 'the unrecorded activation is recorded from the simulator');
  });

  it("ENOSPC writing the simulator's state: named with state.json, what was done before it said, no temp file left", async () => {
    failOn('write', /^\.state\.json\./, 'ENOSPC', 4);
    assert.equal(await cli('apply', '--site', 'hospital-north'), 1);
    const said = cli.out + cli.err;
    assert.match(said, /state\.json: .*\(ENOSPC\)/);
    assert.match(said, /done +\S+: simulated: activated/);
    assert.doesNotMatch(said, /internal error/);
    assert.deepEqual(fs.readdirSync(path.join(dir, '.bmslicense/las-sim')).filter((f) => f.endsWith('.tmp')), []);
    const recorded = new Set(ledgerText().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { transaction: string }).transaction));
    assert.deepEqual([...recorded].sort(), simTransactions().sort(), 'the ledger records exactly what the simulator holds');
  });

  describe('on a real small tmpfs', () => {
    let mounted = false;
    let mnt: string;
    before(function () {
      mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'tmpfs-'));
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt], { stdio: 'ignore' });
        mounted = true;
      } catch (e) {
        fs.rmSync(mnt, { recursive: true, force: true });
        // No permission to mount here (not root, or a container without CAP_SYS_ADMIN): said, then skipped.
        process.stdout.write(`      skipped: 'mount -t tmpfs' is not allowed here (${(e as Error).message.split('\n')[0]})\n`);
        this.skip();
      }
    });
    after(() => {
      if (mounted) execFileSync('umount', [mnt]);
      fs.rmSync(mnt, { recursive: true, force: true });
    });

    it('a disk without room for the ledger: apply refuses before the activation server is asked, naming ENOSPC', async () => {
      const site = path.join(mnt, 'site');
      fs.cpSync(path.join(ROOT, 'examples/hospital-north'), site, { recursive: true });
      const real = capturedCli(() => site, { BMSLICENSE_NOW: NOW, BMSLICENSE_INTERACTIVE: '0' });
      assert.equal(await real('apply', '--site', 'hospital-north'), 1);
      assert.match(real.out + real.err, /ledger\.jsonl: .*\(ENOSPC\).*not asked/);
      assert.equal(fs.existsSync(path.join(site, LEDGER)), false);
    });

    it('an append the disk cannot hold fails whole: the ledger keeps its lines', () => {
      const file = path.join(mnt, 'l.jsonl');
      appendLedger(file, [ev(1)]);
      const before = fs.readFileSync(file, 'utf8');
      const big = Array.from({ length: 3000 }, (_, i) => ({ ...ev(i), by: 'x'.repeat(100) }));
      assert.throws(() => appendLedger(file, big), /ENOSPC/);
      assert.equal(fs.readFileSync(file, 'utf8'), before);
    });
  });
});
