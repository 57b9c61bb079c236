import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usageReaderForSites, writeUsage } from '../../../src/engine/lmstat/cache';
import { loadWorkspace } from '../../../src/engine/load/files';
import { buildSiteTree } from '../../../src/engine/tree/build';
import type { SiteTree, TreeNode } from '../../../src/engine/tree/types';
import { FIXTURES } from './fakeLmutil';
import { DOWN_15, readerOf, upOutput, usage } from './readings';

const EXAMPLE = join(__dirname, '../../../examples/hospital-north');
const TODAY = new Date('2026-11-23T12:00:00Z');
const LS_MAIN = 'site:hospital-north/licenseServer:ls-main';
const LS_ENG = 'site:hospital-north/licenseServer:ls-eng';

const UP = upOutput('ec01', { 'client.station': [5, 2, ['jsmith', 'operator']], 'client.graphiceditor': [2, 0] });

const labels = (n: TreeNode) => n.children.map((c) => [c.label, c.description]);

describe('site tree: License Server usage under its node', () => {
  const { index } = loadWorkspace([EXAMPLE]);
  const build = (readings: Parameters<typeof readerOf>[0]): SiteTree => buildSiteTree({ index, today: TODAY, usageOf: readerOf(readings) });

  it('without a reading a License Server has no children, and its description is unchanged', () => {
    const plain = buildSiteTree({ index, today: TODAY });
    const withReader = build([]);
    assert.deepEqual(plain.byId.get(LS_MAIN)!.children, []);
    assert.deepEqual(withReader.byId.get(LS_MAIN), plain.byId.get(LS_MAIN));
  });

  it('a status row, then each feature with in use / issued, then its users', () => {
    const tree = build([usage(UP, 'hospital-north', 'ls-main')]);
    const ls = tree.byId.get(LS_MAIN)!;
    assert.deepEqual(labels(ls), [
      ['Usage', 'up · 2026-01-15 10:20 UTC'],
      ['client.station', '2 / 5'],
      ['client.graphiceditor', '0 / 2'],
    ]);
    const station = tree.byId.get(`${LS_MAIN}/feature:client.station`)!;
    assert.deepEqual(labels(station), [
      ['jsmith', 'on ws01 · since Thu 1/15 9:00'],
      ['operator', 'on ws02 · since Thu 1/15 9:01'],
    ]);
    assert.deepEqual(
      [station.kind, station.type, station.contextValue, station.parentId, station.target],
      ['usage', 'feature', 'bms.usage.feature', LS_MAIN, undefined],
    );
    assert.equal(tree.byId.get(`${LS_MAIN}/feature:client.station/user:1`)!.contextValue, 'bms.usage.user');
    assert.equal(tree.byId.get(LS_ENG)!.children.length, 0, 'only the License Server that has a reading');
    assert.equal(tree.roots[0].planned, buildSiteTree({ index, today: TODAY }).roots[0].planned, 'usage rows do not count as targets');
  });

  it('a License Server down at the last refresh says so, with the FlexNet error explained', () => {
    const tree = build([usage(DOWN_15, 'hospital-north', 'ls-main')]);
    const ls = tree.byId.get(LS_MAIN)!;
    assert.match(ls.description, / · down$/);
    assert.match(ls.tooltip, /\*\*Down\*\* .*\(2026-01-15 10:20 UTC, lmutil lmstat -a -c @localhost\)/);
    assert.deepEqual(labels(ls).map(([label]) => label), ['Usage']);
    const [state, error, at] = labels(ls)[0]![1]!.split(' · ');
    assert.deepEqual([state, at], ['DOWN', '2026-01-15 10:20 UTC']);
    assert.match(error!, /^-15 Cannot connect/);
    const status = ls.children[0];
    assert.match(status.tooltip, /firewall/);
    assert.match(status.tooltip, /Refresh License Server Usage/, 'the command to run again');
    const siteText = index.file(ls.location!.uri)!.text;
    assert.equal(siteText.slice(status.location!.focus.start, status.location!.focus.end), '"@localhost"', 'reveals the address');
  });

  it('a reading taken at another address is not shown', () => {
    const tree = build([usage(UP, 'hospital-north', 'ls-main', '@old-host')]);
    assert.deepEqual(tree.byId.get(LS_MAIN)!.children, []);
  });

  it('uncounted, lmstat -i and error features say so instead of numbers', () => {
    const text = `${UP}\nUsers of SERIAL:  (Uncounted, node-locked)\n\nUsers of MISSING:  (Error: 1 licenses, unsupported by licensed server)\n`;
    const ls = build([usage(text, 'hospital-north', 'ls-main')]).byId.get(LS_MAIN)!;
    const byName = new Map(ls.children.map((c) => [c.label, c.description]));
    assert.equal(byName.get('SERIAL'), 'uncounted · 0 in use');
    assert.match(byName.get('MISSING')!, /^error: 1 licenses, unsupported /);
    const i = build([usage(readFileSync(join(FIXTURES, '10-lmstat-i-dated-and-year-zero.txt'), 'utf8'), 'hospital-north', 'ls-main')]).byId.get(LS_MAIN)!;
    assert.deepEqual(labels(i).slice(0, 2), [
      ['Usage', 'license file only (lmstat -i) · 2026-01-15 10:20 UTC'],
      ['feature1', '2 issued'],
    ]);
  });

  it('reads the cache beside the site through usageReaderForSites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bms-tree-'));
    cpSync(EXAMPLE, join(dir, 'nested', 'hospital-north'), { recursive: true });
    const w = await writeUsage(dir, usage(UP, 'hospital-north', 'ls-eng', '27010@eng01.hospital.local'));
    assert.ok(w.ok);
    const ws = loadWorkspace([dir]).index;
    const tree = buildSiteTree({ index: ws, today: TODAY, usageOf: usageReaderForSites(ws) });
    assert.deepEqual(tree.byId.get(LS_ENG)!.children.map((c) => c.label), ['Usage', 'client.station', 'client.graphiceditor']);
    assert.equal(tree.byId.get(LS_MAIN)!.children.length, 0);
  });

  it('a reader for one pass looks for each readings folder once: a reading written during the pass shows in the next one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bms-tree-'));
    cpSync(EXAMPLE, join(dir, 'hospital-north'), { recursive: true });
    const ws = loadWorkspace([dir]).index;
    const reader = usageReaderForSites(ws);
    const pass = reader.forOnePass();
    assert.equal(pass('hospital-north', 'ls-eng'), undefined, 'no reading yet');
    assert.ok((await writeUsage(dir, usage(UP, 'hospital-north', 'ls-eng', '27010@eng01.hospital.local'))).ok);
    assert.equal(pass('hospital-north', 'ls-eng'), undefined, 'the pass saw no readings folder');
    assert.equal(reader.forOnePass()('hospital-north', 'ls-eng')?.state, 'up', 'the next pass reads it');
    assert.equal(reader('hospital-north', 'ls-eng')?.state, 'up');
    assert.equal(reader.forOnePass()('hospital-north', 'ls-main'), undefined, 'a License Server without a reading has none');
  });
});
