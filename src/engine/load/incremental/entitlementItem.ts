// The common entitlement item, `- id: ENT-1` / `  products:` and a list of products each a plain flow or
// block mapping, read without the yaml parser, with the node ranges the yaml parser gives it (100
// entitlement e-mails of 10 products took a third of a 1 MB plan's open). Anything else returns undefined.
// An entitlement the schema accepts is made straight from what was read (plainEntitlement); its yaml nodes
// are made only when a schema finding must be worded from them.
import { isMap, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { Entitlement, FieldSpans, Product } from '../../model';
import { readBlockItem } from './blockItem';
import { readFlowItem } from './flowItem';
import { mapNode, plainProduct, type FastItem, type PlainEntitlement } from './plainItem';

const HEAD = /^( *)- id: ([A-Za-z_][\w./-]*)\n( *)products:\n/y;
const INDENT = / */y;

export function readEntitlementItem(text: string): FastItem | undefined {
  if (text.includes('\r') || text.includes('#') || !text.endsWith('\n')) return undefined;
  HEAD.lastIndex = 0;
  const head = HEAD.exec(text);
  if (!head || head[3].length !== head[1].length + 2 || /^(?:true|false|null)$/i.test(head[2])) return undefined;
  const keyColumn = head[1].length + 2;
  // Each product: a dash line at the products' dash column and its deeper lines.
  const starts: number[] = [];
  let dash = -1;
  for (let pos = head[0].length; pos < text.length; pos = text.indexOf('\n', pos) + 1) {
    INDENT.lastIndex = pos;
    const indent = INDENT.exec(text)![0].length;
    if (dash < 0) dash = indent;
    if (indent < keyColumn || indent < dash) return undefined;
    if (indent === dash) {
      if (!text.startsWith('- ', pos + indent)) return undefined;
      starts.push(pos);
    }
  }
  if (starts.length === 0) return undefined;
  const products: PlainEntitlement['products'] = [];
  const data: Record<string, unknown>[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    const fast = readFlowItem(text.slice(start, end)) ?? readBlockItem(text.slice(start, end));
    if (!fast?.plain) return undefined;
    products.push({ plain: fast.plain, start, end });
    data.push(fast.data);
  }
  const entitlement: PlainEntitlement = {
    id: head[2],
    idStart: keyColumn + 4,
    keyColumn,
    productsKey: head[0].length - 'products:\n'.length,
    productsStart: starts[0] + dash,
    end: text.length,
    products,
  };
  let node: YAMLMap | undefined;
  return {
    entitlement,
    data: { id: head[2], products: data },
    get node() {
      return (node ??= entitlementNode(entitlement));
    },
  };
}

/** The nodes the yaml parser makes of the entitlement, made only when asked for (a schema finding is worded). */
function entitlementNode(e: PlainEntitlement): YAMLMap {
  const id = new Scalar(e.id);
  id.type = 'PLAIN';
  id.range = [e.idStart, e.idStart + e.id.length, e.idStart + e.id.length + 1];
  const products = new YAMLSeq();
  for (const p of e.products) {
    const item = mapNode(p.plain);
    shift(item, p.start);
    if (item.flow) item.range = [item.range![0], item.range![1], p.end];
    products.items.push(item);
  }
  products.range = [e.productsStart, e.end, e.end];
  const key = (name: string, at: number) => Object.assign(new Scalar(name), { type: 'PLAIN', range: [at, at + name.length, at + name.length] });
  const map = new YAMLMap();
  map.items.push(new Pair(key('id', e.keyColumn), id), new Pair(key('products', e.productsKey), products));
  map.range = [e.keyColumn, e.end, e.end];
  return map;
}

/** The entitlement extractEntitlement makes of its nodes, made from what was read, `base` characters on. */
export function plainEntitlement(e: PlainEntitlement, base: number): Entitlement {
  const at: FieldSpans = {
    '$key:id': { start: base + e.keyColumn, end: base + e.keyColumn + 2 },
    id: { start: base + e.idStart, end: base + e.idStart + e.id.length },
    '$key:products': { start: base + e.productsKey, end: base + e.productsKey + 8 },
    products: { start: base + e.productsStart, end: base + e.end },
  };
  const products: Product[] = [];
  for (const p of e.products) {
    const product = plainProduct(p.plain, base + p.start, e.id);
    if (product) products.push(product);
  }
  return { span: { start: base + e.keyColumn, end: base + e.end }, at, id: e.id, products };
}

/** Moves every range of a node and its children by `d`. */
function shift(node: Node, d: number): void {
  if (node.range) node.range = [node.range[0] + d, node.range[1] + d, node.range[2] + d];
  if (isMap(node)) {
    for (const p of node.items) {
      shift(p.key as Node, d);
      shift(p.value as Node, d);
    }
  } else if (isSeq(node)) for (const x of node.items) shift(x as Node, d);
}
