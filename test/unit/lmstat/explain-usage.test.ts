import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainFlexNetError, parseLmstat, usageByFeature } from '../../../src/engine/lmstat';

const fixture = (name: string) => parseLmstat(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));

describe('explainFlexNetError', () => {
  it('tells what to check for the codes site engineers meet', () => {
    assert.match(explainFlexNetError('-15').action, /is running.*address.*firewall/);
    assert.match(explainFlexNetError('-96').title, /down/);
    assert.match(explainFlexNetError('-4').title, /no free seat/);
    assert.match(explainFlexNetError('-9').action, /[Rr]epair/);
    assert.match(explainFlexNetError('-10').title, /expired/);
    assert.match(explainFlexNetError('-16').title, /Cannot read data/);
    assert.match(explainFlexNetError('-97').title, /vendor daemon is down/);
    assert.match(explainFlexNetError('-5').title, /No such feature/);
  });

  it('accepts the full code text, a number, or a code without its sign', () => {
    for (const code of ['-15,570:115', -15, '15', ' -15 ']) assert.equal(explainFlexNetError(code).code, '-15');
  });

  it('gives a generic explanation for other codes', () => {
    const e = explainFlexNetError('-123,4');
    assert.equal(e.code, '-123');
    assert.match(e.title, /-123/);
    assert.ok(e.action.length > 0);
  });
});

describe('usageByFeature', () => {
  it('takes the header numbers of one output', () => {
    const seats = usageByFeature(fixture('01-triad-one-server-cannot-connect-15.txt'));
    assert.deepEqual(Object.fromEntries(seats), { feature1: { issued: 144, inUse: 0 }, feature2: { issued: 144, inUse: 39 } });
  });

  it('counts a redundant triad once, even when read from each of its servers', () => {
    const text = readFileSync(join(__dirname, 'fixtures', '01-triad-one-server-cannot-connect-15.txt'), 'utf8');
    // The same pool seen from another member lists its servers in another order.
    const fromHost3 = text.replace('28000@host1,28000@host2,28000@host3', '28000@HOST3,28000@host1,28000@host2');
    const seats = usageByFeature([parseLmstat(text), parseLmstat(fromHost3)]);
    assert.deepEqual(seats.get('feature2'), { issued: 144, inUse: 39 });
  });

  it('adds up distinct License Servers', () => {
    const a = 'License server status: 27000@ls1\nUsers of client.station:  (Total of 3 licenses issued;  Total of 1 license in use)\n';
    const b = 'License server status: 27000@ls2\nUsers of client.station:  (Total of 2 licenses issued;  Total of 2 licenses in use)\n';
    assert.deepEqual(usageByFeature([parseLmstat(a), parseLmstat(b)]).get('client.station'), { issued: 5, inUse: 3 });
    assert.deepEqual(usageByFeature(parseLmstat(a + b)).get('client.station'), { issued: 5, inUse: 3 });
  });

  it('counts a duplicated feature section of one pool once, and uncounted or failed features as 0', () => {
    const stress = fixture('12-stress-reservations-queued-linger-odd-users.txt');
    const printed = stress.blocks[0].features.filter((f) => f.name === 'feature42');
    assert.equal(printed.length, 2);
    assert.deepEqual(usageByFeature(stress).get('feature42'), { issued: printed[0].issued, inUse: printed[0].inUse });
    const comsol = usageByFeature(fixture('05-comsol-windows-uncounted-unsupported.txt'));
    assert.deepEqual(comsol.get('SERIAL'), { issued: 0, inUse: 0 });
    assert.deepEqual(comsol.get('SUBSURFACEFLOW'), { issued: 0, inUse: 0 });
  });
});
