// The common block-style list item, a mapping of plain words and numbers, one key a line
// (`- server: es-01` / `  activationId: ACT-1` / `  quantity: 1`), read without the yaml parser, with the
// node ranges the yaml parser gives it. Anything less plain (comments, nesting, blank lines, CR) returns
// undefined and goes to the yaml parser.
import { Pair, Scalar, YAMLMap } from 'yaml';
import { value } from './fastItem';

const FIRST = /^( *)- ([A-Za-z_][\w-]*):(?= )/y;
const KEY = /([A-Za-z_][\w-]*):(?= )/y;

export function fastBlockItem(text: string): { node: YAMLMap; data: Record<string, unknown> } | undefined {
  if (text.includes('\r') || text.includes('#')) return undefined;
  FIRST.lastIndex = 0;
  const head = FIRST.exec(text);
  if (!head) return undefined;
  const keyColumn = head[1].length + 2;
  const map = new YAMLMap();
  const data: Record<string, unknown> = {};
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const keyStart = lineStart + keyColumn;
    // Every line after the first: exactly the key column of spaces, then a key.
    if (lineStart > 0 && (text.slice(lineStart, keyStart) !== ' '.repeat(keyColumn) || text[keyStart] === ' ')) return undefined;
    KEY.lastIndex = keyStart;
    const key = KEY.exec(text);
    if (!key || key[1] in data) return undefined;
    const k = new Scalar(key[1]);
    k.type = 'PLAIN';
    k.range = [keyStart, keyStart + key[1].length, keyStart + key[1].length];
    let at = keyStart + key[0].length;
    while (text[at] === ' ') at++;
    const v = at < lineEnd ? value(text, at, lineEnd) : undefined;
    if (!v || text.slice(v.end, lineEnd).trim() !== '') return undefined;
    const next = lineEnd < text.length ? lineEnd + 1 : lineEnd;
    v.node.range = [v.node.range![0], v.node.range![1], next];
    map.items.push(new Pair(k, v.node));
    data[key[1]] = v.node.value;
    lineStart = next;
  }
  map.range = [keyColumn, text.length, text.length];
  return { node: map, data };
}
