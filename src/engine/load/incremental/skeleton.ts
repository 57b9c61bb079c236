// A document's skeleton (its text with the list items cut out: `apiVersion`, `kind`, `metadata`, the keys of
// `spec`) is a dozen lines of block keys, plain words and comments. Read here without the yaml parser into the
// nodes the parser makes of it, ranges and comments included: a 200-site workspace has 647 of them, and the
// parser took 0.1 ms each warm, 0.25 ms cold (a sixth of the sites' and plans' first read). Anything less
// plain (blank lines, flow collections, lists, quotes other than a double-quoted word, numbers other than
// digits, a comment after a key without a value or at the end, CR, tabs, a second document) returns undefined
// and goes to the parser: test/unit/load/skeleton.test.ts compares the two on every skeleton of the examples
// and on generated ones, every own property of every node.
import { Document, Pair, Scalar, YAMLMap, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { NOT_STRING } from './flowItem';

/** Plain words: the first starts with a letter or `_`; single spaces between them (`Hafenblick Gebäude GmbH`). */
const WORDS = /^[\p{L}_][\p{L}\p{N}_./@()'&,+-]*(?: [\p{L}\p{N}_./@()'&,+-]+)*$/u;
const DIGITS = /^[0-9]+$/;
const KEY = /^( *)([A-Za-z_][\w-]*):( *)([^#]*?)(?:( +)#(.*))?$/;
const COMMENT_LINE = /^( *)#(.*)$/;

interface Line {
  indent: number;
  key: string;
  keyStart: number;
  /** After the colon. */
  colon: number;
  /** The value's text ('' for none) and where it starts. */
  value: string;
  valueStart: number;
  /** The comment after the value (what follows `#`), and the comment lines just above, joined. */
  comment?: string;
  commentBefore?: string;
  /** An empty value's comment: the comment lines under `key:` indented deeper, joined, and where they end. */
  emptyComment?: { text: string; end: number };
  /** Offset after the line's LF. */
  next: number;
}

/** The document the yaml parser makes of `text` (parsed with `options`), or undefined when the text is not that plain. */
export function plainSkeleton(text: string, options: DocumentOptions & SchemaOptions & ParseOptions): Document.Parsed | undefined {
  if (text.length === 0 || text.charCodeAt(text.length - 1) !== 10 || text.includes('\r') || text.includes('\t')) return undefined;
  const lines: Line[] = [];
  let above: string[] = [];
  let aboveIndent = -1;
  for (let pos = 0; pos < text.length; ) {
    const lf = text.indexOf('\n', pos);
    const line = text.slice(pos, lf);
    pos = lf + 1;
    const c = COMMENT_LINE.exec(line);
    if (c) {
      if (above.length > 0 && c[1].length !== aboveIndent) return undefined;
      aboveIndent = c[1].length;
      // The parser keeps an empty comment as one space.
      above.push(c[2] || ' ');
      continue;
    }
    const m = KEY.exec(line);
    if (!m) return undefined;
    const [, spaces, key, gap, value, , comment] = m;
    // `key:value` is no pair; a value with trailing spaces keeps them out of its range; a comment after a key
    // without a value goes to what follows: left to the parser.
    if ((value !== '' && gap === '') || value.endsWith(' ') || (value === '' && (gap !== '' || comment !== undefined))) return undefined;
    if (above.length > 0 && lines.length > 0) {
      const last = lines[lines.length - 1];
      if (last.value === '' && spaces.length <= last.indent) {
        // Under `key:` with nothing else under it, comment lines indented deeper are that empty value's comment
        // (`assignments:` / `    # Batch 1` once the items are cut out); at another indent, left to the parser.
        if (aboveIndent <= last.indent) return undefined;
        last.emptyComment = { text: above.join('\n'), end: pos - 1 - line.length };
        above = [];
      } else if (aboveIndent !== spaces.length) return undefined;
    }
    const keyStart = pos - 1 - line.length + spaces.length;
    const colon = keyStart + key.length + 1;
    const parsedLine: Line = { indent: spaces.length, key, keyStart, colon, value, valueStart: colon + gap.length, next: pos };
    if (comment !== undefined) parsedLine.comment = comment || ' ';
    if (above.length > 0) parsedLine.commentBefore = above.join('\n');
    lines.push(parsedLine);
    above = [];
  }
  if (above.length > 0 && lines.length > 0) {
    const last = lines[lines.length - 1];
    if (last.value === '' && aboveIndent > last.indent) {
      last.emptyComment = { text: above.join('\n'), end: text.length };
      above = [];
    }
  }
  // Other comment lines after the last key belong to the document or a node by rules not repeated here.
  if (above.length > 0 || lines.length === 0 || lines[0].indent !== 0) return undefined;
  const doc = new Document(undefined, options);
  const at = { i: 0 };
  const contents = mapAt(doc, lines, at, 0);
  if (!contents || at.i !== lines.length) return undefined;
  doc.contents = contents;
  const parsed = doc as Document.Parsed;
  parsed.range = [contents.range![0], contents.range![2], contents.range![2]];
  return parsed;
}

/** The block mapping whose keys stand at `indent`, from line `at.i` on. */
function mapAt(doc: Document, lines: Line[], at: { i: number }, indent: number): YAMLMap | undefined {
  const map = new YAMLMap(doc.schema);
  const start = lines[at.i].keyStart;
  const keys = new Set<string>();
  let end = start;
  // Comment lines between `key:` and a nested mapping's first key are the mapping's; the file's first ones, its first key's.
  if (indent > 0 && lines[at.i].commentBefore !== undefined) {
    map.commentBefore = lines[at.i].commentBefore;
    delete lines[at.i].commentBefore;
  }
  while (at.i < lines.length && lines[at.i].indent === indent) {
    const line = lines[at.i++];
    if (keys.has(line.key)) return undefined;
    keys.add(line.key);
    const key = scalar(line.key, 'PLAIN', line.keyStart, line.colon - 1, line.colon - 1);
    if (line.commentBefore !== undefined) key.commentBefore = line.commentBefore;
    let value: Scalar | YAMLMap | undefined;
    if (line.value !== '') value = valueOf(line);
    else if (at.i < lines.length && lines[at.i].indent > indent) value = mapAt(doc, lines, at, lines[at.i].indent);
    // `key:` and nothing under it: an empty scalar just after the colon.
    else {
      value = scalar(null, 'PLAIN', line.colon, line.colon, line.emptyComment?.end ?? line.colon, '');
      if (line.emptyComment) value.comment = line.emptyComment.text;
    }
    if (!value) return undefined;
    if (line.comment !== undefined) value.comment = line.comment;
    // The mapping ends where its last value's node ends (after its line's LF, or at an empty value's colon).
    end = value.range![2];
    map.items.push(new Pair(key, value));
  }
  // A line indented less than this mapping's keys but more than its parent's belongs to neither.
  if (at.i < lines.length && lines[at.i].indent > 0 && !isParentIndent(lines, at.i, indent)) return undefined;
  map.range = [start, end, end];
  return map;
}

/** Whether the line at `i` stands at the indent of an enclosing mapping (not between two levels). */
function isParentIndent(lines: Line[], i: number, indent: number): boolean {
  const wanted = lines[i].indent;
  if (wanted >= indent) return false;
  // The enclosing mappings' indents are those of the lines before that opened them, going outwards.
  let level = indent;
  for (let j = i - 1; j >= 0 && level > 0; j--) {
    if (lines[j].indent < level) {
      level = lines[j].indent;
      if (level === wanted) return true;
    }
  }
  return wanted === 0;
}

function valueOf(line: Line): Scalar | undefined {
  const { value, valueStart } = line;
  const end = valueStart + value.length;
  if (value.charCodeAt(0) === 34 /* " */) {
    const inner = value.slice(1, -1);
    if (value.length < 2 || value.charCodeAt(value.length - 1) !== 34 || inner.includes('"') || inner.includes('\\')) return undefined;
    return scalar(inner, 'QUOTE_DOUBLE', valueStart, end, line.next, inner);
  }
  if (DIGITS.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? scalar(n, 'PLAIN', valueStart, end, line.next, value) : undefined;
  }
  if (!WORDS.test(value) || NOT_STRING.test(value)) return undefined;
  return scalar(value, 'PLAIN', valueStart, end, line.next);
}

function scalar(value: string | number | null, type: Scalar.Type, start: number, end: number, nodeEnd: number, source = String(value)): Scalar {
  const node = new Scalar(value);
  node.range = [start, end, nodeEnd];
  (node as Scalar & { source: string }).source = source;
  node.type = type;
  return node;
}
