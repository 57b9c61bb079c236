// The benchmarks start the server as the extension does (forked over node IPC, the settings' defaults from
// package.json, debounce included): that start must give what the engineer gets, findings and all.
import assert from 'node:assert/strict';
import { PLAN, SITE } from './fixtures';
import { defaultSettings, TestClient } from './harness';

describe('LSP: the server started as the extension starts it', function () {
  this.timeout(30_000);
  let client: TestClient;
  const asked: (string | undefined)[] = [];

  before(async () => {
    const defaults = defaultSettings();
    client = new TestClient({ 'site.bms.yaml': SITE }, { asExtension: true, configuration: (section) => (asked.push(section), section === 'bmsLicense' ? defaults : null) });
    await client.start(['site.bms.yaml']);
  });
  after(() => client.stop());

  it('reads the defaults of package.json, the debounce among them', () => {
    assert.equal((defaultSettings().validation as { debounceMs: number }).debounceMs, 100);
    assert.ok(asked.includes('bmsLicense'), `configuration asked for: ${JSON.stringify(asked)}`);
  });

  it('publishes an edit on a quiet server over IPC, incremental and full-text alike', async () => {
    await client.open('plan.bms.yaml', PLAN);
    const line = PLAN.split('\n').findIndex((l) => l.includes('server: as-01'));
    const col = PLAN.split('\n')[line].indexOf('as-01');
    const broken = await client.change('plan.bms.yaml', [{ range: { start: { line, character: col }, end: { line, character: col + 5 } }, text: 'as-09' }]);
    assert.ok(broken.some((d) => d.code === 'BMS010' && d.range.start.line === line), JSON.stringify(broken.map((d) => d.code)));
    const mended = await client.change('plan.bms.yaml', [{ text: PLAN }]);
    assert.equal(mended.filter((d) => d.code === 'BMS010').length, 0);
  });
});
