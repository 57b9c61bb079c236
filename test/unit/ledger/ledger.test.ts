import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fold, licenseState, repairsInLast12Months, transactionsOf } from '../../../src/engine/ledger/fold';
import { appendLedger, ledgerPathFor, readLedger, type LedgerEvent } from '../../../src/engine/ledger/ledger';

const LEDGER_MODULE = path.resolve(__dirname, '../../../src/engine/ledger/ledger.ts');

function ev(op: LedgerEvent['op'], extra: Partial<LedgerEvent> = {}): LedgerEvent {
  return { at: '2026-11-23T10:15:00Z', op, site: 'hospital-north', target: 'es-01', by: 'jsmith', ...extra };
}

/** Runs a child node process that appends `count` events tagged `writer`; resolves with its exit code. */
function appender(file: string, writer: string, count: number): Promise<number> {
  const script = `
    const { appendLedger } = require(${JSON.stringify(LEDGER_MODULE)});
    const pad = 'x'.repeat(3000); // long lines make torn or interleaved writes visible
    for (let i = 0; i < ${count}; i++) appendLedger(${JSON.stringify(file)}, { at: '2026-11-23T10:15:00Z', op: 'activate', site: 's', target: ${JSON.stringify(writer)}, activationId: 'A-' + i, quantity: 1, transaction: pad });
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', '-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

describe('ledger file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    file = path.join(dir, 'site.ledger.jsonl');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('appends one JSON event a line in the PRODUCT.md format', () => {
    appendLedger(file, ev('activate', { activationId: 'ACT-7F3A-0001', quantity: 1, transaction: 'T-1', mode: 'online' }));
    const text = fs.readFileSync(file, 'utf8');
    assert.equal(text, '{"at":"2026-11-23T10:15:00Z","op":"activate","site":"hospital-north","target":"es-01","by":"jsmith","activationId":"ACT-7F3A-0001","quantity":1,"transaction":"T-1","mode":"online"}\n');
    assert.deepEqual(readLedger(file), { events: [JSON.parse(text.trim())], problems: [], lineOf: [1] });
  });

  it('keeps every line whole when two processes append at the same time', async () => {
    const codes = await Promise.all([appender(file, 'w1', 150), appender(file, 'w2', 150)]);
    assert.deepEqual(codes, [0, 0]);
    const { events, problems } = readLedger(file);
    assert.deepEqual(problems, []);
    assert.equal(events.length, 300);
    for (const w of ['w1', 'w2']) {
      assert.deepEqual(events.filter((e) => e.target === w).map((e) => e.activationId), Array.from({ length: 150 }, (_, i) => `A-${i}`));
    }
  });

  it('reports a torn last line with its line number, folds the good lines, and never glues the next append to it', () => {
    appendLedger(file, [ev('activate', { activationId: 'A', quantity: 1, transaction: 'T-1' }), ev('activate', { activationId: 'B', quantity: 2, transaction: 'T-1' })]);
    fs.appendFileSync(file, '{"at":"2026-11-23T10:16:00Z","op":"ret'); // crash mid-write
    let read = readLedger(file);
    assert.equal(read.events.length, 2);
    assert.equal(read.problems.length, 1);
    assert.equal(read.problems[0]!.line, 3);
    assert.match(read.problems[0]!.message, /incomplete last line/);
    assert.equal(licenseState(fold(read.events), 'es-01', 'B')?.quantity, 2);

    appendLedger(file, ev('return', { transaction: 'T-1', lines: [{ activationId: 'A', quantity: 1 }] }));
    read = readLedger(file);
    assert.equal(read.events.length, 3, 'the new event is on a line of its own');
    assert.deepEqual(read.problems.map((p) => p.line), [3]);
    assert.match(read.problems[0]!.message, /not a JSON event/);
    assert.equal(licenseState(fold(read.events), 'es-01', 'A')?.status, 'returned');
  });

  it('reports invalid lines without throwing', () => {
    fs.writeFileSync(file, '[1]\n{"op":"activate","site":"s"}\n{"at":"2026-01-01T00:00:00Z","op":"dance","site":"s"}\n\n');
    const { events, problems } = readLedger(file);
    assert.deepEqual(events, []);
    assert.deepEqual(problems.map((p) => p.line), [1, 2, 3]);
  });

  it('finds the ledger beside the site file unless the site names one', () => {
    assert.equal(ledgerPathFor({ name: 'hospital-north' }, '/w/sites/h.bms.yaml'), path.resolve('/w/sites/hospital-north.ledger.jsonl'));
    assert.equal(ledgerPathFor({ name: 'h', ledger: '../ledgers/h.jsonl' }, '/w/sites/h.bms.yaml'), path.resolve('/w/ledgers/h.jsonl'));
  });
});

describe('ledger fold', () => {
  it('follows a license through activate, broken, repair, return and confirmation', () => {
    const events = [
      ev('activate', { activationId: 'A', quantity: 1, transaction: 'T-1', mode: 'online' }),
      ev('activate', { activationId: 'B', quantity: 5, transaction: 'T-1', mode: 'online' }),
      ev('broken', { at: '2026-11-24T00:00:00Z', transaction: 'T-1' }),
    ];
    let s = fold(events);
    assert.equal(licenseState(s, 'es-01', 'A')?.status, 'broken');
    events.push(ev('repair', { at: '2026-11-25T00:00:00Z', transaction: 'T-1' }));
    s = fold(events);
    assert.equal(licenseState(s, 'es-01', 'B')?.status, 'activated');
    assert.deepEqual(transactionsOf(s, 'es-01', ['activated']).map((t) => t.lines.length), [2]);
    events.push(ev('return', { transaction: 'T-1', mode: 'offline', lines: [{ activationId: 'A', quantity: 1 }, { activationId: 'B', quantity: 5 }] }));
    assert.equal(licenseState(fold(events), 'es-01', 'B')?.status, 'return-pending');
    events.push(ev('return-confirmed', { transaction: 'T-1' }));
    assert.equal(licenseState(fold(events), 'es-01', 'A')?.status, 'returned');
  });

  it('shows an offline activation as requested until its response is imported', () => {
    const events = [ev('request-created', { requestId: 'R-1', request: 'activate', lines: [{ activationId: 'A', quantity: 1 }], file: 'x.json' })];
    let s = fold(events);
    assert.equal(licenseState(s, 'es-01', 'A')?.status, 'requested');
    assert.ok(s.pending.has('R-1'));
    events.push(ev('activate', { activationId: 'A', quantity: 1, transaction: 'T-9', mode: 'offline' }), ev('response-imported', { requestId: 'R-1', accepted: true }));
    s = fold(events);
    assert.equal(licenseState(s, 'es-01', 'A')?.status, 'activated');
    assert.equal(licenseState(s, 'es-01', 'A')?.pendingRequest, undefined);
    assert.ok(s.imported.has('R-1') && !s.pending.has('R-1'));
  });

  it('forgets a refused offline activation', () => {
    const s = fold([
      ev('request-created', { requestId: 'R-1', request: 'activate', lines: [{ activationId: 'A', quantity: 1 }] }),
      ev('response-imported', { requestId: 'R-1', accepted: false, error: 'not-applicable' }),
    ]);
    assert.equal(licenseState(s, 'es-01', 'A'), undefined);
  });

  it('picks up reclaimed quantities', () => {
    const s = fold([ev('activate', { activationId: 'A', quantity: 3, transaction: 'T-1' }), ev('reclaim', { activationId: 'A', quantity: 5, from: 3 })]);
    assert.equal(licenseState(s, 'es-01', 'A')?.quantity, 5);
  });

  it('counts repairs of a target in the last 12 months', () => {
    const dates = ['2025-10-01T00:00:00Z', '2026-01-05T00:00:00Z', '2026-06-01T00:00:00Z', '2026-11-01T00:00:00Z'];
    const s = fold(dates.map((at) => ev('repair', { at, transaction: 'T-1' })));
    assert.equal(repairsInLast12Months(s, 'es-01', new Date('2026-11-23T00:00:00Z')), 3);
    assert.equal(repairsInLast12Months(s, 'es-01', new Date('2026-09-30T00:00:00Z')), 3);
    assert.equal(repairsInLast12Months(s, 'es-01', new Date('2027-06-02T00:00:00Z')), 1);
    assert.equal(repairsInLast12Months(s, 'other', new Date('2026-11-23T00:00:00Z')), 0);
  });
});
