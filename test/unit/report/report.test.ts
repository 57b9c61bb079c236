import { strict as assert } from 'node:assert';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { renderReport, siteReport } from '../../../src/engine/report';
import { csvCell } from '../../../src/engine/report/render/csv';
import { planYaml, siteYaml } from '../../support/fixtures';
import { exampleWorkspace, HOSTILE, hostileWorkspace, parseCsv, TODAY, type Workspace } from './fixture';

describe('site report view model', () => {
  let ws: Workspace;
  before(() => (ws = exampleWorkspace()));
  after(() => ws.dispose());

  const feature = (target: string, f: string) => ws.report.targets.find((t) => t.id === target)!.features.find((x) => x.feature === f)!;

  it('gives Required / Planned / Activated / Used / Available per target and feature', () => {
    assert.deepEqual(
      ['required', 'planned', 'activated', 'used', 'available'].map((k) => feature('ls-eng', 'client.graphiceditor')[k as 'used']),
      [2, 2, 2, 1, 1],
    );
    // An offline activation request is not an activation: waiting; a returned base license that is still planned is
    // "not activated yet", not a violation (nothing activated short of what is required with nothing left to activate).
    assert.equal(feature('es-02', 'server.ec.es').activated, 0);
    assert.equal(ws.report.targets.find((t) => t.id === 'es-02')!.licenses[0].state, 'requested');
    assert.equal(feature('es-02', 'server.ec.es').status, 'pending-offline');
    assert.equal(feature('fdp-01', 'fdp.server').status, 'not-activated');
    assert.equal(feature('fdp-01', 'fdp.server').violation, undefined);
    assert.equal(feature('fdp-01', 'fdp.server').statusLabel, 'not activated yet');
    assert.deepEqual(ws.report.violations, []);
    assert.equal(ws.report.targets.find((t) => t.id === 'as-03')!.features.length, 0);
    assert.deepEqual(ws.report.targets.filter((t) => t.depth === 2).map((t) => t.id), ['as-01', 'as-02', 'as-03', 'as-04', 'as-05', 'as-06', 'edge-01', 'fdp-01']);
  });

  it('counts entitlement use, keeps permanent licenses off the expiry timeline and dates activations by the activation itself', () => {
    const smart = ws.report.entitlements.find((e) => e.activationId === 'ACT-9C21-0001')!;
    assert.deepEqual([smart.quantity, smart.assigned, smart.activated, smart.left], [6, 6, 3, 0]);
    assert.deepEqual(ws.report.expiries.map((e) => [e.activationId, e.daysLeft, e.status]), [['ACT-7F3A-0005', 21, 'expiring'], ['ACT-9C21-0005', 21, 'expiring']]);
    const as01 = ws.report.targets.find((t) => t.id === 'as-01')!.licenses[0];
    assert.equal(as01.activatedOn, '2028-11-03', 'the later repair does not move the activation date');
  });

  it('lists the ledger history, the problems with line and column, and a location for every key it hands out', () => {
    assert.equal(ws.report.history.length, 10);
    assert.equal(ws.report.history[7].note, 'activate request R-es-02-1; file offline/es-02-activate.req');
    assert.deepEqual(ws.report.problems.map((p) => `${p.code} ${p.file}:${p.line}`), ['BMS041 plan.bms.yaml:17', 'BMS041 plan.bms.yaml:24']);
    const refs = [ws.report.site.ref, ...ws.report.targets.flatMap((t) => [t.ref, ...t.licenses.map((l) => l.ref)]), ...ws.report.entitlements.map((e) => e.ref), ...ws.report.problems.map((p) => p.ref)];
    for (const ref of refs) assert.ok(ref && ws.report.locations[ref], `location of ${ref}`);
    const plain = (v: unknown, at: string): void => {
      if (v === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof v)) return;
      assert.ok(Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype, `${at} is plain JSON`);
      for (const [k, x] of Object.entries(v as object)) plain(x, `${at}.${k}`);
    };
    plain(ws.report, 'report');
  });

  it('attributes site-wide usage to a License Server only when it is the one planning that feature', () => {
    const index = new WorkspaceIndex();
    index.setText('file:///w/site.bms.yaml', siteYaml({ name: 's', licenseServers: [{ id: 'a' }, { id: 'b' }] }));
    index.setText(
      'file:///w/plan.bms.yaml',
      planYaml({
        name: 'p',
        site: 's',
        entitlements: [{ id: 'E', products: [{ activationId: 'X', feature: 'client.station', licenseType: 'network', quantity: 4 }] }],
        assignments: ['a', 'b'].map((ls) => ({ licenseServer: ls, activationId: 'X', quantity: 2 })),
      }),
    );
    const usage = new Map([['client.station', { issued: 4, inUse: 3 }]]);
    const shared = siteReport(index, 's', { diagnostics: [], today: TODAY, usage })!;
    assert.deepEqual(shared.targets.map((t) => t.features[0].used), [null, null]);
    const per = siteReport(index, 's', { diagnostics: [], today: TODAY, usage: { byLicenseServer: new Map([['a', usage]]) } })!;
    assert.deepEqual(per.targets.map((t) => [t.features[0].used, t.features[0].available]), [[3, -3], [null, null]]);
    assert.match(per.targets[0].features[0].violation!, /3 seats in use, 0 activated/);
    assert.equal(per.targets[0].features[0].status, 'violation');
    assert.equal(siteReport(index, 'nope', { diagnostics: [], today: TODAY }), undefined);
  });
});

