// The common block-style list item, a mapping of plain words and numbers, one key a line
// (`- server: es-01` / `  activationId: ACT-1` / `  quantity: 1`), read without the yaml parser, with the
// node ranges the yaml parser gives it; a value may be a flow list of such words (`appliesTo: [as-p, as-b]`).
// Anything less plain (comment lines, nesting, blank lines, CR) returns undefined and goes to the yaml parser.
import { pairKey, valueAt } from './flowItem';
import { addPair, fastResult, isSpace, type FastItem, type PlainPair } from './plainItem';

export function readBlockItem(text: string): FastItem | undefined {
  if (text.includes('\r')) return undefined;
  // `<spaces>- key: `
  let indent = 0;
  while (text.charCodeAt(indent) === SPACE) indent++;
  if (text.charCodeAt(indent) !== 45 /* - */ || text.charCodeAt(indent + 1) !== SPACE) return undefined;
  const keyColumn = indent + 2;
  const pairs: PlainPair[] = [];
  const data: Record<string, unknown> = {};
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const keyStart = lineStart + keyColumn;
    // Every line after the first: exactly the key column of spaces, then a key.
    if (lineStart > 0 && (!spacesUpTo(text, lineStart, keyStart) || text.charCodeAt(keyStart) === SPACE)) return undefined;
    const key = pairKey(text, keyStart, data);
    if (key === undefined) return undefined;
    let at = keyStart + key.length + 2;
    while (text.charCodeAt(at) === SPACE) at++;
    // The value ends before a comment (`host: 10.0.1.21   # panel 4`).
    const valueEnd = commentStart(text, at, lineEnd);
    const v = valueAt(text, at, valueEnd);
    if (!v || !blankBetween(text, v.end, valueEnd)) return undefined;
    const next = lineEnd < text.length ? lineEnd + 1 : lineEnd;
    addPair(pairs, data, key, keyStart, v, next);
    lineStart = next;
  }
  return fastResult({ flow: false, start: keyColumn, end: text.length, nodeEnd: text.length, pairs }, data);
}

/**
 * Where a comment starts between `from` and `to`: the first `#` after a whitespace character that is not
 * before `from + 1` (as `/\s#/` finds it in that slice), or `to` when there is none.
 */
export function commentStart(text: string, from: number, to: number): number {
  for (let hash = text.indexOf('#', from + 1); hash >= 0 && hash < to; hash = text.indexOf('#', hash + 1)) {
    if (isSpace(text.charCodeAt(hash - 1))) return hash - 1;
  }
  return to;
}

const SPACE = 32;

function spacesUpTo(text: string, from: number, to: number): boolean {
  if (to > text.length) return false;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

function blankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}
