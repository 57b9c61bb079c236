// Issue 25.2: every ledger event says where it came from; the fold counts it by the site's spec.activation.
import { strict as assert } from 'node:assert';
import { ledgerFindings } from '../../../src/engine/ledger/findings';
import { fold, licenseState } from '../../../src/engine/ledger/fold';
import { parseLedgerWithLines } from '../../../src/engine/ledger/ledger';
import { PROVENANCE_FIELDS, PROVENANCE_OPS } from '../../../src/engine/ledger/provenance';

const at = '2026-11-20T10:00:00Z';
const act = (target: string, tx: string, extra: Record<string, unknown> = {}) => ({ at, op: 'activate', site: 'north', target, activationId: `A-${target}`, quantity: 1, transaction: tx, by: 'jsmith', ...extra });
const text = (...events: Record<string, unknown>[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';
const foldText = (t: string, activation?: 'vendor-tools' | 'simulator' | 'http', simulated?: (target: string, tx: string) => boolean) => {
  const read = parseLedgerWithLines(t);
  return fold(read.events, { activation, site: 'north', lineOf: read.lineOf, simulated });
};
const codes = (t: string, activation: 'vendor-tools' | 'simulator' | 'http', simulated?: (target: string, tx: string) => boolean) =>
  ledgerFindings(t, 'north', { activation, simulated }).map((f) => `${f.code}@${f.line}`);

describe('ledger provenance (issue 25.2)', () => {
  it('the new ops and fields are the names the per-line schema check was told', () => {
    assert.deepEqual([...PROVENANCE_OPS], ['void', 'adopt', 'verified']);
    assert.deepEqual([...PROVENANCE_FIELDS], ['via', 'lasHost', 'vendorRef', 'reason', 'line', 'anyway', 'counts']);
  });

  it('a recorded activation counts on a vendor-tools site and says where it came from', () => {
    const s = foldText(text(act('es-01', 'T-1', { via: 'device-administrator', vendorRef: 'FID-7' })), 'vendor-tools');
    const l = licenseState(s, 'es-01', 'A-es-01')!;
    assert.deepEqual([l.status, l.source, l.real, l.vendorRef, l.line], ['activated', 'device-administrator', true, 'FID-7', 1]);
  });

  it('a simulated line in a real site is an error on its line and counts as nothing', () => {
    const t = text(act('es-01', 'T-1', { via: 'simulator' }));
    const s = foldText(t, 'vendor-tools');
    assert.equal(licenseState(s, 'es-01', 'A-es-01'), undefined);
    assert.deepEqual(s.uncounted.map((u) => [u.line, u.why]), [[1, 'simulated']]);
    assert.deepEqual(codes(t, 'vendor-tools'), ['BMS068@1']);
    assert.deepEqual(codes(t, 'http'), ['BMS068@1']);
  });

  it('a recorded line in a simulator site is an error on its line and counts as nothing', () => {
    const t = text(act('es-01', 'T-1', { via: 'simulator' }), act('as-01', 'T-2', { via: 'license-administrator' }));
    const s = foldText(t, 'simulator');
    assert.equal(licenseState(s, 'as-01', 'A-as-01'), undefined);
    const sim = licenseState(s, 'es-01', 'A-es-01')!;
    assert.deepEqual([sim.source, sim.real], ['simulator', false]);
    assert.deepEqual(codes(t, 'simulator'), ['BMS069@2']);
  });

  it('a line from an earlier version (no via): simulated in a simulator site; on a real site a warning, counted only once adopted', () => {
    const old = act('es-01', 'T-1');
    assert.equal(licenseState(foldText(text(old), 'simulator'), 'es-01', 'A-es-01')?.source, 'simulator');
    assert.equal(licenseState(foldText(text(old), 'vendor-tools'), 'es-01', 'A-es-01'), undefined);
    assert.deepEqual(codes(text(old), 'vendor-tools'), ['BMS067@1']);
    const adopted = text(old, { at, op: 'adopt', site: 'north', line: 1, target: 'es-01', transaction: 'T-1', via: 'device-administrator', by: 'jsmith' });
    const l = licenseState(foldText(adopted, 'vendor-tools'), 'es-01', 'A-es-01')!;
    assert.deepEqual([l.status, l.real], ['activated', true]);
    assert.deepEqual(codes(adopted, 'vendor-tools'), []);
  });

  it('a line without via whose transaction the local simulator knows is simulated outright', () => {
    const known = (target: string, tx: string) => target === 'es-01' && tx === 'T-1';
    const t = text(act('es-01', 'T-1'), act('as-01', 'T-9'));
    assert.deepEqual(foldText(t, 'vendor-tools', known).uncounted.map((u) => [u.line, u.why]), [[1, 'simulated'], [2, 'not-adopted']]);
    assert.deepEqual(codes(t, 'vendor-tools', known), ['BMS068@1', 'BMS067@2']);
  });

  it('void cancels a line for every view; a void that names the wrong line changes nothing and says so', () => {
    const t = text(act('es-01', 'T-1', { via: 'simulator' }), { at, op: 'void', site: 'north', line: 1, target: 'es-01', transaction: 'T-1', reason: 'practice run', by: 'jsmith' });
    const s = foldText(t, 'vendor-tools');
    assert.equal(s.voided.get(1), 'practice run');
    assert.deepEqual(s.uncounted, []);
    assert.deepEqual(codes(t, 'vendor-tools'), []);
    const wrong = text(act('es-01', 'T-1', { via: 'license-administrator' }), { at, op: 'void', site: 'north', line: 1, target: 'as-01', reason: 'typo', by: 'jsmith' });
    assert.equal(licenseState(foldText(wrong, 'vendor-tools'), 'es-01', 'A-es-01')?.status, 'activated');
    assert.deepEqual(codes(wrong, 'vendor-tools'), ['BMS063@2']);
  });

  it('a line recorded --anyway is a warning with its reason', () => {
    const t = text(act('es-01', 'T-1', { via: 'license-administrator', anyway: true, reason: 'LA shows it active' }));
    const f = ledgerFindings(t, 'north', { activation: 'vendor-tools' });
    assert.deepEqual(f.map((x) => [x.code, x.severity]), [['BMS083', 'warning']]);
    assert.match(f[0]!.message, /LA shows it active/);
  });

  it('without a site to judge by, every event counts as before', () => {
    assert.equal(licenseState(fold(parseLedgerWithLines(text(act('es-01', 'T-1'))).events), 'es-01', 'A-es-01')?.status, 'activated');
  });
});
