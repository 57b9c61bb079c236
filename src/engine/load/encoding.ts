// Which encoding a file was saved in, when it is not UTF-8: Windows tools save UTF-16 (PowerShell 5's `>` and
// Out-File) or a legacy code page (Latin-1 / Windows-1252), and a decoder that guessed would turn every
// character into `�` or every line into NULs. Named instead, with how to save the file as UTF-8.

export type NotUtf8 = 'UTF-16 LE' | 'UTF-16 BE' | 'UTF-32' | 'a legacy code page (e.g. Windows-1252 or Latin-1)';

export type DecodedText = { ok: true; text: string } | { ok: false; encoding: NotUtf8; /** 1-based line of the first byte that is not UTF-8 (legacy code pages). */ line: number };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a UTF-8 file (a byte-order mark dropped), or the encoding it was saved in instead. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const enc = byteOrder(bytes);
  if (enc) return { ok: false, encoding: enc, line: 1 };
  try {
    const text = strictUtf8.decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { ok: false, encoding: 'a legacy code page (e.g. Windows-1252 or Latin-1)', line: firstBadLine(bytes) };
  }
}

/** UTF-16/32 by its byte-order mark, or (no mark) by the NUL bytes every ASCII character then carries. */
function byteOrder(b: Uint8Array): NotUtf8 | undefined {
  if (b.length >= 4 && ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff))) return 'UTF-32';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'UTF-16 LE';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 BE';
  const n = Math.min(b.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul === 0) return 'UTF-16 LE';
  if (evenNul > pairs * 0.6 && oddNul === 0) return 'UTF-16 BE';
  return undefined;
}

function firstBadLine(b: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c === 0x0a) line++;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) return line;
    for (let k = 1; k < len; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return line;
    i += len;
  }
  return line;
}

/** What to say about a file that is not UTF-8: what it is, and how to save it as UTF-8. */
export function notUtf8Message(file: string, d: Extract<DecodedText, { ok: false }>): string {
  const where = d.encoding.startsWith('a legacy') ? ` (the first byte that is not UTF-8 is on line ${d.line})` : '';
  return `${file} is saved as ${d.encoding}, not UTF-8${where}: nothing in it was read. Save it as UTF-8 (VS Code: click the encoding in the status bar, "Save with Encoding", "UTF-8"; PowerShell: (Get-Content FILE) | Set-Content -Encoding utf8 FILE), then run the command again.`;
}

/** The same, for a list of files that could not be read (the file is named beside it). */
export function notUtf8Problem(d: Extract<DecodedText, { ok: false }>): string {
  const where = d.encoding.startsWith('a legacy') ? ` (the first byte that is not UTF-8 is on line ${d.line})` : '';
  return `saved as ${d.encoding}, not UTF-8${where} (BMS091): nothing in it was read. Save it as UTF-8 (VS Code: click the encoding in the status bar, "Save with Encoding", "UTF-8"; PowerShell: (Get-Content FILE) | Set-Content -Encoding utf8 FILE), then run the command again`;
}
