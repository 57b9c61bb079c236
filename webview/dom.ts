// Building DOM without HTML parsing: text goes in as text nodes, attributes through setAttribute with names
// from this code only. Names in YAML are untrusted, so nothing here ever assigns innerHTML.
export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | undefined>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(node: Element, attrs: Attrs, children: Child[]): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    // Event-handler attributes and inline styles are never ours to set: refuse them outright.
    if (/^on/i.test(name) || name === 'style' || name === 'href' || name === 'src') throw new Error(`attribute ${name} is not allowed`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K];
export function el(tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement;
export function el(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  fill(node, attrs, children);
  return node;
}

export function svg(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const node = document.createElementNS(SVG_NS, tag);
  fill(node, attrs, children);
  return node;
}

/** A dash for what is not known. */
export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : String(n);
}

export function table(head: string[], numeric: number[], rows: HTMLTableRowElement[], label: string): HTMLTableElement {
  return el(
    'table',
    { 'aria-label': label },
    el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { scope: 'col', class: numeric.includes(i) ? 'n' : undefined }, h)))),
    el('tbody', {}, ...rows),
  );
}

/** A row that reveals `ref` when clicked or on Enter. */
export function revealRow(ref: string | undefined, cls: string | undefined, cells: (HTMLTableCellElement | string)[], numeric: number[] = []): HTMLTableRowElement {
  const tr = el('tr', { class: [cls, ref ? 'link' : undefined].filter(Boolean).join(' ') || undefined, 'data-ref': ref, tabindex: ref ? 0 : undefined });
  cells.forEach((c, i) => tr.append(typeof c === 'string' ? el('td', { class: numeric.includes(i) ? 'n' : undefined }, c) : c));
  return tr;
}
