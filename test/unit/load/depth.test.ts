import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { excessiveNesting, MAX_NESTING } from '../../../src/engine/load/depth';
import { parseBmsText } from '../../../src/engine/load/parse';
import { longLine } from '../../../src/engine/load/limits';

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('excessiveNesting', () => {
  it('finds nothing in real site and plan files', () => {
    for (const f of ['site', 'plan']) assert.equal(excessiveNesting(readFileSync(`${__dirname}/../../../examples/hospital-north/${f}.bms.yaml`, 'utf8')), -1);
  });

  it('points at the first bracket past the limit, and allows the limit itself', () => {
    assert.equal(excessiveNesting(`a: ${deep(MAX_NESTING)}\n`), -1);
    const text = `a: ${deep(MAX_NESTING + 50)}\n`;
    assert.equal(excessiveNesting(text), 3 + MAX_NESTING);
  });

  it('ignores brackets in quoted scalars and comments, but not after an apostrophe inside a plain scalar', () => {
    assert.equal(excessiveNesting(`a: '${'['.repeat(600)}'\nb: "${'{'.repeat(600)}"\n# ${'['.repeat(600)}\n`), -1);
    assert.ok(excessiveNesting(`contact: O'Brien\nlist: ${deep(600)}\n`) > 0);
  });

  it('finds runaway indentation', () => {
    const text = `a:\n${' '.repeat(2 * MAX_NESTING + 10)}b: 1\n`;
    assert.equal(excessiveNesting(text), 3 + 2 * MAX_NESTING);
  });

  it('makes parseBmsText answer with one BMS001 at that place instead of parsing', () => {
    const text = `apiVersion: bms.license/v1\nkind: Site\nspec: ${deep(10_000)}\n`;
    const file = parseBmsText('file:///d.bms.yaml', text);
    assert.equal(file.documents.length, 0);
    assert.equal(file.diagnostics.length, 1);
    assert.equal(file.diagnostics[0].code, 'BMS001');
    assert.equal(file.diagnostics[0].span.start, text.indexOf('[') + MAX_NESTING);
  });
  it('with a line limit, finds the first of runaway nesting and a long line in one pass, as the two scans do', () => {
    let seed = 9;
    const next = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    const pieces = ['a', ' ', '[', ']', '{', '#', '"', "'", '\\', '\\\n', '"\\', '\n', '\r', 'x'.repeat(20), '['.repeat(60), ' '.repeat(90)];
    for (let n = 0; n < 4000; n++) {
      let text = '';
      for (let k = next(40); k > 0; k--) text += pieces[next(pieces.length)];
      const maxLine = 10 + next(200);
      // longLine's own limit is the file limit; the same scan with this test's limit:
      const long = ((): number => {
        let start = 0;
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '\n' || text[i] === '\r') start = i + 1;
          else if (i - start >= maxLine) return i;
        }
        return -1;
      })();
      const deepAt = excessiveNesting(text);
      const expected = [deepAt, long].filter((x) => x >= 0).sort((a, b) => a - b)[0] ?? -1;
      // A long line found first stops the scan; where nesting ran away first, the nesting answer stands.
      assert.equal(excessiveNesting(text, maxLine), expected, JSON.stringify(text));
    }
    assert.equal(longLine('a: 1\n'), -1);
    // An escaped line break inside a double-quoted scalar still starts a line (for the length, not the nesting).
    const escaped = `a: "\\\n${'b'.repeat(8)}"\n`;
    assert.equal(excessiveNesting(escaped, 12), -1);
    assert.equal(excessiveNesting(escaped, 8), escaped.indexOf('b') + 8);
  });
});
