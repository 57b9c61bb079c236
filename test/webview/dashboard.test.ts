import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import type { SiteReport } from '../../src/engine/report/types';
import { exampleWorkspace, HOSTILE, hostileWorkspace } from '../unit/report/fixture';
import { join } from 'node:path';
import { renderReport } from '../../src/engine/report';
import { needs } from '../support/tools';
import { OUTPUT, startHarness, type DashboardPage, type Harness } from './harness';

/** Texts of the cells of each row of a table, by its aria-label. */
async function tableTexts(d: DashboardPage, label: string): Promise<string[][]> {
  return d.page.$$eval(`table[aria-label="${label}"] tbody tr`, (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim())));
}

async function selectTab(d: DashboardPage, title: string): Promise<void> {
  await d.page.locator('vscode-tab-header', { hasText: title }).click();
}

describe('license dashboard webview (headless Chromium)', function () {
  this.timeout(60_000);
  let harness: Harness;
  let example: SiteReport;
  let hostile: SiteReport;
  const cleanups: (() => void)[] = [];

  before(needs('chromium'));
  before(async () => {
    const e = exampleWorkspace();
    const h = hostileWorkspace();
    cleanups.push(e.dispose, h.dispose);
    example = e.report;
    hostile = h.report;
    harness = await startHarness();
  });
  after(async () => {
    await harness?.close();
    for (const c of cleanups) c();
  });

  it('shows Required / Planned / Activated / Used / Available per target and feature', async () => {
    const d = await harness.open('light');
    assert.deepEqual(await d.posted(), [{ type: 'ready' }]);
    await d.show(example);
    const rows = await tableTexts(d, 'Servers and License Servers');
    const find = (target: string, feature: string) => rows.find((r) => r[0] === target && r[2] === feature);
    assert.deepEqual(find('ls-eng', 'client.graphiceditor')?.slice(3, 8), ['2', '2', '2', '1', '1']);
    assert.deepEqual(find('es-01', 'connected-devices')?.slice(3, 6), ['2', '2', '2']);
    assert.deepEqual(find('es-02', 'server.ec.es')?.slice(3, 6), ['1', '1', '0']);
    // Waiting for its offline response, and fdp-01's returned base license is not activated yet: neither is a violation.
    assert.equal(find('es-02', 'server.ec.es')![8], 'waiting for an offline response');
    assert.equal(find('fdp-01', 'fdp.server')![8], 'not activated yet');
    assert.equal(rows.filter((r) => r[0] === 'as-03').length, 1, 'a server with nothing planned still has its row');
    const violations = await d.page.$$eval('table[aria-label="Servers and License Servers"] tr.violation td:first-child', (cells) => cells.map((c) => c.textContent));
    assert.deepEqual(violations, []);
    assert.equal(await d.page.textContent('#counters .counter:first-child .v'), `${example.summary.activated} / ${example.summary.planned}`);
    // A simulator site: its banner comes first and the count says simulated, never activated on the real system.
    assert.equal(example.site.activation, 'simulator');
    assert.equal(await d.page.textContent('#banner'), example.banner);
    assert.match((await d.page.textContent('#counters .counter:first-child')) ?? '', /simulated of planned/);
    assert.deepEqual(d.errors, []);
    assert.deepEqual(await d.cspViolations(), [], 'the page runs under its CSP without violations');
    await d.page.close();
  });

  it('shows entitlements with quantity, assigned, activated and left, and the expiry timeline without permanent licenses', async () => {
    const d = await harness.open('light');
    await d.show(example);
    await selectTab(d, 'Entitlements');
    const ents = await tableTexts(d, 'Entitlements');
    assert.deepEqual(ents.find((r) => r[1] === 'ACT-9C21-0001')?.slice(4, 8), ['6', '6', '3', '0']);
    assert.equal(ents.length, 9);
    assert.equal(ents.find((r) => r[1] === 'ACT-7F3A-0004')?.[10], 'all activated', 'each entitlement says its status');
    assert.equal(ents.find((r) => r[1] === 'ACT-7F3A-0005')?.[10], 'not activated yet');
    await selectTab(d, 'Expiry');
    const dots = await d.page.$$eval('svg.timeline g.row', (gs) => gs.map((g) => ({ cls: g.getAttribute('class'), label: g.getAttribute('aria-label') })));
    assert.deepEqual(dots.map((x) => x.cls), ['row expiring', 'row expiring']);
    assert.ok(dots.every((x) => !/permanent/.test(x.label ?? '')));
    await d.screenshot('timeline-light');
    await d.page.close();
  });

  it('posts a reveal message with the row key when a row is clicked, and keeps the selection in its state', async () => {
    const d = await harness.open('dark');
    await d.show(example);
    await d.page.locator('table[aria-label="Servers and License Servers"] tr', { hasText: 'fdp.server' }).click();
    const posted = await d.posted();
    assert.deepEqual(posted.at(-1), { type: 'reveal', target: 'target:fdp-01' });
    assert.ok(example.locations['target:fdp-01'], 'the key names a location the host knows');
    const state = await d.page.evaluate(() => (window as unknown as { __state: { selected?: string; report?: SiteReport } }).__state);
    assert.equal(state.selected, 'target:fdp-01');
    assert.equal(state.report?.site.name, 'hospital-north');
    await d.page.close();
  });

  it('filters the ledger history by operation and text, and restores the filters from its state', async () => {
    const d = await harness.open('light');
    await d.show(example);
    await selectTab(d, 'Ledger');
    assert.equal((await tableTexts(d, 'Ledger history')).length, 10);
    await d.page.locator('#filter-text').click();
    await d.page.keyboard.type('as-01');
    await d.page.waitForFunction(() => document.querySelectorAll('table[aria-label="Ledger history"] tbody tr').length === 3);
    const rows = await tableTexts(d, 'Ledger history');
    assert.deepEqual(rows.map((r) => r[2]), ['activate', 'broken', 'repair']);
    const state = await d.page.evaluate(() => (window as unknown as { __state: { filters: unknown; tab: number } }).__state);
    assert.deepEqual(state.filters, { op: '', target: '', text: 'as-01' });
    // A reload gives the state back (as VS Code does for a hidden or restored panel).
    await d.page.addInitScript((s) => ((window as unknown as { __initialState: unknown }).__initialState = s), state);
    await d.page.reload();
    await d.page.waitForSelector('#dashboard');
    await d.page.waitForFunction(() => document.querySelectorAll('table[aria-label="Ledger history"] tbody tr').length === 3);
    await d.page.close();
  });

  it('executes nothing from names with markup, script, javascript: URLs or CSS, and shows them as text', async () => {
    const d = await harness.open('dark');
    await d.show(hostile);
    for (const tab of ['Entitlements', 'Expiry', 'Ledger', 'Problems', 'Servers']) await selectTab(d, tab);
    const found = await d.page.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      styles: document.querySelectorAll('style').length,
      links: document.querySelectorAll('a, [href], [src]:not(script)').length,
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
      display: getComputedStyle(document.body).display,
      title: document.querySelector('#site-name')?.textContent,
    }));
    assert.deepEqual(found, { img: 0, scripts: 0, styles: 0, links: 0, handlers: 0, display: 'block', title: 'evil' });
    const rows = await tableTexts(d, 'Servers and License Servers');
    assert.deepEqual(rows.map((r) => r[0]), [HOSTILE.css, HOSTILE.img, HOSTILE.script]);
    assert.ok((await d.page.textContent('svg.timeline'))!.includes(HOSTILE.img), 'timeline labels are text too');
    assert.ok((await d.page.textContent('.facts'))!.includes(HOSTILE.quote));
    assert.deepEqual(d.dialogs, [], 'no alert() ran');
    assert.deepEqual(d.errors, []);
    assert.deepEqual(await d.cspViolations(), []);
    await d.screenshot('hostile-dark');
    await d.page.close();
  });

  it('ignores messages that are not a report', async () => {
    const d = await harness.open('light');
    await d.page.evaluate(() => window.postMessage({ type: 'report', report: { site: { name: '<b>x</b>' } } }, '*'));
    await d.page.evaluate(() => window.postMessage({ type: 'error', message: '<img src=x onerror=alert(5)>' }, '*'));
    await d.page.waitForSelector('#error');
    assert.equal(await d.page.textContent('#error'), '<img src=x onerror=alert(5)>');
    assert.equal(await d.page.$('#dashboard'), null);
    assert.deepEqual(d.dialogs, []);
    await d.page.close();
  });

  it('renders the HTML report of the hostile site without running anything, on screen and in print', async () => {
    const page = await harness.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const dialogs: string[] = [];
    page.on('dialog', (dlg) => (dialogs.push(dlg.message()), void dlg.dismiss()));
    await page.setContent(renderReport(hostile, 'html'));
    assert.equal(await page.$$eval('img, script, a', (els) => els.length), 0);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(OUTPUT, 'report-hostile-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setContent(renderReport(example, 'html'));
    await page.screenshot({ path: join(OUTPUT, 'report-example.png') });
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  it('saves screenshots of the light, dark and high-contrast themes', async () => {
    for (const theme of ['light', 'dark', 'high-contrast'] as const) {
      const d = await harness.open(theme);
      await d.show(example);
      const file = await d.screenshot(`dashboard-${theme}`);
      assert.ok(existsSync(file));
      const bg = await d.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, theme === 'light' ? 'rgb(255, 255, 255)' : theme === 'dark' ? 'rgb(31, 31, 31)' : 'rgb(0, 0, 0)');
      if (theme === 'dark') {
        await selectTab(d, 'Expiry');
        await d.screenshot('timeline-dark');
        await selectTab(d, 'Entitlements');
        await d.screenshot('entitlements-dark');
      }
      await d.page.close();
    }
  });
});