describe('report renderers with hostile names', () => {
  let ws: Workspace;
  before(() => (ws = hostileWorkspace()));
  after(() => ws.dispose());

  it('HTML escapes every string: no tag, handler, URL or style from the data', () => {
    const html = renderReport(ws.report, 'html');
    assert.ok(!html.includes('<img'), 'no img tag');
    assert.equal(html.match(/<script/g), null, 'no script tag at all');
    assert.equal(html.match(/<style/g)?.length, 1, 'only the report’s own style element');
    assert.equal(html.match(/<\/style>/g)?.length, 1);
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    assert.ok(tags.length > 100);
    for (const tag of tags) assert.ok(!/\s(href|src|on\w+)=/i.test(tag), `no URL or event attribute in ${tag}`);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('Smith, &quot;Jim&quot; &amp; Sons'));
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`));
    assert.match(html, /@media print/);
  });

  it('Markdown shows the names literally: no raw HTML passes through', () => {
    const md = renderReport(ws.report, 'md');
    assert.equal(md.match(/(^|[^\\])</gm), null, 'every < is escaped');
    assert.ok(md.includes('\\<img src=x onerror=alert(1)\\>'));
  });

  it('CSV round-trips commas, quotes and line breaks, and defuses formulas', () => {
    const csv = renderReport(ws.report, 'csv');
    const rows = parseCsv(csv);
    assert.ok(rows.every((r) => r.length === rows[0].length), 'every record has every column');
    const header = rows[0];
    const col = (name: string) => header.indexOf(name);
    const ls = rows.find((r) => r[col('Target')] === HOSTILE.css)!;
    assert.equal(ls[col('Customer')], HOSTILE.quote);
    assert.equal(ls[col('Activation ID')], `'${HOSTILE.formula}`);
    assert.equal(ls[col('Host')], `'${HOSTILE.formula}`);
    assert.ok(rows.some((r) => r[col('Target')] === HOSTILE.img));
    assert.equal(parseCsv(csvCell('line one\nline two, "quoted"') + '\r\n')[0][0], 'line one\nline two, "quoted"');
    for (const risky of ['=1+1', '+1', '-1+2', '@SUM(A1)', '\tx']) assert.equal(parseCsv(csvCell(risky) + '\r\n')[0][0], `'${risky}`);
    assert.equal(csvCell(-3), '-3', 'numbers we compute are left alone');
  });
});
