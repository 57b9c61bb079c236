// The common block-style list item, a mapping of plain words and numbers, one key a line
// (`- server: es-01` / `  activationId: ACT-1` / `  quantity: 1`), read without the yaml parser, with the
// node ranges the yaml parser gives it; a value may be a flow list of such words (`appliesTo: [as-p, as-b]`).
// Anything less plain (comment lines, nesting, blank lines, CR) returns undefined and goes to the yaml parser.
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { value } from './fastItem';

const FIRST = /^( *)- ([A-Za-z_][\w-]*):(?= )/y;
const KEY = /([A-Za-z_][\w-]*):(?= )/y;

export function fastBlockItem(text: string): { node: YAMLMap; data: Record<string, unknown> } | undefined {
  if (text.includes('\r')) return undefined;
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
    // The value ends before a comment (`host: 10.0.1.21   # panel 4`).
    const comment = text.slice(at, lineEnd).search(/\s#/);
    const valueEnd = comment < 0 ? lineEnd : at + comment;
    const v = at >= valueEnd ? undefined : text[at] === '[' ? flowWords(text, at, valueEnd) : value(text, at, valueEnd);
    if (!v || text.slice(v.end, valueEnd).trim() !== '') return undefined;
    const next = lineEnd < text.length ? lineEnd + 1 : lineEnd;
    v.node.range = [v.node.range![0], v.node.range![1], next];
    map.items.push(new Pair(k, v.node));
    data[key[1]] = v.node instanceof YAMLSeq ? v.node.items.map((x) => (x as Scalar).value) : v.node.value;
    lineStart = next;
  }
  map.range = [keyColumn, text.length, text.length];
  return { node: map, data };
}

/** `[a, b-c, d]` up to `close`: a flow sequence of plain scalars (not numbers, no trailing comma). */
function flowWords(text: string, open: number, close: number): { node: YAMLSeq; end: number } | undefined {
  const end = text.indexOf(']', open);
  if (end < 0 || end >= close) return undefined;
  const seq = new YAMLSeq();
  seq.flow = true;
  seq.range = [open, end + 1, end + 1];
  if (text.slice(open + 1, end).trim() === '') return { node: seq, end: end + 1 };
  let i = open + 1;
  for (const part of text.slice(open + 1, end).split(',')) {
    const lead = part.length - part.trimStart().length;
    const word = part.trim();
    if (!/^[A-Za-z_][\w./-]*$/.test(word) || /^(?:true|false|null)$/i.test(word)) return undefined;
    const node = new Scalar(word);
    node.type = 'PLAIN';
    node.range = [i + lead, i + lead + word.length, i + lead + word.length];
    seq.items.push(node);
    i += part.length + 1;
  }
  return { node: seq, end: end + 1 };
}
