// A server item's `children` cut into items of their own, at every depth, so that an edit of one server
// in a 2,000-server hierarchy re-parses that server, not the whole tree under the Enterprise Central.
// Only the plain shape is cut: `children:` the item's last key, each child a `- ` line below it.
import type { Server } from '../../model';
import type { ItemChunk } from './itemChunk';
import { isSpace } from './plainItem';

const NON_SPACE = /\S/g;
const CHILDREN = /^( *)children *:(?: *(?:#.*)?)$/;

interface Line {
  start: number;
  /** The line without its line break. */
  text: string;
  indent: number;
  blank: boolean;
}

function linesOf(text: string, offset: number): Line[] {
  const out: Line[] = [];
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const raw = text.slice(pos, nl).replace(/\r$/, '');
    const trimmed = raw.trimStart();
    out.push({ start: offset + pos, text: raw, indent: raw.length - trimmed.length, blank: trimmed === '' || trimmed.startsWith('#') });
    pos = nl + 1;
  }
  return out;
}

/** The item, and its descendants as items after it (pre-order); just the item when it is not that plain. */
export function cutChildren(chunk: ItemChunk, text: string, depth = 0): ItemChunk[] {
  if (chunk.list !== 'servers') return [chunk];
  const lines = linesOf(chunk.text, chunk.start);
  const first = lines[0];
  const dash = first.indent;
  // `- id: x`: a block mapping; its keys sit at the column after the dash and its spaces.
  const head = /^-( +)[A-Za-z_][\w-]* *:/.exec(first.text.slice(dash));
  if (!head) return [chunk];
  const keyIndent = dash + 1 + head[1].length;
  let at = -1;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.blank) continue;
    if (l.indent < keyIndent) return [chunk];
    if (l.indent > keyIndent || (at >= 0 && l.text.slice(l.indent).startsWith('-'))) continue;
    if (at >= 0) return [chunk]; // a key after `children`: keep the item whole
    if (CHILDREN.test(l.text)) at = i;
  }
  if (at < 0) return [chunk];
  let childDash = -1;
  const children: ItemChunk[] = [];
  let parentEnd = lines[at].start + lines[at].text.length + 1;
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i];
    const next = i + 1 < lines.length ? lines[i + 1].start : chunk.end;
    if (l.blank) {
      const last = children[children.length - 1];
      if (last) last.end = next;
      else parentEnd = next;
      continue;
    }
    const isDash = l.text.slice(l.indent).startsWith('- ') || l.text.slice(l.indent) === '-';
    if (childDash < 0) {
      if (!isDash || l.indent < keyIndent) return [chunk];
      childDash = l.indent;
    }
    if (l.indent === childDash && isDash) children.push({ list: chunk.list, start: l.start, end: next, text: '', depth: depth + 1 });
    else if (l.indent > childDash && children.length) children[children.length - 1].end = next;
    else return [chunk];
  }
  if (children.length === 0) return [chunk];
  const parent: ItemChunk = { ...chunk, end: Math.min(parentEnd, chunk.end), depth, cut: true };
  parent.text = text.slice(parent.start, parent.end);
  const out = [parent];
  for (const c of children) {
    c.text = text.slice(c.start, c.end);
    out.push(...cutChildren(c, text, depth + 1));
  }
  return out;
}

/** Where `children: []` is made of a cut item's `children:`: just after its colon. */
export function cutAt(text: string): number {
  const m = /^( *children *:)/gm;
  let at = -1;
  for (let x = m.exec(text); x; x = m.exec(text)) at = x.index + x[1].length;
  return at;
}

/**
 * The text to parse for an item whose children are cut: `children: []`, so it reads as a server with none.
 * Blank and comment lines after `children:` (`# Building 1` heading the first child) are left out: they hold no
 * node, the parser would hang them on the item's last node, and the item could not be read without it. Nothing
 * of the item lies there: its span and its `children` span run to its last descendant (nestServers).
 */
