// The simulator's state as written: a big state is compact and reuses the JSON of its returned history, which
// must still be exactly the state (a revived or changed transaction written anew).
import { strict as assert } from 'node:assert';
import { emptyState, stateText, type SimTransaction } from '../../../src/engine/las/simulatorState';
import { restoreInto } from '../../../src/engine/las/simulatorRestore';

const tx = (i: number, status: SimTransaction['status']): SimTransaction => ({
  transaction: `T-${i}`, site: 's', target: `as-${i % 7}`, targetType: 'as-p', lines: [{ activationId: 'A', quantity: 1, entitled: 9 }], at: '2026-01-01T00:00:00.000Z', status, returnedAt: status === 'returned' ? '2026-02-01T00:00:00.000Z' : undefined,
});

describe('simulator state text', () => {
  it('small states stay indented; big ones are compact and parse back to the same state after changes', () => {
    const small = emptyState();
    small.transactions.push(tx(1, 'active'));
    assert.match(stateText(small), /\n "transactions"/);
    const s = emptyState();
    for (let i = 0; i < 3000; i++) s.transactions.push(tx(i, i % 3 === 0 ? 'active' : 'returned'));
    s.signingKey = 'abc';
    const first = stateText(s);
    assert.doesNotMatch(first, /\n/);
    assert.deepEqual(JSON.parse(first), JSON.parse(JSON.stringify(s)));
    // A returned transaction revived by `las restore`, another returned now, an active one changed in place.
    restoreInto(s, { site: 's', transactions: [{ target: 'as-1', targetType: 'as-p', transaction: 'T-1', status: 'activated', lines: [{ activationId: 'A', quantity: 4 }], at: 'x' }], repairs: [] });
    s.transactions[3]!.status = 'returned';
    s.transactions[3]!.returnedAt = '2026-03-01T00:00:00.000Z';
    s.transactions[6]!.lines[0]!.quantity = 5;
    assert.deepEqual(JSON.parse(stateText(s)), JSON.parse(JSON.stringify(s)));
    assert.equal(JSON.parse(stateText(s)).transactions[1].status, 'active');
  });
});
