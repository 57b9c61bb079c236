// Issue 25.3: the CodeLens and the tree say "simulated" for what the simulator did, never "activated".
import { strict as assert } from 'node:assert';
import { fold } from '../../../src/engine/ledger/fold';
import type { LedgerEvent } from '../../../src/engine/ledger/ledger';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { assignmentStates } from '../../../src/engine/reconcile';
import { buildSiteTree } from '../../../src/engine/tree/build';
import { planYaml, siteYaml } from '../workflows/fixture';

const at = '2026-11-23T10:15:00Z';
const ev = (fields: Partial<LedgerEvent>): LedgerEvent => ({ at, op: 'activate', site: 'north', quantity: 1, transaction: 'T-1', ...fields });

describe('simulated activations in the CodeLens and the tree (issue 25.3)', () => {
  const index = new WorkspaceIndex();
  index.setText('file:///w/site.bms.yaml', siteYaml('north', 'online'));
  index.setText('file:///w/plan.bms.yaml', planYaml('north'));
  const events = [ev({ target: 'es-01', activationId: 'ACT-BASE', via: 'simulator' }), ev({ target: 'es-01', activationId: 'ACT-CC', via: 'simulator' })];

  it('CodeLens: simulated with date and transaction', () => {
    const states = assignmentStates(index.plans()[0]!, fold(events, { activation: 'simulator', site: 'north' }));
    const es = states.filter((s) => s.transaction === 'T-1').map((s) => s.text);
    assert.deepEqual(es, ['simulated 2026-11-23 · T-1', 'simulated 2026-11-23 · T-1']);
  });

  it('tree: the row of a simulator site says 2/2 simulated', () => {
    const tree = buildSiteTree({ index, ledgers: new Map([['north', fold(events, { activation: 'simulator', site: 'north' })]]), today: new Date(at) });
    const es = [...tree.byId.values()].find((n) => n.target === 'es-01')!;
    assert.match(es.description, /· 2\/2 simulated/);
    assert.equal(es.simulated, true);
    assert.deepEqual(es.licenses.map((l) => l.source), ['simulator', 'simulator']);
    assert.match(es.tooltip, /Activated on 2026-11-23 \(simulated\), transaction `T-1`/);
    const root = tree.roots[0]!;
    assert.match(root.tooltip, /2 of \d+ .*simulated: nothing is activated/);
  });
});
