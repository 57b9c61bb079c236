import * as assert from 'node:assert/strict';
import type { LasHttpServer } from '../../../src/engine/las/http/server';
import { createLasServer } from '../../../src/engine/las/http/server';
import { baseLine, es01, FakeLas } from './fake-las';

describe('LAS HTTP server', () => {
  let las: FakeLas;
  let server: LasHttpServer | undefined;
  afterEach(async () => server?.close());

  async function start(options: Parameters<typeof createLasServer>[1] = {}): Promise<string> {
    las = new FakeLas();
    server = createLasServer(las, options);
    return server.listen();
  }
  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });

  it('listens on 127.0.0.1 by default and answers health without a token', async () => {
    const url = await start({ token: 's3cret-token' });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/v1/health`);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.ok, true);
    assert.ok(body.value.methods.includes('activate'));
  });

  it('runs a method from its JSON body and answers a LasResult', async () => {
    const url = await start();
    const res = await post(`${url}/v1/activate`, JSON.stringify({ target: es01, lines: baseLine }));
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.ok, true);
    assert.equal(body.value.target, 'es-01');
    const again = await post(`${url}/v1/activate`, JSON.stringify({ target: es01, lines: baseLine }));
    assert.equal(again.status, 422, 'a refusal by the LAS is 422, not a server failure');
    assert.equal((await again.json()).error.code, 'duplicate-activation');
  });

  it('refuses bad JSON, wrong fields, unknown calls, wrong verbs and oversized bodies', async () => {
    const url = await start({ maxBodyBytes: 1000 });
    const bad = await post(`${url}/v1/activate`, '{"target": ');
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.code, 'bad-request');
    const field = await post(`${url}/v1/activate`, JSON.stringify({ target: es01, lines: 'all' }));
    assert.equal(field.status, 400);
    assert.match((await field.json()).error.message, /"lines" must be/);
    assert.equal((await post(`${url}/v1/format-disk`, '{}')).status, 404);
    const verb = await fetch(`${url}/v1/activate`);
    assert.equal(verb.status, 405);
    assert.equal(verb.headers.get('allow'), 'POST');
    const big = await post(`${url}/v1/syncEntitlements`, JSON.stringify({ products: 'x'.repeat(5000) }));
    assert.equal(big.status, 413);
    assert.deepEqual(las.calls, []);
  });

  it('needs the bearer token when one is configured', async () => {
    const url = await start({ token: 's3cret-token' });
    const body = JSON.stringify({ site: 'plant' });
    const none = await post(`${url}/v1/activations`, body);
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');
    const wrong = await post(`${url}/v1/activations`, body, { Authorization: 'Bearer nope' });
    assert.equal(wrong.status, 401);
    const text = await wrong.text();
    assert.equal(JSON.parse(text).error.code, 'unauthorized');
    assert.ok(!text.includes('s3cret-token'));
    const right = await post(`${url}/v1/activations`, body, { Authorization: 'Bearer s3cret-token' });
    assert.equal(right.status, 200);
    assert.equal(las.count('activations'), 1);
  });

  it('replays the answer for a repeated Idempotency-Key and refuses a key reused for another request', async () => {
    const url = await start();
    const key = { 'Idempotency-Key': '0b7e7c1e-1f7a-4a4e-9d7e-4d1d2a0c9f11' };
    const body = JSON.stringify({ target: es01, lines: baseLine });
    const first = await (await post(`${url}/v1/activate`, body, key)).json();
    const second = await (await post(`${url}/v1/activate`, body, key)).json();
    assert.deepEqual(second, first);
    assert.equal(las.count('activate'), 1);
    const other = await post(`${url}/v1/activate`, JSON.stringify({ target: { ...es01, id: 'es-02' }, lines: baseLine }), key);
    assert.equal(other.status, 422);
    assert.match((await other.json()).error.message, /already used for a different request/);
    assert.equal((await post(`${url}/v1/activate`, body, { 'Idempotency-Key': 'x' })).status, 400);
  });

  it('injects a fault before the operation (nothing done) or after it (done, answer lost)', async () => {
    const url = await start({
      faults: {
        rules: [
          { method: 'activate', call: 1, when: 'before', action: { kind: 'status', status: 500 } },
          { method: 'activate', call: 2, when: 'after', action: { kind: 'status', status: 503 } },
        ],
      },
    });
    const body = JSON.stringify({ target: es01, lines: baseLine });
    assert.equal((await post(`${url}/v1/activate`, body)).status, 500);
    assert.equal(las.count('activate'), 0);
    assert.equal((await post(`${url}/v1/activate`, body)).status, 503);
    assert.equal(las.count('activate'), 1);
    assert.equal(las.transactions.length, 1);
    assert.equal(server!.requests('activate'), 2);
  });
});
