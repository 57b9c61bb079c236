// A guard before the yaml parser: it takes seconds on 10,000-deep nesting (fuzz seed 1 case 7456), and no
// site or plan nests more than a handful of levels.

/** Flow brackets or indentation levels beyond this are no BMS file. */
export const MAX_NESTING = 256;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const DQ = 34;
const SQ = 39;
const BACKSLASH = 92;

/** Characters after which a quote opens a quoted scalar (otherwise it is part of a plain scalar, as in O'Brien). */
function opensQuote(prev: number): boolean {
  return prev === -1 || prev === SPACE || prev === TAB || prev === LF || prev === CR || prev === 58 /* : */ || prev === 91 /* [ */ || prev === 123 /* { */ || prev === 44 /* , */ || prev === 45; /* - */
}

/**
 * The offset where the text nests deeper than MAX_NESTING (flow brackets, or indentation), or -1. With
 * `maxLine`, also where a line grows past that many characters (limits.ts's longLine, in the same pass: the
 * item parse asks both of a 5 MB workspace's first read).
 */
export function excessiveNesting(text: string, maxLine = Infinity): number {
  let flow = 0;
  let quote = 0;
  let indent = 0;
  let atLineStart = true;
  let inComment = false;
  let prev = -1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      atLineStart = true;
      indent = 0;
      inComment = false;
      prev = c;
      lineStart = i + 1;
      continue;
    }
    if (i - lineStart >= maxLine) return i;
    if (atLineStart) {
      if (c === SPACE) {
        if (++indent > 2 * MAX_NESTING && quote === 0) return i;
        prev = c;
        continue;
      }
      atLineStart = false;
    }
    if (inComment) continue;
    if (quote !== 0) {
      if (quote === DQ && c === BACKSLASH) {
        // The escaped character is skipped for the nesting, not for the line length.
        const escaped = text.charCodeAt(++i);
        if (escaped === LF || escaped === CR) lineStart = i + 1;
        else if (i < text.length && i - lineStart >= maxLine) return i;
      }
      else if (c === quote) {
        if (quote === SQ && text.charCodeAt(i + 1) === SQ) i++;
        else quote = 0;
      }
    } else if (c === HASH && (prev === SPACE || prev === TAB || prev === -1 || prev === LF || prev === CR)) inComment = true;
    else if ((c === DQ || c === SQ) && opensQuote(prev)) quote = c;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++flow > MAX_NESTING) return i;
    } else if ((c === 93 /* ] */ || c === 125) /* } */ && flow > 0) flow--;
    prev = c;
  }
  return -1;
}
