// The ledger judged like a site or plan file: each event against its op's schema, transactions across lines,
// unreadable lines and encodings, each a finding on its line; a later `void` event clears a line.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { judgeLedgerBytes, ledgerFindings } from '../../../src/engine/ledger/findings';
import { ledgerBlockerOf, readJudgedLedger } from '../../../src/engine/ledger/judged';
import { readLedger } from '../../../src/engine/ledger/ledger';
import { KNOWN_LEDGER_VOCABULARY } from '../../../src/engine/ledger/vocabulary';
import { voidedLines } from '../../../src/engine/ledger/void';

const NOW = new Date('2026-11-23T12:00:00Z');
const e = (o: object) => JSON.stringify({ at: '2026-11-23T10:15:00Z', site: 'north', by: 'anna', ...o });
const act = (o: object = {}) => e({ op: 'activate', target: 'es-01', activationId: 'ACT-1', quantity: 1, transaction: 'T-1', mode: 'online', ...o });
const brief = (lines: string[]) => ledgerFindings(`${lines.join('\n')}\n`, 'north', { now: NOW }).map((f) => `${f.code}@${f.line}`);

describe('ledger judged line by line (BMS090-097)', () => {
  it('a clean history, with the lines the previous version wrote (a reclaim that changed nothing), has no finding', () => {
    const lines = [
      act(),
      e({ op: 'reclaim', target: 'es-01', lines: [], mode: 'online' }),
      e({ op: 'reclaim', target: 'es-01', activationId: 'ACT-1', quantity: 3, from: 1, mode: 'online' }),
      e({ op: 'broken', target: 'es-01', transaction: 'T-1', lines: [{ activationId: 'ACT-1', quantity: 3 }] }),
      e({ op: 'repair', target: 'es-01', transaction: 'T-1' }),
      e({ op: 'request-created', target: 'as-01', requestId: 'R-1', request: 'activate', lines: [{ activationId: 'ACT-2', quantity: 2 }], file: 'r.req', digest: 'ab', mode: 'offline' }),
      e({ op: 'response-imported', target: 'as-01', requestId: 'R-1', accepted: false, error: 'refused' }),
    ];
    assert.deepEqual(brief(lines), []);
  });

  it('a quantity of "5", -5, 1.5 or 1e308 is BMS092 on its line; a reclaim may go to 0, an activation may not', () => {
    const lines = [act({ quantity: '5' }), act({ quantity: -5, transaction: 'T-2' }), act({ quantity: 1.5, transaction: 'T-3' }), act({ quantity: 1e308, transaction: 'T-4' }), act({ quantity: 0, transaction: 'T-5' }), e({ op: 'reclaim', target: 'es-01', activationId: 'ACT-1', quantity: 0, from: 1 })];
    assert.deepEqual(brief(lines), ['BMS092@1', 'BMS092@2', 'BMS092@3', 'BMS092@4', 'BMS092@5']);
    const found = ledgerFindings(`${lines[1]}\n`, 'north', { now: NOW });
    assert.match(found[0]!.message, /quantity is -5/);
  });

  it('a missing or numeric target, a missing transaction or quantity: BMS093 / BMS092 where the op needs them', () => {
    const noTarget = JSON.parse(act()) as Record<string, unknown>;
    delete noTarget.target;
    const noQuantity = JSON.parse(act({ transaction: 'T-3' })) as Record<string, unknown>;
    delete noQuantity.quantity;
    const lines = [JSON.stringify(noTarget), act({ target: 42, transaction: 'T-2' }), e({ op: 'return', target: 'es-01' }), JSON.stringify(noQuantity), e({ op: 'void' })];
    assert.deepEqual(brief(lines), ['BMS093@1', 'BMS092@2', 'BMS093@3', 'BMS093@4', 'BMS093@5']);
  });

  it("'at' must be an ISO time not in the future beyond a small clock skew (the real clock or the run's, whichever is later)", () => {
    const inAMinute = new Date(Date.now() + 60_000).toISOString();
    assert.deepEqual(brief([act({ at: '2099-01-01T00:00:00Z' }), act({ at: '1', transaction: 'T-2' }), act({ at: inAMinute, transaction: 'T-3' })]), ['BMS094@1', 'BMS094@2']);
  });

  it('a transaction id on two targets is BMS095; one (transaction, activation id) activated twice with other values is BMS096', () => {
    const lines = [act(), act({ target: 'as-01' }), act({ quantity: 2 }), act({ activationId: undefined, quantity: undefined, lines: [{ activationId: 'ACT-7', quantity: 1 }, { activationId: 'ACT-7', quantity: 1 }], transaction: 'T-9' })];
    assert.deepEqual(brief(lines), ['BMS095@2', 'BMS096@3', 'BMS096@4']);
  });

  it('torn, non-JSON and unknown-op lines are BMS090 (the torn last line says so); conflict markers stay BMS065', () => {
    const text = [act(), '{"at":"2026-11-23T10:15:00Z","op":"activ', e({ op: 'teleport', target: 'es-01' }), '<<<<<<< HEAD', '{"at":"2026-11-23T10:16:00Z","op":"activate","site":"north","target":"as-01","activationId":"A'].join('\n');
    const found = ledgerFindings(text, 'north', { now: NOW });
    assert.deepEqual(found.map((f) => `${f.code}@${f.line}`), ['BMS090@2', 'BMS090@3', 'BMS065@4', 'BMS090@5']);
    assert.match(found[3]!.message, /incomplete last line/);
    assert.deepEqual(found[3]!.blocks, ['as-01'], 'a torn line still names the target it was about');
    assert.deepEqual(found[0]!.blocks, [], 'a line that names no target blocks the whole site');
  });

  it('fields this version does not know are BMS097 information; the ops and fields of the vendor-tools work are known', () => {
    const found = ledgerFindings(`${act({ colour: 'blue' })}\n`, 'north', { now: NOW });
    assert.deepEqual(found.map((f) => [f.code, f.severity]), [['BMS097', 'information']]);
    for (const op of ['void', 'adopt', 'verified']) assert.ok((KNOWN_LEDGER_VOCABULARY.ops as readonly string[]).includes(op));
    assert.deepEqual(brief([act({ via: 'vendor-tools', lasHost: 'la01', vendorRef: 'FID-1', anyway: true }), e({ op: 'void', line: 1, reason: 'typo' })]), []);
  });

  it('a UTF-16 ledger (PowerShell) is one BMS091 that names the encoding and blocks every target', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${act()}\n`, 'utf16le')]);
    const j = judgeLedgerBytes(bytes, 'north', 'north.ledger.jsonl', { now: NOW });
    assert.deepEqual(j.findings.map((f) => `${f.code}@${f.line}`), ['BMS091@1']);
    assert.match(j.findings[0]!.message, /UTF-16 LE/);
    assert.match(j.findings[0]!.message, /Save with Encoding/);
    const latin1 = judgeLedgerBytes(Buffer.from(`${act()}\n${act({ by: 'Zoé', transaction: 'T-2' })}\n`, 'latin1'), 'north', 'l.jsonl', { now: NOW });
    assert.deepEqual(latin1.findings.map((f) => `${f.code}@${f.line}`), ['BMS091@2']);
  });

  it('a line a later void event names is cleared: no finding, not in the fold; a void naming a later line clears nothing', () => {
    const lines = [act({ quantity: -5 }), e({ op: 'void', line: 1, reason: 'typed by hand' }), act({ transaction: 'T-2', quantity: 2 }), e({ op: 'void', line: 9 }), act({ at: '2099-01-01T00:00:00Z', transaction: 'T-3' })];
    // The void of line 9 clears nothing, and says so on its own line (BMS063, issue 25's provenance check).
    assert.deepEqual(brief(lines), ['BMS063@4', 'BMS094@5']);
    assert.deepEqual([...voidedLines([{ line: 3, value: { op: 'void', line: 3 } }, { line: 4, value: { op: 'void', line: 2 } }])], [2]);
  });

  describe('on disk', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'judge-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('an error blocks its target (and a line with no target every target); voided lines leave the fold', () => {
      const file = path.join(dir, 'north.ledger.jsonl');
      fs.writeFileSync(file, `${[act(), act({ target: 'as-01', transaction: 'T-2', quantity: -5 }), e({ op: 'reclaim', target: 'ls-1', activationId: 'ACT-3', quantity: 9, from: 1 }), e({ op: 'void', line: 3 })].join('\n')}\n`);
      const judged = readJudgedLedger(file, 'north', { now: NOW });
      const blockerOf = ledgerBlockerOf(judged);
      assert.equal(blockerOf('es-01'), undefined);
      assert.equal(blockerOf('as-01')?.code, 'BMS092');
      assert.match(blockerOf('as-01')!.where, /ledger line 2/);
      assert.equal(blockerOf('ls-1'), undefined, 'line 3 is voided');
      // The void event itself is an event (the fold reads it as bookkeeping); the line it names is not.
      assert.deepEqual(judged.lineOf, [1, 2, 4]);
      assert.deepEqual(readLedger(file).events.map((x) => x.op), ['activate', 'activate', 'void'], 'readLedger leaves voided lines out too');
      fs.writeFileSync(path.join(dir, 'u16.jsonl'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${act()}\n`, 'utf16le')]));
      const u16 = readLedger(path.join(dir, 'u16.jsonl'));
      assert.deepEqual([u16.events.length, u16.problems.length], [0, 1], 'a UTF-16 ledger is one problem, not a line of garbage each');
      assert.match(u16.problems[0]!.message, /UTF-16 LE/);
      fs.appendFileSync(file, '{"op":\n');
      assert.equal(ledgerBlockerOf(readJudgedLedger(file, 'north', { now: NOW }))('es-01')?.code, 'BMS090');
    });
  });
});
