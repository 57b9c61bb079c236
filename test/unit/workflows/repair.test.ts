import { strict as assert } from 'node:assert';
import { licenseState, repairsInLast12Months } from '../../../src/engine/ledger/fold';
import type { Las } from '../../../src/engine/las/types';
import { activate } from '../../../src/engine/workflows/activate';
import { returnLicenses } from '../../../src/engine/workflows/return';
import { repair, reportBroken } from '../../../src/engine/workflows/repair';
import { assertOk, bench, type Bench } from './fixture';

describe('workflows, repair', () => {
  let b: Bench;
  let tx: string;
  beforeEach(async () => {
    b = bench();
    assertOk(await activate(b.options({ target: 'es-01' })));
    tx = licenseState(b.state(), 'es-01', 'ACT-BASE')!.transaction!;
  });
  afterEach(() => b.cleanup());

  const days = (n: number) => (b.clock.now = new Date(b.clock.now.getTime() + n * 86400_000));

  it('repairs broken licenses; a broken transaction cannot be returned until then', async () => {
    assertOk(await reportBroken(b.options({ target: 'es-01' }), tx));
    assert.equal(licenseState(b.state(), 'es-01', 'ACT-CC')?.status, 'broken');
    const ret = await returnLicenses(b.options({ target: 'es-01' }));
    assert.equal(ret.notDone[0]!.code, 'not-repairable');
    const r = assertOk(await repair(b.options({ target: 'es-01' })));
    assert.match(r.done[0]!.message, /3 repair\(s\) left/);
    assert.equal(licenseState(b.state(), 'es-01', 'ACT-CC')?.status, 'activated');
    assert.equal(assertOk(await repair(b.options({ target: 'es-01' }))).done.length, 0, 'nothing broken, nothing to repair');
  });

  it('allows 4 repairs of a target in 12 months, refuses the 5th without asking the LAS, and allows it again later', async () => {
    for (let i = 0; i < 4; i++) {
      assertOk(await reportBroken(b.options({ target: 'es-01' }), tx));
      assertOk(await repair(b.options({ target: 'es-01' })));
      days(60);
    }
    assert.equal(repairsInLast12Months(b.state(), 'es-01', b.clock.now), 4);
    assertOk(await reportBroken(b.options({ target: 'es-01' }), tx));
    let asked = 0;
    const counting: Las = Object.create(b.las);
    counting.repair = async (t, x) => (asked++, b.las.repair(t, x));
    const refused = await repair(b.options({ target: 'es-01', las: counting }));
    assert.equal(refused.notDone[0]!.code, 'repair-budget');
    assert.match(refused.notDone[0]!.message, /repaired 4 times/);
    assert.equal(asked, 0);
    assert.equal(licenseState(b.state(), 'es-01', 'ACT-BASE')?.status, 'broken');
    days(130); // the first repair leaves the 12-month window
    const r = assertOk(await repair(b.options({ target: 'es-01', las: counting })));
    assert.equal(asked, 1);
    assert.match(r.done[0]!.message, /0 repair\(s\) left/);
  });

  it('refuses an unknown transaction when recording a break', async () => {
    const r = await reportBroken(b.options({ target: 'es-01' }), 'T-NOPE');
    assert.equal(r.notDone[0]!.code, 'unknown-transaction');
  });
});
