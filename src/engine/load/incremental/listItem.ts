// One list item parsed, extracted and schema-checked on its own, with every offset relative to the
// item's first character: the result depends only on the item's text, so it can be cached by it.
import { isSeq, parseAllDocuments, type Node } from 'yaml';
import type { Diagnostic } from '../../diagnostics';
import { extractAssignment, extractClient, extractEntitlement, extractLicenseServer, extractServers } from '../extract';
import { PARSE_OPTIONS, syntaxDiagnostic, syntaxDiagnostics, type Kind } from '../parse';
import type { Assignment, Client, Entitlement, FieldSpans, LicenseServer, Server, Span } from '../../model';
import { validateFragment } from '../../schema';
import { validatorFor } from '../../schema/schemas';
import { readBlockItem } from './blockItem';
import { plainEntitlement, readEntitlementItem } from './entitlementItem';
import { readFlowItem } from './flowItem';
import { plainAssignment, plainLicenseServer, plainServer, type FastItem } from './plainItem';
import { ITEM_LISTS } from './layout';

export interface ItemResult {
  /** Node count in the item's sequence (normally 1), for assignment indexes. */
  nodeCount: number;
  assignments: Assignment[];
  entitlements: Entitlement[];
  servers: Server[];
  licenseServers: LicenseServer[];
  clients: Client[];
  /** Syntax and schema diagnostics. */
  diagnostics: Diagnostic[];
  /** An unclosed quote in the item: the whole-file parse reads the rest of the document as part of it. */
  swallowed?: boolean;
}

/** Lists that belong to each kind; items of other lists are only checked for syntax. */
/** Warnings (e.g. a collection as a key) would go to stderr per parse: the schema reports them. */
export const QUIET = { ...PARSE_OPTIONS, logLevel: 'error' } as const;

const LISTS_OF: Record<Kind, readonly string[]> = {
  LicensePlan: ['assignments', 'entitlements'],
  Site: ['servers', 'licenseServers', 'clients'],
};

/** The item read without the yaml parser, when it is plain enough (flowItem.ts, blockItem.ts, entitlementItem.ts). */
export function readPlainItem(list: string, text: string): FastItem | undefined {
  const body = withoutTrailingComments(text);
  if (body === undefined) return undefined;
  return readFlowItem(body) ?? readBlockItem(body) ?? (list === 'entitlements' ? readEntitlementItem(body) : undefined);
}

/** The item without the comment lines that end it (the next item's heading): they are in no node's range. */
function withoutTrailingComments(text: string): string | undefined {
  const dash = text.length - text.trimStart().length;
  let end = text.length;
  for (;;) {
    const start = text.lastIndexOf('\n', end - 2) + 1;
    const line = text.slice(start, end);
    const trimmed = line.trim();
    if (start === 0 || (trimmed !== '' && !trimmed.startsWith('#'))) return text.slice(0, end);
    // A comment deeper than the dash could belong to the item's last node: leave that to the yaml parser.
    if (trimmed !== '' && line.length - line.trimStart().length > dash) return undefined;
    end = start;
  }
}

/** The item's results, every offset `base` past the item's first character (0: relative to it). */
export function parseItem(kind: Kind | undefined, list: string, text: string, uri: string, base = 0): ItemResult {
  const out: ItemResult = { nodeCount: 0, assignments: [], entitlements: [], servers: [], licenseServers: [], clients: [], diagnostics: [] };
  if (!readItem(out, kind, list, text, uri, base) && base) moveItem(out, base, 0);
  return out;
}

