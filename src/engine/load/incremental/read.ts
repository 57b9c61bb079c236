// The one way every face reads a BMS text (the language server, the extension host, the CLI): item by item,
// re-using the parser's last parse, when that finds no syntax or schema problem at all; otherwise the
// whole-file parse, so that a broken file reports exactly what the whole-file parse reports, everywhere.
import type { BmsFile } from '../parse';
import { IncrementalParser, wholeText, type ParsedText } from './incrementalParser';

export { IncrementalParser, type ParsedText } from './incrementalParser';

/** `text` read with `parser` (whose item cache the next call re-uses); the whole-file parse when it has findings. */
export function readText(parser: IncrementalParser, text: string): ParsedText {
  const parsed = parser.parse(text);
  if (parsed.stats.whole || parsed.diagnostics.length === 0) return parsed;
  return wholeText(parser.uri, text);
}

/** A file read once (the CLI, a disk walk): its schema findings are in `checked`, so validateFile does not check them again. */
export function readBmsText(uri: string, text: string): BmsFile {
  return readText(new IncrementalParser(uri), text).file;
}
