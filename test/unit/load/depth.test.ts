import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { excessiveNesting, MAX_NESTING } from '../../../src/engine/load/depth';
import { parseBmsText } from '../../../src/engine/load/parse';

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
});
