// A file's text → its documents and their syntax and schema diagnostics, re-using every list item
// whose text did not change since the last parse (the yaml parse is ~1 s for a 1 MB plan).
import { isNode, parseAllDocuments, visit, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics';
import { extractPlan, extractSite } from '../load/extract';
import { kindOf, parseBmsText, syntaxDiagnostic, type BmsFile, type Kind, type ParsedDocument } from '../load/parse';
import type { LicensePlan, Site, Span } from '../model';
import { validateSchema } from '../schema';
import { moveItem, parseItem, placeItem, QUIET, type ItemResult } from './items';
import { fileOffset, layoutOf, type DocumentLayout, type Piece } from './layout';

export interface ParsedText {
  file: BmsFile;
  /** Syntax and schema diagnostics of the whole file. */
  diagnostics: Diagnostic[];
  /** Items parsed by this call, and items taken from the cache. */
  stats: { parsed: number; reused: number; whole: boolean };
}

export class IncrementalParser {
  private cache: Cache = new Map();
  private stamp = 0;

  constructor(readonly uri: string) {}

  parse(text: string): ParsedText {
    const layouts = layoutOf(text);
    const result = layouts && this.parseLayouts(text, layouts);
    return result ?? this.parseWhole(text);
  }

  /** The plain whole-file parse, for what the item cut cannot handle (anchors, tags, tabs, directives). */
  private parseWhole(text: string): ParsedText {
    this.cache.clear();
    const file = parseBmsText(this.uri, text);
    const diagnostics = [...file.diagnostics];
    for (const d of file.documents) if (d.kind) diagnostics.push(...validateSchema(d.yaml, d.kind, this.uri));
    return { file, diagnostics, stats: { parsed: 0, reused: 0, whole: true } };
  }

  private parseLayouts(text: string, layouts: DocumentLayout[]): ParsedText | undefined {
    const uri = this.uri;
    const next: Cache = new Map();
    const stamp = ++this.stamp;
    const stats = { parsed: 0, reused: 0, whole: false };
    const fileDiagnostics: Diagnostic[] = [];
    const diagnostics: Diagnostic[] = [];
    const documents: ParsedDocument[] = [];
    for (const layout of layouts) {
      const docs = parseAllDocuments(layout.skeleton, QUIET);
      if (!Array.isArray(docs) || docs.length > 1 || (docs.length === 0 && layout.items.length > 0)) return undefined;
      if (docs.length === 0) continue;
      const doc = docs[0];
      remap(doc, layout.pieces);
      for (const err of doc.errors) fileDiagnostics.push(syntaxDiagnostic(uri, text, err.pos, err.message));
      const kind = kindOf(doc, uri, text, fileDiagnostics);
      const counters: Record<string, number> = {};
      const items: Placed[] = [];
      for (const chunk of layout.items) {
        const entry = this.entry(next, kind, chunk.list, chunk.text, stats);
        const first = counters[chunk.list] ?? 0;
        counters[chunk.list] = first + entry.r.nodeCount;
        items.push({ list: chunk.list, span: { start: chunk.start, end: chunk.end }, r: place(entry, chunk.start, first, uri, stamp) });
      }
      for (const it of items) for (const d of it.r.diagnostics) diagnostics.push(d);
      const end = Math.max(doc.range[2], layout.items.length ? layout.items[layout.items.length - 1].end : 0);
      const parsed: ParsedDocument = { yaml: doc, kind, span: { start: doc.range[0], end } };
      if (kind) {
        parsed.model = kind === 'Site' ? extractSite(doc.contents as Node, uri, text) : extractPlan(doc.contents as Node, uri, text);
        fill(parsed.model, items, text);
        diagnostics.push(...validateSchema(doc, kind, uri, skeletonValue(doc, items)));
      }
      documents.push(parsed);
    }
    this.cache = next;
    return { file: { uri, text, documents, diagnostics: fileDiagnostics }, diagnostics: [...fileDiagnostics, ...diagnostics], stats };
  }

  /** The cached item with this text, or a fresh parse of it; moved into `next` either way. */
  private entry(next: Cache, kind: Kind | undefined, list: string, text: string, stats: ParsedText['stats']): Entry {
    const group = `${kind ?? ''}|${list}`;
    let into = next.get(group);
    if (!into) next.set(group, (into = new Map()));
    let entry = into.get(text) ?? this.cache.get(group)?.get(text);
    if (entry) stats.reused++;
    else {
      entry = { r: parseItem(kind, list, text, this.uri), offset: 0, first: 0, stamp: 0 };
      stats.parsed++;
    }
    into.set(text, entry);
    return entry;
  }
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

type Placed = { list: string; span: Span; r: ItemResult };

/** Puts the separately parsed items into the skeleton's model, in file order. */
function fill(model: Site | LicensePlan, items: Placed[], text: string): void {
  const extent = new Map<string, Span>();
  for (const { list, span, r } of items) {
    const e = extent.get(list);
    extent.set(list, { start: e?.start ?? span.start + text.slice(span.start, span.end).search(/\S/), end: span.end });
    if (model.kind === 'LicensePlan') {
      model.assignments.push(...r.assignments);
      model.entitlements.push(...r.entitlements);
    } else {
      model.servers.push(...r.servers);
      model.licenseServers.push(...r.licenseServers);
      model.clients.push(...r.clients);
    }
  }
  for (const [list, span] of extent) {
    const end = trimEnd(text, span);
    model.at[`spec.${list}`] = { start: span.start, end };
    if (end > model.span.end) model.span = { start: model.span.start, end };
  }
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
  if (spec && typeof spec === 'object') for (const { list } of items) (spec as Record<string, unknown>)[list] = [];
  return value;
}

/** Skeleton offsets → file offsets, on every node and error of the document. */
function remap(doc: Document.Parsed, pieces: Piece[]): void {
  const map = (r: [number, number, number]): [number, number, number] => [fileOffset(pieces, r[0]), fileOffset(pieces, r[1], true), fileOffset(pieces, r[2], true)];
  doc.range = map(doc.range);
  for (const err of doc.errors) err.pos = [fileOffset(pieces, err.pos[0]), fileOffset(pieces, err.pos[1], true)];
  visit(doc, (_key, node) => {
    if (isNode(node) && node.range) node.range = map(node.range);
  });
}
