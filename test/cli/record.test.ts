// Issue 25.5: `bmslicense record` writes what was done in the vendor's tools; refusals write nothing.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { realSite, type RealSite } from './realSite';

const SITE = ['--site', 'hospital-north'];

describe('bmslicense record (issue 25.5)', () => {
  let s: RealSite;
  beforeEach(() => {
    s = realSite('vendor-tools', { BMSLICENSE_NOW: '2026-11-23T10:00:00Z' });
  });
  afterEach(() => s.remove());

  it('activate: repeated pairs are one transaction, one line each, via the tool from the site file, with by', async () => {
    assert.equal(await s.cli('record', 'activate', ...SITE, '--target', 'es-01', '--activation-id', 'ACT-7F3A-0002', '--quantity', '1', '--activation-id', 'ACT-9C21-0003', '--quantity', '2', '--vendor-ref', 'FID-1', '--by', 'anna'), 0, s.cli.err);
    assert.match(s.cli.out, /ledger lines 1, 2/);
    const events = s.events();
    assert.deepEqual(events.map((e) => [e.op, e.activationId, e.quantity, e.via, e.by, e.vendorRef]), [
      ['activate', 'ACT-7F3A-0002', 1, 'device-administrator', 'anna', 'FID-1'],
      ['activate', 'ACT-9C21-0003', 2, 'device-administrator', 'anna', 'FID-1'],
    ]);
    assert.equal(events[0]!.transaction, events[1]!.transaction);
    assert.equal(await s.cli('record', 'activate', ...SITE, '--target', 'ls-eng', '--activation-id', 'ACT-7F3A-0004', '--quantity', '2'), 0);
    assert.equal(s.events()[2]!.via, 'license-administrator');
    assert.equal(await s.cli('plan', ...SITE, '--format', 'json'), 0);
    const plan = JSON.parse(s.cli.out) as { actions: { target: string; kind: string }[] };
    assert.ok(!plan.actions.some((a) => a.target === 'es-01' || a.target === 'ls-eng'), 'recorded activations count on a vendor-tools site');
  });

  it('refuses, exit 1 and nothing written: an unknown target, an unknown activation id, a second activation, more than the entitlement', async () => {
    const refused = async (...args: string[]) => {
      const before = fs.existsSync(s.ledger) ? fs.readFileSync(s.ledger, 'utf8') : '';
      assert.equal(await s.cli('record', ...args), 1, s.cli.out + s.cli.err);
      assert.equal(fs.existsSync(s.ledger) ? fs.readFileSync(s.ledger, 'utf8') : '', before, 'nothing written');
      return s.cli.err;
    };
    assert.match(await refused('activate', ...SITE, '--target', 'es-09', '--activation-id', 'ACT-7F3A-0002', '--quantity', '1'), /no server, .*'es-09'/);
    assert.match(await refused('activate', ...SITE, '--target', 'es-01', '--activation-id', 'ACT-NOPE', '--quantity', '1'), /in no entitlement/);
    assert.match(await refused('activate', ...SITE, '--target', 'es-01', '--activation-id', 'ACT-7F3A-0002', '--quantity', '3'), /has 2 of 'ACT-7F3A-0002' left, 3 asked/);
    assert.equal(await s.cli('record', 'activate', ...SITE, '--target', 'es-01', '--activation-id', 'ACT-7F3A-0002', '--quantity', '1'), 0);
    assert.match(await refused('activate', ...SITE, '--target', 'es-01', '--activation-id', 'ACT-7F3A-0002', '--quantity', '1'), /already active on 'es-01'/);
    assert.match(await refused('return', ...SITE, '--target', 'as-01'), /no transaction on as-01/);
    assert.match(await refused('repair', ...SITE, '--target', 'es-01'), /not broken|that is broken/);
  });

  it('--anyway writes what the ledger contradicts, with the reason, as a warning (BMS083)', async () => {
    assert.equal(await s.cli('record', 'activate', ...SITE, '--target', 'es-01', '--activation-id', 'ACT-7F3A-0002', '--quantity', '1'), 0);
    assert.equal(await s.cli('record', 'activate', ...SITE, '--target', 'es-01', '--activation-id', 'ACT-7F3A-0002', '--quantity', '1', '--anyway', 'DA shows a second activation'), 0, s.cli.err);
    assert.match(s.cli.err, /^warning BMS083/m);
    const last = s.events().at(-1)!;
    assert.deepEqual([last.anyway, last.reason], [true, 'DA shows a second activation']);
    assert.equal(await s.cli('validate', '--format', 'json'), 0);
    const found = (JSON.parse(s.cli.out) as { diagnostics: { code: string; line: number; file: string }[] }).diagnostics.filter((d) => d.code === 'BMS083');
    assert.deepEqual(found.map((d) => [d.file.endsWith('.ledger.jsonl'), d.line]), [[true, 2]]);
  });

  it('return finds its transaction by --vendor-ref and takes all of it; broken then repair; --at dates work done before', async () => {
    assert.equal(await s.cli('record', 'activate', ...SITE, '--target', 'as-01', '--activation-id', 'ACT-9C21-0001', '--quantity', '2', '--activation-id', 'ACT-9C21-0002', '--quantity', '1', '--vendor-ref', 'FID-77', '--at', '2025-06-02'), 0, s.cli.err);
    assert.equal(s.events()[0]!.at, '2025-06-02T12:00:00Z');
    assert.equal(await s.cli('record', 'broken', ...SITE, '--target', 'as-01', '--activation-id', 'ACT-9C21-0002', '--reason', 'restore'), 0, s.cli.err);
    assert.equal(await s.cli('plan', ...SITE), 0);
    assert.match(s.cli.out, /repair .*T-20250602-\w+.*\n(.*\n)*.*4 repairs .*as-01 left/);
    assert.equal(await s.cli('record', 'repair', ...SITE, '--target', 'as-01'), 0, s.cli.err);
    assert.equal(await s.cli('record', 'return', ...SITE, '--target', 'as-01', '--vendor-ref', 'FID-77'), 0, s.cli.err);
    const ret = s.events().at(-1)!;
    assert.deepEqual([ret.op, (ret.lines as unknown[]).length, ret.via], ['return', 2, 'device-administrator']);
    assert.equal(await s.cli('record', 'return', ...SITE, '--target', 'as-01', '--vendor-ref', 'FID-77'), 1, 'a second return of the same transaction is refused');
  });

  it('a fifth repair in 12 months is recorded with BMS061 warning, not refused', async () => {
    assert.equal(await s.cli('record', 'activate', ...SITE, '--target', 'es-01', '--activation-id', 'ACT-7F3A-0002', '--quantity', '1'), 0);
    for (let i = 0; i < 5; i++) {
      assert.equal(await s.cli('record', 'broken', ...SITE, '--target', 'es-01', '--reason', 'time'), 0, s.cli.err);
      assert.equal(await s.cli('record', 'repair', ...SITE, '--target', 'es-01'), 0, s.cli.err);
    }
    assert.match(s.cli.err, /^warning BMS061/m);
  });

  it('offline: request-created then response-imported activates; an offline return waits for confirm-return', async () => {
    assert.equal(await s.cli('record', 'request-created', ...SITE, '--target', 'fdp-01', '--activation-id', 'ACT-9C21-0004', '--quantity', '1', '--vendor-ref', 'REQ-1'), 0, s.cli.err);
    assert.equal(await s.cli('record', 'response-imported', ...SITE, '--target', 'fdp-01'), 0, s.cli.err);
    assert.deepEqual(s.events().map((e) => e.op), ['request-created', 'activate', 'response-imported']);
    assert.equal(await s.cli('record', 'confirm-return', ...SITE, '--target', 'fdp-01'), 1);
  });

  it('adopt and void: lines of an earlier version count once adopted; a void cancels a line in every view', async () => {
    const old = { at: '2026-01-10T09:00:00Z', op: 'activate', site: 'hospital-north', target: 'ec-01', activationId: 'ACT-7F3A-0001', quantity: 1, transaction: 'T-OLD-1', mode: 'online', by: 'root' };
    s.append(old, { ...old, target: 'fdp-01', activationId: 'ACT-9C21-0004', transaction: 'T-OLD-2' });
    assert.equal(await s.cli('validate', '--format', 'json'), 0);
    const warned = (JSON.parse(s.cli.out) as { diagnostics: { code: string; line: number }[] }).diagnostics.filter((d) => d.code === 'BMS067');
    assert.deepEqual(warned.map((d) => d.line), [1, 2]);
    assert.equal(await s.cli('plan', ...SITE, '--format', 'json'), 0);
    assert.ok((JSON.parse(s.cli.out) as { actions: { target: string }[] }).actions.some((a) => a.target === 'ec-01'), 'not adopted: still to activate');
    assert.equal(await s.cli('record', 'adopt', ...SITE, '--line', '1'), 0, s.cli.err);
    assert.deepEqual([s.events()[2]!.op, s.events()[2]!.line, s.events()[2]!.via], ['adopt', 1, 'device-administrator']);
    assert.equal(await s.cli('record', 'adopt', ...SITE, '--line', '1'), 1, 'adopted already');
    assert.equal(await s.cli('record', 'void', ...SITE, '--line', '2', '--reason', 'practice run on the wrong site'), 0, s.cli.err);
    assert.equal(await s.cli('record', 'adopt', ...SITE, '--all'), 0);
    assert.match(s.cli.out, /Nothing to adopt/);
    assert.equal(await s.cli('plan', ...SITE, '--format', 'json'), 0);
    const targets = (JSON.parse(s.cli.out) as { actions: { target: string }[] }).actions.map((a) => a.target);
    assert.ok(!targets.includes('ec-01') && targets.includes('fdp-01'));
    assert.equal(await s.cli('validate', '--format', 'json'), 0);
    assert.deepEqual((JSON.parse(s.cli.out) as { diagnostics: { code: string }[] }).diagnostics.filter((d) => ['BMS067', 'BMS068', 'BMS063'].includes(d.code)), []);
    assert.equal(await s.cli('record', 'void', ...SITE, '--line', '2'), 1, 'a void needs its reason');
  });

  it('record on a simulator site is refused (a recorded step would not count there)', async () => {
    s.remove();
    s = realSite('simulator');
    assert.equal(await s.cli('record', 'activate', ...SITE, '--target', 'es-01', '--activation-id', 'ACT-7F3A-0002', '--quantity', '1'), 1);
    assert.match(s.cli.err, /BMS069/);
    assert.deepEqual(s.events(), []);
  });

  it('bad usage is exit 2: no op, an unknown op, a quantity without its id, a bad --at', async () => {
    assert.equal(await s.cli('record'), 2);
    assert.equal(await s.cli('record', 'activat', ...SITE), 2);
    assert.equal(await s.cli('record', 'activate', ...SITE, '--target', 'es-01', '--quantity', '1'), 2);
    assert.equal(await s.cli('record', 'activate', ...SITE, '--target', 'es-01', '--activation-id', 'ACT-7F3A-0002', '--quantity', '1', '--at', 'yesterday'), 2);
    assert.deepEqual(s.events(), []);
  });
});
