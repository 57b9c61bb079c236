// Where the caret is in YAML terms, read from the text around it (indentation and flow brackets), so
// that completion and hover work on half-typed lines that do not parse.
import type { PathSegment } from '../schema';
import type { Span } from '../model';

export interface CaretContext {
  /** Path of the mapping the caret is in; list items appear as 0. */
  path: PathSegment[];
  /** Set when the caret is in the value of this key (or in an item of its list). */
  key?: string;
  /** The caret is in an item of a list under `key` (`[a, |]`) or could be (`- |` under a key). */
  listItem: boolean;
  /** The word at the caret (id characters), to replace on completion. */
  word: Span;
  /** The key of the entry the caret is on, when it is on a key. */
  onKey?: string;
}

const WORD = /[\w.@-]/;
// `s`: a lone CR or U+2028 inside a line must still match, or exec returns null (fuzz seed 2 cases 16, 20).
const LINE = /^(\s*)((?:-\s+)*)(.*)$/s;
const KEY = /^(["']?)([\w.$-]+)\1\s*:(?:\s|$)/;

export function caretContext(text: string, offset: number): CaretContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const col = offset - lineStart;
  const word = wordAt(text, offset, lineStart, lineStart + line.length);
  const m = LINE.exec(line)!;
  const indent = m[1].length;
  const dashes = m[2];
  const contentCol = indent + dashes.length;
  const dashCount = (dashes.match(/-/g) ?? []).length;
  const dashCol = dashCount > 0 ? indent + dashes.lastIndexOf('-') : contentCol;
  // A dash line starts a new list item: the caret's mapping is that item.
  const base = dashCount > 0 && col >= contentCol ? [...parentPath(text, lineStart, dashCol), ...Array<number>(dashCount).fill(0)] : parentPath(text, lineStart, Math.min(col, contentCol));
  const rest = line.slice(contentCol, Math.max(contentCol, col));
  const flow = flowContext(rest);
  const keyEnd = word.end - lineStart;
  const onKey = line.slice(word.start - lineStart, keyEnd) && /^\s*:/.test(line.slice(keyEnd)) && !flow.valueKey ? line.slice(word.start - lineStart, keyEnd) : undefined;
  if (flow.depth === 0) {
    const k = KEY.exec(rest);
    if (k) return { path: base, key: k[2], listItem: false, word, onKey };
    return { path: base, listItem: dashCount > 0, word, onKey };
  }
  // Inside `{ … }` or `[ … ]` on this line: the block key before the first bracket, then the flow path.
  const head = KEY.exec(rest);
  const path = [...base];
  if (head && flow.firstOpen > head[0].length - 1) path.push(head[2]);
  path.push(...flow.path);
  if (flow.inList) return { path: path.slice(0, -1), key: String(path[path.length - 1] ?? ''), listItem: true, word, onKey };
  return { path, key: flow.valueKey, listItem: false, word, onKey: flow.valueKey ? undefined : onKey };
}

/** The path of the mapping that holds a key starting at column `col` on the line at `lineStart`. */
function parentPath(text: string, lineStart: number, col: number): PathSegment[] {
  const path: PathSegment[] = [];
  let threshold = col;
  let end = lineStart - 1;
  while (threshold > 0 && end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (/^(---|\.\.\.)(\s|$)/.test(line)) break;
    const m = LINE.exec(line)!;
    if (m[3] === '' || m[3].startsWith('#')) continue;
    const indent = m[1].length;
    const dashCol = m[2] ? indent + m[2].lastIndexOf('-') : -1;
    const keyCol = indent + m[2].length;
    const key = KEY.exec(m[3]);
    if (key && keyCol < threshold) {
      path.unshift(key[2]);
      threshold = keyCol;
    }
    if (dashCol >= 0 && dashCol < threshold) {
      path.unshift(0);
      threshold = dashCol;
    }
  }
  return path;
}

interface FlowState {
  depth: number;
  firstOpen: number;
  path: PathSegment[];
  inList: boolean;
  valueKey?: string;
}

/** Reads `{ a: 1, b: [x, |` left to right: the keys and list items the caret is nested in. */
function flowContext(s: string): FlowState {
  const stack: { open: string; key?: string; segmentStart: number }[] = [];
  let firstOpen = -1;
  let quote = '';
  let segmentStart = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') {
      if (firstOpen < 0) firstOpen = i;
      const key = KEY.exec(s.slice(segmentStart, i).trim())?.[2];
      stack.push({ open: c, key, segmentStart: i + 1 });
      segmentStart = i + 1;
    } else if (c === '}' || c === ']') {
      stack.pop();
      segmentStart = i + 1;
    } else if (c === ',') segmentStart = i + 1;
  }
  const path: PathSegment[] = [];
  stack.forEach((frame, i) => {
    if (i > 0 && frame.key !== undefined && stack[i - 1].open === '{') path.push(frame.key);
    if (frame.open === '[') path.push(0);
  });
  const top = stack[stack.length - 1];
  if (!top) return { depth: 0, firstOpen, path, inList: false };
  if (top.open === '[') {
    // `key: [a, |` → the caret is an item of key's list
    path.pop();
    return { depth: stack.length, firstOpen, path, inList: true };
  }
  const segment = s.slice(segmentStart);
  const valueKey = KEY.exec(segment.trimStart())?.[2];
  return { depth: stack.length, firstOpen, path, inList: false, valueKey };
}

function wordAt(text: string, offset: number, lineStart: number, lineEnd: number): Span {
  let start = offset;
  while (start > lineStart && WORD.test(text[start - 1])) start--;
  let end = offset;
  while (end < lineEnd && WORD.test(text[end])) end++;
  return { start, end };
}
