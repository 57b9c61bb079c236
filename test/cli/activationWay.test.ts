// Issue 25.1: a Site says how its licenses are activated; the CLI talks to a LAS only where the site says so.
import { strict as assert } from 'node:assert';
import { realSite, type RealSite } from './realSite';

describe('spec.activation from the command line (issue 25.1)', () => {
  let s: RealSite;
  afterEach(() => s?.remove());

  it('a site without spec.activation is a real site: BMS066 information, and the simulator is never asked', async () => {
    s = realSite(undefined);
    assert.equal(await s.cli('validate', '--format', 'json'), 0);
    const found = (JSON.parse(s.cli.out) as { diagnostics: { code: string; severity: string; line: number }[] }).diagnostics.filter((d) => d.code === 'BMS066');
    assert.deepEqual(found.map((d) => [d.severity, d.line]), [['information', 7]]);
    assert.equal(await s.cli('activate', '--site', 'hospital-north', '--target', 'es-01'), 2);
    assert.match(s.cli.err, /bmslicense record activate/);
    assert.deepEqual(s.events(), [], 'nothing written');
  });

  it('BMS066 is a warning when an activation server is configured (BMSLICENSE_LAS_URL)', async () => {
    s = realSite(undefined, { BMSLICENSE_LAS_URL: 'http://127.0.0.1:9' });
    assert.equal(await s.cli('validate', '--format', 'json'), 0);
    const found = (JSON.parse(s.cli.out) as { diagnostics: { code: string; severity: string }[] }).diagnostics.filter((d) => d.code === 'BMS066');
    assert.deepEqual(found.map((d) => d.severity), ['warning']);
  });

  for (const way of ['simulator', 'vendor-tools', undefined] as const) {
    it(`--las on a ${way ?? 'default'} site is a usage error (exit 2), nothing written`, async () => {
      s = realSite(way);
      assert.equal(await s.cli('plan', '--site', 'hospital-north', '--las', 'http://127.0.0.1:9'), 2);
      assert.match(s.cli.err, /--las .*activation: http/);
      assert.equal(await s.cli('activate', '--site', 'hospital-north', '--las', 'http://127.0.0.1:9'), 2);
      assert.deepEqual(s.events(), []);
    });
  }

  it('an http site without a URL says where to give it (exit 2)', async () => {
    s = realSite('http');
    assert.equal(await s.cli('activate', '--site', 'hospital-north', '--target', 'es-01'), 2);
    assert.match(s.cli.err, /--las URL/);
  });

  it('the simulator writes via: simulator on every line, the engine and not a flag', async () => {
    s = realSite('simulator');
    assert.equal(await s.cli('activate', '--site', 'hospital-north', '--target', 'es-01'), 0, s.cli.err);
    const events = s.events();
    assert.ok(events.length > 0);
    for (const e of events) assert.equal(e.via, 'simulator');
    assert.ok(events.every((e) => e.lasHost === undefined));
  });
});
