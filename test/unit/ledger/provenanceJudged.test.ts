// The merge of issues 25 and 29: real sites' provenance is judged by the one ledger judgement (the editor,
// validate) and by readJudgedLedger (plan, apply, the workflows), with one vocabulary and one void rule.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { judgeLedgerText } from '../../../src/engine/ledger/findings';
import { licenseState } from '../../../src/engine/ledger/fold';
import { ledgerBlockerOf, readJudgedLedger } from '../../../src/engine/ledger/judged';
import { PROVENANCE_FIELDS, PROVENANCE_OPS } from '../../../src/engine/ledger/provenance';
import { foldSite, judgeContextOf } from '../../../src/engine/ledger/siteLedger';
import { KNOWN_LEDGER_VOCABULARY } from '../../../src/engine/ledger/vocabulary';
import { voidedLines } from '../../../src/engine/ledger/void';
import { LEDGER_OPS } from '../../../src/engine/ledger/ledger';

const NOW = new Date('2026-11-23T12:00:00Z');
const at = '2026-11-20T10:00:00Z';
const act = (target: string, tx: string, extra: Record<string, unknown> = {}) => ({ at, op: 'activate', site: 'north', target, activationId: `A-${target}`, quantity: 1, transaction: tx, by: 'jsmith', ...extra });
const text = (...events: Record<string, unknown>[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';
const site = (activation: 'vendor-tools' | 'simulator') => ({ name: 'north', activation });

describe('ledger provenance in the one judgement (issues 25 and 29)', () => {
  it('one list of ops and fields: the vocabulary holds the provenance ops and fields, and the readers know the same ops', () => {
    for (const op of PROVENANCE_OPS) assert.ok((KNOWN_LEDGER_VOCABULARY.ops as readonly string[]).includes(op), op);
    for (const f of PROVENANCE_FIELDS) assert.ok((KNOWN_LEDGER_VOCABULARY.fields as readonly string[]).includes(f), f);
    assert.deepEqual([...LEDGER_OPS], [...KNOWN_LEDGER_VOCABULARY.ops]);
  });

  it('a verified event with its counts is no finding; counts that are not seats are BMS092', () => {
    const verified = { at, op: 'verified', site: 'north', target: 'ls-main', counts: { 'client.station': 5 }, via: 'simulator', by: 'jsmith' };
    assert.deepEqual(judgeLedgerText(text(verified), 'north', { now: NOW, activation: 'simulator' }).findings, []);
    const bad = judgeLedgerText(text({ ...verified, counts: { 'client.station': -1 } }), 'north', { now: NOW, activation: 'simulator' }).findings;
    assert.deepEqual(bad.map((f) => f.code), ['BMS092']);
    const via = judgeLedgerText(text(act('es-01', 'T-1', { via: 'by-hand' })), 'north', { now: NOW }).findings;
    assert.deepEqual(via.map((f) => f.code), ['BMS092']);
  });

  it('one void rule: a void that says what the line holds clears it only while the line still says so', () => {
    const lines = [act('es-01', 'T-1'), { op: 'void', line: 1, target: 'as-01' }, { op: 'void', line: 1, target: 'es-01', transaction: 'T-1' }];
    assert.deepEqual([...voidedLines([{ line: 1, value: lines[0] }, { line: 2, value: lines[1] }])], []);
    assert.deepEqual([...voidedLines(lines.map((value, i) => ({ line: i + 1, value })))], [1]);
    // A void naming an unreadable line clears it by its number (faults: "void this line").
    assert.deepEqual([...voidedLines([{ line: 1, value: undefined }, { line: 2, value: { op: 'void', line: 1, target: 'es-01' } }])], [1]);
  });

  it('the judgement of the editor and validate says BMS068 on a simulated line of a vendor-tools site, with the schema findings', () => {
    const t = text(act('es-01', 'T-1', { via: 'simulator' }), act('as-01', 'T-2', { via: 'license-administrator', quantity: -5 }));
    const j = judgeLedgerText(t, 'north', { now: NOW, activation: 'vendor-tools' });
    assert.deepEqual(j.findings.map((f) => `${f.code}@${f.line}`), ['BMS068@1', 'BMS092@2']);
    assert.deepEqual(judgeLedgerText(t, 'north', { now: NOW, activation: 'simulator' }).findings.map((f) => `${f.code}@${f.line}`), ['BMS069@2', 'BMS092@2']);
  });

  describe('on disk (plan, apply, the workflows)', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prov-judged-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('readJudgedLedger with the site context: a simulated line in a vendor-tools site is an error, not an activation, and blocks nothing', () => {
      const file = path.join(dir, 'north.ledger.jsonl');
      fs.writeFileSync(file, text(act('es-01', 'T-1', { via: 'simulator' }), act('as-01', 'T-2', { via: 'license-administrator' })));
      const judged = readJudgedLedger(file, 'north', { now: NOW, ...judgeContextOf(site('vendor-tools'), file) });
      assert.deepEqual(judged.errors.map((f) => `${f.code}@${f.line}`), ['BMS068@1']);
      assert.equal(ledgerBlockerOf(judged)('es-01'), undefined, 'the fold leaves the line out: the activation is planned again, not blocked');
      const state = foldSite(site('vendor-tools'), judged, file);
      assert.equal(licenseState(state, 'es-01', 'A-es-01'), undefined);
      assert.equal(licenseState(state, 'as-01', 'A-as-01')?.status, 'activated');
      assert.equal(licenseState(foldSite(site('simulator'), judged, file), 'es-01', 'A-es-01')?.source, 'simulator');
    });

    it('a voided simulated line leaves both the judgement and the fold', () => {
      const file = path.join(dir, 'north.ledger.jsonl');
      fs.writeFileSync(file, text(act('es-01', 'T-1', { via: 'simulator' }), { at, op: 'void', site: 'north', line: 1, target: 'es-01', transaction: 'T-1', reason: 'simulated', by: 'jsmith' }));
      const judged = readJudgedLedger(file, 'north', { now: NOW, ...judgeContextOf(site('vendor-tools'), file) });
      assert.deepEqual(judged.judgement.findings, []);
      const state = foldSite(site('vendor-tools'), judged, file);
      assert.deepEqual([state.uncounted.length, state.voided.get(1)], [0, 'simulated']);
    });
  });
});
