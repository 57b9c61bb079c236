// Where two versions of a text differ: the lengths of their common start and end, found block by
// block (a native compare) so that a keystroke in a 1 MB file costs well under a millisecond.

const BLOCK = 2048;

export interface CommonEnds {
  prefix: number;
  suffix: number;
}

export function commonEnds(a: string, b: string): CommonEnds {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix + BLOCK <= max && a.slice(prefix, prefix + BLOCK) === b.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const room = max - prefix;
  let suffix = 0;
  while (suffix + BLOCK <= room && a.slice(a.length - suffix - BLOCK, a.length - suffix) === b.slice(b.length - suffix - BLOCK, b.length - suffix)) suffix += BLOCK;
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/** The whole lines of `text` that hold its changed part [prefix, length - suffix). */
export function changedLines(text: string, ends: CommonEnds): string {
  const start = text.lastIndexOf('\n', ends.prefix - 1) + 1;
  let end = text.indexOf('\n', text.length - ends.suffix);
  if (end === -1) end = text.length;
  return text.slice(start, Math.max(start, end));
}
