// Fault injection end to end: the activate and return workflows through HttpLas against the LAS HTTP
// server in front of the simulator, with timeouts, HTTP 500/503, cut connections, slow and malformed
// answers. Afterwards the ledger and the simulator agree; where a lost answer leaves them apart, a re-run
// brings them together.
import { strict as assert } from 'node:assert';
import { transactionsOf } from '../../src/engine/ledger/fold';
import { HttpLas } from '../../src/engine/las/http/client';
import type { FaultAction, FaultRule } from '../../src/engine/las/http/faults';
import { lasMethods } from '../../src/engine/las/http/protocol';
import { createLasServer, type LasHttpServer } from '../../src/engine/las/http/server';
import { activate } from '../../src/engine/workflows/activate';
import { describeResult, type WorkflowResult } from '../../src/engine/workflows/context';
import { returnLicenses } from '../../src/engine/workflows/return';
import { bench, type Bench } from '../unit/workflows/fixture';

const TOKEN = 'hardening-token-7c1e';
let injectedTotal = 0;

/** How many times the plan's rules fired, from the requests the server counted. */
function injected(rules: FaultRule[], server: LasHttpServer): number {
  let n = 0;
  for (const rule of rules) {
    for (const method of rule.method === '*' ? lasMethods : [rule.method]) {
      const seen = server.requests(method);
      const calls = rule.call === undefined ? seen : (Array.isArray(rule.call) ? rule.call : [rule.call]).filter((c) => c <= seen).length;
      n += calls;
    }
  }
  return n;
}

/** Ledger and LAS hold the same active (target, activation id, transaction) lines. */
async function agreement(b: Bench): Promise<{ ledger: string[]; las: string[] }> {
  const ledger = transactionsOf(b.state(), undefined, ['activated']).flatMap((t) => t.lines.map((l) => `${t.target} ${l.activationId}×${l.quantity} ${t.transaction}`));
  const listed = await b.las.activations('hospital-north');
  assert.ok(listed.ok);
  const las = listed.value.flatMap((t) => t.lines.map((l) => `${t.target} ${l.activationId}×${l.quantity} ${t.transaction}`));
  return { ledger: ledger.sort(), las: las.sort() };
}

async function assertAgree(b: Bench): Promise<number> {
  const a = await agreement(b);
  assert.deepEqual(a.ledger, a.las, 'the ledger and the LAS hold the same activations');
  return a.las.length;
}

