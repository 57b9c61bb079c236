import { strict as assert } from 'node:assert';
import { licenseState } from '../../../src/engine/ledger/fold';
import { readLedger } from '../../../src/engine/ledger/ledger';
import type { Las } from '../../../src/engine/las/types';
import { activate } from '../../../src/engine/workflows/activate';
import { confirmReturn } from '../../../src/engine/workflows/confirmReturn';
import { describeResult, type ReturnConfirmation } from '../../../src/engine/workflows/context';
import { reclaim } from '../../../src/engine/workflows/reclaim';
import { returnLicenses } from '../../../src/engine/workflows/return';
import { assertOk, bench, type Bench } from './fixture';

describe('workflows, online and semi-online', () => {
  let b: Bench;
  afterEach(() => b.cleanup());

  for (const connectivity of ['online', 'semi-online']) {
    it(`activates every planned license of a ${connectivity} site, one transaction per target, and a retry redoes nothing`, async () => {
      b = bench('hospital-north', connectivity);
      const r = assertOk(await activate(b.options()));
      assert.deepEqual(r.requestFiles, []);
      const s = b.state();
      for (const [target, id, q] of [['es-01', 'ACT-BASE', 1], ['es-01', 'ACT-CC', 1], ['as-01', 'ACT-SNMP', 2], ['ls-main', 'ACT-SEATS', 5]] as const) {
        const l = licenseState(s, target, id);
        assert.equal(l?.status, 'activated', `${target} ${id}`);
        assert.equal(l?.quantity, q);
        assert.equal(l?.mode, 'online');
      }
      assert.equal(licenseState(s, 'es-01', 'ACT-BASE')?.transaction, licenseState(s, 'es-01', 'ACT-CC')?.transaction);
      const events = readLedger(b.ledgerPath).events;
      assert.ok(events.every((e) => e.by === 'jsmith' && e.site === 'hospital-north' && e.at === '2026-11-23T10:15:00Z'));
      assert.deepEqual(b.progress.at(-1), { done: 3, total: 3, message: b.progress.at(-1)!.message });
      assert.deepEqual(b.progress.map((p) => p.done), [0, 1, 2, 3]);

      const before = b.ledgerText();
      const again = assertOk(await activate(b.options()));
      assert.equal(b.ledgerText(), before, 'nothing written again');
      assert.ok(again.done.every((d) => /already active/.test(d.message)));
      const las = await b.las.activations('hospital-north');
      assert.equal(las.ok && las.value.length, 3);
    });
  }

  it('never offers the offline path on a semi-online site', async () => {
    b = bench('hospital-north', 'semi-online');
    const r = await activate(b.options({ mode: 'offline' }));
    assert.equal(r.ok, false);
    assert.match(r.notDone[0]!.message, /semi-online/);
    assert.equal(b.ledgerText(), '');
  });

  it('activates only the named target', async () => {
    b = bench();
    assertOk(await activate(b.options({ target: 'as-01' })));
    const s = b.state();
    assert.equal(licenseState(s, 'as-01', 'ACT-SNMP')?.status, 'activated');
    assert.equal(licenseState(s, 'es-01', 'ACT-BASE'), undefined);
    const unknown = await activate(b.options({ target: 'nope' }));
    assert.equal(unknown.notDone[0]!.code, 'unknown-target');
  });

  it('on a refusal half way does the rest, says what was not done, and a retry completes', async () => {
    b = bench();
    // ACT-CC does not apply to an AS-P: the LAS refuses that transaction (both of its lines).
    const r = await activate(b.options({ extraAssignments: ['{ server: as-01, activationId: ACT-CC, quantity: 1 }'] }));
    assert.equal(r.ok, false);
    assert.deepEqual(r.notDone.map((n) => [n.target, n.code]), [['as-01', 'not-applicable']]);
    assert.deepEqual(r.done.map((d) => d.target).sort(), ['es-01', 'ls-main']);
    assert.match(describeResult(r), /NOT DONE {2}as-01: activating .*ACT-CC/);
    assertOk(await activate(b.options()));
    assert.equal(licenseState(b.state(), 'as-01', 'ACT-SNMP')?.status, 'activated');
  });

  it('stops when the LAS cannot be reached and lists what was not attempted', async () => {
    b = bench();
    let calls = 0;
    const flaky: Las = Object.create(b.las);
    flaky.activate = async (t, l) => (++calls === 2 ? { ok: false, error: { code: 'unavailable', message: 'LAS down', retryable: true } } : b.las.activate(t, l));
    const r = await activate(b.options({ las: flaky }));
    assert.deepEqual(r.done.length, 1);
    assert.deepEqual(r.notDone.map((n) => n.code), ['unavailable', 'not-attempted']);
    assertOk(await activate(b.options()));
    assert.equal(b.state().licenses.size, 4);
  });

  it('honours cancellation between steps, and a retry finishes the job', async () => {
    b = bench();
    const abort = new AbortController();
    const r = await activate(b.options({ signal: abort.signal, onProgress: (p) => p.done === 1 && abort.abort() }));
    assert.equal(r.cancelled, true);
    assert.equal(r.done.length, 1);
    assert.deepEqual(r.notDone.map((n) => n.code), ['cancelled', 'cancelled']);
    assertOk(await activate(b.options()));
    assert.equal(b.state().licenses.size, 4);
  });

  it('records an activation the LAS made before a crash instead of repeating it', async () => {
    b = bench();
    await activate(b.options({ target: 'nope' })); // nothing; the LAS still learns the entitlements below
    await b.las.syncEntitlements([{ entitlementId: 'ENT-1', activationId: 'ACT-SNMP', quantity: 3, appliesTo: ['as-p'] }]);
    const tx = await b.las.activate({ site: 'hospital-north', id: 'as-01', type: 'as-p' }, [{ activationId: 'ACT-SNMP', quantity: 2 }]);
    assert.ok(tx.ok);
    assertOk(await activate(b.options({ target: 'as-01' })));
    assert.equal(licenseState(b.state(), 'as-01', 'ACT-SNMP')?.transaction, tx.value.transaction);
  });

  it('returns whole transactions after confirmation, and lists everything they take along', async () => {
    b = bench();
    assertOk(await activate(b.options()));
    let asked: ReturnConfirmation | undefined;
    const declined = await returnLicenses(b.options({ target: 'es-01', confirm: async (c) => ((asked = c), false) }));
    assert.equal(declined.ok, false);
    assert.deepEqual(asked!.items.map((i) => i.lines.map((l) => l.activationId).sort()), [['ACT-BASE', 'ACT-CC']]);
    assert.match(asked!.message, /es-01: transaction T-.*ACT-BASE ×1, ACT-CC ×1/);
    assert.equal(licenseState(b.state(), 'es-01', 'ACT-BASE')?.status, 'activated', 'declined: nothing returned');

    assertOk(await returnLicenses(b.options({ target: 'es-01' })));
    const s = b.state();
    assert.equal(licenseState(s, 'es-01', 'ACT-BASE')?.status, 'returned');
    assert.equal(licenseState(s, 'es-01', 'ACT-CC')?.status, 'returned');
    assert.equal(licenseState(s, 'as-01', 'ACT-SNMP')?.status, 'activated');
    const las = await b.las.activations('hospital-north', 'es-01');
    assert.deepEqual(las.ok && las.value, []);
    assert.equal((await returnLicenses(b.options({ target: 'es-01', confirm: undefined }))).ok, true, 'nothing left to return');
    assertOk(await activate(b.options({ target: 'es-01' })));
    assert.equal(licenseState(b.state(), 'es-01', 'ACT-BASE')?.status, 'activated');
  });

  it('refuses a return without a confirm callback', async () => {
    b = bench();
    assertOk(await activate(b.options()));
    const r = await returnLicenses(b.options({ confirm: undefined }));
    assert.equal(r.ok, false);
    assert.equal(licenseState(b.state(), 'es-01', 'ACT-BASE')?.status, 'activated');
  });

  it('an online return needs no confirmation on the LAS', async () => {
    b = bench();
    assertOk(await activate(b.options()));
    assertOk(await returnLicenses(b.options()));
    const r = assertOk(await confirmReturn(b.options()));
    assert.equal(r.done.length, 0);
  });

  it('reclaim picks up an entitlement quantity change once', async () => {
    b = bench();
    assertOk(await activate(b.options()));
    const none = assertOk(await reclaim(b.options({ target: 'as-01' })));
    assert.match(none.done[0]!.message, /has not changed/);
    const grown = assertOk(await reclaim(b.options({ target: 'as-01', snmpQuantity: 5 })));
    assert.match(grown.done[0]!.message, /ACT-SNMP 2 → 4/);
    assert.equal(licenseState(b.state(), 'as-01', 'ACT-SNMP')?.quantity, 4);
    const again = assertOk(await reclaim(b.options({ target: 'as-01', snmpQuantity: 5 })));
    assert.match(again.done[0]!.message, /has not changed/);
  });
});
