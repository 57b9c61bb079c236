// The common list item, one flow mapping of plain words and numbers on one line
// (`- { server: es-01, activationId: ACT-1, quantity: 1 }`, a value may be a list of words), read without the yaml parser: a 10,000-line
// plan opens in a fraction of the time. Anything less plain returns undefined and goes to the yaml parser.
// What it reads is a plain record (plainItem.ts); the yaml nodes are made from it only when asked for.
import { addPair, fastResult, flowWords, type FastItem, type PlainPair, type PlainScalar, type PlainSeq } from './plainItem';

const SPACE = 32;
const CR = 13;
const LF = 10;
const CLOSE = 125; // }
const COMMA = 44;
// A word is `/^(?:[A-Za-z_][\w./-]*|\d+(?:\.\d+){2,}|\d{4}-\d\d-\d\d)$/` (plainKind): also what the YAML 1.2 core
// schema reads as text, IPv4 addresses and yyyy-mm-dd dates.
/** What the YAML 1.2 core schema reads as no string (a boolean or null). */
export const NOT_STRING = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;

/** `[A-Za-z_][\w-]*`: where the key starting at `i` ends, or `i` when none starts there. */
export function keyEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) return i;
  let j = i + 1;
  for (let d = text.charCodeAt(j); (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 95 || d === 45; d = text.charCodeAt(++j));
  return j;
}

/**
 * The key's text: the schemas' own key names are handed out as the same string each time (a string the
 * engine already knows: `key in data` and `data[key] = …` need no look-up of a new string, 260,000 keys on
 * a 200-site workspace); any other key is sliced from the text.
 */
export function keyText(text: string, start: number, end: number): string {
  const known = KNOWN_KEYS[end - start];
  if (known) {
    const first = text.charCodeAt(start);
    for (const k of known) if (k.charCodeAt(0) === first && text.startsWith(k, start)) return k;
  }
  return text.slice(start, end);
}

/**
 * The key at `i` when `: ` follows it, as keyText hands it out (it ends `key.length` characters on); undefined
 * when there is none, or the record has that key already (a duplicate key is left to the yaml parser).
 */
export function pairKey(text: string, i: number, data: Record<string, unknown>): string | undefined {
  const end = keyEnd(text, i);
  if (end === i || text.charCodeAt(end) !== 58 /* : */ || text.charCodeAt(end + 1) !== SPACE) return undefined;
  const key = keyText(text, i, end);
  return key in data ? undefined : key;
}

/** The value from `at` up to `end`: a flow list of words (`appliesTo: [as-p, as-b]`) or a plain scalar. */
export function valueAt(text: string, at: number, end: number): PlainScalar | PlainSeq | undefined {
  if (at >= end) return undefined;
  return text.charCodeAt(at) === 91 /* [ */ ? flowWords(text, at, end) : value(text, at, end);
}

/** The item lists' keys of the Site and LicensePlan schemas, by length. */
const KNOWN_KEYS: string[][] = [];
for (const k of ['id', 'type', 'host', 'address', 'hostId', 'licenseServer', 'children', 'devices', 'server', 'client', 'activationId', 'quantity', 'mode', 'feature', 'licenseType', 'expires', 'appliesTo', 'products', 'name', 'count']) {
  (KNOWN_KEYS[k.length] ??= []).push(k);
}

/**
 * Where the closing brace of a one-line flow item stands: the text is `<spaces>- {…}` with nothing but
 * spaces after it, or spaces and a comment, then an optional CR and LF; no LF or `#` inside the braces
 * (what `/^( *)- \{([^\n#]*)\}(?: *| +#[^\n]*)\r?\n?$/` matches, scanned by hand: ~11,000 lines an open). -1 if not.
 */
export function closingBrace(text: string, open: number): number {
  let end = text.length;
  if (text.charCodeAt(end - 1) === LF) end--;
  const lf = text.indexOf('\n');
  if (lf >= 0 && lf < end) return -1;
  const hash = text.indexOf('#', open);
  let i: number;
  if (hash >= 0) {
    i = hash - 1;
    if (text.charCodeAt(i) !== SPACE) return -1;
  } else {
    i = end - 1;
    if (text.charCodeAt(i) === CR) i--;
  }
  while (i > open && text.charCodeAt(i) === SPACE) i--;
  return i > open && text.charCodeAt(i) === CLOSE ? i : -1;
}

