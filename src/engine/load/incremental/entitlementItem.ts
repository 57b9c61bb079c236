// The common entitlement item, `- id: ENT-1` / `  products:` and a list of products each a plain flow or
// block mapping, read without the yaml parser, with the node ranges the yaml parser gives it (100
// entitlement e-mails of 10 products took a third of a 1 MB plan's open). Anything else returns undefined.
import { isMap, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { readBlockItem } from './blockItem';
import { readFlowItem } from './flowItem';

const HEAD = /^( *)- id: ([A-Za-z_][\w./-]*)\n( *)products:\n/y;
const INDENT = / */y;

export function readEntitlementItem(text: string): { node: YAMLMap; data: Record<string, unknown> } | undefined {
  if (text.includes('\r') || text.includes('#') || !text.endsWith('\n')) return undefined;
  HEAD.lastIndex = 0;
  const head = HEAD.exec(text);
  if (!head || head[3].length !== head[1].length + 2 || /^(?:true|false|null)$/i.test(head[2])) return undefined;
  const keyColumn = head[1].length + 2;
  const idStart = keyColumn + 4;
  const id = new Scalar(head[2]);
  id.type = 'PLAIN';
  id.range = [idStart, idStart + head[2].length, idStart + head[2].length + 1];
  const products = new YAMLSeq();
  const data: Record<string, unknown>[] = [];
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
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    const item = text.slice(start, end);
    const fast = readFlowItem(item) ?? readBlockItem(item);
    if (!fast) return;
    shift(fast.node, start);
    if (fast.node.flow) fast.node.range = [fast.node.range![0], fast.node.range![1], end];
    products.items.push(fast.node);
    data.push(fast.data);
  });
  if (products.items.length !== starts.length) return undefined;
  products.range = [starts[0] + dash, text.length, text.length];
  const key = (name: string, at: number) => Object.assign(new Scalar(name), { type: 'PLAIN', range: [at, at + name.length, at + name.length] });
  const map = new YAMLMap();
  map.items.push(new Pair(key('id', keyColumn), id), new Pair(key('products', head[0].length - 'products:\n'.length), products));
  map.range = [keyColumn, text.length, text.length];
  return { node: map, data: { id: head[2], products: data } };
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
