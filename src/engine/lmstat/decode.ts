// lmstat output saved on Windows is often UTF-16 (PowerShell's `>`) or a legacy code page, not UTF-8.

/** Bytes of a saved lmstat output → text: UTF-16 by BOM, UTF-8 when valid, Latin-1 otherwise. */
export function decodeLmstatBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}
