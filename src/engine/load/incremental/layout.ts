// Cuts a `*.bms.yaml` text, by line indentation only, into each document's skeleton and the items of
// its big lists, so that an edit re-parses the one item it touched instead of the whole file.
import type { ItemChunk } from './itemChunk';
import { cutChildren } from './nestedServers';

/** The lists whose items are parsed on their own, with the schema definition of one item. */
export const ITEM_LISTS: Record<string, string> = {
  assignments: 'assignment',
  entitlements: 'entitlement',
  servers: 'server',
  licenseServers: 'licenseServer',
  clients: 'client',
};

export type { ItemChunk } from './itemChunk';

/** A piece of the skeleton text: `length` characters taken from the file at `fileStart`. */
export interface Piece {
  skeletonStart: number;
  fileStart: number;
  length: number;
}

export interface DocumentLayout {
  start: number;
  end: number;
  /** The document without its list items: small, parsed whole. */
  skeleton: string;
  pieces: Piece[];
  items: ItemChunk[];
}

const KEY_LINE = /^( *)([A-Za-z_][\w-]*) *:(?: *(?:#.*)?)$/;
const KEY_ANY = /^( *)([A-Za-z_][\w-]*) *:(?:\s|$)/;
const DOC_MARKER = /^(?:---|\.\.\.)(?:\s|$)/;
/** YAML that a per-item parse could read differently from a whole-file parse. */
const NOT_LOCAL = /^[\t%]|^ *\t|(?:^|[\s[{,])[&*!][^\s]|(?:^|[\s[{,])<<\s*:/m;

/** The characters NOT_LOCAL is about: a text without them is local at once (most files). */
const TRIGGERS = /[\t%&*!<]/g;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Whether items of this text read the same parsed alone as in the whole file (no anchors, tags, tabs, directives).
 * NOT_LOCAL is tried on the lines that hold one of its characters, not on the whole text (a customer named
 * `O'Brien & Sons` made a 5 MB workspace's first read run it on whole files); `<<\s*:` may span lines, so a `<`
 * still has the whole text tried.
 */
export function isLocal(text: string): boolean {
  TRIGGERS.lastIndex = 0;
  for (let m = TRIGGERS.exec(text); m; m = TRIGGERS.exec(text)) {
    if (m[0] === '<') return !NOT_LOCAL.test(text);
    let start = m.index;
    while (start > 0 && !LINE_BREAK.test(text[start - 1])) start--;
    let end = m.index;
    while (end < text.length && !LINE_BREAK.test(text[end])) end++;
    if (NOT_LOCAL.test(text.slice(start, end))) return false;
    TRIGGERS.lastIndex = end;
  }
  return true;
}

/** The layout of every document, or undefined when the text needs a whole-file parse. */
export function layoutOf(text: string, knownLocal = false): DocumentLayout[] | undefined {
  if (!knownLocal && !isLocal(text)) return undefined;
  const docs: DocumentLayout[] = [];
  let builder = new LayoutBuilder(text, 0);
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const next = nl === -1 ? text.length : nl + 1;
    let line = text.slice(pos, lineEnd);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if ((line[0] === '-' || line[0] === '.') && DOC_MARKER.test(line) && pos > builder.start) {
      docs.push(builder.finish(pos));
      builder = new LayoutBuilder(text, pos);
    }
    builder.line(line, pos, next);
    pos = next;
  }
  docs.push(builder.finish(text.length));
  return docs;
}

class LayoutBuilder {
  private readonly keys: { indent: number; key: string }[] = [];
  private readonly items: ItemChunk[] = [];
  private readonly pieces: Piece[] = [];
  private skeletonLength = 0;
  /** The list being read: its name, the key's indent, the item dash indent once known. */
  private list?: { name: string; keyIndent: number; dashIndent?: number };
  private item?: ItemChunk;

  constructor(
    private readonly text: string,
    readonly start: number,
  ) {}

  line(line: string, start: number, next: number): void {
    const trimmed = line.trimStart();
    const blank = trimmed === '' || trimmed.startsWith('#');
    if (this.list) {
      if (blank) {
        if (this.item) this.item.end = next;
        else this.keep(start, next);
        return;
      }
      const indent = line.length - trimmed.length;
      const dash = trimmed.startsWith('- ') || trimmed === '-';
      if (this.list.dashIndent === undefined && dash && indent >= this.list.keyIndent) this.list.dashIndent = indent;
      const d = this.list.dashIndent;
      if (d !== undefined && indent === d && dash) {
        this.closeItem();
        this.item = { list: this.list.name, start, end: next, text: '' };
        return;
      }
      if (d !== undefined && indent > d && this.item) {
        this.item.end = next;
        return;
      }
      this.closeItem();
      this.list = undefined;
    }
    this.keep(start, next);
    if (blank) return;
    const any = KEY_ANY.exec(line);
    if (!any) return;
    const indent = any[1].length;
    while (this.keys.length && this.keys[this.keys.length - 1].indent >= indent) this.keys.pop();
    this.keys.push({ indent, key: any[2] });
    if (this.keys.length === 2 && this.keys[0].key === 'spec' && any[2] in ITEM_LISTS && KEY_LINE.test(line)) {
      this.list = { name: any[2], keyIndent: indent };
    }
  }

  finish(end: number): DocumentLayout {
    this.closeItem();
    const skeleton = this.pieces.map((p) => this.text.slice(p.fileStart, p.fileStart + p.length)).join('');
    return { start: this.start, end, skeleton, pieces: this.pieces, items: this.items };
  }

  private closeItem(): void {
    if (!this.item) return;
    this.item.text = this.text.slice(this.item.start, this.item.end);
    this.items.push(...cutChildren(this.item, this.text));
    this.item = undefined;
  }

  private keep(start: number, next: number): void {
    const last = this.pieces[this.pieces.length - 1];
    if (last && last.fileStart + last.length === start) last.length += next - start;
    else this.pieces.push({ skeletonStart: this.skeletonLength, fileStart: start, length: next - start });
    this.skeletonLength += next - start;
  }
}

/** Skeleton offset → file offset. An end offset on a piece boundary stays at the end of the earlier piece. */
export function fileOffset(pieces: Piece[], offset: number, isEnd = false): number {
  if (pieces.length === 0) return offset;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = pieces[mid].skeletonStart;
    if (s < offset || (!isEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  const p = pieces[lo];
  return p.fileStart + Math.max(0, offset - p.skeletonStart);
}
