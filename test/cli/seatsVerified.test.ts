// Issue 25.6: a usage refresh (lmstat) compared with the network seats the ledger records on a License Server.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { realSite, type RealSite } from './realSite';

const SITE = ['--site', 'hospital-north'];
const lmstat = (issued: number) =>
  ['lmutil - Copyright (c) 1989-2019 Flexera. All Rights Reserved.', 'Flexible License Manager status on Mon 11/23/2026 10:00', '', 'License server status: 27010@eng01', '', 'eng01: license server UP (MASTER) v11.16.2', '', 'Feature usage info:', '', `Users of client.graphiceditor:  (Total of ${issued} licenses issued;  Total of 1 license in use)`, ''].join('\n');

describe('lmstat against the ledger (issue 25.6)', () => {
  let s: RealSite;
  beforeEach(async () => {
    s = realSite('vendor-tools', { BMSLICENSE_NOW: '2026-11-23T10:00:00Z' });
    // Hospital North's network seats on 7.0 (no client.station, issue 28): ls-eng's two Graphics Editors.
    assert.equal(await s.cli('record', 'activate', ...SITE, '--target', 'ls-eng', '--activation-id', 'ACT-7F3A-0004', '--quantity', '2'), 0, s.cli.err);
  });
  afterEach(() => s.remove());
  const refresh = async (issued: number) => {
    fs.writeFileSync(path.join(s.dir, 'lmstat.txt'), lmstat(issued));
    return s.cli('lmstat', 'lmstat.txt', ...SITE, '--license-server', 'ls-eng');
  };
  const findings = async () => {
    assert.equal(await s.cli('validate', '--format', 'json', '--today', '2026-11-23'), 0, s.cli.out);
    return (JSON.parse(s.cli.out) as { diagnostics: { code: string; message: string }[] }).diagnostics.filter((d) => d.code === 'BMS084' || d.code === 'BMS085');
  };

  it('a refresh that agrees appends a verified event, and the report says verified by lmstat on that day', async () => {
    assert.equal(await s.cli('record', 'activate', ...SITE, '--target', 'es-01', '--activation-id', 'ACT-7F3A-0002', '--quantity', '1'), 0, s.cli.err);
    assert.equal(await refresh(2), 0, s.cli.err);
    assert.match(s.cli.out, /client\.graphiceditor: issued 2, recorded 2 .*— agrees/);
    assert.match(s.cli.out, /1 centralized license\(s\).*not visible/);
    const last = s.events().at(-1)!;
    assert.deepEqual([last.op, last.target, last.counts, last.via], ['verified', 'ls-eng', { 'client.graphiceditor': 2 }, undefined]);
    assert.deepEqual(await findings(), []);
    assert.equal(await s.cli('report', ...SITE), 0);
    assert.match(s.cli.out, /\| ls-main: not verified; ls-eng: verified .*2026-11-23 \|/);
  });

  it('fewer issued than recorded: a warning naming the ledger lines (BMS084); nothing verified', async () => {
    assert.equal(await refresh(1), 0, s.cli.err);
    assert.match(s.cli.out, /FEWER issued than recorded/);
    assert.ok(!s.events().some((e) => e.op === 'verified'));
    const f = await findings();
    assert.deepEqual(f.map((d) => d.code), ['BMS084']);
    assert.match(f[0]!.message, /ledger line 1\b/);
  });

  it('more issued than recorded: served but not recorded, with the record command prefilled (BMS085)', async () => {
    assert.equal(await refresh(3), 0, s.cli.err);
    const f = await findings();
    assert.deepEqual(f.map((d) => d.code), ['BMS085']);
    assert.deepEqual(f[0]!.message.split(' ').slice(-11), ['bmslicense', 'record', 'activate', '--site', 'hospital-north', '--target', 'ls-eng', '--activation-id', 'ACT-7F3A-0004', '--quantity', '1']);
  });
});
