// The ledger judged strictly, through the CLI: validate exits 1 on ledger errors, plan blocks the target of a
// bad line (never treats it as absent), apply never loops, las restore refuses, and a void event clears it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { capturedCli } from '../cli/captured';

const ROOT = path.resolve(__dirname, '../..');
const NOW = '2026-11-23T10:00:00Z';
const LEDGER = 'hospital-north.ledger.jsonl';

describe('hardening: the ledger judged like the site and plan files', () => {
  let dir: string;
  const cli = capturedCli(() => dir, { BMSLICENSE_NOW: NOW, BMSLICENSE_INTERACTIVE: '0' });
  const ledgerFile = () => path.join(dir, LEDGER);
  const lines = () => fs.readFileSync(ledgerFile(), 'utf8').split('\n').filter((l) => l !== '');
  const append = (o: object) => fs.appendFileSync(ledgerFile(), `${JSON.stringify({ at: '2026-11-23T10:05:00Z', site: 'hospital-north', by: 'anna', ...o })}\n`);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'judged-'));
    fs.cpSync(path.join(ROOT, 'examples/hospital-north'), dir, { recursive: true });
    assert.equal(await cli('apply', '--site', 'hospital-north'), 0, cli.err);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a negative quantity: validate exit 1 on its line, plan blocks its target, apply appends nothing (twice), a void clears it', async () => {
    const first = JSON.parse(lines()[0]!) as { target: string; activationId: string };
    append({ op: 'reclaim', target: first.target, activationId: first.activationId, quantity: -5, from: 1, mode: 'online' });
    const bad = lines().length;
    assert.equal(await cli('validate'), 1);
    assert.match(cli.out, new RegExp(`${LEDGER}:${bad}:1: error BMS092 quantity is -5`));
    // An error validate gives on the ledger: exit 1, as Terraform's plan on an error (not 2, drift).
    assert.equal(await cli('plan', '--site', 'hospital-north', '--detailed-exitcode'), 1);
    assert.match(cli.out, new RegExp(`! blocked +reclaim ${first.activationId} ×-5 .* BMS092 ledger line ${bad} `));
    const before = fs.readFileSync(ledgerFile(), 'utf8');
    for (let i = 0; i < 2; i++) {
      assert.equal(await cli('apply', '--site', 'hospital-north'), 1);
      assert.match(cli.out, /Cannot be applied/);
      assert.equal(fs.readFileSync(ledgerFile(), 'utf8'), before, 'nothing appended: no reclaim loop');
    }
    append({ op: 'void', line: bad, reason: 'typed by hand' });
    assert.equal(await cli('validate'), 0, cli.out);
    assert.equal(await cli('plan', '--site', 'hospital-north', '--detailed-exitcode'), 0, cli.out);
  });

  it('a line without a target or with an unknown op blocks every action of the site until voided; the rest of the history still counts', async () => {
    const planFile = path.join(dir, 'plan.bms.yaml');
    // One more graphics editor seat on ls-eng: an action on a License Server the ledger already records.
    fs.writeFileSync(planFile, fs.readFileSync(planFile, 'utf8').replace('client.graphiceditor, licenseType: network, quantity: 2', 'client.graphiceditor, licenseType: network, quantity: 3').replace('activationId: ACT-7F3A-0004, quantity: 2', 'activationId: ACT-7F3A-0004, quantity: 3'));
    fs.appendFileSync(ledgerFile(), '{"at":"2026-11-23T10:05:00Z","op":"teleport","site":"hospital-north"}\n');
    const bad = lines().length;
    assert.equal(await cli('plan', '--site', 'hospital-north'), 0);
    assert.doesNotMatch(cli.out, /\+ activate/, 'the recorded activations are not treated as absent');
    assert.match(cli.out, new RegExp(`BMS090 ledger line ${bad}`));
    assert.match(cli.err, new RegExp(`line ${bad}: BMS090 unknown op "teleport"`));
  });

  it('a UTF-16 ledger: validate names the encoding (exit 1), apply re-records nothing and leaves the file as it was', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(ledgerFile(), 'utf8'), 'utf16le')]);
    fs.writeFileSync(ledgerFile(), utf16);
    assert.equal(await cli('validate'), 1);
    assert.match(cli.out, /BMS091 .*UTF-16 LE/);
    assert.equal(await cli('apply', '--site', 'hospital-north'), 1);
    assert.deepEqual(fs.readFileSync(ledgerFile()), utf16);
    assert.doesNotMatch(cli.out + cli.err, /done +\S+: (simulated: )?activated/);
  });

  it('one transaction id on two targets: validate BMS095, las restore refuses and changes nothing', async () => {
    const first = JSON.parse(lines()[0]!) as { target: string; transaction: string };
    const other = lines().map((l) => JSON.parse(l) as { target: string }).find((x) => x.target !== first.target)!;
    append({ op: 'activate', target: other.target, activationId: 'ACT-X', quantity: 1, transaction: first.transaction, mode: 'online' });
    assert.equal(await cli('validate'), 1);
    assert.match(cli.out, /BMS095 transaction/);
    const state = path.join(dir, '.bmslicense/las-sim/state.json');
    const before = fs.readFileSync(state, 'utf8');
    assert.equal(await cli('plan', '--site', 'hospital-north'), 0);
    assert.match(cli.out, /1 error\(s\) are cleared/, 'drift does not send to a las restore that would refuse');
    assert.equal(await cli('las', 'restore', '--site', 'hospital-north'), 1);
    assert.match(cli.out, /the simulator is not restored/);
    assert.equal(fs.readFileSync(state, 'utf8'), before);
  });
});
