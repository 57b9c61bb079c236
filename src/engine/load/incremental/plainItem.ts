// What the fast readers (flowItem.ts, blockItem.ts) read of a plain list item: its keys and values with
// the offsets the yaml parser would give their nodes. The yaml nodes are made from it only when asked
// for (a value the schema rejects is worded from them); an assignment the schema accepts is made
// straight from it, as extractAssignment would make it from the nodes (11,000 items a 1 MB plan).
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { TARGET_KEYS } from '../extract';
import type { Assignment, FieldSpans, LicenseServer, Product, Server } from '../../model';

export interface PlainScalar {
  value: string | number;
  /** The text as written (a number's digits, a quoted string's inside). */
  source: string;
  quoted: boolean;
  start: number;
  end: number;
}

/** A flow list of plain words (`appliesTo: [as-p, as-b]`). */
export interface PlainSeq {
  items: PlainScalar[];
  start: number;
  end: number;
}

export interface PlainPair {
  key: string;
  keyStart: number;
  value: PlainScalar | PlainSeq;
  /** Where the value's node ends with what follows it (the yaml node's third range offset). */
  nodeEnd: number;
}

export interface PlainMap {
  flow: boolean;
  start: number;
  end: number;
  nodeEnd: number;
  pairs: PlainPair[];
}

/** An entitlement read without the parser: its id, where its keys stand, and each product's record and offset. */
export interface PlainEntitlement {
  id: string;
  idStart: number;
  keyColumn: number;
  productsKey: number;
  productsStart: number;
  end: number;
  products: { plain: PlainMap; start: number; end: number }[];
}

export interface FastItem {
  /** The mapping as a plain record (flowItem.ts, blockItem.ts). */
  plain?: PlainMap;
  /** An entitlement and its products as plain records (entitlementItem.ts). */
  entitlement?: PlainEntitlement;
  /** The item's value, as `toJSON()` of its node gives it. */
  data: Record<string, unknown>;
  /** The item's mapping node, offsets relative to the item text; made on first use. */
  readonly node: YAMLMap;
}

/** A key and value read: into the record's pairs, and into the item's value as `toJSON()` of its node gives it. */
export function addPair(pairs: PlainPair[], data: Record<string, unknown>, key: string, keyStart: number, value: PlainScalar | PlainSeq, nodeEnd: number): void {
  pairs.push({ key, keyStart, value, nodeEnd });
  data[key] = 'items' in value ? value.items.map((x) => x.value) : value.value;
}

export function fastResult(plain: PlainMap, data: Record<string, unknown>): FastItem {
  return new PlainItem(plain, data);
}

/** A plain item; its yaml nodes made on first use (a class: no getter closure made per item, 52,000 an open). */
class PlainItem implements FastItem {
  private made?: YAMLMap;

  constructor(
    readonly plain: PlainMap,
    readonly data: Record<string, unknown>,
  ) {}

  get node(): YAMLMap {
    return (this.made ??= mapNode(this.plain));
  }
}

const isSeq = (v: PlainScalar | PlainSeq): v is PlainSeq => 'items' in v;

function scalarNode(s: PlainScalar, nodeEnd: number): Scalar {
  const node = new Scalar(s.value);
  node.type = s.quoted ? 'QUOTE_DOUBLE' : 'PLAIN';
  node.range = [s.start, s.end, nodeEnd];
  return node;
}

/** The nodes the yaml parser makes of the item (keys of a flow mapping carry no scalar type there). */
export function mapNode(plain: PlainMap): YAMLMap {
  const map = new YAMLMap();
  if (plain.flow) map.flow = true;
  map.range = [plain.start, plain.end, plain.nodeEnd];
  for (const p of plain.pairs) {
    const key = new Scalar(p.key);
    if (!plain.flow) key.type = 'PLAIN';
    key.range = [p.keyStart, p.keyStart + p.key.length, p.keyStart + p.key.length];
    let value: Scalar | YAMLSeq;
    if (isSeq(p.value)) {
      const seq = new YAMLSeq();
      seq.flow = true;
      seq.range = [p.value.start, p.value.end, p.nodeEnd];
      for (const x of p.value.items) seq.items.push(scalarNode(x, x.end));
      value = seq;
    } else value = scalarNode(p.value, p.nodeEnd);
    map.items.push(new Pair(key, value));
  }
  return map;
}

/** `$key:<key>`, made once per key name (a 1 MB plan has 10,000 items of the same few keys). */
const KEY_SPAN_NAMES = new Map<string, string>();
function keySpanName(key: string): string {
  let name = KEY_SPAN_NAMES.get(key);
  if (name === undefined) KEY_SPAN_NAMES.set(key, (name = `$key:${key}`));
  return name;
}

