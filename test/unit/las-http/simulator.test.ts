// The HTTP adapter in front of the real LAS simulator: the same rules, and one activation per operation.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HttpLas } from '../../../src/engine/las/http/client';
import type { FaultRule } from '../../../src/engine/las/http/faults';
import type { LasHttpServer } from '../../../src/engine/las/http/server';
import { createLasServer } from '../../../src/engine/las/http/server';
import { serveCommand } from '../../../src/engine/las/http/serve';
import { REQUEST_FORMAT, signedBytes, type OfflineRequest, type OfflineResponse } from '../../../src/engine/las/offline/format';
import { LasSimulator } from '../../../src/engine/las/simulator';
import type { EntitledProduct, LasTarget } from '../../../src/engine/las/types';
import * as crypto from 'node:crypto';

const products: EntitledProduct[] = [
  { entitlementId: 'ENT-1', activationId: 'ACT-ES-BASE', quantity: 2, appliesTo: ['enterprise-server'] },
  { entitlementId: 'ENT-1', activationId: 'ACT-ASP', quantity: 1, appliesTo: ['as-p'] },
];
const es01: LasTarget = { site: 'plant', id: 'es-01', type: 'enterprise-server', licenseServer: 'ls-main' };

describe('HttpLas in front of the LAS simulator', () => {
  let dir: string;
  let sim: LasSimulator;
  let server: LasHttpServer | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'las-http-'));
    sim = new LasSimulator({ dataDir: dir });
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  async function connect(rules: FaultRule[] = []): Promise<HttpLas> {
    server = createLasServer(sim, { token: 'T0KEN-sim', faults: { rules } });
    return new HttpLas({ url: await server.listen(), token: async () => 'T0KEN-sim', backoffMs: 1, timeoutMs: 3000 });
  }

  it('runs every operation with the simulator rules', async () => {
    const las = await connect();
    assert.deepEqual(await las.syncEntitlements(products), { ok: true });
    const tx = await las.activate(es01, [{ activationId: 'ACT-ES-BASE', quantity: 1 }]);
    assert.ok(tx.ok, JSON.stringify(tx));
    const refused = await las.activate(es01, [{ activationId: 'ACT-ASP', quantity: 1 }]);
    assert.equal(!refused.ok && refused.error.code, 'not-applicable');
    const dup = await las.activate(es01, [{ activationId: 'ACT-ES-BASE', quantity: 1 }]);
    assert.equal(!dup.ok && dup.error.code, 'duplicate-activation');
    assert.deepEqual(await las.activations('plant', 'es-01'), await sim.activations('plant', 'es-01'));
    const repaired = await las.repair(es01, tx.value.transaction);
    assert.equal(repaired.ok && repaired.value.repairsLeft, 3);
    assert.ok((await las.reclaim(es01)).ok);
    const ret = await las.returnTransaction(es01, tx.value.transaction, true);
    assert.equal(ret.ok && ret.value.pendingConfirmation, true);
    const blocked = await las.activate(es01, [{ activationId: 'ACT-ES-BASE', quantity: 1 }]);
    assert.equal(!blocked.ok && blocked.error.code, 'return-unconfirmed', 'an unconfirmed offline return keeps its licenses');
    assert.deepEqual(await las.confirmReturn(es01, tx.value.transaction), { ok: true });
    assert.deepEqual(await las.activations('plant'), { ok: true, value: [] });
  });

  it('activates exactly once when the answer is cut after the activation ran', async () => {
    const las = await connect([
      { method: 'activate', call: 1, when: 'after', action: { kind: 'reset' } },
      { method: 'activate', call: 2, when: 'after', action: { kind: 'status', status: 503 } },
    ]);
    await las.syncEntitlements(products);
    const tx = await las.activate(es01, [{ activationId: 'ACT-ES-BASE', quantity: 1 }]);
    assert.ok(tx.ok, JSON.stringify(tx));
    assert.equal(server!.requests('activate'), 3);
    const direct = await sim.activations('plant', 'es-01');
    assert.ok(direct.ok);
    assert.deepEqual(direct.value.map((t) => t.transaction), [tx.value.transaction]);
  });

  it('answers an offline request file with a response signed by the simulator key', async () => {
    const stop = new AbortController();
    let first = '';
    const io = { cwd: dir, env: {}, err: () => {}, out: (t: string) => (first ||= t) };
    const done = serveCommand(['--port', '0', '--data', 'sim'], io, stop.signal);
    await waitFor(() => first !== '');
    const las = new HttpLas({ url: first.replace('listening on ', '').trim() });
    const request: OfflineRequest = {
      format: REQUEST_FORMAT, requestId: 'REQ-1', createdAt: '2025-01-01T00:00:00Z', op: 'activate',
      target: es01, lines: [{ activationId: 'ACT-ES-BASE', quantity: 1 }], entitlements: products,
    };
    const answer = await las.respondOffline(request);
    assert.ok(answer.ok, JSON.stringify(answer));
    const response = answer.value as OfflineResponse;
    assert.equal(response.outcome.ok, true);
    const key = new LasSimulator({ dataDir: path.join(dir, 'sim') }).publicKeyPem();
    assert.ok(crypto.verify(null, signedBytes(response), crypto.createPublicKey(key), Buffer.from(response.signature, 'base64')));
    assert.deepEqual(await las.respondOffline(request), answer, 'the same request gives the same response');
    const bad = await las.respondOffline({ format: 'something else' });
    assert.equal(!bad.ok && bad.error.code, 'bad-request');
    stop.abort();
    assert.equal(await done, 0);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setImmediate(r));
}
