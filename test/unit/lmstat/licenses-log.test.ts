import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainFlexNetError } from '../../../src/engine/lmstat/errors';
import { parseLicensesLog } from '../../../src/engine/lmstat/licensesLog';
import { summarizeLicensesLog } from '../../../src/engine/lmstat/licensesLogSummary';

const DIR = join(__dirname, 'licenses-log');
const read = (f: string) => parseLicensesLog(readFileSync(join(DIR, f), 'utf8'));

describe('licenses log (FlexNet debug log)', () => {
  it('01, a real Autodesk log: every OUT/IN counted, banners and statistics left aside, dated from the log', () => {
    const log = read('01-autodesk-adskflex-out-in-inactive.log');
    const text = readFileSync(join(DIR, '01-autodesk-adskflex-out-in-inactive.log'), 'utf8');
    assert.equal(log.events.length, (text.match(/\) (OUT|IN): /g) ?? []).length);
    assert.equal(log.lines, 200);
    assert.equal(log.events.length + log.other, text.split('\n').filter((l) => l.trim()).length, 'every non-blank line is an event or counted as other');
    assert.deepEqual(log.daemons, ['adskflex']);
    const first = log.events[0];
    assert.deepEqual({ ...first }, { kind: 'OUT', time: '6:51:39', date: '2016-03-30', daemon: 'adskflex', feature: '64300ACD_F', count: 1, user: 'USER01', host: 'COMPUTER01', line: 118 });
    assert.deepEqual(log.events.filter((e) => e.note).map((e) => [e.line, e.note]), [[177, 'INACTIVE'], [178, 'INACTIVE']]);
    const s = summarizeLicensesLog(log);
    assert.deepEqual(s.features.map((f) => [f.feature, f.out, f.in]), [['64300ACD_F', 16, 9], ['85730ACD_2012_0F', 16, 9]]);
    assert.deepEqual([s.denied, s.queued, s.problems.length], [0, 0, 0]);
  });

  it('02, IBM’s published sample: unquoted features, a reason and a count wrapped onto the next line', () => {
    const log = read('02-ibm-telelogic-denied-wrapped.log');
    assert.deepEqual(
      log.events.map((e) => [e.kind, e.feature, `${e.user}@${e.host}`, e.count, e.code ?? '', e.line]),
      [['DENIED', 'DOORS', 'indkach@indkach', 1, '-4', 2], ['DENIED', 'DOORS', 'indkach@indkach', 1, '-4', 4], ['OUT', 'TLSTOK-token', 'indkach@indkach', 3, '', 6], ['OUT', 'DOORS', 'indkach@indkach', 1, '', 8]],
    );
    // sentence: the parser keeps the vendor's reason as the log wrote it (the text is the data)
    assert.equal(log.events[0].reason, 'Licensed number of users already reached');
    const [p] = summarizeLicensesLog(log).problems;
    assert.deepEqual([p.feature, p.who, p.count, p.code], ['DOORS', 'indkach@indkach', 2, '-4']);
    assert.equal(p.action, explainFlexNetError('-4').action);
  });

  it('03, the documentation’s formats: verbose blocks dropped, EXPIRED without a user', () => {
    const log = read('03-revenera-documented-formats.log');
    assert.deepEqual(log.events.map((e) => [e.kind, e.feature, e.user ?? '', e.host ?? '']), [['OUT', 'f1', 'ADas', 'BLR-LT-104276'], ['OUT', 'f1', 'ADas', 'BLR-LT-104276'], ['IN', 'f1', 'ADas', 'BLR-LT-104276'], ['EXPIRED', 'f2', '', '']]);
    assert.equal(summarizeLicensesLog(log).features.find((f) => f.feature === 'f2')?.expired, true);
  });

  it('04, a BMS site: clock-difference denials explained, queued per user, CRLF', () => {
    const s = summarizeLicensesLog(read('04-bms-site-clock-difference-constructed.log'));
    assert.deepEqual([s.denied, s.queued, s.clockDenials], [4, 1, 2]);
    assert.equal(s.from, '2026-11-23 7:58:40');
    const clock = s.problems[0];
    assert.deepEqual([clock.feature, clock.who, clock.count, clock.code, clock.first, clock.last], ['client.station', 'ops@ws-lobby', 2, '-34', '2026-11-23 8:03:12', '2026-11-23 8:03:40']);
    assert.match(clock.action!, /time zone right/);
    assert.deepEqual(s.problems.filter((p) => p.kind === 'QUEUED').map((p) => [p.feature, p.who]), [['client.graphiceditor', 'eng2@eng-02']]);
  });

  it('explains the clock difference (-34) and the clock set back (-88) in errors.ts', () => {
    assert.match(explainFlexNetError('-34,336').title, /^Clock difference too large/);
    assert.match(explainFlexNetError('-34,336').title, /\(more than 24 hours\)/);
    assert.match(explainFlexNetError(-88).title, /clock has been set back/);
  });

  it('ISO stamps (lmgrd -datestamp) date each line; garbage is counted, never thrown', () => {
    const log = parseLicensesLog('2026-11-23T08:03:12+01:00 (vendor) DENIED: "client.station" ops@ws-lobby (Clock difference too large between client and server. (-34,336))\n\u0000\u0001 not a log\nOUT:\n');
    assert.deepEqual(log.events.map((e) => [e.date, e.time, e.code]), [['2026-11-23', '08:03:12', '-34']]);
    assert.equal(log.other, 2);
  });
});
