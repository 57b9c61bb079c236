// Once the opened files are checked, the server warms its edit path up on made-up files of its own: nothing of
// that reaches the client but one line in the log, and an edit that arrives meanwhile is checked as usual.
import assert from 'node:assert/strict';
import { PLAN, SITE } from './fixtures';
import { TestClient } from './harness';

describe('LSP: the edit path warmed up while idle', function () {
  this.timeout(30_000);
  let client: TestClient;

  before(async () => {
    client = new TestClient({ 'site.bms.yaml': SITE });
    await client.start(['site.bms.yaml']);
  });
  after(() => client.stop());

  it('logs the warm-up once, publishes nothing for its made-up files, and an edit during it is checked', async () => {
    const uri = client.uri('plan.bms.yaml');
    await client.open('plan.bms.yaml', PLAN);
    // An edit sent at once lands while the warm-up runs (it takes tens of milliseconds in slices).
    const version = await client.changeNoWait('plan.bms.yaml', [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } }, text: 'x' }]);
    const published = await client.nextDiagnostics(uri, (p) => p.version === version);
    assert.equal(published.version, version);
    const warmed = await client.waitForLog(/^Edit path warmed up \((\d+) edits/);
    assert.ok(Number(warmed[1]) >= 8, warmed[0]);
    const outside = client.published.filter((p) => !p.uri.startsWith(client.uri('')));
    assert.deepEqual(outside.map((p) => p.uri), [], 'nothing published outside the workspace');
    // A second open does not warm up again.
    await client.open('other.bms.yaml', PLAN.replace(/name: .*/, 'name: other-plan'));
    await client.change('other.bms.yaml', [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } }, text: 'y' }]);
    assert.equal(client.logs.filter((l) => l.startsWith('Edit path warmed up')).length, 1);
  });
});
