// Encodings and links: a site or plan file saved as UTF-16 (PowerShell 5's `>`) or in a legacy code page is
// named as such with how to save it as UTF-8; a symlinked site file inside the workspace is followed, one
// pointing outside it is reported; the next run removes the temp files a killed process left.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeUtf8 } from '../../src/engine/load/encoding';
import { capturedCli } from '../cli/captured';

const ROOT = path.resolve(__dirname, '../..');
const NOW = '2026-11-23T10:00:00Z';

describe('hardening: encodings, links and stale temp files', () => {
  let dir: string;
  const cli = capturedCli(() => dir, { BMSLICENSE_NOW: NOW, BMSLICENSE_INTERACTIVE: '0' });
  const example = (into: string) => fs.cpSync(path.join(ROOT, 'examples/hospital-north'), into, { recursive: true });

  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enc-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('decodes UTF-8 (a BOM dropped) and names UTF-16 LE/BE, with or without a BOM, and a legacy code page with its line', () => {
    assert.deepEqual(decodeUtf8(Buffer.from('\ufeffkind: Site\n', 'utf8')), { ok: true, text: 'kind: Site\n' });
    const le = Buffer.from('kind: Site\n', 'utf16le');
    assert.equal((decodeUtf8(Buffer.concat([Buffer.from([0xff, 0xfe]), le])) as { encoding: string }).encoding, 'UTF-16 LE');
    assert.equal((decodeUtf8(le) as { encoding: string }).encoding, 'UTF-16 LE');
    assert.equal((decodeUtf8(Buffer.from(le).swap16()) as { encoding: string }).encoding, 'UTF-16 BE');
    const latin1 = decodeUtf8(Buffer.from('a: 1\nb: 2\ncontact: José\n', 'latin1'));
    assert.deepEqual(latin1.ok ? undefined : [latin1.encoding.startsWith('a legacy code page'), latin1.line], [true, 3]);
  });

  it('a UTF-16 site file (PowerShell): validate and plan name the encoding and how to save it as UTF-8, never "a BMS document is a mapping"', async () => {
    example(dir);
    const site = path.join(dir, 'site.bms.yaml');
    fs.writeFileSync(site, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(site, 'utf8'), 'utf16le')]));
    assert.equal(await cli('validate'), 2);
    assert.match(cli.err, /\.bms\.yaml: .*UTF-16 LE.*\(BMS091\)/);
    assert.match(cli.err, /Save with Encoding/);
    assert.doesNotMatch(cli.out + cli.err, /mapping/);
    assert.equal(await cli('plan', '--site', 'hospital-north'), 2);
    assert.match(cli.err, /UTF-16 LE/);
  });

  it('a Latin-1 plan file: named as a legacy code page with the line of its first non-UTF-8 byte', async () => {
    example(dir);
    const plan = path.join(dir, 'plan.bms.yaml');
    const text = fs.readFileSync(plan, 'utf8').replace('metadata:', '# Révision de José\nmetadata:');
    fs.writeFileSync(plan, Buffer.from(text, 'latin1'));
    const line = text.split('\n').findIndex((l) => l.includes('José')) + 1;
    assert.equal(await cli('validate'), 2);
    assert.match(cli.err, new RegExp(`plan\\.bms\\.yaml: saved as a legacy code page .*line ${line}\\)`));
    assert.doesNotMatch(cli.err, /\ufffd/);
  });

  it('a symlinked site file inside the workspace is followed (once); one pointing outside is reported, not skipped', async () => {
    const shared = path.join(dir, 'shared');
    const project = path.join(dir, 'project');
    fs.mkdirSync(shared);
    fs.mkdirSync(project);
    example(shared);
    fs.renameSync(path.join(shared, 'plan.bms.yaml'), path.join(project, 'plan.bms.yaml'));
    fs.symlinkSync(path.join(shared, 'site.bms.yaml'), path.join(project, 'site.bms.yaml'));
    // The whole workspace: the link and its target are one file (no BMS015 "defined twice").
    assert.equal(await cli('validate', dir), 0, cli.out + cli.err);
    assert.doesNotMatch(cli.out, /BMS015/);
    // The project folder alone: its link leads out of it.
    assert.equal(await cli('validate', project), 2);
    assert.match(cli.err, /project\/site\.bms\.yaml: /);
    assert.match(cli.err, /shared\/site\.bms\.yaml, outside/);
    // A link inside the workspace whose target the walk skips (an ignored folder) is read through the link.
    fs.writeFileSync(path.join(dir, '.gitignore'), 'shared/\n');
    assert.equal(await cli('plan', '--site', 'hospital-north', '--workspace', dir), 0, cli.err);
    assert.match(cli.out, /Plan: 15 to activate/);
  });

  it('the next run removes the temp files a killed process left (its pid gone), and only those', async () => {
    example(dir);
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const sim = path.join(dir, '.bmslicense/las-sim');
    fs.mkdirSync(sim, { recursive: true });
    const staleState = path.join(sim, `.state.json.${dead}.1764000000000.tmp`);
    const staleLock = path.join(dir, `hospital-north.ledger.jsonl.lock.${dead}.0123456789abcdef.tmp`);
    const live = path.join(dir, `hospital-north.ledger.jsonl.lock.${process.pid}.fedcba9876543210.tmp`);
    for (const f of [staleState, staleLock, live]) fs.writeFileSync(f, 'x'.repeat(1000));
    assert.equal(await cli('apply', '--site', 'hospital-north'), 0, cli.err);
    assert.equal(fs.existsSync(staleState), false);
    assert.equal(fs.existsSync(staleLock), false);
    assert.equal(fs.existsSync(live), true, "a live process's temp file is left alone");
  });
});
