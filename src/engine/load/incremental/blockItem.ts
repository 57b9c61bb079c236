// The common block-style list item, a mapping of plain words and numbers, one key a line
// (`- server: es-01` / `  activationId: ACT-1` / `  quantity: 1`), read without the yaml parser, with the
// node ranges the yaml parser gives it; a value may be a flow list of such words (`appliesTo: [as-p, as-b]`).
// Anything less plain (comment lines, nesting, blank lines, CR) returns undefined and goes to the yaml parser.
import { value } from './flowItem';
import { fastResult, flowWords, type FastItem, type PlainPair } from './plainItem';

const FIRST = /^( *)- ([A-Za-z_][\w-]*):(?= )/y;
const KEY = /([A-Za-z_][\w-]*):(?= )/y;

export function readBlockItem(text: string): FastItem | undefined {
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
    // Every line after the first: exactly the key column of spaces, then a key.
    if (lineStart > 0 && (!spacesUpTo(text, lineStart, keyStart) || text[keyStart] === ' ')) return undefined;
    KEY.lastIndex = keyStart;
    const key = KEY.exec(text);
    if (!key || key[1] in data) return undefined;
    let at = keyStart + key[0].length;
    while (text[at] === ' ') at++;
    // The value ends before a comment (`host: 10.0.1.21   # panel 4`).
    const comment = text.slice(at, lineEnd).search(/\s#/);
    const valueEnd = comment < 0 ? lineEnd : at + comment;
    const v = at >= valueEnd ? undefined : text[at] === '[' ? flowWords(text, at, valueEnd) : value(text, at, valueEnd);
    if (!v || !blankBetween(text, v.end, valueEnd)) return undefined;
    const next = lineEnd < text.length ? lineEnd + 1 : lineEnd;
    pairs.push({ key: key[1], keyStart, value: v, nodeEnd: next });
    data[key[1]] = 'items' in v ? v.items.map((x) => x.value) : v.value;
    lineStart = next;
  }
  return fastResult({ flow: false, start: keyColumn, end: text.length, nodeEnd: text.length, pairs }, data);
}

function spacesUpTo(text: string, from: number, to: number): boolean {
  if (to > text.length) return false;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

function blankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}
