import { strict as assert } from 'node:assert';
import { fold } from '../../../src/engine/ledger/fold';
import type { LedgerEvent } from '../../../src/engine/ledger/ledger';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { assignmentStates } from '../../../src/engine/reconcile';
import { planYaml } from '../workflows/fixture';

const at = '2026-11-23T10:15:00Z';
const ev = (op: LedgerEvent['op'], fields: Partial<LedgerEvent>): LedgerEvent => ({ at, op, site: 'north', ...fields });

function plan() {
  const index = new WorkspaceIndex();
  index.setText('file:///w/plan.bms.yaml', planYaml('north'));
  return index.plans()[0]!;
}

describe('assignmentStates: the CodeLens text of each assignment', () => {
  it('says not activated for every assignment of an empty ledger, on each assignment span', () => {
    const p = plan();
    const states = assignmentStates(p, fold([]));
    assert.deepEqual(states.map((s) => s.text), Array(4).fill('pending: not activated'));
    assert.deepEqual(states.map((s) => s.span), p.assignments.map((a) => a.span));
  });

  it('activated with date and transaction, short, offline response, return pending, broken with repairs left', () => {
    const events: LedgerEvent[] = [
      ev('activate', { target: 'es-01', activationId: 'ACT-BASE', quantity: 1, transaction: 'T-0001-AAAA' }),
      ev('activate', { target: 'es-01', activationId: 'ACT-CC', quantity: 1, transaction: 'T-0001-AAAA' }),
      ev('broken', { target: 'es-01', transaction: 'T-0001-AAAA' }),
      ev('repair', { at: '2026-06-01T00:00:00Z', target: 'es-01', transaction: 'T-0001-AAAA' }),
      ev('broken', { target: 'es-01', transaction: 'T-0001-AAAA' }),
      ev('activate', { at: '2026-11-20T08:00:00Z', target: 'as-01', activationId: 'ACT-SNMP', quantity: 1, transaction: 'T-0002-BBBB' }),
      ev('request-created', { target: 'ls-main', requestId: 'R-1', request: 'activate', lines: [{ activationId: 'ACT-SEATS', quantity: 5 }] }),
    ];
    const texts = assignmentStates(plan(), fold(events), { today: new Date(at) }).map((s) => s.text);
    assert.deepEqual(texts, ['broken — repair (3 left)', 'broken — repair (3 left)', 'activated 2026-11-20 · T-0002-BBBB · ×1 of ×2: reclaim', 'pending offline response']);

    const later = [...events.slice(0, 2), events[5]!, ev('reclaim', { target: 'as-01', activationId: 'ACT-SNMP', quantity: 2, from: 1 }), ev('return', { target: 'es-01', transaction: 'T-0001-AAAA', mode: 'offline' })];
    const after = assignmentStates(plan(), fold(later)).map((s) => s.text);
    assert.deepEqual(after.slice(0, 3), ['return pending confirmation', 'return pending confirmation', 'activated 2026-11-20 · T-0002-BBBB']);
  });

  it('says no repair is left after 4 repairs in 12 months', () => {
    const events: LedgerEvent[] = [ev('activate', { target: 'es-01', activationId: 'ACT-BASE', quantity: 1, transaction: 'T-1' })];
    for (const m of ['02', '04', '06', '08']) events.push(ev('broken', { target: 'es-01', transaction: 'T-1' }), ev('repair', { at: `2026-${m}-01T00:00:00Z`, target: 'es-01', transaction: 'T-1' }));
    events.push(ev('broken', { target: 'es-01', transaction: 'T-1' }));
    const none = assignmentStates(plan(), fold(events), { today: new Date(at) })[0]!.text;
    assert.match(none, /^broken — no repair left/);
    assert.equal(assignmentStates(plan(), fold(events), { today: new Date('2027-05-01T00:00:00Z') })[0]!.text, 'broken — repair (2 left)');
  });
});
