import { strict as assert } from 'node:assert';
import { LineIndex } from '../../src/engine/text';

describe('LineIndex', () => {
  it('maps offsets to positions across LF, CRLF and CR line ends', () => {
    const idx = new LineIndex('ab\ncd\r\nef\rgh');
    assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(idx.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(idx.positionAt(10), { line: 3, character: 0 });
    assert.equal(idx.lineCount, 4);
  });

  it('round-trips positions and clamps out-of-range input', () => {
    const text = 'one\ntwo\nthree';
    const idx = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) assert.equal(idx.offsetAt(idx.positionAt(o)), o);
    assert.equal(idx.offsetAt({ line: 9, character: 0 }), text.length);
    assert.equal(idx.offsetAt({ line: 0, character: 99 }), 4);
  });
});
