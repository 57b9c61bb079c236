import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLicensesLog } from '../../../src/engine/lmstat/licensesLog';
import { LICENSES_LOG_CACHE_VERSION, writeLicensesLog } from '../../../src/engine/lmstat/licensesLogCache';
import { summarizeLicensesLog } from '../../../src/engine/lmstat/licensesLogSummary';
import { collectSiteReport, renderReport } from '../../../src/engine/report';

const EXAMPLE = join(__dirname, '../../../examples/hospital-north');
const LOG = join(__dirname, '../lmstat/licenses-log/04-bms-site-clock-difference-constructed.log');

describe('report and dashboard model: the licenses log of a License Server', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bms-report-llog-'));
    cpSync(EXAMPLE, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('puts the kept log on its License Server row and in the Markdown report, with what to do', () => {
    const summary = summarizeLicensesLog(parseLicensesLog(readFileSync(LOG, 'utf8')));
    assert.ok(writeLicensesLog(dir, { version: LICENSES_LOG_CACHE_VERSION, at: '2026-11-24T09:00:00Z', site: 'hospital-north', licenseServer: 'ls-main', file: 'licenses.log', ...summary }).ok);
    const r = collectSiteReport([dir], 'hospital-north', { today: new Date('2026-11-24T00:00:00Z') });
    assert.ok(r.ok);
    const ls = r.report.targets.find((t) => t.id === 'ls-main')!;
    assert.equal(ls.licensesLog?.label, '4 denied (2 clock difference) · 1 queued');
    const { reason, advice, ...problem } = ls.licensesLog!.problems[0]!;
    assert.deepEqual(problem, { feature: 'client.station', who: 'ops@ws-lobby', what: 'denied', count: 2, when: '2026-11-23 8:03:12 – 2026-11-23 8:03:40' });
    assert.equal(reason, `${summary.problems[0]!.reason} (-34)`, "the log's own reason, with its FlexNet code");
    assert.match(advice!, /^the clock of ws-lobby /);
    assert.match(advice!, /\(NTP\)/);
    assert.equal(r.report.targets.find((t) => t.id === 'ls-eng')!.licensesLog, undefined);
    const md = renderReport(r.report, 'md');
    assert.ok(md.includes(`## Licenses logs\n\n### ls-main: ${ls.licensesLog!.label}\n\n`), 'the section, its License Server and the label');
    assert.match(md, /\nlicenses\.log, imported 2026-11-24: 13 /);
    const row = md.split('\n').find((l) => l.startsWith('| client.station | ops@ws-lobby | denied | 2 | '));
    assert.ok(row?.includes(` | ${reason} | ${advice}`), `reason then advice: ${row}`);
    const html = renderReport(r.report, 'html');
    assert.match(html, /<h2>Licenses logs<\/h2>\n<section class="target"><h3>ls-main: /);
    assert.ok(html.includes(`<h3>ls-main: ${ls.licensesLog!.label}</h3>`), 'the label under its License Server');
    assert.match(html, /<td>ops@ws-lobby<\/td>/);
  });

  it('says nothing of licenses logs when none was imported (the golden report stays as it is)', () => {
    const r = collectSiteReport([dir], 'hospital-north', { today: new Date('2026-11-24T00:00:00Z') });
    assert.ok(r.ok);
    assert.doesNotMatch(renderReport(r.report, 'md'), /Licenses log/);
  });
});
