import assert from 'node:assert/strict';
import { WARM_UP_EDITS, WarmUp } from '../../../src/server/warmUp';

describe('WarmUp: the edit path run on made-up files while the server is idle', () => {
  it('edits its made-up plan and site as an engineer would, each finding shown and cleared again', () => {
    const warm = new WarmUp();
    assert.deepEqual(warm.next(), [], 'the first slice opens the made-up files');
    const found: string[][] = [];
    while (!warm.done) found.push(...warm.next());
    assert.equal(found.length, WARM_UP_EDITS);
    // Steps of eight: a server broken and fixed, a quantity lowered and restored, a comment, a host.
    found.forEach((codes, i) => {
      const expected = i % 8 === 0 ? ['BMS010'] : i % 8 === 2 ? ['BMS021'] : [];
      assert.deepEqual(codes, expected, `edit ${i} (step ${i % 8})`);
    });
    assert.deepEqual(warm.next(), [], 'nothing more once done');
  });

  it('stops after the slice it is asked for, so an edit that arrives waits for one slice at most', () => {
    const warm = new WarmUp();
    warm.next();
    assert.equal(warm.next(3).length, 3);
    assert.equal(warm.edits, 3);
    assert.ok(!warm.done);
  });
});
