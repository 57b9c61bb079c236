import assert from 'node:assert/strict';
import { leafEnd } from '../../../src/engine/load/incremental/nestedServers';

/** The definition leafEnd scans by hand: the line without what /\s+#.*$|\s+$/s matches. */
function reference(text: string, start: number, end: number): number {
  const lineStart = Math.max(start, text.lastIndexOf('\n', end - 2) + 1);
  return lineStart + text.slice(lineStart, end).replace(/\s+#.*$|\s+$/s, '').length;
}

describe('leafEnd: where the last value of a server item ends', () => {
  it('equals the regex it replaces on lines with comments, quotes, tabs, CRLF and Unicode spaces', () => {
    const lines = [
      '          host: 10.0.1.21   # panel 4\n',
      '          host: as1.b1.site.local\n',
      '          host: "a #b"  # quoted\n',
      '          host: x#y\n',
      '          type: as-p\t# tab\r\n',
      '          id: x\u00a0# nbsp\n',
      '          id: x\u2003\n',
      '    - { id: a, type: as-p, host: h }\n',
      '#\n',
      '   \n',
      'x',
      '',
    ];
    for (const line of lines) {
      const text = `  servers:\n${line}`;
      for (let end = 11; end <= text.length; end++) assert.equal(leafEnd(text, 11, end), reference(text, 11, end), JSON.stringify(text.slice(11, end)));
    }
  });

  it('equals it on random lines of spaces, hashes and words', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = [' ', '  ', '\t', '#', 'a', 'host: ', '"', '\u00a0', '\r', '\n', '\u3000', 'x#'];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = 1 + Math.floor(next() * 12);
      for (let k = 0; k < len; k++) text += pieces[Math.floor(next() * pieces.length)];
      const start = Math.floor(next() * text.length);
      const end = start + Math.floor(next() * (text.length - start + 1));
      assert.equal(leafEnd(text, start, end), reference(text, start, end), JSON.stringify([text, start, end]));
    }
  });
});
