// Issue 25.2 in the editor: where each ledger line came from, judged by the site's spec.activation.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { TestClient } from './harness';
import { SITE } from './fixtures';

describe('lsp: ledger lines that do not fit how the site is licensed (BMS068, BMS069)', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = new TestClient({ 'site.bms.yaml': SITE });
    await client.start(['site.bms.yaml']);
  });
  afterEach(() => client.stop());

  it('a recorded line in a simulator site, then, once the site says vendor-tools, the simulated line in a real site', async () => {
    const line = (fields: Record<string, unknown>) => JSON.stringify({ at: '2026-11-23T10:15:00Z', op: 'activate', site: 'north', quantity: 1, by: 'anna', ...fields });
    const ledger = client.uri('north.ledger.jsonl');
    const first = client.nextDiagnostics(ledger, (p) => p.diagnostics.length > 0);
    writeFileSync(`${client.folder}/north.ledger.jsonl`, `${line({ target: 'as-01', activationId: 'ACT-0002', transaction: 'T-1', via: 'simulator' })}\n${line({ target: 'as-02', activationId: 'ACT-0002', transaction: 'T-2', via: 'device-administrator' })}\n`);
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ledger, type: 1 }] });
    assert.deepEqual((await first).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.severity}`), ['BMS069@1:1']);
    const second = client.nextDiagnostics(ledger, (p) => p.diagnostics.some((d) => d.code === 'BMS068'));
    await client.open('site.bms.yaml', SITE.replace('activation: simulator', 'activation: vendor-tools'));
    assert.deepEqual((await second).diagnostics.map((d) => `${d.code}@${d.range.start.line}`), ['BMS068@0']);
  });
});
