import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { capturedCli } from './captured';

const ROOT = path.resolve(__dirname, '../..');
const GOLDEN = path.join(ROOT, 'test/unit/reconcile/golden');
const NOW = '2026-11-23T10:00:00Z';
const LEDGER = 'hospital-north.ledger.jsonl';

/** Compares with the golden file; UPDATE_GOLDEN=1 rewrites it instead. */
function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs (UPDATE_GOLDEN=1 to accept the new output)`);
}

describe('bmslicense plan and apply on examples/hospital-north', () => {
  let dir: string;
  const cli = capturedCli(() => dir, { BMSLICENSE_NOW: NOW, BMSLICENSE_INTERACTIVE: '0' });
  const ledgerText = () => (fs.existsSync(path.join(dir, LEDGER)) ? fs.readFileSync(path.join(dir, LEDGER), 'utf8') : '');

  beforeEach(() => {
    // A copy, so no ledger or simulator state is ever written into the repository's example.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-'));
    fs.cpSync(path.join(ROOT, 'examples/hospital-north'), dir, { recursive: true });
    fs.rmSync(path.join(dir, LEDGER), { force: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints every activation of a fresh site (golden text and JSON), exit 2 with --detailed-exitcode', async () => {
    assert.equal(await cli('plan', '--site', 'hospital-north'), 0);
    golden('hospital-north.plan.txt', cli.out);
    assert.equal(await cli('plan', '--site', 'hospital-north', '--format', 'json', '--detailed-exitcode'), 2);
    golden('hospital-north.plan.json', cli.out);
    assert.equal(JSON.parse(cli.out).summary.activate, 15);
    assert.equal(ledgerText(), '', 'plan writes nothing');
  });

  it('shows drift against a ledger: return with what it takes along, reclaim, repair budget, offline steps (golden)', async () => {
    fs.copyFileSync(path.join(GOLDEN, 'hospital-north.drift.ledger.jsonl'), path.join(dir, LEDGER));
    // The LAS holds what this hand-written ledger records (else plan reports that as drift too).
    assert.equal(await cli('las', 'restore', '--site', 'hospital-north'), 0, cli.out + cli.err);
    assert.equal(await cli('plan', '--site', 'hospital-north', '--detailed-exitcode'), 2);
    golden('hospital-north.drift.plan.txt', cli.out);
    assert.equal(await cli('plan', '--site', 'hospital-north', '--format', 'json'), 0);
    golden('hospital-north.drift.plan.json', cli.out);
  });

  it('apply runs the plan; a second apply does nothing and leaves the ledger unchanged; plan then exits 0', async () => {
    assert.equal(await cli('apply', '--site', 'hospital-north', '--by', 'jsmith'), 0, cli.err + cli.out);
    assert.match(cli.out, /Plan: 15 to activate/);
    assert.equal((ledgerText().match(/"op":"activate"/g) ?? []).length, 15);
    const ledger = ledgerText();
    assert.equal(await cli('apply', '--site', 'hospital-north'), 0);
    assert.equal(cli.out.split('\n').length, 2, `one line: ${cli.out}`);
    assert.match(cli.out, /^No changes: .*Nothing to apply/);
    assert.equal(ledgerText(), ledger);
    assert.equal(await cli('plan', '--site', 'hospital-north', '--detailed-exitcode'), 0);
  });

  it('apply never returns without --yes: lists the return and what it takes along, changes nothing', async () => {
    assert.equal(await cli('apply', '--site', 'hospital-north'), 0);
    const planFile = path.join(dir, 'plan.bms.yaml');
    fs.writeFileSync(planFile, fs.readFileSync(planFile, 'utf8').replace('    - { server: as-01, activationId: ACT-9C21-0002, quantity: 1 }\n', ''));
    const ledger = ledgerText();
    assert.equal(await cli('apply', '--site', 'hospital-north'), 1);
    const ret = cli.out.split('\n').find((l) => l.includes('return ACT-9C21-0002 ×1 from as-01 (as-p)'));
    assert.match(ret ?? cli.out, /also returns: ACT-9C21-0001 ×2/);
    assert.match(cli.err, /--yes/);
    assert.equal(ledgerText(), ledger);
    assert.equal(await cli('apply', '--site', 'hospital-north', '--yes'), 0, cli.err + cli.out);
    assert.match(cli.out, /done +as-01: simulated: returned transaction/);
    assert.match(cli.out, /done +as-01: simulated: activated ACT-9C21-0001 ×2/);
    assert.equal(await cli('plan', '--site', 'hospital-north', '--detailed-exitcode'), 0);
  });

  it('an unreadable plan file stops plan and apply (exit 2) instead of planning to return everything', async () => {
    assert.equal(await cli('apply', '--site', 'hospital-north'), 0);
    const ledger = ledgerText();
    // Root reads any file whatever its mode, so the read itself is made to fail.
    const nodeFs = require('node:fs') as { readFileSync: unknown };
    const realRead = fs.readFileSync;
    nodeFs.readFileSync = (file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (String(file).endsWith('plan.bms.yaml')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (realRead as (...a: unknown[]) => unknown)(file, ...rest);
    };
    try {
      assert.equal(await cli('plan', '--site', 'hospital-north'), 2);
      assert.match(cli.err, /^Cannot read plan\.bms\.yaml: /);
    assert.match(cli.err, /Nothing was done/);
      assert.doesNotMatch(cli.out, /return/);
      assert.equal(await cli('apply', '--site', 'hospital-north', '--yes'), 2);
    } finally {
      nodeFs.readFileSync = realRead;
    }
    assert.equal(ledgerText(), ledger);
  });

  it('a mistyped --target is refused with exit 2 and the closest id, before anything runs', async () => {
    assert.equal(await cli('apply', '--site', 'hospital-north', '--target', 'as-1'), 2);
    assert.match(cli.err, / 'as-1'.*Did you mean 'as-01'\?/);
    assert.equal(cli.out, '');
    assert.equal(ledgerText(), '');
    assert.equal(await cli('activate', '--site', 'hospital-north', '--target', 'as-1'), 2);
    assert.match(cli.err, /Did you mean 'as-01'\?/);
  });

  it('errors exit 1 with --detailed-exitcode (usage, unknown site), 2 without', async () => {
    assert.equal(await cli('plan', '--site', 'nowhere', '--detailed-exitcode'), 1);
    assert.match(cli.err, /No Site named 'nowhere'/);
    assert.equal(await cli('plan', '--detailed-exitcode'), 1);
    assert.match(cli.err, /--site NAME is required/);
    assert.equal(await cli('plan', '--site', 'hospital-north', '--format', 'xml', '--detailed-exitcode'), 1);
    assert.equal(await cli('plan', '--site', 'nowhere'), 2);
  });
});
