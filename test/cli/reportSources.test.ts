// Issue 25.3: a simulation never looks real — the report says where each activation came from.
import { strict as assert } from 'node:assert';
import { realSite, type RealSite } from './realSite';

const SITE = ['--site', 'hospital-north'];
const summaryRow = (md: string, name: string) => new RegExp(`^\\| ${name} \\| (.*) \\|$`, 'm').exec(md)?.[1];

describe('report: simulated, recorded, HTTP and not-adopted activations apart (issue 25.3)', () => {
  let s: RealSite;
  afterEach(() => s.remove());

  it('a simulator site: the banner first, none on the real system, every row simulated (md, html, csv)', async () => {
    s = realSite('simulator');
    assert.equal(await s.cli('activate', ...SITE, '--target', 'es-01'), 0, s.cli.err);
    assert.match(s.cli.out, /simulated: activated/);
    assert.equal(await s.cli('report', ...SITE), 0, s.cli.err);
    const md = s.cli.out;
    assert.match(md.split('\n')[2]!, /^> \*\*Simulation: .*hospital-north .*real system/);
    assert.match(summaryRow(md, 'Licenses activated')!, /^none on the real system/);
    assert.equal(summaryRow(md, 'Activations by source'), 'recorded 0 · HTTP 0 · simulated 2 · not adopted 0');
    // The status (issue 28's one function) says simulated, and the Source column where it came from.
    assert.match(md, /\| ACT-7F3A-0002 \|.*\| all activated \(simulated\) \| simulated \|$/m);
    assert.equal(await s.cli('report', ...SITE, '--format', 'html'), 0);
    assert.match(s.cli.out, /<p class="banner" role="note"><strong>Simulation: no license/);
    assert.equal(await s.cli('report', ...SITE, '--format', 'csv'), 0);
    const rows = s.cli.out.split('\r\n');
    assert.ok(rows[0]!.endsWith(',Source'));
    assert.ok(rows.some((r) => r.includes('ACT-7F3A-0002') && r.endsWith(',simulated')));
  });

  it('a vendor-tools site: no banner, recorded activations counted on the real system', async () => {
    s = realSite('vendor-tools');
    assert.equal(await s.cli('record', 'activate', ...SITE, '--target', 'es-01', '--activation-id', 'ACT-7F3A-0002', '--quantity', '1'), 0, s.cli.err);
    assert.equal(await s.cli('report', ...SITE), 0);
    assert.doesNotMatch(s.cli.out, /Simulation:/);
    assert.match(summaryRow(s.cli.out, 'Licenses activated')!, /^1 of 20 planned, .*real system$/);
    assert.equal(summaryRow(s.cli.out, 'Activations by source'), 'recorded 1 · HTTP 0 · simulated 0 · not adopted 0');
    assert.match(s.cli.out, /\| all activated \(recorded\) \| .*Device Administrator \|$/m);
  });

  it('a ledger of the previous version in a real site: not adopted, not counted; a leaked simulation counted as simulated', async () => {
    s = realSite('vendor-tools');
    const old = { at: '2026-01-10T09:00:00Z', op: 'activate', site: 'hospital-north', target: 'ec-01', activationId: 'ACT-7F3A-0001', quantity: 1, transaction: 'T-OLD-1', mode: 'online', by: 'root' };
    s.append(old, { ...old, target: 'fdp-01', activationId: 'ACT-9C21-0004', transaction: 'T-SIM-2', via: 'simulator' });
    assert.equal(await s.cli('report', ...SITE), 0, s.cli.err);
    assert.match(summaryRow(s.cli.out, 'Licenses activated')!, /^0 of 20 planned/);
    assert.equal(summaryRow(s.cli.out, 'Activations by source'), 'recorded 0 · HTTP 0 · simulated 1 · not adopted 1');
  });

  it('an http site: HTTP activations counted apart', async () => {
    s = realSite('http');
    s.append({ at: '2026-01-10T09:00:00Z', op: 'activate', site: 'hospital-north', target: 'es-01', activationId: 'ACT-7F3A-0002', quantity: 1, transaction: 'T-H-1', mode: 'online', via: 'http', lasHost: 'las.example:8471', by: 'ci' });
    assert.equal(await s.cli('report', ...SITE), 0, s.cli.err);
    assert.equal(summaryRow(s.cli.out, 'Activations by source'), 'recorded 0 · HTTP 1 · simulated 0 · not adopted 0');
    assert.match(s.cli.out, /\| all activated \(http\) \| .*\(las\.example:8471\) \|$/m);
  });
});
