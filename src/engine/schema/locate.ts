// From an ajv instance path to the YAML node it names, and the offsets to underline there.
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Span } from '../model';

export type PathSegment = string | number;

/** Where a path leads in the YAML tree: the node, and the pair it is the value of (if any). */
export interface Located {
  node: Node | null;
  pair?: Pair;
}

/** `/spec/assignments/3` → `['spec', 'assignments', '3']` (JSON Pointer unescaping). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The key of a pair as text, or undefined for complex keys. */
export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return undefined;
  // a complex key reads the way toJS() stringifies it, e.g. `[ a ]`
  return String(key);
}

/** The pair of a mapping whose key reads `key`. */
export function pairOf(map: Node | null, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) if (keyText(item) === key) return item;
  return undefined;
}

/** Follows path segments from `root`; stops at the last node it can reach. */
export function locate(root: Node | null, path: readonly PathSegment[]): Located & { reached: number } {
  let here: Located = { node: root };
  let reached = 0;
  for (const segment of path) {
    const node = here.node;
    let next: Located | undefined;
    if (isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (pair) next = { node: (pair.value as Node | null) ?? null, pair };
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item !== undefined) next = { node: item as Node | null };
    }
    if (!next) break;
    here = next;
    reached++;
  }
  return { ...here, reached };
}

/** Offsets of one node, without the trailing newlines and comments a block collection carries. */
export function spanOf(node: Node | null | undefined): Span | undefined {
  if (!node || !node.range) return undefined;
  return { start: node.range[0], end: contentEnd(node) };
}

function contentEnd(node: Node): number {
  const [start, valueEnd] = node.range!;
  if (isCollection(node) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    const lastNode = (isPair(last) ? (last.value ?? last.key) : last) as Node | null;
    const end = lastNode && typeof lastNode === 'object' && 'range' in lastNode && lastNode.range ? contentEnd(lastNode) : undefined;
    if (end !== undefined && end > start) return end;
  }
  if (isAlias(node) || isScalar(node) || isCollection(node)) return valueEnd;
  return valueEnd;
}
