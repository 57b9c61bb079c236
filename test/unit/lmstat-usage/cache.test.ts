import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLmstat } from '../../../src/engine/lmstat';
import { readUsage, toCachedUsage, usageFile, usageReader, writeUsage, type CachedUsage } from '../../../src/engine/lmstat/cache';
import type { LmstatText } from '../../../src/engine/lmstat/source';
import { summarizeLmstat } from '../../../src/engine/lmstat/summary';
import { FIXTURES } from './fakeLmutil';

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function reading(name: string): LmstatText {
  const text = fixture(name);
  return { text, result: parseLmstat(text), source: { kind: 'lmutil', path: 'lmutil', args: ['lmstat', '-a', '-c', '@localhost'], exitCode: 0 } };
}

const AT = new Date('2026-01-15T10:20:00Z');
const root = () => mkdtempSync(join(tmpdir(), 'bms-usage-'));

describe('lmstat usage summary and cache', () => {
  it('summary: a triad up, seats counted once, users kept', () => {
    const s = summarizeLmstat(parseLmstat(fixture('03-triad-macrovision-header-users.txt')));
    assert.equal(s.state, 'up');
    assert.equal(s.servers.length, 3);
    const f2 = s.features.find((f) => f.name === 'feature2')!;
    assert.deepEqual([f2.inUse, f2.issued, f2.users.length], [22, 144, 22]);
    assert.deepEqual(f2.users[0], { user: 'user1', host: 'server034', display: 'server0340', start: 'Fri 10/20 16:40', licenses: 1 });
  });

  it('summary: down with the FlexNet error explained (-96, -15, -97), degraded when one triad member is down', () => {
    const down96 = summarizeLmstat(parseLmstat(fixture('15-lmgrd-not-running-96.txt')));
    assert.equal(down96.state, 'down');
    assert.equal(down96.error?.code, '-96');
    assert.match(down96.error!.action, /Start the License Server service/);
    assert.equal(summarizeLmstat(parseLmstat(fixture('19-old-macrovision-cannot-connect-15.txt'))).error?.code, '-15');
    const daemon = summarizeLmstat(parseLmstat(fixture('17-windows-vendor-daemon-down-97-crlf.txt')));
    assert.deepEqual([daemon.state, daemon.error?.code], ['down', '-97']);
    const triad = summarizeLmstat(parseLmstat(fixture('01-triad-one-server-cannot-connect-15.txt')));
    assert.deepEqual([triad.state, triad.error?.code], ['degraded', '-15']);
  });

  it('summary: uncounted features have no seat numbers; lmstat -i only gives issued and an unknown state', () => {
    const comsol = summarizeLmstat(parseLmstat(fixture('05-comsol-windows-uncounted-unsupported.txt')));
    const serial = comsol.features.find((f) => f.name === 'SERIAL')!;
    assert.deepEqual([serial.uncounted, serial.issued, serial.inUse], [true, null, null]);
    const i = summarizeLmstat(parseLmstat(fixture('10-lmstat-i-dated-and-year-zero.txt')));
    assert.equal(i.state, 'unknown');
    assert.deepEqual([i.features[0].name, i.features[0].issued, i.features[0].inUse], ['feature1', 2, null]);
  });

  it('round-trips through .bmslicense/lmstat/<site>/<ls>.json with its time and source', async () => {
    const dir = root();
    const usage = toCachedUsage(reading('03-triad-macrovision-header-users.txt'), { site: 'plant', licenseServer: 'ls-ec', address: ' 28000@host1 ' }, AT);
    const w = await writeUsage(dir, usage);
    assert.ok(w.ok);
    assert.equal(w.file, join(dir, '.bmslicense', 'lmstat', 'plant', 'ls-ec.json'));
    const back = readUsage(dir, 'plant', 'ls-ec')!;
    assert.deepEqual(back, JSON.parse(JSON.stringify(usage)));
    assert.equal(back.at, '2026-01-15T10:20:00.000Z');
    assert.equal(back.address, '28000@host1');
    assert.deepEqual(back.source, { kind: 'lmutil', command: 'lmutil lmstat -a -c @localhost', exitCode: 0 });
    assert.equal(readUsage(dir, 'plant', 'ls-es'), undefined, 'never refreshed');
    assert.equal(readUsage(dir, 'other', 'ls-ec'), undefined);
  });

  it('ids cannot leave the cache folder', () => {
    const dir = '/w';
    for (const [site, ls] of [['..', '..'], ['../x', 'a/../../b'], ['a\\b', 'c:d']]) {
      const file = usageFile(dir, site, ls);
      assert.ok(file.startsWith('/w/.bmslicense/lmstat/'), file);
      assert.equal(file.split('/').length, 6, file);
    }
  });

  it('an unreadable or foreign cache file reads as no usage', async () => {
    const dir = root();
    const file = usageFile(dir, 'plant', 'ls-ec');
    mkdirSync(join(dir, '.bmslicense', 'lmstat', 'plant'), { recursive: true });
    writeFileSync(file, '{"version":1,"at":');
    assert.equal(readUsage(dir, 'plant', 'ls-ec'), undefined);
    writeFileSync(file, JSON.stringify({ version: 99, at: 'x', state: 'up', features: [], servers: [] }));
    assert.equal(readUsage(dir, 'plant', 'ls-ec'), undefined);
    const moved = toCachedUsage(reading('19-old-macrovision-cannot-connect-15.txt'), { site: 'plant', licenseServer: 'ls-other' }, AT);
    writeFileSync(file, JSON.stringify(moved));
    assert.equal(readUsage(dir, 'plant', 'ls-ec'), undefined, 'a file copied under another License Server name');
  });

  it('atomic write: a failed rename leaves no temp file and the other readings whole', async () => {
    const dir = root();
    const first = toCachedUsage(reading('03-triad-macrovision-header-users.txt'), { site: 'plant', licenseServer: 'ls-ec' }, AT);
    assert.ok((await writeUsage(dir, first)).ok);
    // A folder where the file of another License Server would go makes its rename fail.
    mkdirSync(usageFile(dir, 'plant', 'ls-es'));
    const second = toCachedUsage(reading('19-old-macrovision-cannot-connect-15.txt'), { site: 'plant', licenseServer: 'ls-es' }, AT);
    const w = await writeUsage(dir, second);
    assert.equal(w.ok, false);
    assert.match(!w.ok ? w.error.message : '', /'ls-es'.*folder is writable/);
    assert.deepEqual(readdirSync(join(dir, '.bmslicense', 'lmstat', 'plant')).sort(), ['ls-ec.json', 'ls-es.json']);
    assert.equal(readUsage(dir, 'plant', 'ls-ec')?.state, 'up');
  });

  it('atomic write: concurrent writers leave one whole reading', async () => {
    const dir = root();
    const readings: CachedUsage[] = ['03-triad-macrovision-header-users.txt', '19-old-macrovision-cannot-connect-15.txt', '06-matlab-v11.19.6-pid-suffix.txt'].map((f) =>
      toCachedUsage(reading(f), { site: 'plant', licenseServer: 'ls-ec' }, AT),
    );
    const results = await Promise.all([...readings, ...readings].map((u) => writeUsage(dir, u)));
    assert.ok(results.every((r) => r.ok));
    const back = readUsage(dir, 'plant', 'ls-ec')!;
    assert.ok(readings.some((u) => JSON.stringify(u) === JSON.stringify(back)));
    assert.deepEqual(readdirSync(join(dir, '.bmslicense', 'lmstat', 'plant')), ['ls-ec.json']);
  });

  it('usageReader re-reads a file only after it changed', async () => {
    const dir = root();
    const read = usageReader(dir);
    assert.equal(read('plant', 'ls-ec'), undefined);
    await writeUsage(dir, toCachedUsage(reading('03-triad-macrovision-header-users.txt'), { site: 'plant', licenseServer: 'ls-ec' }, AT));
    const a = read('plant', 'ls-ec');
    assert.equal(a?.state, 'up');
    assert.equal(read('plant', 'ls-ec'), a, 'same object while unchanged');
    await writeUsage(dir, toCachedUsage(reading('19-old-macrovision-cannot-connect-15.txt'), { site: 'plant', licenseServer: 'ls-ec' }, AT));
    assert.equal(read('plant', 'ls-ec')?.state, 'down');
  });
});