/** The item's mapping (offsets relative to the item text) and its value; undefined when the line is not that plain. */
export function readFlowItem(text: string): FastItem | undefined {
  let indent = 0;
  while (text.charCodeAt(indent) === SPACE) indent++;
  // `- {`
  if (text.charCodeAt(indent) !== 45 || text.charCodeAt(indent + 1) !== SPACE || text.charCodeAt(indent + 2) !== 123) return undefined;
  const open = indent + 2;
  const close = closingBrace(text, open);
  if (close < 0) return undefined;
  const pairs: PlainPair[] = [];
  const data: Record<string, unknown> = {};
  let i = open + 1;
  while (text.charCodeAt(i) === SPACE) i++;
  while (i < close) {
    const keyStart = i;
    const key = pairKey(text, i, data);
    if (key === undefined) return undefined;
    i += key.length + 2;
    while (text.charCodeAt(i) === SPACE) i++;
    const v = valueAt(text, i, close);
    if (!v) return undefined;
    addPair(pairs, data, key, keyStart, v, v.end);
    i = v.end;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i < close) {
      if (text.charCodeAt(i) !== COMMA) return undefined;
      i++;
      while (text.charCodeAt(i) === SPACE) i++;
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
  while (end < close && text.charCodeAt(end) !== COMMA) end++;
  let valueEnd = end;
  while (valueEnd > start && text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
  const kind = plainKind(text, start, valueEnd);
  if (kind === NONE) return undefined;
  const word = text.slice(start, valueEnd);
  if (kind === TEXT) return { value: word, source: word, quoted: false, start, end: valueEnd };
  const n = Number(word);
  return Number.isSafeInteger(n) ? { value: n, source: word, quoted: false, start, end: valueEnd } : undefined;
}

const NONE = 0;
const INTEGER = 1;
const TEXT = 2;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * What `text[start..end)` is as a plain scalar of the item readers: an integer (`/^[-+]?[0-9]+$/`), a word
 * (WORD, not one of NOT_STRING's), or neither. Scanned by hand: three regexes a value, 200,000 values an open.
 */
export function plainKind(text: string, start: number, end: number): number {
  if (start >= end) return NONE;
  const c = text.charCodeAt(start);
  if (isLetter(c) || c === 95) {
    for (let i = start + 1; i < end; i++) {
      const d = text.charCodeAt(i);
      // [\w./-]
      if (!(isLetter(d) || isDigit(d) || d === 95 || d === 46 || d === 47 || d === 45)) return NONE;
    }
    const length = end - start;
    return (length === 4 || length === 5) && NOT_STRING.test(text.slice(start, end)) ? NONE : TEXT;
  }
  if (c === 43 || c === 45) return end - start > 1 && digitsUpTo(text, start + 1, end) === end ? INTEGER : NONE;
  if (!isDigit(c)) return NONE;
  const digits = digitsUpTo(text, start, end);
  if (digits === end) return INTEGER;
  // yyyy-mm-dd
  if (text.charCodeAt(digits) === 45) {
    const date = digits - start === 4 && end - start === 10 && isDigit(text.charCodeAt(start + 5)) && isDigit(text.charCodeAt(start + 6)) && text.charCodeAt(start + 7) === 45;
    return date && isDigit(text.charCodeAt(start + 8)) && isDigit(text.charCodeAt(start + 9)) ? TEXT : NONE;
  }
  // \d+(?:\.\d+){2,}: an IPv4 address, a version
  let groups = 0;
  let i = digits;
  while (i < end && text.charCodeAt(i) === 46) {
    const next = digitsUpTo(text, i + 1, end);
    if (next === i + 1) return NONE;
    groups++;
    i = next;
  }
  return i === end && groups >= 2 ? TEXT : NONE;
}

function digitsUpTo(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  return i;
}