describe('hardening: fault injection on the HTTP adapter, end to end', function () {
  this.timeout(30_000);
  let b: Bench;
  let server: LasHttpServer;
  let rules: FaultRule[];
  /** Every server of the test with its rules: all are closed (and their faults counted) after it. */
  let started: { server: LasHttpServer; rules: FaultRule[] }[] = [];
  beforeEach(() => (b = bench('hospital-north', 'online')));
  afterEach(async () => {
    for (const s of started) {
      injectedTotal += injected(s.rules, s.server);
      await s.server.close();
    }
    started = [];
    b.cleanup();
  });
  after(() => console.log(`      ${injectedTotal} faults injected`));

  async function http(faultRules: FaultRule[], extra: { idempotencyKeys?: boolean; retries?: number } = {}): Promise<HttpLas> {
    rules = faultRules;
    server = createLasServer(b.las, { token: TOKEN, faults: { rules } });
    started.push({ server, rules });
    const url = await server.listen();
    return new HttpLas({ url, token: async () => TOKEN, timeoutMs: 400, backoffMs: 5, retries: extra.retries ?? 3, idempotencyKeys: extra.idempotencyKeys });
  }

  const once: [string, FaultRule['when'], FaultAction][] = [
    ['HTTP 503 before the activation ran', 'before', { kind: 'status', status: 503 }],
    ['HTTP 500 after the activation ran (answer lost)', 'after', { kind: 'status', status: 500 }],
    ['connection reset before the activation ran', 'before', { kind: 'reset' }],
    ['connection reset mid-answer after the activation ran', 'after', { kind: 'reset' }],
    ['timeout before the activation ran', 'before', { kind: 'drop' }],
    ['timeout after the activation ran', 'after', { kind: 'drop' }],
    ['malformed JSON after the activation ran', 'after', { kind: 'malformed' }],
    ['a slow answer within the timeout', 'after', { kind: 'delay', ms: 150 }],
  ];
  for (const [what, when, action] of once) {
    it(`activate: ${what} on the first call of each target — activated exactly once, retried only under its key`, async () => {
      const las = await http([{ method: 'activate', call: [1, 2, 3], when, action }]);
      const r = await activate(b.options({ las }));
      assert.ok(r.ok, describeResult(r));
      assert.equal(await assertAgree(b), 4, 'four planned lines active, once each');
      const retried = action.kind === 'delay' ? 0 : 3;
      assert.equal(server.requests('activate'), 3 + retried);
    });
  }

  it('activate: a read (activations) and the entitlement sync are retried after 503 and resets', async () => {
    const las = await http([
      { method: 'syncEntitlements', call: 1, when: 'before', action: { kind: 'status', status: 503 } },
      { method: 'activations', call: [1, 3], when: 'after', action: { kind: 'reset' } },
    ]);
    const r = await activate(b.options({ las }));
    assert.ok(r.ok, describeResult(r));
    assert.equal(server.requests('syncEntitlements'), 2);
    await assertAgree(b);
  });

  it('activate: the LAS failing every time is reported clearly, nothing is recorded that the LAS did not make', async () => {
    const las = await http([{ method: 'activate', when: 'before', action: { kind: 'status', status: 503 } }]);
    const r = await activate(b.options({ las }));
    assert.equal(r.ok, false);
    const text = describeResult(r);
    assert.equal(r.notDone[0]?.code, 'unavailable');
    assert.match(text, /HTTP 503 Service Unavailable \(tried 4 times\)/);
    assert.match(text, /activation may or may not/);
    assert.match(text, /"Refresh" \(or `bmslicense plan`\)/, 'the next step');
    assert.ok(r.notDone.length > 1 && r.notDone.slice(1).every((n) => n.code === 'not-attempted'), JSON.stringify(r.notDone));
    assert.match(text, /not attempted/);
    assert.equal(await assertAgree(b), 0);
  });

  it('activate: every answer lost after the LAS acted — the ledger lacks what the LAS made, and a re-run records it instead of activating twice', async () => {
    const las = await http([{ method: 'activate', when: 'after', action: { kind: 'status', status: 500 } }]);
    const r = await activate(b.options({ las }));
    assert.equal(r.ok, false);
    assert.equal(r.notDone[0]?.code, 'unavailable');
    assert.match(describeResult(r), /HTTP 500 .*\(tried 4 times\)/);
    const apart = await agreement(b);
    assert.equal(apart.ledger.length, 0);
    assert.equal(apart.las.length, 2, 'the first target was activated on the LAS, once, despite four attempts');
    // The way forward: run it again once the server is healthy.
    const healthy = await http([]);
    const again = await activate(b.options({ las: healthy }));
    assert.ok(again.ok, describeResult(again));
    assert.match(describeResult(again), /recorded 2 activation\(s\) the ledger missed/);
    assert.equal(await assertAgree(b), 4);
  });

  it('activate without idempotency keys: a cut answer is not retried blindly, and a re-run brings ledger and LAS together', async () => {
    const las = await http([{ method: 'activate', call: 1, when: 'after', action: { kind: 'reset' } }], { idempotencyKeys: false });
    const r = await activate(b.options({ las }));
    assert.equal(r.ok, false);
    assert.equal(r.notDone[0]?.code, 'unavailable');
    assert.match(describeResult(r), /activation may or may not/);
    assert.equal(server.requests('activate'), 1, 'a changing call without a key is sent once');
    const again = await activate(b.options({ las }));
    assert.ok(again.ok, describeResult(again));
    assert.equal(await assertAgree(b), 4);
  });

  it('return: a reset after the return ran and a 503 before are retried under the key; returned once, recorded once', async () => {
    const setup = await http([]);
    assert.ok((await activate(b.options({ las: setup }))).ok);
    const las = await http([
      { method: 'returnTransaction', call: 1, when: 'after', action: { kind: 'reset' } },
      { method: 'returnTransaction', call: 3, when: 'before', action: { kind: 'status', status: 503 } },
      { method: 'activations', call: 2, when: 'before', action: { kind: 'drop' } },
    ]);
    const r = await returnLicenses(b.options({ las }));
    assert.ok(r.ok, describeResult(r));
    assert.equal(await assertAgree(b), 0);
    assert.equal(transactionsOf(b.state(), undefined, ['returned']).length, 3);
  });

  it('return: the answer lost for good — a re-run, once the server answers, learns from the LAS that it was returned and records it', async () => {
    const setup = await http([]);
    assert.ok((await activate(b.options({ las: setup, target: 'as-01' }))).ok);
    const las = await http([{ method: 'returnTransaction', when: 'after', action: { kind: 'malformed' } }]);
    const r: WorkflowResult = await returnLicenses(b.options({ las, target: 'as-01' }));
    assert.equal(r.ok, false);
    assert.equal(r.notDone[0]?.code, 'unavailable');
    assert.match(describeResult(r), /not valid JSON \(tried 4 times\)/);
    assert.match(describeResult(r), /return may or may not/);
    assert.equal((await agreement(b)).las.length, 0, 'the LAS returned it');
    const again = await returnLicenses(b.options({ las: await http([]), target: 'as-01' }));
    assert.ok(again.ok, describeResult(again));
    assert.match(describeResult(again), /already returned on the LAS/);
    assert.equal(transactionsOf(b.state(), 'as-01', ['returned']).length, 1, 'recorded in the ledger');
    assert.equal(await assertAgree(b), 0);
  });
});
