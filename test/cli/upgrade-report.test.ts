import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';

const ROOT = path.resolve(__dirname, '../..');

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { cwd: ROOT, env: {}, out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** The rows of the Markdown table under `## title`, as cells. */
function rows(md: string, title: string): string[][] {
  const section = md.split(`\n## ${title}\n`)[1]?.split('\n## ')[0] ?? '';
  return section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| Activation ID') && !l.startsWith('| Server |')).map((l) => l.slice(2, -2).split(' | '));
}

describe('bmslicense upgrade-report', () => {
  it('riverside-plant (6.0) → 7.0: what stays with License Administrator, what moves to Device Administrator, what ends, what to count', async () => {
    const r = await cli('upgrade-report', '--site', 'riverside-plant', '--to', '7.0', '--workspace', 'examples/riverside-plant', '--today', '2026-12-02');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^# Upgrade report: riverside-plant, EBO 6\.0 \(2024\) → 7\.0\n/);
    assert.deepEqual(rows(r.out, 'Stays with License Administrator').map((c) => [c[0], c[2], c[3]]), [['ACT-RP-0006', 'client.graphiceditor', 'local']]);
    // Client seats of earlier releases are not recognized on 7.0: the tier gives the clients (community KB 523934).
    const stops = rows(r.out, 'Stops counting with the upgrade');
    assert.deepEqual(stops.map((c) => [c[0], c[2], c[3]]), [['ACT-RP-0005', 'client.station', 'network']]);
    assert.match(stops[0][6], /not recognized on 7\.0/);
    assert.match(r.out, /## Choose the tier\n\n/);
    assert.match(r.out.split('## Choose the tier')[1]!, /^.*`--tier essential\|advanced\|advanced-plus`/m);
    const moves = rows(r.out, 'Needs a new entitlement through Device Administrator');
    assert.deepEqual(moves.map((c) => [c[0], c[2], c[3], c[4]]), [['ACT-RP-0001', 'server.enterprise.base', 'network', 'centralized'], ['ACT-RP-0004', 'connected-devices', 'network', 'centralized']]);
    assert.match(moves[0][7], /a centralized license/);
    assert.match(moves[0][7], /\(help 12730, 12486\)/);
    assert.deepEqual(rows(r.out, 'Ends with the upgrade').map((c) => c[2]), ['automation-server-attach']);
    assert.deepEqual(rows(r.out, 'Unchanged').map((c) => c[0]), ['ACT-RP-0101', 'ACT-RP-0102']);
    assert.deepEqual(rows(r.out, 'Ask the vendor').map((c) => c[2]), ['web-services']);
    const devices = rows(r.out, 'Count the connected devices before the upgrade');
    assert.deepEqual(devices.map((c) => [c[0], c[2], c[3]]), [['es-01', '22', '22'], ['as-01', '24', '24'], ['as-02', '9', '9']]);
    assert.match(r.out, /Every server is counted\./);
    assert.match(r.out, /No counted server is short/);
  });

  it('says which servers are not counted yet when the site lists no devices', async () => {
    const r = await cli('upgrade-report', '--site', 'harbour-view', '--to', '7.0', '--workspace', 'examples/broken', '--today', '2026-11-23');
    assert.equal(r.code, 0, r.err);
    const devices = rows(r.out, 'Count the connected devices before the upgrade');
    assert.deepEqual(devices.map((c) => [c[0], c[2]]), [['es-01', '**not counted**'], ['as-01', '**not counted**'], ['es-02', '**not counted**'], ['es-03', '**not counted**']]);
    assert.match(devices[0][4], /lists no devices .*`devices:`/);
    assert.match(r.out, /4 server\(s\) not counted yet\./);
  });

  it('a 3.3 site: the devices counted by the rules of the target version (4.0+), the automation server counted too', async () => {
    const r = await cli('upgrade-report', '--site', 'old-mill', '--to', '7.0', '--workspace', 'test/cli/fixtures/old-33', '--today', '2026-12-01');
    assert.equal(r.code, 0, r.err);
    const devices = rows(r.out, 'Count the connected devices before the upgrade');
    // 20 BACnet devices and 2 MP controllers count; the 24 devices behind the controllers do not (3.x rules: 46).
    assert.deepEqual(devices.map((c) => [c[0], c[2], c[3]]), [['es-01', '22', '46'], ['as-01', '10', '0']]);
    assert.match(devices[0][4], /EBO 4\.0 and later \(help 16220\)/);
    assert.doesNotMatch(r.out, /not counted\*\*/);
    assert.match(r.out, /Every server is counted\./);
    assert.match(r.out, /1 counted server\(s\) have fewer/);
  });

  it('--tier says what the chosen tier gives; an unknown tier is refused with the known ones', async () => {
    const r = await cli('upgrade-report', '--site', 'old-mill', '--to', '7.0', '--tier', 'essential', '--workspace', 'test/cli/fixtures/old-33', '--today', '2026-12-01');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Tier chosen .*: \*\*essential\*\*\./);
    assert.match(r.out, /includes 3 concurrent client licenses/);
    assert.match(rows(r.out, 'Stops counting with the upgrade')[0][6], /includes 3 concurrent client/);
    const bad = await cli('upgrade-report', '--site', 'old-mill', '--to', '7.0', '--tier', 'gold', '--workspace', 'test/cli/fixtures/old-33');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /essential, advanced, advanced-plus \(got 'gold'\)/);
  });

  it('a site written with a release name (2024) is upgraded from 6.0, shown with both names', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bms-upgrade-'));
    try {
      cpSync(path.join(ROOT, 'examples/riverside-plant'), dir, { recursive: true });
      const site = path.join(dir, 'site.bms.yaml');
      writeFileSync(site, readFileSync(site, 'utf8').replace(/version: "6\.0"/, 'version: 2024'));
      const r = await cli('upgrade-report', '--site', 'riverside-plant', '--to', '7.0', '--workspace', dir, '--today', '2026-12-02');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^# Upgrade report: riverside-plant, EBO 2024 \(6\.0\) → 7\.0\n/);
      assert.deepEqual(rows(r.out, 'Ends with the upgrade').map((c) => c[2]), ['automation-server-attach']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const refused: [string, string[], number, RegExp][] = [
    ['a site already on 7.0', ['--site', 'lakeside-campus', '--to', '7.0', '--workspace', 'examples/lakeside-campus'], 2, /Site 'lakeside-campus' is already EBO 7\.0: there is nothing to upgrade to 7\.0\./],
    ['a target below 7.0', ['--site', 'riverside-plant', '--to', '6.2', '--workspace', 'examples/riverside-plant'], 2, /--to must be 7\.0 or later \(got '6\.2'\)/],
    ['no --to', ['--site', 'riverside-plant'], 2, /--to VERSION is required, e.g\. --to 7\.0/],
    ['an unknown site', ['--site', 'nowhere', '--to', '7.0', '--workspace', 'examples/riverside-plant'], 2, /No Site named 'nowhere'.*\(sites: riverside-plant\)/],
  ];
  for (const [what, args, code, message] of refused) {
    it(`exit ${code} on ${what}`, async () => {
      const r = await cli('upgrade-report', ...args);
      assert.equal(r.code, code);
      assert.match(r.err, message);
      assert.equal(r.out, '');
    });
  }
});
