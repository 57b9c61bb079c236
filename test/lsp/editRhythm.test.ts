// The pause before a check is for bursts of typing only: with a long `debounceMs`, an edit on a quiet server
// and the end of a burst are both checked long before that pause would have ended.
import assert from 'node:assert/strict';
import { PLAN, SITE } from './fixtures';
import { TestClient } from './harness';

const LONG_PAUSE_MS = 5_000;

describe('LSP: validation on edits (long debounceMs)', function () {
  this.timeout(30_000);
  let client: TestClient;
  const settings = { validation: { debounceMs: LONG_PAUSE_MS } };

  before(async () => {
    client = new TestClient({ 'site.bms.yaml': SITE }, { configuration: () => settings, initializationOptions: settings });
    await client.start(['site.bms.yaml']);
    await client.open('plan.bms.yaml', PLAN);
  });
  after(() => client.stop());

  it('checks an edit on a quiet server at once, not after the pause', async () => {
    const uri = client.uri('plan.bms.yaml');
    const version = await client.changeNoWait('plan.bms.yaml', [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } }, text: 'x' }]);
    const published = await client.nextDiagnostics(uri, (p) => p.version === version, LONG_PAUSE_MS / 2);
    assert.equal(published.version, version);
  });

  it('checks a burst of 10 edits 30 ms apart at most 3 times, the last one included, long before the pause', async () => {
    const uri = client.uri('plan.bms.yaml');
    const before = client.published.length;
    let version = 0;
    for (let i = 0; i < 10; i++) {
      version = await client.changeNoWait('plan.bms.yaml', [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } }, text: 'y' }]);
      await new Promise((r) => setTimeout(r, 30)); // the engineer's typing rhythm, not a wait for a result
    }
    const last = await client.nextDiagnostics(uri, (p) => p.version === version, LONG_PAUSE_MS / 2);
    assert.equal(last.version, version);
    const checks = client.published.slice(before).filter((p) => p.uri === uri);
    assert.ok(checks.length <= 3, `${checks.length} checks published for the burst`);
  });
});
