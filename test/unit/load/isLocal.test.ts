import assert from 'node:assert/strict';
import { isLocal } from '../../../src/engine/load/incremental/layout';

// isLocal tries its regex on the lines that hold one of the characters it is about; the answer must be the
// regex's on the whole text.
const NOT_LOCAL = /^[\t%]|^ *\t|(?:^|[\s[{,])[&*!][^\s]|(?:^|[\s[{,])<<\s*:/m;

describe('isLocal: anchors, tags, tabs, directives and merge keys make a text need the whole-file parse', () => {
  it('answers as the regex on the whole text, on crafted texts', () => {
    const texts = [
      'customer: O\'Brien & Sons\n',
      'a: &anchor x\n',
      'a: *alias\n',
      'a: !tag x\n',
      '%YAML 1.2\n',
      '\tkey: x\n',
      '  \tkey: x\n',
      'a: x\t# tab later in the line\n',
      '<<: *base\n',
      'a: {<<\n\n  : x}\n',
      'a: b&c\n',
      'a: [&x y]\n',
      'a: x\r&y\r\n',
      'a: x\u2028&y\n',
      'a: x\u2029%y\n',
      'a: 50%\n',
      'a: "quoted & fine"\n',
      'a: & \n',
      'a: &\n',
      '&',
      '',
    ];
    for (const text of texts) assert.equal(isLocal(text), !NOT_LOCAL.test(text), JSON.stringify(text));
  });

  it('and on 20,000 random texts of those characters, spaces and line breaks', () => {
    let seed = 23;
    const next = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    const pieces = ['a', ' ', '  ', '\t', '%', '&', '*', '!', '<', '<<', ':', '[', '{', ',', '\n', '\r', '\u2028', '\u2029', '\u00a0', 'x: y'];
    let local = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let k = next(14); k > 0; k--) text += pieces[next(pieces.length)];
      assert.equal(isLocal(text), !NOT_LOCAL.test(text), JSON.stringify(text));
      if (isLocal(text)) local++;
    }
    assert.ok(local > 2000 && local < 18_000, `${local} local`);
  });
});
