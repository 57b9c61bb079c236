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

  it('an edit handled just as a long check ends was typed during it: part of a burst, not checked at once', () => {
    const rhythm = new EditRhythm();
    assert.equal(rhythm.edit(0, 100), 0, 'quiet: checked at once');
    rhythm.checked(1, 130); // the edit's check took 129 ms, longer than the setting
    const wait = rhythm.edit(131, 100);
    assert.ok(wait > 0 && wait <= 100, `waits ${wait} ms for the rest of the burst`);
    rhythm.checked(400, 450);
    assert.equal(rhythm.edit(600, 100), 0, 'an edit well after the check is quiet again');
    const other = new EditRhythm();
    other.edit(0, 100);
    other.checked(5_000, 5_200); // a check of something else (a file changed on disk), long after the last edit
    assert.equal(other.edit(5_201, 100), 0, 'an edit after a check that was not of the last edit is quiet');
  });
});
