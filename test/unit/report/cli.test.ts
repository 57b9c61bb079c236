import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { exampleWorkspace, type Workspace } from './fixture';

function io(cwd: string): CliIO & { stdout: string; stderr: string } {
  const r = { cwd, env: {}, stdout: '', stderr: '', out: (t: string) => void (r.stdout += t), err: (t: string) => void (r.stderr += t) };
  return r;
}

describe('bmslicense report', () => {
  let ws: Workspace;
  before(() => (ws = exampleWorkspace()));
  after(() => ws.dispose());

  it('prints the Markdown report by default and writes HTML with --out', async () => {
    const a = io(ws.dir);
    assert.equal(await runCli(['report', '--site', 'hospital-north', '--today', '2028-12-10'], a), 0);
    assert.match(a.stdout, /^# License report: hospital-north\n/);
    assert.match(a.stdout, /\| ls-eng \| License Server \| client\.graphiceditor \| 2 \| 2 \| 2 \| — \| — \|/, 'no usage without a reading');
    const b = io(ws.dir);
    assert.equal(await runCli(['report', '--site', 'hospital-north', '--format', 'html', '--out', 'r.html', '--today', '2028-12-10'], b), 0);
    assert.equal(b.stdout, '');
    assert.match(b.stderr, /written to .*r\.html/);
    assert.match(readFileSync(join(ws.dir, 'r.html'), 'utf8'), /^<!DOCTYPE html>/);
  });

  it('fills Used from saved lmstat outputs', async () => {
    writeFileSync(
      join(ws.dir, 'ls-eng.lmstat.txt'),
      [
        'lmutil - Copyright (c) 1989-2019 Flexera. All Rights Reserved.',
        'Flexible License Manager status on Sun 12/10/2028 09:00',
        '',
        'License server status: 27000@ec01',
        '',
        'ec01: license server UP (MASTER) v11.16.2',
        '',
        'Feature usage info:',
        '',
        'Users of client.graphiceditor:  (Total of 2 licenses issued;  Total of 1 license in use)',
        '',
      ].join('\n'),
    );
    const a = io(ws.dir);
    assert.equal(await runCli(['report', '--site', 'hospital-north', '--lmstat', 'ls-eng.lmstat.txt', '--today', '2028-12-10'], a), 0);
    assert.match(a.stdout, /\| ls-eng \| License Server \| client\.graphiceditor \| 2 \| 2 \| 2 \| 1 \| 1 \|/);
    const b = io(ws.dir);
    assert.equal(await runCli(['report', '--site', 'hospital-north', '--lmstat', 'missing.txt'], b), 2);
    assert.match(b.stderr, /lmstat output .*missing\.txt: ENOENT/);
  });

  it('says what is wrong with the site, the format or the date', async () => {
    const a = io(ws.dir);
    assert.equal(await runCli(['report', '--site', 'nowhere'], a), 2);
    assert.match(a.stderr, /'nowhere' .*\(sites: hospital-north\)/);
    const b = io(ws.dir);
    assert.equal(await runCli(['report', '--site', 'hospital-north', '--format', 'pdf'], b), 2);
    assert.match(b.stderr, /--format .*md, html or csv/);
    const c = io(ws.dir);
    assert.equal(await runCli(['report', '--format', 'md'], c), 2);
    assert.match(c.stderr, /--site NAME is required/);
    const d = io(ws.dir);
    assert.equal(await runCli(['report', '--site', 'hospital-north', '--today', '31/12/2028'], d), 2);
    const e = io(ws.dir);
    assert.equal(await runCli(['report', '--site', 'hospital-north', '--out', join(ws.dir, 'no/such/dir/r.md')], e), 2);
    assert.match(e.stderr, /cannot write .*ENOENT/);
  });
});
