// Typed reads from the `yaml` AST that never throw: a wrong type reads as absent (the schema reports it).
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { FieldSpans, Span } from '../model';

export function spanOf(node: Node | null | undefined): Span | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** A mapping node's fields, with the spans of their values and keys recorded in `at`. */
export class Fields {
  readonly at: FieldSpans = {};
  private readonly pairs = new Map<string, Pair<unknown, unknown>>();

  constructor(
    readonly mapping: YAMLMap | undefined,
    private readonly text: string,
  ) {
    for (const pair of mapping?.items ?? []) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || this.pairs.has(key)) continue;
      this.pairs.set(key, pair);
      const keySpan = spanOf(pair.key as Node);
      if (keySpan) this.at[`$key:${key}`] = keySpan;
      const valueSpan = spanOf(pair.value as Node) ?? keySpan;
      if (valueSpan) this.at[key] = valueSpan;
    }
  }

  node(key: string): Node | undefined {
    const v = this.pairs.get(key)?.value;
    return v && typeof v === 'object' ? (v as Node) : undefined;
  }

  /** A scalar as the engineer wrote it: strings as-is, numbers and booleans as their source text. */
  string(key: string): string | undefined {
    const n = this.node(key);
    if (!isScalar(n) || n.value === null || n.value === undefined) return undefined;
    if (typeof n.value === 'string') return n.value;
    const span = spanOf(n);
    return span ? this.text.slice(span.start, span.end).trim() : String(n.value);
  }

  number(key: string): number | undefined {
    const n = this.node(key);
    return isScalar(n) && typeof n.value === 'number' && Number.isFinite(n.value) ? n.value : undefined;
  }

  map(key: string): YAMLMap | undefined {
    const n = this.node(key);
    return isMap(n) ? n : undefined;
  }

  /** Items of a sequence (empty when absent or not a sequence). */
  items(key: string): Node[] {
    const n = this.node(key);
    return isSeq(n) ? (n.items.filter((i) => i && typeof i === 'object') as Node[]) : [];
  }

  /** A sequence of scalars as strings, with their spans. */
  strings(key: string): { values: string[]; spans: Span[] } {
    const values: string[] = [];
    const spans: Span[] = [];
    for (const item of this.items(key)) {
      if (isScalar(item) && item.value !== null && item.value !== undefined) {
        values.push(String(item.value));
        spans.push(spanOf(item)!);
      }
    }
    return { values, spans };
  }
}

export function fieldsOf(node: Node | undefined, text: string): Fields {
  return new Fields(isMap(node) ? node : undefined, text);
}
