// Local state that cannot lie: the simulator's state lost, damaged or missing one transaction, and its
// signing key deleted. Each case: the command fails with a message naming the file or the transaction,
// nothing is written to the ledger, `plan` reports the disagreement as drift, and `las restore` is the way back.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { capturedCli } from '../cli/captured';

const ROOT = path.resolve(__dirname, '../..');
const LEDGER = 'hospital-north.ledger.jsonl';

describe('hardening: the ledger and the LAS state never contradict silently', function () {
  this.timeout(60_000);
  let dir: string;
  const cli = capturedCli(() => dir, { BMSLICENSE_INTERACTIVE: '0' });
  const sim = (f: string) => path.join(dir, '.bmslicense/las-sim', f);
  const ledger = () => fs.readFileSync(path.join(dir, LEDGER), 'utf8');
  const state = () => JSON.parse(fs.readFileSync(sim('state.json'), 'utf8')) as { transactions: { target: string; transaction: string }[] };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truth-'));
    fs.cpSync(path.join(ROOT, 'examples/hospital-north'), dir, { recursive: true });
    assert.equal(await cli('apply', '--site', 'hospital-north', '--yes'), 0, cli.out + cli.err);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a transaction the simulator lost: return fails naming it, nothing written; plan shows the drift; las restore brings them together', async () => {
    const s = state();
    const lost = s.transactions.find((t) => t.target === 'fdp-01')!;
    s.transactions = s.transactions.filter((t) => t !== lost);
    fs.writeFileSync(sim('state.json'), JSON.stringify(s));
    const before = ledger();
    assert.equal(await cli('return', '--site', 'hospital-north', '--target', 'fdp-01', '--yes'), 1);
    assert.match(cli.out, new RegExp(`the LAS has no transaction ${lost.transaction} on fdp-01, but the ledger records it: the local LAS state and the ledger disagree\\. Nothing was written\\..*'bmslicense las restore --site hospital-north'`));
    assert.doesNotMatch(cli.out, /already returned/);
    assert.equal(ledger(), before, 'no return was invented');
    assert.equal(await cli('plan', '--site', 'hospital-north', '--detailed-exitcode'), 2);
    assert.match(cli.out, new RegExp(`Drift: the ledger and the LAS disagree \\(1\\).*\\n  ! fdp-01: the ledger records transaction ${lost.transaction} \\(ACT-9C21-0004 ×1\\) as activated; the LAS does not hold it`));
    assert.equal(await cli('plan', '--site', 'hospital-north', '--format', 'json'), 0);
    assert.deepEqual((JSON.parse(cli.out) as { lasDrift: { kind: string }[] }).lasDrift.map((d) => d.kind), ['not-on-las']);
    assert.equal(await cli('las', 'restore', '--site', 'hospital-north'), 0, cli.out + cli.err);
    assert.match(cli.out, /simulator restored from the ledger/);
    assert.match(cli.out, /: 1 transaction\(s\) added; 0 corrected .*; 9 already known/);
    assert.equal(await cli('plan', '--site', 'hospital-north', '--detailed-exitcode'), 0, cli.out);
    assert.equal(await cli('return', '--site', 'hospital-north', '--target', 'fdp-01', '--yes'), 0, cli.out);
    assert.match(cli.out, new RegExp(`returned transaction ${lost.transaction}: ACT-9C21-0004 ×1`));
  });

  it('a deleted state file: every command refuses while the ledger has activations, naming the file; nothing written', async () => {
    fs.rmSync(sim('state.json'));
    const before = ledger();
    for (const argv of [['activate'], ['reclaim'], ['return', '--target', 'fdp-01', '--yes'], ['apply', '--yes']]) {
      const code = await cli(argv[0]!, '--site', 'hospital-north', ...argv.slice(1));
      assert.equal(code, 1, argv.join(' '));
      assert.match(cli.out + cli.err, /las-sim\/state\.json is missing/, argv.join(' '));
      assert.match(cli.out + cli.err, /hospital-north\.ledger\.jsonl records 10 activation/, argv.join(' '));
      assert.match(cli.out + cli.err, /Nothing was done\./, argv.join(' '));
    }
    assert.equal(ledger(), before);
    assert.equal(fs.existsSync(sim('state.json')), false, 'the simulator did not start afresh');
    assert.equal(await cli('plan', '--site', 'hospital-north', '--detailed-exitcode'), 2);
    assert.match(cli.out, /^Drift: .*disagree \(10\)/m);
  });

  it('a damaged state file: an error naming the file and what to do, not a bare JSON error; nothing written', async () => {
    fs.writeFileSync(sim('state.json'), '{"version":1,"transactions":[{"transaction":"T-00');
    const before = ledger();
    assert.equal(await cli('return', '--site', 'hospital-north', '--target', 'fdp-01', '--yes'), 1);
    assert.match(cli.out, /las-sim\/state\.json/);
    assert.match(cli.out, /is damaged \(/);
    assert.match(cli.out, /'bmslicense las restore --site NAME'/, 'the next step');
    assert.doesNotMatch(cli.out, /already returned/);
    assert.equal(ledger(), before);
    assert.equal(await cli('plan', '--site', 'hospital-north', '--detailed-exitcode'), 1);
    assert.match(cli.err, /^Cannot compare .*state\.json/m);
  });

  it('a deleted signing key once the simulator has signed: an error naming the file, never a new key pair', async () => {
    assert.equal(await cli('las', 'public-key'), 0);
    const pem = cli.out;
    assert.equal(await cli('las', 'public-key'), 0);
    assert.equal(cli.out, pem, 'the same key every time');
    fs.rmSync(sim('las-signing-key.pem'));
    assert.equal(await cli('las', 'public-key'), 1);
    assert.match(cli.err, /las-signing-key\.pem is missing/);
    assert.match(cli.err, /made a key before/);
    assert.equal(fs.existsSync(sim('las-signing-key.pem')), false, 'no new key was made');
  });
});
