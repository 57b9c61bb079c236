import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkspace } from '../../../src/engine/load/files';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { parseLicensesLog } from '../../../src/engine/lmstat/licensesLog';
import { LICENSES_LOG_CACHE_VERSION, licensesLogReaderForSites, writeLicensesLog, type CachedLicensesLog } from '../../../src/engine/lmstat/licensesLogCache';
import { summarizeLicensesLog } from '../../../src/engine/lmstat/licensesLogSummary';
import { buildSiteTree } from '../../../src/engine/tree/build';

const EXAMPLE = join(__dirname, '../../../examples/hospital-north');
const LOG = join(__dirname, '../lmstat/licenses-log/04-bms-site-clock-difference-constructed.log');

describe('site tree: the licenses log on its License Server', () => {
  const index = new WorkspaceIndex();
  index.setText('file:///w/site.bms.yaml', readFileSync(join(EXAMPLE, 'site.bms.yaml'), 'utf8'));
  index.setText('file:///w/plan.bms.yaml', readFileSync(join(EXAMPLE, 'plan.bms.yaml'), 'utf8'));
  const entry: CachedLicensesLog = { version: LICENSES_LOG_CACHE_VERSION, at: '2026-11-24T08:00:00Z', site: 'hospital-north', licenseServer: 'ls-main', file: 'licenses.log', ...summarizeLicensesLog(parseLicensesLog(readFileSync(LOG, 'utf8'))) };

  it('shows the denials on the node, a Licenses log row, and one row per feature and user with what to do', () => {
    const tree = buildSiteTree({ index, licensesLogOf: (site, ls) => (site === 'hospital-north' && ls === 'ls-main' ? entry : undefined) });
    const ls = tree.byId.get('site:hospital-north/licenseServer:ls-main') ?? [...tree.byId.values()].find((n) => n.kind === 'licenseServer' && n.target === 'ls-main')!;
    assert.match(ls.description, / · log: 4 denied \(2 clock difference\) · 1 queued$/);
    const row = ls.children.find((c) => c.type === 'log')!;
    assert.equal(row.label, 'Licenses log');
    assert.equal(row.description, '4 denied (2 clock difference) · 1 queued · licenses.log');
    assert.match(row.tooltip, /2 checkout\(s\) denied because .*\(FlexNet -34\)/);
    assert.deepEqual(row.children.map((c) => [c.label, c.description]).slice(0, 2), [
      ['client.station', 'denied · ops@ws-lobby · 2× 2026-11-23 8:03:12 – 2026-11-23 8:03:40'],
      ['client.graphiceditor', 'denied · eng2@eng-02 · at 2026-11-23 8:11:30'],
    ]);
    assert.match(row.children[0].tooltip, /clock of ws-lobby is more/);
    const other = [...tree.byId.values()].find((n) => n.kind === 'licenseServer' && n.target === 'ls-eng')!;
    assert.ok(!other.children.some((c) => c.type === 'log'), 'the other License Server has no log');
  });

  it('a reader for one pass (a tree build) looks for the logs folder once: a log imported during the pass shows in the next one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bms-log-'));
    try {
      cpSync(EXAMPLE, join(dir, 'hospital-north'), { recursive: true });
      const ws = loadWorkspace([dir]).index;
      const reader = licensesLogReaderForSites(ws);
      const pass = reader.forOnePass();
      assert.equal(pass('hospital-north', 'ls-main'), undefined, 'no log yet');
      assert.ok(writeLicensesLog(dir, entry).ok);
      assert.equal(pass('hospital-north', 'ls-main'), undefined, 'the pass saw no logs folder');
      assert.equal(reader.forOnePass()('hospital-north', 'ls-main')?.file, 'licenses.log', 'the next pass reads it');
      assert.equal(reader('hospital-north', 'ls-main')?.file, 'licenses.log');
      assert.equal(reader.forOnePass()('hospital-north', 'ls-eng'), undefined, 'a License Server without a log has none');
      // A tree build takes the one-pass reader: the log shows on its License Server.
      const tree = buildSiteTree({ index: ws, licensesLogOf: reader });
      assert.ok([...tree.byId.values()].some((n) => n.kind === 'licenseServer' && n.target === 'ls-main' && n.children.some((c) => c.type === 'log')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
