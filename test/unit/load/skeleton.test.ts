import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, type Document } from 'yaml';
import { QUIET } from '../../../src/engine/load/incremental/listItem';
import { layoutOf } from '../../../src/engine/load/incremental/layout';
import { plainSkeleton } from '../../../src/engine/load/incremental/skeleton';

// A plain skeleton is read without the yaml parser: the document must be the parser's, node for node
// (class, value, source, type, ranges, every other own property), or the reader must leave it to the parser.

/** Every own enumerable property but the parser's CST token, the node classes named. */
function dump(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map(dump);
  const out: Record<string, unknown> = { class: node.constructor.name };
  for (const [k, v] of Object.entries(node)) if (k !== 'srcToken') out[k] = dump(v);
  return out;
}

function parsed(text: string): Document.Parsed {
  const docs = parseAllDocuments(text, QUIET);
  assert.ok(Array.isArray(docs) && docs.length === 1);
  return docs[0];
}

function assertSame(text: string): boolean {
  const fast = plainSkeleton(text, QUIET);
  if (!fast) return false;
  const slow = parsed(text);
  assert.equal(slow.errors.length + slow.warnings.length, 0, `the parser had something to say about ${JSON.stringify(text)}`);
  assert.deepEqual(dump(fast.contents), dump(slow.contents), JSON.stringify(text));
  assert.deepEqual(fast.range, slow.range, JSON.stringify(text));
  assert.deepEqual(fast.toJS(), slow.toJS());
  assert.deepEqual([fast.errors, fast.warnings, fast.comment, fast.commentBefore], [[], [], slow.comment, slow.commentBefore]);
  return true;
}

function bmsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? bmsFiles(path) : name.endsWith('.bms.yaml') ? [path] : [];
  });
}

describe('plainSkeleton: a skeleton read without the yaml parser', () => {
  it('equals the parser on every skeleton of the examples and the test fixtures, and reads most of them', () => {
    const root = join(__dirname, '..', '..', '..');
    let read = 0;
    let all = 0;
    for (const file of [...bmsFiles(join(root, 'examples')), ...bmsFiles(join(root, 'test'))]) {
      for (const layout of layoutOf(readFileSync(file, 'utf8')) ?? []) {
        all++;
        if (assertSame(layout.skeleton)) read++;
      }
    }
    assert.ok(all > 10 && read >= all / 2, `${read} of ${all} skeletons read`);
  });

  it('equals the parser on generated skeletons: nesting, empty keys, quoted and numeric values', () => {
    for (const start of [11, 12, 13]) generated(start);
  });

  function generated(start: number): void {
    let seed = start;
    const next = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    const values = ['', '', 'bms.license/v1', 'Fabrikam Airports', 'Hafenblick Gebäude GmbH', "O'Brien (north)", "O'Brien & Sons Ltd.", 'a, b + c', '"6.0"', '12', '"a b"', 'x_y-z', 'a@b.c', 'online', '"x"'];
    const comments = [' the sim', '', '#', ' a: b', ' ünïcode # twice'];
    let read = 0;
    for (let n = 0; n < 1500; n++) {
      let text = '';
      let depth = 0;
      const lines = 1 + next(12);
      for (let k = 0; k < lines; k++) {
        const key = `k${k}`;
        const value = values[next(values.length)];
        const indent = '  '.repeat(depth);
        if (next(4) === 0) for (let c = next(3); c >= 0; c--) text += `${indent}#${comments[next(comments.length)]}\n`;
        const trailing = value && next(3) === 0 ? `${' '.repeat(1 + next(3))}#${comments[next(comments.length)]}` : '';
        text += `${indent}${key}:${value ? ` ${value}` : ''}${trailing}\n`;
        // Under an empty key, comment lines where its list items were cut out (`assignments:` / `    # Batch 1`).
        if (!value && next(3) === 0) for (let c = next(2); c >= 0; c--) text += `${indent}${' '.repeat(next(3) * 2)}#${comments[next(comments.length)]}\n`;
        if (!value && next(2) === 0) depth++;
        else if (depth > 0 && next(3) === 0) depth -= 1 + next(depth);
      }
      if (assertSame(text)) read++;
    }
    assert.ok(read > 500, `${read} of 1500 read`);
  }

  it('leaves to the parser what it does not read the same', () => {
    for (const text of [
      'a: 1\n# c\n',
      'a:\n\n  b: 1\n',
      'a: [x]\n',
      'a: 6.0\n',
      'a: true\n',
      'a: null\n',
      "a: 'x'\n",
      'a: "x\\"y"\n',
      'a: x \n',
      'a:  \n',
      'a:x\n',
      'a: 1\na: 2\n',
      'a:\n    b: 1\n  c: 2\n',
      '  a: 1\n',
      'a: 1\r\n',
      'a: 1',
      '---\na: 1\n',
      'a: 01234567890123456789\n',
      'a: 1\n# at the end\n',
      'a:\n  b: 1\n# less indented\n  c: 2\n',
      'a:   # after a key\n  b: 1\n',
      'a: x#y\n',
    ]) {
      assert.equal(plainSkeleton(text, QUIET), undefined, JSON.stringify(text));
    }
  });
});
