import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LasSimulator } from '../../../src/engine/las/simulator';
import { STATE_FILE, writeFileAtomic } from '../../../src/engine/las/simulatorState';
import type { EntitledProduct, LasResult, LasTarget } from '../../../src/engine/las/types';

const es01: LasTarget = { site: 'hospital-north', id: 'es-01', type: 'enterprise-server', licenseServer: 'ls-main' };
const as01: LasTarget = { site: 'hospital-north', id: 'as-01', type: 'as-p' };

function product(activationId: string, quantity: number, appliesTo: string[] = [], licenseType = 'network'): EntitledProduct {
  return { entitlementId: 'ENT-1', activationId, quantity, appliesTo, licenseType };
}

function value<T>(r: LasResult<T>): T {
  if (!r.ok) assert.fail(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

function code<T>(r: LasResult<T>): string {
  assert.equal(r.ok, false, 'expected a refusal');
  return (r as { error: { code: string } }).error.code;
}

describe('LasSimulator', () => {
  let dir: string;
  let clock: Date;
  let las: LasSimulator;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'las-sim-'));
    clock = new Date('2026-01-10T09:00:00Z');
    las = new LasSimulator({ dataDir: dir, now: () => clock });
    value(
      await las.syncEntitlements([
        product('ACT-BASE', 2, ['enterprise-server']),
        product('ACT-SNMP', 3, ['as-p', 'enterprise-server'], 'centralized'),
        product('ACT-LOCAL', 1, [], 'local'),
      ]),
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('activates lines together as one transaction and lists it', async () => {
    const tx = value(await las.activate(es01, [{ activationId: 'ACT-BASE', quantity: 1 }, { activationId: 'ACT-SNMP', quantity: 1 }]));
    assert.match(tx.transaction, /^T-/);
    assert.equal(tx.lines.length, 2);
    const listed = value(await las.activations('hospital-north', 'es-01'));
    assert.deepEqual(listed.map((t) => t.transaction), [tx.transaction]);
  });

  it('refuses an activation id it does not know', async () => {
    assert.equal(code(await las.activate(es01, [{ activationId: 'ACT-NOPE', quantity: 1 }])), 'unknown-activation-id');
  });

  it('refuses a license that does not apply to the target type', async () => {
    const r = await las.activate(as01, [{ activationId: 'ACT-BASE', quantity: 1 }]);
    assert.equal(code(r), 'not-applicable');
    assert.deepEqual(value(await las.activations('hospital-north')), []);
  });

  it('refuses a second activation of the same id on the same target, but not on another', async () => {
    value(await las.activate(es01, [{ activationId: 'ACT-SNMP', quantity: 1 }]));
    assert.equal(code(await las.activate(es01, [{ activationId: 'ACT-SNMP', quantity: 1 }])), 'duplicate-activation');
    value(await las.activate(as01, [{ activationId: 'ACT-SNMP', quantity: 1 }]));
  });

  it('refuses more than the entitlement holds', async () => {
    value(await las.activate(es01, [{ activationId: 'ACT-SNMP', quantity: 2 }]));
    assert.equal(code(await las.activate(as01, [{ activationId: 'ACT-SNMP', quantity: 2 }])), 'over-quantity');
  });

  it('returns the whole transaction, after which the ids can be activated again', async () => {
    const tx = value(await las.activate(es01, [{ activationId: 'ACT-BASE', quantity: 1 }, { activationId: 'ACT-SNMP', quantity: 2 }]));
    const ret = value(await las.returnTransaction(es01, tx.transaction, false));
    assert.deepEqual(ret.lines, [{ activationId: 'ACT-BASE', quantity: 1 }, { activationId: 'ACT-SNMP', quantity: 2 }]);
    assert.equal(ret.pendingConfirmation, false);
    assert.deepEqual(value(await las.activations('hospital-north')), []);
    assert.equal(code(await las.returnTransaction(es01, tx.transaction, false)), 'already-returned');
    value(await las.activate(es01, [{ activationId: 'ACT-SNMP', quantity: 3 }]));
  });

  it('keeps offline-returned licenses unusable until the return is confirmed', async () => {
    const tx = value(await las.activate(es01, [{ activationId: 'ACT-SNMP', quantity: 1 }]));
    assert.equal(value(await las.returnTransaction(es01, tx.transaction, true)).pendingConfirmation, true);
    assert.equal(code(await las.activate(as01, [{ activationId: 'ACT-SNMP', quantity: 1 }])), 'return-unconfirmed');
    assert.equal(code(await las.returnTransaction(es01, tx.transaction, true)), 'return-unconfirmed');
    value(await las.confirmReturn(es01, tx.transaction));
    value(await las.confirmReturn(es01, tx.transaction)); // twice is harmless
    value(await las.activate(as01, [{ activationId: 'ACT-SNMP', quantity: 3 }]));
  });

  it('reclaim picks up an entitlement quantity change', async () => {
    value(await las.activate(es01, [{ activationId: 'ACT-SNMP', quantity: 3 }]));
    assert.deepEqual(value(await las.reclaim(es01)).changes, []);
    value(await las.syncEntitlements([product('ACT-SNMP', 5, ['as-p', 'enterprise-server'], 'centralized')]));
    assert.deepEqual(value(await las.reclaim(es01)).changes, [{ activationId: 'ACT-SNMP', from: 3, to: 5 }]);
    assert.deepEqual(value(await las.reclaim(es01)).changes, [], 'a second reclaim changes nothing');
    assert.equal(value(await las.activations('hospital-north', 'es-01'))[0]!.lines[0]!.quantity, 5);
  });

  it('allows 4 repairs of a target in 12 months, then refuses; the budget comes back with time', async () => {
    const tx = value(await las.activate(es01, [{ activationId: 'ACT-BASE', quantity: 1 }]));
    const left: number[] = [];
    for (let i = 0; i < 4; i++) {
      value(await las.markBroken(es01, tx.transaction));
      left.push(value(await las.repair(es01, tx.transaction)).repairsLeft);
      clock = new Date(clock.getTime() + 30 * 86400_000);
    }
    assert.deepEqual(left, [3, 2, 1, 0]);
    assert.equal(code(await las.repair(es01, tx.transaction)), 'repair-budget');
    clock = new Date('2027-01-11T09:00:00Z'); // the first repair is now more than 12 months old
    assert.equal(value(await las.repair(es01, tx.transaction)).repairsLeft, 0);
  });

  it('refuses to repair local licenses and repairs from another License Server', async () => {
    const local = value(await las.activate({ site: 'hospital-north', id: 'ws-1', type: 'workstation' }, [{ activationId: 'ACT-LOCAL', quantity: 1 }]));
    assert.equal(code(await las.repair({ site: 'hospital-north', id: 'ws-1', type: 'workstation' }, local.transaction)), 'not-repairable');
    const tx = value(await las.activate(es01, [{ activationId: 'ACT-BASE', quantity: 1 }]));
    assert.equal(code(await las.repair({ ...es01, licenseServer: 'ls-other' }, tx.transaction)), 'wrong-license-server');
  });

  it('refuses to return broken licenses until repaired', async () => {
    const tx = value(await las.activate(es01, [{ activationId: 'ACT-BASE', quantity: 1 }]));
    value(await las.markBroken(es01, tx.transaction));
    assert.equal(code(await las.returnTransaction(es01, tx.transaction, false)), 'not-repairable');
    value(await las.repair(es01, tx.transaction));
    value(await las.returnTransaction(es01, tx.transaction, false));
  });

  it('persists its state in the data folder, replaced atomically', async () => {
    const tx = value(await las.activate(es01, [{ activationId: 'ACT-BASE', quantity: 1 }]));
    const again = new LasSimulator({ dataDir: dir });
    assert.deepEqual(value(await again.activations('hospital-north')).map((t) => t.transaction), [tx.transaction]);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temp file left behind');
    // A write goes to a new file renamed over the old one: the old inode is never written in place.
    const before = fs.statSync(path.join(dir, STATE_FILE)).ino;
    value(await las.activate(as01, [{ activationId: 'ACT-SNMP', quantity: 1 }]));
    assert.notEqual(fs.statSync(path.join(dir, STATE_FILE)).ino, before);
  });

  it('a write that cannot be completed leaves the old file and no temp file', () => {
    const target = path.join(dir, 'busy');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'x'); // renaming a file over a non-empty folder fails
    assert.throws(() => writeFileAtomic(target, 'new'));
    assert.equal(fs.readFileSync(path.join(target, 'inside'), 'utf8'), 'x');
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });

  it('a refused operation leaves the state file untouched', async () => {
    value(await las.activate(es01, [{ activationId: 'ACT-BASE', quantity: 1 }]));
    const before = fs.readFileSync(path.join(dir, STATE_FILE), 'utf8');
    code(await las.activate(es01, [{ activationId: 'ACT-SNMP', quantity: 1 }, { activationId: 'ACT-BASE', quantity: 1 }]));
    assert.equal(fs.readFileSync(path.join(dir, STATE_FILE), 'utf8'), before);
  });

  it('signs with a key made once and kept', () => {
    const pem = las.publicKeyPem();
    assert.match(pem, /BEGIN PUBLIC KEY/);
    assert.equal(new LasSimulator({ dataDir: dir }).publicKeyPem(), pem);
  });
});
