// A file's text → its documents and their syntax and schema diagnostics, re-using every list item
// whose text did not change since the last parse (the yaml parse is ~1 s for a 1 MB plan).
import { isMap, isNode, isPair, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../../diagnostics';
import { excessiveNesting } from '../depth';
import { documentStart, MAX_DOCUMENTS, MAX_FILE_LENGTH, MAX_LINE_LENGTH } from '../limits';
import { extractPlan, extractSite } from '../extract';
import { kindOf, parseBmsText, restNotChecked, SyntaxBudget, syntaxDiagnostics, type BmsFile, type Kind, type ParsedDocument } from '../parse';
import type { LicensePlan, Site, Span } from '../../model';
import { validateSchema } from '../../schema';
import { moveItem, parseItem, placeItem, QUIET, type ItemResult } from './listItem';
import { fileOffset, isLocal, layoutOf, type DocumentLayout, type ItemChunk, type Piece } from './layout';
import { editLayout } from './layoutEdit';
import { plainSkeleton } from './skeleton';
import { cutAt, cutText, nestServers } from './nestedServers';
import { changedLines, commonEnds, type CommonEnds } from './textDiff';

export interface ParsedText {
  file: BmsFile;
  /** Syntax and schema diagnostics of the whole file. */
  diagnostics: Diagnostic[];
  /** Items parsed by this call, and items taken from the cache. */
  stats: { parsed: number; reused: number; whole: boolean };
}

/** The last parse: its text, and each item's entry in file order (found again without hashing its text). */
interface Previous {
  text: string;
  local: boolean;
  items: Seen;
  layouts?: DocumentLayout[];
}

/** Items in file order, as parallel arrays: 11,000 items a keystroke cost no map entries nor objects. */
class Seen {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly groups: string[] = [];
  readonly entries: Entry[] = [];
  /** Where the last look-up stopped: look-ups come in file order. */
  private cursor = 0;

  get size(): number {
    return this.starts.length;
  }

  add(start: number, end: number, group: string, entry: Entry): void {
    this.starts.push(start);
    this.ends.push(end);
    this.groups.push(group);
    this.entries.push(entry);
  }

  /** The item that started at `start`, when `end` and `group` are the same too; `start` never goes down between calls. */
  find(start: number, end: number, group: string): Entry | undefined {
    const starts = this.starts;
    let i = this.cursor;
    while (i < starts.length && starts[i] < start) i++;
    this.cursor = i;
    return i < starts.length && starts[i] === start && this.ends[i] === end && this.groups[i] === group ? this.entries[i] : undefined;
  }
}

/** The whole-file parse and its schema findings: the reference every item-by-item parse must equal. */
export function wholeText(uri: string, text: string): ParsedText {
  const file = parseBmsText(uri, text);
  const diagnostics = [...file.diagnostics];
  for (const d of file.documents) if (d.kind && !d.swallowed) diagnostics.push(...validateSchema(d.yaml, d.kind, uri));
  return { file: { ...file, checked: diagnostics }, diagnostics, stats: { parsed: 0, reused: 0, whole: true } };
}

export class IncrementalParser {
  /** Every item parsed, by `kind|list` and text; entries no longer in the file are dropped now and then. */
  private cache: Cache = new Map();
  private cached = 0;
  private stamp = 0;
  private previous?: Previous;

  constructor(readonly uri: string) {}

  parse(text: string): ParsedText {
    const prev = this.previous;
    const ends = prev ? commonEnds(prev.text, text) : undefined;
    // Only the changed lines can make a text that was local need the whole-file parse.
    const changed = prev?.local && ends ? changedLines(text, ends) : text;
    // Runaway nesting: the whole-file parse says so without handing the text to the yaml parser.
    // The size guards likewise (limits.ts): a long line or too many documents.
    const local = text.length <= MAX_FILE_LENGTH && isLocal(changed) && excessiveNesting(changed, MAX_LINE_LENGTH) < 0 && !manyDocuments(text, changed, prev);
    const layouts = local ? ((prev?.layouts && ends && editLayout(prev.layouts, prev.text, text, ends)) || layoutOf(text, true)) : undefined;
    const result = layouts && layouts.length <= MAX_DOCUMENTS ? this.parseLayouts(text, layouts, ends) : undefined;
    return result ?? this.parseWhole(text);
  }

  /** The plain whole-file parse, for what the item cut cannot handle (anchors, tags, tabs, directives). */
  private parseWhole(text: string): ParsedText {
    this.cache.clear();
    this.cached = 0;
    this.previous = { text, local: false, items: new Seen() };
    return wholeText(this.uri, text);
  }

  private parseLayouts(text: string, layouts: DocumentLayout[], ends: CommonEnds | undefined): ParsedText | undefined {
    const uri = this.uri;
    const stamp = ++this.stamp;
    const prev = this.previous;
    const delta = prev ? text.length - prev.text.length : 0;
    const seen = new Seen();
    const stats = { parsed: 0, reused: 0, whole: false };
    const fileDiagnostics: Diagnostic[] = [];
    const diagnostics: Diagnostic[] = [];
    const documents: ParsedDocument[] = [];
    const budget = new SyntaxBudget();
    for (const layout of layouts) {
      // A plain skeleton (keys, words, comments) is read without the yaml parser (skeleton.ts).
      const plain = plainSkeleton(layout.skeleton, QUIET);
      const docs = plain ? [plain] : parseAllDocuments(layout.skeleton, QUIET);
      if (!Array.isArray(docs) || docs.length > 1 || (docs.length === 0 && layout.items.length > 0)) return undefined;
      if (docs.length === 0) continue;
      const doc = docs[0];
      remap(doc, layout.pieces);
      const skeleton = syntaxDiagnostics(doc, uri, text);
      let syntax = skeleton.diagnostics;
      const kindDiagnostics: Diagnostic[] = [];
      const kind = kindOf(doc, uri, text, kindDiagnostics);
      const counters: Record<string, number> = {};
      const items: Placed[] = [];
      // One group string per list, not one per item (10,000 string concatenations a keystroke).
      const groups = new Map<string, string>();
      for (const chunk of layout.items) {
        const groupKey = chunk.cut ? `${chunk.list}|cut` : chunk.list;
        let group = groups.get(groupKey);
        if (group === undefined) groups.set(groupKey, (group = `${kind ?? ''}|${groupKey}`));
        const before = this.sameAsBefore(chunk, group, ends, delta);
        if (before) stats.reused++;
        const entry = before ?? this.entry(group, kind, chunk, stats);
        seen.add(chunk.start, chunk.end, group, entry);
        const first = counters[chunk.list] ?? 0;
        counters[chunk.list] = first + entry.r.nodeCount;
        items.push({ chunk, r: place(entry, chunk.start, first, uri, stamp) });
      }
      // An unclosed quote in an item: as in the whole-file parse, what follows it is not judged.
      const cut = items.findIndex((it) => it.r.swallowed);
      if (cut >= 0) {
        const end = items[cut]!.chunk.end;
        items.length = cut + 1;
        syntax = syntax.filter((d) => d.span.start < end);
      }
      const swallowed = skeleton.swallowed || cut >= 0;
      const itemSyntax: Diagnostic[] = [];
      for (const it of items) for (const d of it.r.diagnostics) if (!swallowed || d.code === 'BMS001') (d.code === 'BMS001' ? itemSyntax : diagnostics).push(d);
      const kept = withinBudget(budget, syntax, itemSyntax);
      fileDiagnostics.push(...kept.skeleton, ...kindDiagnostics);
      diagnostics.push(...kept.items);
      const end = Math.max(doc.range[2], layout.items.length ? layout.items[layout.items.length - 1].end : 0);
      const parsed: ParsedDocument = { yaml: doc, kind, span: { start: doc.range[0], end } };
      if (swallowed) parsed.swallowed = true;
      if (kind) {
        parsed.model = kind === 'Site' ? extractSite(doc.contents as Node, uri, text) : extractPlan(doc.contents as Node, uri, text);
        fill(parsed.model, items, text);
        if (parsed.model.kind === 'LicensePlan' && swallowed) parsed.model.incomplete = true;
        if (!swallowed) diagnostics.push(...validateSchema(doc, kind, uri, skeletonValue(doc, items)));
      }
      documents.push(parsed);
      if (budget.spent) {
        const rest = restNotChecked(uri, text, layout.end);
        if (rest) fileDiagnostics.push(rest);
        break;
      }
    }
    this.previous = { text, local: true, items: seen, layouts };
    if (this.cached > 2 * seen.size + 1000) this.compact();
    const all = [...fileDiagnostics, ...diagnostics];
    return { file: { uri, text, documents, diagnostics: fileDiagnostics, checked: all }, diagnostics: all, stats };
  }

  /** The entry of the same item in the last parse, when it lies wholly before or after the changed part. */
  private sameAsBefore(chunk: ItemChunk, group: string, ends: CommonEnds | undefined, delta: number): Entry | undefined {
    const prev = this.previous;
    if (!prev || !ends) return undefined;
    if (chunk.end <= ends.prefix) return prev.items.find(chunk.start, chunk.end, group);
    if (chunk.start >= prev.text.length + delta - ends.suffix) return prev.items.find(chunk.start - delta, chunk.end - delta, group);
    return undefined;
  }

  /** The cached item with this text, or a fresh parse of it. */
  private entry(group: string, kind: Kind | undefined, chunk: ItemChunk, stats: ParsedText['stats']): Entry {
    let into = this.cache.get(group);
    if (!into) this.cache.set(group, (into = new Map()));
    let entry = into.get(chunk.text);
    if (entry) stats.reused++;
    else {
      entry = { r: parseItem(kind, chunk.list, chunk.cut ? cutText(chunk.text) : chunk.text, this.uri, chunk.start), offset: chunk.start, first: 0, stamp: 0 };
      into.set(chunk.text, entry);
      this.cached++;
      stats.parsed++;
    }
    return entry;
  }

  /** Keeps only the items of the last parse in the cache. */
  private compact(): void {
    const cache: Cache = new Map();
    let count = 0;
    const { starts, ends, groups, entries } = this.previous!.items;
    for (let i = 0; i < starts.length; i++) {
      let into = cache.get(groups[i]);
      if (!into) cache.set(groups[i], (into = new Map()));
      into.set(this.previous!.text.slice(starts[i], ends[i]), entries[i]);
      count++;
    }
    this.cache = cache;
    this.cached = count;
  }
}

/** More documents than the limit: counted again only when the changed lines could start one. */
function manyDocuments(text: string, changed: string, prev: Previous | undefined): boolean {
  return (!prev?.local || changed.includes('---')) && documentStart(text, MAX_DOCUMENTS) >= 0;
}

type Cache = Map<string, Map<string, Entry>>;

/** An item's results as last placed in the file: moved in place when the item moves (no allocation per edit). */
interface Entry {
  r: ItemResult;
  offset: number;
  /** List position of the item's first node. */
  first: number;
  /** The parse that last placed it. */
  stamp: number;
}

/** The item's results at file offset `offset`; a second item with the same text gets its own copy. */
function place(entry: Entry, offset: number, first: number, uri: string, stamp: number): ItemResult {
  if (entry.stamp === stamp) return placeItem(entry.r, offset - entry.offset, uri, first - entry.first);
  if (entry.offset !== offset || entry.first !== first) moveItem(entry.r, offset - entry.offset, first - entry.first);
  entry.offset = offset;
  entry.first = first;
  entry.stamp = stamp;
  return entry.r;
}

/** An item of the layout and its results, placed at its offset. */
type Placed = { chunk: ItemChunk; r: ItemResult };

/** A document's syntax errors (skeleton's and items') that the file's budget still admits: the first ones in file order. */
function withinBudget(budget: SyntaxBudget, skeleton: Diagnostic[], items: Diagnostic[]): { skeleton: Diagnostic[]; items: Diagnostic[] } {
  const count = skeleton.length + items.length;
  const room = budget.take(count);
  if (room === count) return { skeleton, items };
  const first = new Set([...skeleton, ...items].sort((a, b) => a.span.start - b.span.start).slice(0, room));
  return { skeleton: skeleton.filter((d) => first.has(d)), items: items.filter((d) => first.has(d)) };
}

/** Puts the separately parsed items into the skeleton's model, in file order. */
function fill(model: Site | LicensePlan, items: Placed[], text: string): void {
  const extent = new Map<string, Span>();
  for (const { chunk, r } of items) {
    // One span per list, not one per item (11,000 items a keystroke).
    const e = extent.get(chunk.list);
    if (e) e.end = chunk.end;
    else extent.set(chunk.list, { start: chunk.start + chunk.text.search(/\S/), end: chunk.end });
    if (model.kind === 'LicensePlan') {
      for (const a of r.assignments) model.assignments.push(a);
      for (const e of r.entitlements) model.entitlements.push(e);
    } else {
      model.licenseServers.push(...r.licenseServers);
      model.clients.push(...r.clients);
    }
  }
  if (model.kind === 'Site') {
    const servers = items.filter((it) => it.chunk.list === 'servers');
    const ends = nestServers(servers.map(({ chunk, r }) => ({ servers: r.servers, start: chunk.start, end: chunk.end, depth: chunk.depth, cut: chunk.cut })), text, model.servers);
    for (const [n, { leafEnd }] of ends) reachSubtree(servers[n], leafEnd);
  }
  for (const [list, span] of extent) {
    const end = trimEnd(text, span);
    model.at[`spec.${list}`] = { start: span.start, end };
    if (end > model.span.end) model.span = { start: model.span.start, end };
  }
}

/** A cut item's findings about its whole mapping (e.g. a missing key) span its subtree, as in a whole-file parse. */
function reachSubtree(item: Placed, end: number): void {
  const at = item.chunk.start + cutAt(item.chunk.text);
  for (const d of item.r.diagnostics) if (d.span.end > at) d.span = { start: d.span.start, end };
}

function trimEnd(text: string, span: Span): number {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The skeleton as data, its lists standing in as empty: the items were checked one by one. */
function skeletonValue(doc: Document, items: Placed[]): unknown {
  let value: unknown;
  try {
    value = doc.toJS();
  } catch {
    return undefined;
  }
  const spec = value && typeof value === 'object' ? (value as Record<string, unknown>).spec : undefined;
  if (spec && typeof spec === 'object') for (const { chunk } of items) (spec as Record<string, unknown>)[chunk.list] = [];
  return value;
}

/** Skeleton offsets → file offsets, on every node and error of the document. */
function remap(doc: Document.Parsed, pieces: Piece[]): void {
  const map = (r: [number, number, number]): [number, number, number] => [fileOffset(pieces, r[0]), fileOffset(pieces, r[1], true), fileOffset(pieces, r[2], true)];
  doc.range = map(doc.range);
  for (const err of doc.errors) err.pos = [fileOffset(pieces, err.pos[0]), fileOffset(pieces, err.pos[1], true)];
  // A walk of its own: yaml's visit() cost more than the ranges it moves (590 skeletons a 200-site folder).
  const walk = (node: unknown): void => {
    if (!isNode(node)) return;
    if (node.range) node.range = map(node.range);
    if (!isMap(node) && !isSeq(node)) return;
    for (const item of node.items) {
      if (isPair(item)) {
        walk(item.key);
        walk(item.value);
      } else walk(item);
    }
  };
  walk(doc.contents);
}
