// Issue 25.4: on a vendor-tools site, plan names the tool, the computer and the values of every action.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { realSite, type RealSite } from './realSite';

interface GuideJson {
  kind: string;
  target: string;
  place: { tool: string; topServer?: string; licenseServer?: string };
  licenses: { activationId: string; quantity: number; entitlementId?: string }[];
  help: number[];
  substeps: string[];
  notes: string[];
  record: string;
}

describe('guided steps for the vendor tools (issue 25.4)', () => {
  let s: RealSite;
  afterEach(() => s?.remove());

  it('network seats: License Administrator on the License Server computer; 7.0 servers: Device Administrator from the top server; one step per target', async () => {
    s = realSite('vendor-tools');
    assert.equal(await s.cli('plan', '--site', 'hospital-north', '--format', 'json'), 0, s.cli.err);
    const guide = (JSON.parse(s.cli.out) as { guide: GuideJson[] }).guide;
    // Hospital North plans no client.station seats on 7.0 (issue 28): the network seats are ls-eng's Graphics Editors.
    const ls = guide.find((g) => g.target === 'ls-eng')!;
    assert.deepEqual([ls.place.tool, ls.licenses, ls.help], ['license-administrator', [{ activationId: 'ACT-7F3A-0004', quantity: 2, entitlementId: 'ENT-2026-0042', feature: 'client.graphiceditor' }], [12688]]);
    const es = guide.filter((g) => g.target === 'es-01');
    assert.equal(es.length, 1, 'the two licenses of es-01 are one transaction: one step');
    assert.deepEqual([es[0]!.place.tool, es[0]!.place.topServer, es[0]!.licenses.map((l) => l.activationId)], ['device-administrator', 'ec-01', ['ACT-7F3A-0002', 'ACT-9C21-0003']]);
    assert.deepEqual(es[0]!.record.split(' ').slice(-14), ['record', 'activate', '--site', 'hospital-north', '--target', 'es-01', '--activation-id', 'ACT-7F3A-0002', '--quantity', '1', '--activation-id', 'ACT-9C21-0003', '--quantity', '2']);
    assert.equal(await s.cli('plan', '--site', 'hospital-north'), 0);
    const step = s.cli.out.split('\n').find((l) => l.includes('ACT-7F3A-0004, quantity 2')) ?? '';
    assert.match(step, /License Administrator .*\(eng01\.hospital\.local\)/);
    assert.match(step, /ACT-7F3A-0004, quantity 2 .*ENT-2026-0042/);
  });

  it('an offline site below 7.0: the ES base license in License Administrator on its License Server, with the request → upload → response steps; --format md is a checklist', async () => {
    s = realSite('vendor-tools');
    fs.cpSync(path.resolve(__dirname, '../../examples/riverside-plant'), s.dir, { recursive: true });
    const site = path.join(s.dir, 'site.bms.yaml');
    fs.writeFileSync(site, fs.readFileSync(site, 'utf8').replace(/activation: simulator.*/, 'activation: vendor-tools'));
    assert.equal(await s.cli('plan', '--site', 'riverside-plant', '--format', 'json'), 0, s.cli.err);
    const guide = (JSON.parse(s.cli.out) as { guide: GuideJson[] }).guide;
    const es = guide.find((g) => g.target === 'es-01')!;
    assert.deepEqual([es.place.tool, es.place.licenseServer, es.substeps.length], ['license-administrator', 'ls-main', 4]);
    assert.match(es.substeps[1]!, /upload/);
    assert.equal(await s.cli('plan', '--site', 'riverside-plant', '--format', 'md'), 0);
    assert.match(s.cli.out, /^# Checklist: site riverside-plant/);
    assert.match(s.cli.out, /^- \[ \] \*\*1\.\*\* License Administrator/m);
    assert.match(s.cli.out, /^ {2}- \[ \] a\) .*create the activation request file$/m);
  });

  it('network seats activated in parts: "activate N more", never a reclaim; the second part is recorded and adds up', async () => {
    s = realSite('vendor-tools');
    assert.equal(await s.cli('record', 'activate', '--site', 'hospital-north', '--target', 'ls-eng', '--activation-id', 'ACT-7F3A-0004', '--quantity', '1'), 0, s.cli.err);
    assert.equal(await s.cli('plan', '--site', 'hospital-north', '--format', 'json'), 0);
    const guide = (JSON.parse(s.cli.out) as { guide: GuideJson[] }).guide;
    const ls = guide.find((g) => g.target === 'ls-eng')!;
    assert.deepEqual([ls.kind, ls.licenses.map((l) => l.quantity)], ['activate-more', [1]]);
    assert.match(ls.notes[0]!, /License Administrator has no reclaim/);
    assert.match(ls.record, /record activate .*--activation-id ACT-7F3A-0004 --quantity 1$/);
    assert.equal(await s.cli('record', 'activate', '--site', 'hospital-north', '--target', 'ls-eng', '--activation-id', 'ACT-7F3A-0004', '--quantity', '1'), 0, s.cli.err);
    assert.equal(await s.cli('plan', '--site', 'hospital-north', '--format', 'json'), 0);
    assert.ok(!(JSON.parse(s.cli.out) as { guide: GuideJson[] }).guide.some((g) => g.target === 'ls-eng'));
  });

  it('a return names every license its transaction takes along and the vendor id', async () => {
    s = realSite('vendor-tools');
    const site = ['--site', 'hospital-north'];
    assert.equal(await s.cli('record', 'activate', ...site, '--target', 'as-01', '--activation-id', 'ACT-9C21-0001', '--quantity', '2', '--activation-id', 'ACT-9C21-0002', '--quantity', '1', '--vendor-ref', 'FID-9'), 0, s.cli.err);
    const plan = path.join(s.dir, 'plan.bms.yaml');
    fs.writeFileSync(plan, fs.readFileSync(plan, 'utf8').replace('    - { server: as-01, activationId: ACT-9C21-0002, quantity: 1 }\n', ''));
    assert.equal(await s.cli('plan', ...site, '--format', 'json'), 0, s.cli.err);
    const ret = (JSON.parse(s.cli.out) as { guide: GuideJson[] }).guide.find((g) => g.kind === 'return')!;
    assert.deepEqual(ret.licenses.map((l) => l.activationId).sort(), ['ACT-9C21-0001', 'ACT-9C21-0002']);
    assert.ok(ret.licenses.every((l) => (l as { vendorRef?: string }).vendorRef === 'FID-9'));
    assert.match(ret.notes[0]!, /takes the whole transaction/);
    assert.deepEqual(ret.help, [6366]);
  });

  it('--format md on a simulator site is a usage error', async () => {
    s = realSite('simulator');
    assert.equal(await s.cli('plan', '--site', 'hospital-north', '--format', 'md'), 2);
    assert.match(s.cli.err, /vendor's tools/);
  });
});
