import * as assert from 'node:assert/strict';
import type { HttpLasOptions } from '../../../src/engine/las/http/client';
import { HttpLas } from '../../../src/engine/las/http/client';
import type { FaultRule } from '../../../src/engine/las/http/faults';
import type { LasHttpServer } from '../../../src/engine/las/http/server';
import { createLasServer } from '../../../src/engine/las/http/server';
import type { LasResult } from '../../../src/engine/las/types';
import { baseLine, es01, FakeLas } from './fake-las';

const token = 'tok-9f8e7d6c5b4a-SECRET';

describe('HttpLas against the LAS HTTP server', () => {
  let las: FakeLas;
  let server: LasHttpServer | undefined;
  const started: LasHttpServer[] = [];
  afterEach(async () => {
    await Promise.all(started.map((s) => s.close()));
    started.length = 0;
  });

  async function connect(rules: FaultRule[] = [], options: Partial<HttpLasOptions> = {}): Promise<HttpLas> {
    las = new FakeLas();
    server = createLasServer(las, { token, faults: { rules } });
    started.push(server);
    const url = await server.listen();
    return new HttpLas({ url, token: async () => token, backoffMs: 1, timeoutMs: 2000, ...options });
  }
  const failed = (r: LasResult<unknown>) => {
    assert.equal(r.ok, false, 'the call should have failed');
    return (r as { ok: false; error: { code: string; message: string; retryable?: boolean } }).error;
  };

  it('carries every Las method and its answer', async () => {
    const client = await connect();
    assert.deepEqual(await client.syncEntitlements([{ entitlementId: 'E-1', activationId: 'ACT-7F3A-0001', quantity: 2, appliesTo: [] }]), { ok: true });
    assert.equal(las.products[0].quantity, 2);
    const tx = await client.activate(es01, baseLine);
    assert.ok(tx.ok);
    assert.deepEqual(await client.activations('plant', 'es-01'), { ok: true, value: [tx.value] });
    assert.deepEqual(await client.activations('plant'), { ok: true, value: [tx.value] });
    assert.deepEqual(await client.repair(es01, tx.value.transaction), { ok: true, value: { transaction: tx.value.transaction, repairsLeft: 3 } });
    assert.deepEqual(await client.reclaim(es01), { ok: true, value: { target: 'es-01', changes: [] } });
    const returned = await client.returnTransaction(es01, tx.value.transaction, true);
    assert.deepEqual(returned, { ok: true, value: { transaction: tx.value.transaction, lines: baseLine, pendingConfirmation: true } });
    assert.deepEqual(await client.confirmReturn(es01, tx.value.transaction), { ok: true });
    assert.deepEqual(las.calls, ['syncEntitlements', 'activate', 'activations', 'activations', 'repair', 'reclaim', 'returnTransaction', 'confirmReturn']);
  });

  it('passes the LAS refusals through unchanged', async () => {
    const client = await connect();
    await client.activate(es01, baseLine);
    assert.equal(failed(await client.activate(es01, baseLine)).code, 'duplicate-activation');
    assert.equal(failed(await client.repair(es01, 'TX-404')).code, 'unknown-transaction');
  });

  it('times out a call the server never answers, and retries a read', async () => {
    const client = await connect([{ method: 'activations', when: 'before', action: { kind: 'drop' } }], { timeoutMs: 150, retries: 1 });
    const e = failed(await client.activations('plant'));
    assert.equal(e.code, 'unavailable');
    assert.equal(e.retryable, true);
    assert.match(e.message, /did not answer within 0\.15 s/);
    assert.match(e.message, /\(tried 2 times\)/);
    assert.equal(server!.requests('activations'), 2);
  });

  it('retries a read after HTTP 503 and succeeds', async () => {
    const client = await connect([{ method: 'activations', call: 1, when: 'before', action: { kind: 'status', status: 503 } }]);
    assert.deepEqual(await client.activations('plant'), { ok: true, value: [] });
    assert.equal(server!.requests('activations'), 2);
  });

  it('reports HTTP 500 after the retries are spent', async () => {
    const client = await connect([{ method: 'activations', when: 'before', action: { kind: 'status', status: 500 } }], { retries: 2 });
    const e = failed(await client.activations('plant'));
    assert.equal(e.code, 'unavailable');
    assert.match(e.message, /HTTP 500 Internal Server Error/);
    assert.match(e.message, /\(tried 3 times\)/);
    assert.equal(server!.requests('activations'), 3);
  });

  it('retries an activation after 503 (done, answer lost) under the same key without activating twice', async () => {
    const client = await connect([{ method: 'activate', call: 1, when: 'after', action: { kind: 'status', status: 503 } }]);
    const tx = await client.activate(es01, baseLine);
    assert.ok(tx.ok, 'the retry replays the stored answer instead of a duplicate-activation refusal');
    assert.equal(server!.requests('activate'), 2);
    assert.equal(las.count('activate'), 1);
    assert.equal(las.transactions.length, 1);
  });

  it('retries an activation after 503 (nothing done) and activates once', async () => {
    const client = await connect([{ method: 'activate', call: [1, 2], when: 'before', action: { kind: 'status', status: 503 } }]);
    assert.ok((await client.activate(es01, baseLine)).ok);
    assert.equal(server!.requests('activate'), 3);
    assert.equal(las.transactions.length, 1);
  });

  it('survives a connection cut mid-answer after the activation ran: exactly one activation', async () => {
    const client = await connect([{ method: 'activate', call: 1, when: 'after', action: { kind: 'reset' } }]);
    const tx = await client.activate(es01, baseLine);
    assert.ok(tx.ok);
    assert.equal(server!.requests('activate'), 2);
    const listed = await client.activations('plant', 'es-01');
    assert.ok(listed.ok);
    assert.deepEqual(listed.value.map((t) => t.transaction), [tx.value.transaction]);
  });

  it('does not retry an activation blindly when idempotency keys are off', async () => {
    const client = await connect([{ method: 'activate', call: 1, when: 'after', action: { kind: 'reset' } }], { idempotencyKeys: false });
    const e = failed(await client.activate(es01, baseLine));
    assert.equal(e.code, 'unavailable');
    assert.equal(e.retryable, true);
    assert.match(e.message, /activation may or may not/);
    assert.match(e.message, /`bmslicense plan`/, 'the next step');
    assert.equal(server!.requests('activate'), 1);
    assert.equal(las.transactions.length, 1, 'it did happen: that is why the user must refresh');
  });

  it('says a changing call may have happened when every retry failed', async () => {
    const client = await connect([{ method: 'returnTransaction', when: 'before', action: { kind: 'status', status: 500 } }], { retries: 1 });
    const e = failed(await client.returnTransaction(es01, 'TX-1', false));
    assert.match(e.message, /\(tried 2 times\)/);
    assert.match(e.message, /return may or may not/);
  });

  it('reports a malformed answer, and retries it for a read', async () => {
    const client = await connect([{ method: 'activations', call: 1, when: 'before', action: { kind: 'malformed' } }], { retries: 0 });
    const malformed = failed(await client.activations('plant'));
    assert.equal(malformed.code, 'unavailable');
    assert.match(malformed.message, /not valid JSON/);
    assert.deepEqual(await client.activations('plant'), { ok: true, value: [] });
    const retrying = await connect([{ method: 'activations', call: 1, when: 'before', action: { kind: 'malformed' } }]);
    assert.deepEqual(await retrying.activations('plant'), { ok: true, value: [] });
  });

  it('waits for a slow answer that comes within the timeout', async () => {
    const client = await connect([{ method: 'activate', when: 'before', action: { kind: 'delay', ms: 100 } }], { timeoutMs: 1000, retries: 0 });
    assert.ok((await client.activate(es01, baseLine)).ok);
    assert.equal(server!.requests('activate'), 1);
  });

  it('says a refused token or a missing token needs "Set activation server token", without retrying', async () => {
    const wrong = await connect([], { token: async () => 'wrong-token' });
    const e = failed(await wrong.activations('plant'));
    assert.deepEqual(Object.keys(e).sort(), ['code', 'message']);
    assert.equal(e.code, 'unauthorized');
    assert.match(e.message, /"BMS: Set activation server token"/, 'the command to run');
    assert.equal(server!.requests('activations'), 0);
    const missing = await connect([], { token: async () => undefined });
    const none = failed(await missing.activate(es01, baseLine));
    assert.equal(none.code, 'unauthorized');
    assert.match(none.message, /none is set/);
    assert.equal(las.transactions.length, 0);
  });

  it('says the server cannot be reached when the connection is refused', async () => {
    const client = await connect([], { retries: 1 });
    const url = client.displayUrl;
    await server!.close();
    server = undefined;
    const e = failed(await client.activate(es01, baseLine));
    assert.equal(e.message, `Cannot reach the activation server at ${url} (connection refused). Check bmsLicense.activation.url and that the server is running (tried 2 times).`);
  });

  it('never puts the token in an error message, even when the server echoes it', async () => {
    const messages: string[] = [];
    const kinds: FaultRule['action'][] = [{ kind: 'drop' }, { kind: 'status', status: 500 }, { kind: 'reset' }, { kind: 'malformed' }];
    for (const action of kinds) {
      const client = await connect([{ method: '*', when: 'before', action }], { timeoutMs: 100, retries: 1 });
      messages.push(failed(await client.activate(es01, baseLine)).message, failed(await client.activations('plant')).message);
      await server!.close();
    }
    messages.push(failed(await new HttpLas({ url: `http://127.0.0.1:1/`, token: async () => token, retries: 0 }).reclaim(es01)).message);
    las = new FakeLas();
    las.reclaim = async () => ({ ok: false, error: { code: 'bad-request', message: `token ${token} looks odd` } });
    server = createLasServer(las, { token });
    started.push(server);
    const echo = new HttpLas({ url: await server.listen(), token: async () => token });
    messages.push(failed(await echo.reclaim(es01)).message);
    assert.equal(messages.length, 10);
    for (const m of messages) assert.ok(!m.includes(token), `token leaked in: ${m}`);
    assert.match(messages[9], /token \[token\] looks odd/);
  });

  it('refuses a token with a line break before sending it, without quoting it', async () => {
    const client = await connect([], { token: async () => `${token}\n` });
    const e = failed(await client.activate(es01, baseLine));
    assert.equal(e.code, 'unauthorized');
    assert.ok(!e.message.includes(token));
    assert.equal(server!.requests('activate'), 0);
  });

  it('checks the health of the server, and says when it is down', async () => {
    const client = await connect();
    const health = await client.health();
    assert.equal(health.ok && health.value.status, 'ok');
    await server!.close();
    assert.match(failed(await client.health()).message, /connection refused/);
  });

  it('refuses an invalid URL as a value, not an exception', async () => {
    const e = failed(await new HttpLas({ url: 'ftp:/nowhere' }).activations('plant'));
    assert.equal(e.code, 'bad-request');
    assert.match(e.message, /bmsLicense\.activation\.url/);
  });
});