/** The spans of a plain record's keys and values as `Fields` (nodes.ts) records them, `base` characters on. */
function spansOf(plain: PlainMap, base: number): FieldSpans {
  const at: FieldSpans = {};
  for (const p of plain.pairs) {
    at[keySpanName(p.key)] = { start: base + p.keyStart, end: base + p.keyStart + p.key.length };
    at[p.key] = { start: base + p.value.start, end: base + p.value.end };
  }
  return at;
}

/** As Fields reads a value: a string as it is, a number as its source text; a list is no string. */
function stringOf(plain: PlainMap, key: string): string | undefined {
  for (const p of plain.pairs) {
    if (p.key !== key) continue;
    const v = p.value;
    return isSeq(v) ? undefined : typeof v.value === 'string' ? v.value : v.source;
  }
  return undefined;
}

function numberOf(plain: PlainMap, key: string): number | undefined {
  for (const p of plain.pairs) if (p.key === key) return !isSeq(p.value) && typeof p.value.value === 'number' ? p.value.value : undefined;
  return undefined;
}

/** The assignment extractAssignment makes of the item's nodes, made from the record (`index` 0, as there), `base` characters on. */
export function plainAssignment(plain: PlainMap, base = 0): Assignment {
  let targetKind: Assignment['targetKind'];
  for (const k of TARGET_KEYS) {
    if (stringOf(plain, k) === undefined) continue;
    targetKind = k;
    break;
  }
  return {
    span: { start: base + plain.start, end: base + plain.end },
    at: spansOf(plain, base),
    index: 0,
    targetKind,
    target: targetKind ? stringOf(plain, targetKind) : undefined,
    activationId: stringOf(plain, 'activationId'),
    quantity: numberOf(plain, 'quantity'),
    mode: stringOf(plain, 'mode'),
  };
}

/** The product extractProduct makes of the item's nodes, made from the record, `base` characters on; undefined without an activation id. */
export function plainProduct(plain: PlainMap, base: number, entitlementId: string): Product | undefined {
  const activationId = stringOf(plain, 'activationId');
  if (activationId === undefined) return undefined;
  let appliesTo: string[] | undefined;
  for (const p of plain.pairs) if (p.key === 'appliesTo') appliesTo = isSeq(p.value) ? p.value.items.map((x) => String(x.value)) : [];
  return {
    span: { start: base + plain.start, end: base + plain.end },
    at: spansOf(plain, base),
    activationId,
    entitlementId,
    feature: stringOf(plain, 'feature'),
    licenseType: stringOf(plain, 'licenseType'),
    quantity: numberOf(plain, 'quantity'),
    expires: stringOf(plain, 'expires'),
    appliesTo,
  };
}

/** The License Server extractLicenseServer makes of the item's nodes, made from the record, `base` characters on; undefined without an id. */
export function plainLicenseServer(plain: PlainMap, base: number): LicenseServer | undefined {
  const id = stringOf(plain, 'id');
  if (id === undefined) return undefined;
  return { span: { start: base + plain.start, end: base + plain.end }, at: spansOf(plain, base), id, host: stringOf(plain, 'host'), address: stringOf(plain, 'address'), hostId: stringOf(plain, 'hostId') };
}

/**
 * The server extractServers makes of the item's nodes (before nestServers wires it), made from the record, `base`
 * characters on; undefined without an id (extractServers skips it). A plain record's `devices` and `children` are
 * words at most, which name no device and no server: read as none, as extractServers reads them.
 */
export function plainServer(plain: PlainMap, base = 0): Server | undefined {
  const id = stringOf(plain, 'id');
  if (id === undefined) return undefined;
  const devices = plain.pairs.some((p) => p.key === 'devices') ? [] : undefined;
  return { span: { start: base + plain.start, end: base + plain.end }, at: spansOf(plain, base), id, type: stringOf(plain, 'type'), host: stringOf(plain, 'host'), licenseServer: stringOf(plain, 'licenseServer'), devices, parent: undefined, children: [] };
}

/** `[a, b-c, d]` up to `close`: a flow sequence of plain scalars (not numbers, no trailing comma). */
export function flowWords(text: string, open: number, close: number): PlainSeq | undefined {
  const end = text.indexOf(']', open);
  if (end < 0 || end >= close) return undefined;
  const seq: PlainSeq = { items: [], start: open, end: end + 1 };
  if (text.slice(open + 1, end).trim() === '') return seq;
  let i = open + 1;
  for (const part of text.slice(open + 1, end).split(',')) {
    const lead = part.length - part.trimStart().length;
    const word = part.trim();
    if (!/^[A-Za-z_][\w./-]*$/.test(word) || /^(?:true|false|null)$/i.test(word)) return undefined;
    const item: PlainScalar = { value: word, source: word, quoted: false, start: i + lead, end: i + lead + word.length };
    seq.items.push(item);
    i += part.length + 1;
  }
  return seq;
}

/** `\s` of a regex, for one UTF-16 code unit (the readers' scans: a comment starts after one, a value ends before). */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}
