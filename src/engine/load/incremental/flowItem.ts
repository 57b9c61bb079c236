// The common list item, one flow mapping of plain words and numbers on one line
// (`- { server: es-01, activationId: ACT-1, quantity: 1 }`, a value may be a list of words), read without the yaml parser: a 10,000-line
// plan opens in a fraction of the time. Anything less plain returns undefined and goes to the yaml parser.
// What it reads is a plain record (plainItem.ts); the yaml nodes are made from it only when asked for.
import { fastResult, flowWords, type FastItem, type PlainPair, type PlainScalar } from './plainItem';

// A comment may follow the closing brace (`- { … }   # moved from phase 1`).
const LINE = /^( *)- \{([^\n#]*)\}(?: *| +#[^\n]*)\r?\n?$/;
const KEY = /[A-Za-z_][\w-]*/y;
// Words, and what the YAML 1.2 core schema also reads as text: IPv4 addresses, yyyy-mm-dd dates.
const WORD = /^(?:[A-Za-z_][\w./-]*|\d+(?:\.\d+){2,}|\d{4}-\d\d-\d\d)$/;
const INT = /^[-+]?[0-9]+$/;
const NOT_STRING = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;

/** The item's mapping (offsets relative to the item text) and its value; undefined when the line is not that plain. */
export function readFlowItem(text: string): FastItem | undefined {
  const m = LINE.exec(text);
  if (!m) return undefined;
  const open = m[1].length + 2;
  const close = open + 1 + m[2].length;
  const pairs: PlainPair[] = [];
  const data: Record<string, unknown> = {};
  let i = open + 1;
  const skip = () => {
    while (text[i] === ' ') i++;
  };
  skip();
  while (i < close) {
    KEY.lastIndex = i;
    const key = KEY.exec(text);
    if (!key || key[0] in data) return undefined;
    const keyStart = i;
    i += key[0].length;
    if (text[i] !== ':' || text[i + 1] !== ' ') return undefined;
    i += 2;
    skip();
    // A flow list of words (`appliesTo: [as-p, as-b]`) as the block reader takes it.
    const v = text[i] === '[' ? flowWords(text, i, close) : value(text, i, close);
    if (!v) return undefined;
    pairs.push({ key: key[0], keyStart, value: v, nodeEnd: v.end });
    data[key[0]] = 'items' in v ? v.items.map((x) => x.value) : v.value;
    i = v.end;
    skip();
    if (i < close) {
      if (text[i] !== ',') return undefined;
      i++;
      skip();
      if (i >= close) return undefined; // a trailing comma
    }
  }
  return fastResult({ flow: true, start: open, end: close + 1, nodeEnd: close + 1, pairs }, data);
}

/** A plain scalar or a double-quoted one without escapes, from `start` up to a comma or `close`. */
export function value(text: string, start: number, close: number): PlainScalar | undefined {
  if (text[start] === '"') {
    const end = text.indexOf('"', start + 1);
    if (end < 0 || end >= close) return undefined;
    const inner = text.slice(start + 1, end);
    if (inner.includes('\\')) return undefined;
    return { value: inner, source: inner, quoted: true, start, end: end + 1 };
  }
  let end = start;
  while (end < close && text[end] !== ',') end++;
  let valueEnd = end;
  while (valueEnd > start && text[valueEnd - 1] === ' ') valueEnd--;
  const word = text.slice(start, valueEnd);
  let v: string | number;
  if (INT.test(word)) v = Number(word);
  else if (WORD.test(word) && !NOT_STRING.test(word)) v = word;
  else return undefined;
  if (typeof v === 'number' && !Number.isSafeInteger(v)) return undefined;
  return { value: v, source: word, quoted: false, start, end: valueEnd };
}