export function cutText(text: string): string {
  const at = cutAt(text);
  if (at < 0) return text;
  const lineEnd = text.indexOf('\n', at);
  const rest = lineEnd < 0 ? '' : text.slice(lineEnd + 1);
  const kept = rest !== '' && ONLY_COMMENTS.test(rest) ? text.slice(at, lineEnd + 1) : text.slice(at);
  return `${text.slice(0, at)} []${kept}`;
}

const ONLY_COMMENTS = /^(?:[ \t]*(?:#[^\n]*)?(?:\n|$))*$/;

/** A placed server item: its servers (its own first), its depth, whether its children were cut off. */
export interface PlacedServers {
  servers: Server[];
  start: number;
  end: number;
  depth?: number;
  cut?: boolean;
}

/**
 * The site's servers from items in file order, wired as a whole-file parse would: a cut item's children
 * are the items below it, its span and `children` span run to its last descendant, and the children of
 * a server without an id are left out (as extractServers leaves them out). Returns, per cut item, where
 * its subtree ends (its mapping's end in a whole-file parse).
 */
export function nestServers(items: PlacedServers[], text: string, out: Server[]): Map<number, { end: number; leafEnd: number }> {
  const open: { server: Server | undefined; depth: number; children: number; item: number; end: number; leafEnd: number }[] = [];
  const ends = new Map<number, { end: number; leafEnd: number }>();
  // A cut item's subtree ends where its last descendant ends: known when it is closed, written once then.
  const close = (o: (typeof open)[number]) => {
    if (o.end < 0) return;
    ends.set(o.item, { end: o.end, leafEnd: o.leafEnd });
    if (!o.server) return;
    o.server.span = { start: o.server.span.start, end: o.end };
    o.server.at = { ...o.server.at, children: { start: o.server.at.children?.start ?? o.end, end: o.end } };
  };
  items.forEach((it, n) => {
    const depth = it.depth ?? 0;
    while (open.length && open[open.length - 1].depth >= depth) close(open.pop()!);
    const parent = open[open.length - 1];
    // A YAML collection ends where its last item's node ends: after that item's last line of content.
    const end = contentEnd(text, it.start, it.end);
    if (open.length) {
      const last = leafEnd(text, it.start, end);
      for (const o of open) {
        o.end = end;
        o.leafEnd = last;
      }
    }
    const own = depth > 0 && !parent?.server ? undefined : it.servers[0];
    if (it.cut) {
      if (own) own.children = [];
      open.push({ server: own, depth, children: 0, item: n, end: -1, leafEnd: -1 });
    }
    if (depth > 0 && !parent?.server) return;
    if (parent?.server) {
      const p = parent.server;
      if (parent.children++ === 0) {
        NON_SPACE.lastIndex = it.start;
        const dash = NON_SPACE.exec(text)?.index ?? it.start;
        p.at = { ...p.at, children: { start: dash, end } };
      }
      if (own) {
        own.parent = p.id;
        p.children.push(own.id);
      }
    }
    out.push(...it.servers);
  });
  while (open.length) close(open.pop()!);
  return ends;
}

/** The end of the last line in [start, end) that holds more than a comment, with its line break. */
function contentEnd(text: string, start: number, end: number): number {
  let lineEnd = end;
  while (lineEnd > start) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 2) + 1;
    const line = text.slice(Math.max(lineStart, start), lineEnd).trim();
    if (line !== '' && !line.startsWith('#')) return lineEnd;
    lineEnd = Math.max(lineStart, start);
  }
  return end;
}

/**
 * Where the last value before `end` ends: its line without a trailing comment and spaces (as schema spans end),
 * i.e. where /\s+#.*$|\s+$/s first matches the line; scanned by hand (the regex was a tenth of a site edit).
 */
export function leafEnd(text: string, start: number, end: number): number {
  const lineStart = Math.max(start, text.lastIndexOf('\n', end - 2) + 1);
  if (lineStart >= end) return lineStart;
  let i = lineStart;
  while (i < end) {
    if (!isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && isSpace(text.charCodeAt(j))) j++;
    if (j === end || text.charCodeAt(j) === 35 /* # */) return i;
    i = j;
  }
  return end;
}

