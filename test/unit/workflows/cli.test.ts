import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { fold } from '../../../src/engine/ledger/fold';
import { readLedger } from '../../../src/engine/ledger/ledger';
import { planYaml, siteYaml } from './fixture';

describe('bmslicense license commands', () => {
  let dir: string;
  let out: string;
  let err: string;
  const cli = (...argv: string[]) => {
    out = '';
    err = '';
    return runCli(argv, { cwd: dir, env: {}, out: (t) => (out += t), err: (t) => (err += t) });
  };
  const ledger = () => fold(readLedger(path.join(dir, 'north.ledger.jsonl')).events);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    fs.writeFileSync(path.join(dir, 'site.bms.yaml'), siteYaml('north', 'offline'));
    fs.writeFileSync(path.join(dir, 'plan.bms.yaml'), planYaml('north'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs an offline activation and return end to end through request and response files', async () => {
    assert.equal(await cli('activate', '--site', 'north', '--offline', 'req', '--by', 'jsmith'), 0);
    assert.equal(fs.readdirSync(path.join(dir, 'req')).length, 3);
    assert.equal(await cli('las', 'respond', ...fs.readdirSync(path.join(dir, 'req')).map((f) => `req/${f}`), '--out', 'resp'), 0);
    assert.match(out, /accepted/);
    assert.equal(await cli('las', 'public-key', '--out', 'las.pem'), 0);
    assert.equal(await cli('import-responses', 'resp', '--site', 'north', '--public-key', 'las.pem'), 0, err + out);
    assert.equal([...ledger().licenses.values()].filter((l) => l.status === 'activated').length, 4);
    assert.equal(await cli('import-responses', 'resp', '--site', 'north'), 1);
    assert.match(out, /refused \(replayed\)/);

    assert.equal(await cli('return', '--site', 'north', '--target', 'es-01', '--offline', 'req2'), 1);
    assert.match(out, /es-01: transaction T-.*ACT-BASE ×1, ACT-CC ×1/);
    assert.match(err, /--yes/);
    for (const failure of [/NOT DONE/, /Cancelled/, /run the same command/]) assert.doesNotMatch(out, failure);
    assert.equal(await cli('return', '--site', 'north', '--target', 'es-01', '--offline', 'req2', '--yes'), 0);
    const [req] = fs.readdirSync(path.join(dir, 'req2'));
    assert.equal(await cli('las', 'respond', `req2/${req}`, '--out', 'resp2'), 0);
    assert.equal(await cli('import-responses', 'resp2', '--site', 'north'), 0);
    assert.equal([...ledger().licenses.values()].filter((l) => l.status === 'return-pending').length, 2);
    assert.equal(await cli('confirm-return', '--site', 'north'), 0);
    assert.equal([...ledger().licenses.values()].filter((l) => l.status === 'returned').length, 2);
  });

  it('refuses the online path on an offline site and explains usage errors', async () => {
    assert.equal(await cli('activate', '--site', 'north'), 2);
    assert.match(err, /is offline: add --offline DIR/);
    assert.equal(await cli('return', '--site', 'north', '--yes'), 2);
    assert.match(err, /add --offline DIR/);
    assert.equal(await cli('activate'), 2);
    assert.match(err, /--site NAME is required/);
    assert.equal(await cli('activate', '--site', 'south'), 2);
    assert.match(err, /named 'south'.*sites: north/);
    assert.equal(await cli('las', 'fly'), 2);
    assert.equal(await cli('import-responses', 'nowhere', '--site', 'north'), 2);
    assert.match(err, /file or folder: nowhere\./);
  });

  it('repairs through --mark-broken and repair on an online site', async () => {
    fs.writeFileSync(path.join(dir, 'site.bms.yaml'), siteYaml('north', 'online'));
    assert.equal(await cli('activate', '--site', 'north', '--target', 'es-01'), 0);
    const tx = /transaction (T-[0-9A-F-]+)/.exec(out)![1]!;
    assert.equal(await cli('repair', '--site', 'north', '--target', 'es-01', '--mark-broken', tx), 0);
    assert.equal(await cli('repair', '--site', 'north', '--target', 'es-01'), 0);
    assert.match(out, /3 repair\(s\) left/);
  });

  it('says so when there is nothing to do instead of printing nothing', async () => {
    fs.writeFileSync(path.join(dir, 'site.bms.yaml'), siteYaml('north', 'online'));
    assert.equal(await cli('activate', '--site', 'north', '--target', 'ws-1'), 0);
    assert.match(out, /^Nothing to activate: /);
    assert.equal(await cli('repair', '--site', 'north', '--target', 'es-01'), 0);
    assert.match(out, /^Nothing to repair: .*--mark-broken/);
    assert.equal(await cli('confirm-return', '--site', 'north'), 0);
    assert.match(out, /^Nothing to confirm: /);
  });
});
