// The one way to read a BMS text, for the editor and for `bmslicense validate` alike: item by item, re-using
// the parser's last parse, when that finds no syntax or schema problem at all; otherwise the whole-file
// parse, so that a broken file reports exactly what the whole-file parse reports, in the editor as in the CLI.
import type { BmsFile } from '../parse';
import { IncrementalParser, wholeText, type ParsedText } from './incrementalParser';

/** `text` read with `parser` (whose item cache the next call re-uses); the whole-file parse when it has findings. */
export function readText(parser: IncrementalParser, text: string): ParsedText {
  const parsed = parser.parse(text);
  if (parsed.stats.whole || parsed.diagnostics.length === 0) return parsed;
  return wholeText(parser.uri, text);
}

/** A file read once (the CLI): its schema findings are in `checked`, so validateFile does not check them again. */
export function quickRead(uri: string, text: string): BmsFile {
  return readText(new IncrementalParser(uri), text).file;
}
