// The layout of an edited text from the layout before the edit, when the edit stays inside one list
// item and keeps it one item: the item grows or shrinks, everything after it moves. Cutting a 1 MB plan
// line by line again costs 20-40 ms per keystroke; this costs a pass over the item offsets.
import type { DocumentLayout, ItemChunk } from './layout';
import type { CommonEnds } from './textDiff';

/** The layout of `text`, equal to layoutOf(text), or undefined when the edit needs a fresh cut. */
export function editLayout(layouts: DocumentLayout[], before: string, text: string, ends: CommonEnds): DocumentLayout[] | undefined {
  const delta = text.length - before.length;
  const from = ends.prefix;
  const to = before.length - ends.suffix; // the changed part of `before` is [from, to)
  const at = findItem(layouts, from);
  if (!at) return undefined;
  const { doc, index } = at;
  const item = layouts[doc].items[index];
  const dash = item.text.length - item.text.trimStart().length;
  // The dash line's start stays, and the item's last character (its line break) too.
  if (item.cut || from < item.start + dash + 2 || to >= item.end || !item.text.startsWith('- ', dash)) return undefined;
  const changed = text.slice(item.start, item.end + delta);
  if (!keepsOneItem(changed, dash)) return undefined;
  const out = layouts.map((l) => ({ ...l, items: l.items.slice(), pieces: l.pieces.slice() }));
  out[doc].items[index] = { ...item, end: item.end + delta, text: changed };
  if (delta !== 0) {
    for (let d = doc; d < out.length; d++) {
      const l = out[d];
      if (d > doc) l.start += delta;
      l.end += delta;
      for (let i = d === doc ? index + 1 : 0; i < l.items.length; i++) l.items[i] = moved(l.items[i], delta);
      for (let i = 0; i < l.pieces.length; i++) if (l.pieces[i].fileStart > item.start) l.pieces[i] = { ...l.pieces[i], fileStart: l.pieces[i].fileStart + delta };
    }
  }
  return out;
}

function moved(c: ItemChunk, delta: number): ItemChunk {
  return { ...c, start: c.start + delta, end: c.end + delta };
}

/** The document and item whose text holds offset `at`. */
function findItem(layouts: DocumentLayout[], at: number): { doc: number; index: number } | undefined {
  for (let doc = 0; doc < layouts.length; doc++) {
    const items = layouts[doc].items;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (items[mid].start <= at) lo = mid;
      else hi = mid - 1;
    }
    const it = items[lo];
    if (it && it.start <= at && at < it.end) return { doc, index: lo };
  }
  return undefined;
}

/** Every line after the first is blank, a comment or indented past the dash; and no `children` to cut. */
function keepsOneItem(text: string, dash: number): boolean {
  if (!text.endsWith('\n') || /children/.test(text)) return false;
  let pos = text.indexOf('\n') + 1;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const line = text.slice(pos, nl).replace(/\r$/, '');
    const trimmed = line.trimStart();
    if (trimmed !== '' && !trimmed.startsWith('#') && line.length - trimmed.length <= dash) return false;
    pos = nl + 1;
  }
  return true;
}
