// The one way every face reads a BMS text (the language server, the extension host, the CLI): item by item,
// re-using the parser's last parse; the whole-file parse when the item parse meets a syntax error (BMS001),
// whose wording and extent only the whole-file parse gives. Schema findings (BMS002) of the item parse are
// the whole-file parse's, message for message (test/lsp/quickRead.test.ts): a typo in a 1 MB plan stays fast.
import type { BmsFile } from '../parse';
import { IncrementalParser, wholeText, type ParsedText } from './incrementalParser';

export { IncrementalParser, type ParsedText } from './incrementalParser';

/** `text` read with `parser` (whose item cache the next call re-uses); the whole-file parse when it has a syntax error. */
export function readText(parser: IncrementalParser, text: string): ParsedText {
  const parsed = parser.parse(text);
  if (parsed.stats.whole || !parsed.diagnostics.some((d) => d.code === 'BMS001')) return parsed;
  return wholeText(parser.uri, text);
}

/** A file read once (the CLI, a disk walk): its schema findings are in `checked`, so validateFile does not check them again. */
export function readBmsText(uri: string, text: string): BmsFile {
  return readText(new IncrementalParser(uri), text).file;
}
