import assert from 'node:assert/strict';
import { EditRhythm } from '../../../src/server/editRhythm';

describe('EditRhythm: when to check after an edit', () => {
  it('checks an edit on a quiet server at once', () => {
    const rhythm = new EditRhythm();
    assert.equal(rhythm.edit(1_000, 100), 0);
    assert.equal(rhythm.edit(5_000, 100), 0, 'a pause longer than the setting makes the server quiet again');
  });

  it('waits a little longer than the typing gaps during a burst, never longer than the setting', () => {
    const rhythm = new EditRhythm();
    rhythm.edit(0, 100);
    const waits = [30, 60, 90, 120].map((t) => rhythm.edit(t, 100));
    for (const w of waits) assert.ok(w > 30 && w < 100, `wait ${w} ms for 30 ms gaps`);
    const slow = new EditRhythm();
    slow.edit(0, 100);
    assert.equal(slow.edit(95, 100), 100, 'a gap near the setting waits the setting, no more');
  });

  it('learns from the last gaps: one slow keystroke does not stretch the pause', () => {
    const rhythm = new EditRhythm();
    let t = 0;
    rhythm.edit(t, 500);
    for (const gap of [20, 20, 20, 300, 20]) rhythm.edit((t += gap), 500);
    assert.ok(rhythm.edit((t += 20), 500) < 50);
  });

  it('checks every edit at once when the setting is 0', () => {
    const rhythm = new EditRhythm();
    assert.deepEqual([0, 10, 20].map((t) => rhythm.edit(t, 0)), [0, 0, 0]);
  });
});