/** Fills `out`; true when what it holds is already `base` characters on. */
function readItem(out: ItemResult, kind: Kind | undefined, list: string, text: string, uri: string, base: number): boolean {
  const fast = readPlainItem(list, text);
  if (fast) {
    out.nodeCount = 1;
    if (!kind || !LISTS_OF[kind].includes(list)) return false;
    // The compiled validator on the plain value first: the worded findings only when it fails.
    const valid = validatorFor(kind, ITEM_LISTS[list])(fast.data);
    if (valid && list === 'assignments' && fast.plain) {
      // Made where it lies in the file: an open moves none of its 10,000 assignments afterwards.
      out.assignments.push(plainAssignment(fast.plain, base));
      return true;
    }
    if (valid && list === 'entitlements' && fast.entitlement) {
      out.entitlements.push(plainEntitlement(fast.entitlement, base));
      return true;
    }
    if (valid && list === 'licenseServers' && fast.plain) {
      const ls = plainLicenseServer(fast.plain, base);
      if (ls) out.licenseServers.push(ls);
      return true;
    }
    if (valid && list === 'servers' && fast.plain) {
      const server = plainServer(fast.plain, base);
      if (server) out.servers.push(server);
      return true;
    }
    extractInto(out, kind, list, fast.node, 0, text, uri, !valid);
    return false;
  }
  let docs;
  try {
    docs = parseAllDocuments(text, QUIET);
  } catch (e) {
    out.diagnostics.push(syntaxDiagnostic(uri, text, [0, 1], (e as Error).message));
    return false;
  }
  if (!Array.isArray(docs)) return false;
  for (const doc of docs) {
    const syntax = syntaxDiagnostics(doc, uri, text);
    out.diagnostics.push(...syntax.diagnostics);
    if (syntax.swallowed) out.swallowed = true;
    const seq = doc.contents;
    if (!isSeq(seq)) continue;
    const nodes = seq.items.filter((n) => n && typeof n === 'object') as Node[];
    out.nodeCount += seq.items.length;
    if (!kind || !LISTS_OF[kind].includes(list)) continue;
    nodes.forEach((node, i) => extractInto(out, kind, list, node, i, text, uri, doc.errors.length === 0));
  }
  return false;
}

function extractInto(out: ItemResult, kind: Kind, list: string, node: Node, i: number, text: string, uri: string, check = true): void {
  if (list === 'assignments') push(out.assignments, extractAssignment(node, text, i));
  else if (list === 'entitlements') push(out.entitlements, extractEntitlement(node, text));
  else if (list === 'servers') extractServers([node], text, undefined, out.servers);
  else if (list === 'licenseServers') push(out.licenseServers, extractLicenseServer(node, text));
  else if (list === 'clients') push(out.clients, extractClient(node, text));
  if (check) out.diagnostics.push(...validateFragment(kind, ITEM_LISTS[list], node, uri));
}

function push<T>(list: T[], item: T | undefined): void {
  if (item !== undefined) list.push(item);
}

export function shiftSpan(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
}

function shiftAt(at: Record<string, Span>, d: number): Record<string, Span> {
  const out: Record<string, Span> = {};
  for (const k in at) out[k] = shiftSpan(at[k], d);
  return out;
}

type Located = { span: Span; at: FieldSpans };

function shiftLocated<T extends Located>(x: T, d: number): T {
  return { ...x, span: shiftSpan(x.span, d), at: shiftAt(x.at, d) };
}

/** A copy of an item's results moved by `d` characters and `firstIndex` list positions. */
export function placeItem(r: ItemResult, d: number, uri: string, firstIndex: number): ItemResult {
  return {
    nodeCount: r.nodeCount,
    assignments: r.assignments.map((a) => ({ ...shiftLocated(a, d), index: a.index + firstIndex })),
    entitlements: r.entitlements.map((e) => ({ ...shiftLocated(e, d), products: e.products.map((p) => shiftLocated(p, d)) })),
    servers: r.servers.map((s) => shiftLocated(s, d)),
    licenseServers: r.licenseServers.map((s) => shiftLocated(s, d)),
    clients: r.clients.map((c) => ({ ...shiftLocated(c, d), licenseServerSpans: c.licenseServerSpans.map((s) => shiftSpan(s, d)) })),
    diagnostics: r.diagnostics.map((x) => ({ ...x, uri, span: shiftSpan(x.span, d) })),
    ...(r.swallowed ? { swallowed: true } : {}),
  };
}

function moveSpan(s: Span, d: number): void {
  s.start += d;
  s.end += d;
}

function moveLocated(x: Located, d: number): void {
  moveSpan(x.span, d);
  for (const k in x.at) moveSpan(x.at[k], d);
}

/** Moves a placed item's results in place by `d` characters and `di` list positions. */
export function moveItem(r: ItemResult, d: number, di: number): void {
  for (const a of r.assignments) {
    if (d) moveLocated(a, d);
    a.index += di;
  }
  if (!d) return;
  for (const e of r.entitlements) {
    moveLocated(e, d);
    for (const p of e.products) moveLocated(p, d);
  }
  for (const s of r.servers) moveLocated(s, d);
  for (const s of r.licenseServers) moveLocated(s, d);
  for (const c of r.clients) {
    moveLocated(c, d);
    for (const s of c.licenseServerSpans) moveSpan(s, d);
  }
  for (const x of r.diagnostics) x.span = shiftSpan(x.span, d);
}
