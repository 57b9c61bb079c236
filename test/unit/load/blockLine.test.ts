import assert from 'node:assert/strict';
import { generatePlan } from '../../../bench/workload/plan';
import { generateSite } from '../../../bench/workload/site';
import { readBlockItem } from '../../../src/engine/load/incremental/blockItem';
import { value } from '../../../src/engine/load/incremental/flowItem';
import { layoutOf } from '../../../src/engine/load/incremental/layout';
import { flowWords, type PlainPair } from '../../../src/engine/load/incremental/plainItem';

// The block item's lines are scanned by hand (a 200-site workspace has 40,000 such items); this is the
// regex reader it replaced, and the two must read the same on generated items and on random mutations.
const FIRST = /^( *)- ([A-Za-z_][\w-]*):(?= )/y;
const KEY = /([A-Za-z_][\w-]*):(?= )/y;

function reference(text: string): unknown {
  if (text.includes('\r')) return undefined;
  FIRST.lastIndex = 0;
  const head = FIRST.exec(text);
  if (!head) return undefined;
  const keyColumn = head[1].length + 2;
  const pairs: PlainPair[] = [];
  const data: Record<string, unknown> = {};
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const keyStart = lineStart + keyColumn;
    if (lineStart > 0 && (!/^ *$/.test(text.slice(lineStart, keyStart)) || keyStart > text.length || text[keyStart] === ' ')) return undefined;
    KEY.lastIndex = keyStart;
    const key = KEY.exec(text);
    if (!key || key[1] in data) return undefined;
    let at = keyStart + key[0].length;
    while (text[at] === ' ') at++;
    const comment = text.slice(at, lineEnd).search(/\s#/);
    const valueEnd = comment < 0 ? lineEnd : at + comment;
    const v = at >= valueEnd ? undefined : text[at] === '[' ? flowWords(text, at, valueEnd) : value(text, at, valueEnd);
    if (!v || !/^[ \t]*$/.test(text.slice(v.end, valueEnd))) return undefined;
    const next = lineEnd < text.length ? lineEnd + 1 : lineEnd;
    pairs.push({ key: key[1], keyStart, value: v, nodeEnd: next });
    data[key[1]] = 'items' in v ? v.items.map((x) => x.value) : v.value;
    lineStart = next;
  }
  return { plain: { flow: false, start: keyColumn, end: text.length, nodeEnd: text.length, pairs }, data };
}

function scanned(text: string): unknown {
  const got = readBlockItem(text);
  return got && { plain: got.plain, data: got.data };
}

describe('the block item, scanned by hand', () => {
  const site = generateSite({ name: 'n', servers: 200, enterpriseServers: 4, style: 'block', seed: 21 });
  const plan = generatePlan(site, { name: 'p', assignments: 300, products: 40, style: 'block', seed: 22 });
  const items = [site.text, plan.text].flatMap((text) => layoutOf(text)![0].items.map((i) => i.text));

  it('reads what the regex reader reads on every generated item', () => {
    let read = 0;
    for (const text of items) {
      assert.deepEqual(scanned(text), reference(text), text);
      if (scanned(text)) read++;
    }
    assert.ok(read > 300, `${read} items read`);
  });

  it('and on 6,000 random mutations of them: comments, tabs, colons, dashes, Unicode spaces, line ends', () => {
    let seed = 5;
    const next = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    const inserts = [' ', ' #', '#', '\t', ':', ': ', '- ', '\n', '\r', '\u00a0', '\u00a0#', 'é', '[', ']', ',', '"', '  '];
    for (let n = 0; n < 6000; n++) {
      let text = items[next(items.length)];
      for (let k = 1 + next(2); k > 0; k--) {
        const at = next(text.length + 1);
        text = next(4) === 0 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + inserts[next(inserts.length)] + text.slice(at);
      }
      assert.deepEqual(scanned(text), reference(text), JSON.stringify(text));
    }
  });
});
