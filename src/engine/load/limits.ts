// Size guards before the yaml parser, beside the nesting guard (depth.ts): the parser takes seconds on a
// 3 MB file, on 1,000 documents or on a line of hundreds of kilobytes (a whole plan as one-line JSON),
// and no site or plan needs any of them. Each limit hit is one BMS001 that says which limit and how to split the file.
import { diagnostic, type Diagnostic } from '../diagnostics';
import { t } from '../l10n';

/** Characters in one file (2 MiB of ASCII; twice the largest plan we measure): a longer file is not read. */
export const MAX_FILE_LENGTH = 2 * 1024 * 1024;
/** YAML documents (`---`) read from one file; the rest of the file is not read. */
export const MAX_DOCUMENTS = 50;
/** Characters on one line; a file with a longer line is not read. */
export const MAX_LINE_LENGTH = 100_000;

export interface SizeLimit {
  /** The file is read up to here (0: not at all). */
  readUpTo: number;
  diagnostic: Diagnostic;
}

const LF = 10;
const CR = 13;

/** The first size limit the text breaks, or undefined when it is within every limit. */
export function sizeLimit(uri: string, text: string): SizeLimit | undefined {
  if (text.length > MAX_FILE_LENGTH) {
    const at = text.lastIndexOf('\n', MAX_FILE_LENGTH) + 1;
    const message = t('This file is longer than {0} characters (2 MiB), so it was not read: no site or plan needs this much. Split it into several *.bms.yaml files, e.g. the site in one and each plan in a file of its own.', MAX_FILE_LENGTH.toLocaleString('en-US'));
    return { readUpTo: 0, diagnostic: diagnostic('BMS001', uri, { start: at, end: Math.min(text.length, at + 1) }, message) };
  }
  const long = longLine(text);
  if (long >= 0) {
    const message = t('This line is longer than {0} characters: no site or plan needs such a line, so this file was not read. Write the long list or value in block style, one item per line, or move it to another file.', MAX_LINE_LENGTH.toLocaleString('en-US'));
    return { readUpTo: 0, diagnostic: diagnostic('BMS001', uri, { start: long, end: Math.min(text.length, long + 1) }, message) };
  }
  const cut = documentStart(text, MAX_DOCUMENTS);
  if (cut < 0) return undefined;
  const message = t('This file holds more than {0} YAML documents: only the first {0} were read, from here on nothing is checked. Split it into several *.bms.yaml files (a site and each of its plans may have a file of their own).', MAX_DOCUMENTS);
  return { readUpTo: cut, diagnostic: diagnostic('BMS001', uri, { start: cut, end: Math.min(text.length, cut + 3) }, message) };
}

/** The offset where a line grows past MAX_LINE_LENGTH, or -1. */
export function longLine(text: string): number {
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) start = i + 1;
    else if (i - start >= MAX_LINE_LENGTH) return i;
  }
  return -1;
}

/** The offset of document number `n` (0-based) in the file, or -1 when it has no more than `n` documents. */
export function documentStart(text: string, n: number): number {
  let count = 0;
  let content = false;
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  // A document before the first marker: any line that is not blank, a comment or a directive.
  const first = text.search(/^---(?=[ \t\r\n]|$)/m);
  const head = first < 0 ? text : text.slice(0, first);
  if (/^[ \t]*[^\s#%]/m.test(head)) content = true;
  if (content) count = 1;
  if (first < 0) return -1;
  marker.lastIndex = first;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (count === n) return m.index;
    count++;
  }
  return -1;
}
