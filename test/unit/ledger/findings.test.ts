// A ledger's own findings, each on its line: what a merge or a hand edit can leave behind.
import { strict as assert } from 'node:assert';
import { ledgerFindings } from '../../../src/engine/ledger/findings';

const e = (o: object) => JSON.stringify({ at: '2026-11-23T10:15:00Z', site: 'north', by: 'anna', ...o });
const activate = e({ op: 'activate', target: 'es-01', activationId: 'ACT-1', quantity: 1, transaction: 'T-1' });
const brief = (text: string) => ledgerFindings(text, 'north').map((f) => `${f.code}@${f.line}`);

describe('ledger findings (BMS062-065)', () => {
  it('a clean ledger, and one whose follow-ups all name a transaction it activated: nothing', () => {
    const text = [activate, e({ op: 'broken', target: 'es-01', transaction: 'T-1' }), e({ op: 'repair', target: 'es-01', transaction: 'T-1' }), e({ op: 'return', target: 'es-01', transaction: 'T-1', mode: 'offline' }), e({ op: 'return-confirmed', target: 'es-01', transaction: 'T-1' }), ''].join('\n');
    assert.deepEqual(brief(text), []);
  });

  it('follow-ups of a transaction or activation id nothing activated, on that target: BMS063 each', () => {
    const text = [
      activate,
      e({ op: 'return', target: 'as-01', transaction: 'T-1' }), // T-1 exists, but on es-01
      e({ op: 'return-confirmed', target: 'es-01', transaction: 'T-9' }),
      e({ op: 'reclaim', target: 'es-01', activationId: 'ACT-2', quantity: 3, from: 1 }),
      e({ op: 'reclaim', target: 'es-01', lines: [] }), // a reclaim that changed nothing names nothing
      '',
    ].join('\n');
    assert.deepEqual(brief(text), ['BMS063@2', 'BMS063@3', 'BMS063@4']);
  });

  it('a doubled repair says it counts twice against the budget; a line only equal after trimming is not doubled', () => {
    const repair = e({ op: 'repair', target: 'es-01', transaction: 'T-1' });
    const found = ledgerFindings([activate, e({ op: 'broken', target: 'es-01', transaction: 'T-1' }), repair, repair, ''].join('\n'), 'north');
    assert.deepEqual(found.map((f) => `${f.code}@${f.line}`), ['BMS062@4']);
    assert.match(found[0]!.message, /as line 3.*counts twice/);
    assert.deepEqual(brief([activate, ` ${activate}`, ''].join('\n')), []);
  });

  it('conflict markers are BMS065 on each marker line; an event of another site is BMS064', () => {
    const text = ['<<<<<<< HEAD', activate, '=======', e({ op: 'activate', site: 'south', target: 'es-02', activationId: 'ACT-1', quantity: 1, transaction: 'T-2' }), '>>>>>>> ben', ''].join('\n');
    assert.deepEqual(brief(text), ['BMS065@1', 'BMS065@3', 'BMS064@4', 'BMS065@5']);
  });
});
