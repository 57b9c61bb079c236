import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { fold, repairsInLast12Months } from '../../../src/engine/ledger/fold';
import { readLedger } from '../../../src/engine/ledger/ledger';
import { RULES } from '../../../src/engine/diagnostics';
import { loadWorkspace } from '../../../src/engine/load/files';
import type { RuleFailure } from '../../../src/engine/rules';
import { validateWorkspace } from '../../../src/engine/validate';

describe('the examples', () => {
  it('examples/hospital-north gives no diagnostic at all', () => {
    const { index, problems } = loadWorkspace(['examples/hospital-north']);
    assert.deepEqual(problems, []);
    assert.equal(index.allFiles().length, 2);
    const failures: RuleFailure[] = [];
    const all = [...validateWorkspace(index, { repairsOf: () => 0 }, { failures }).values()].flat();
    assert.deepEqual(all, []);
    assert.deepEqual(failures, []);
  });

  for (const example of ['riverside-plant', 'lakeside-campus']) {
    it(`examples/${example} (the second-round domain: versions, devices, attach and engineering licenses) gives no diagnostic at all`, () => {
      const { index, problems } = loadWorkspace([`examples/${example}`]);
      assert.deepEqual(problems, []);
      const failures: RuleFailure[] = [];
      const all = [...validateWorkspace(index, { repairsOf: () => 0, today: new Date(2026, 11, 2) }, { failures }).values()].flat();
      assert.deepEqual(all.map((d) => `${d.code} ${d.message}`), []);
      assert.deepEqual(failures, []);
      assert.ok(index.sites()[0].servers.some((s) => s.devices && s.devices.length > 0), 'it lists field-bus devices');
    });
  }

  it('examples/broken fires every rule BMS001–BMS070, and no rule throws', () => {
    const { index } = loadWorkspace(['examples/broken']);
    const state = fold(readLedger(path.resolve('examples/broken/harbour-view.ledger.jsonl')).events);
    const today = new Date(2026, 10, 23);
    const failures: RuleFailure[] = [];
    const all = [...validateWorkspace(index, { today, repairsOf: (site, target) => (site === 'harbour-view' ? repairsInLast12Months(state, target, today) : 0) }, { failures }).values()].flat();
    assert.deepEqual(failures, []);
    // Codes after BMS070 need a License Server reading (lmstat), which the example has none of.
    // BMS062-065 are about the ledger file itself (test/cli/ledgerFindings.test.ts).
    // BMS057 needs a License Server reading too (test/unit/rules/tiers.test.ts).
    const ledgerCodes = ['BMS057', 'BMS062', 'BMS063', 'BMS064', 'BMS065', 'BMS067', 'BMS068', 'BMS069'];
    assert.deepEqual([...new Set(all.map((d) => d.code))].sort(), Object.keys(RULES).filter((c) => c <= 'BMS070' && !ledgerCodes.includes(c)).sort());
  });
});
