// Recognizes the structural lines of lmstat output: banner, server, vendor daemon, feature and detail lines.
import type { FlexNetError } from './types';

const ERROR_TAIL = /^\((-\d+)(?:,([^\s"()]+))?(?:\s+"([^"]*)")?\)\s*$/;

/** Splits `message (code,minor "detail")`; null when the text does not end with a FlexNet code. */
export function parseFlexNetError(text: string): FlexNetError | null {
  // Searching from the last '(-' keeps this linear on long lines (a lazy regex would be quadratic).
  let open = text.lastIndexOf('(-');
  for (let tries = 0; open >= 0 && tries < 4; tries++, open = text.lastIndexOf('(-', open - 1)) {
    const m = ERROR_TAIL.exec(text.slice(open));
    if (!m) continue;
    return {
      code: m[1],
      codeFull: m[2] === undefined ? m[1] : `${m[1]},${m[2]}`,
      message: text.slice(0, open).trim(),
      detail: m[3] ?? null,
    };
  }
  return null;
}

export type StructuralLine =
  | { kind: 'banner'; tool: string; copyright: string }
  | { kind: 'statusTime'; time: string }
  | { kind: 'detecting' }
  | { kind: 'note' }
  | { kind: 'noteContinued' }
  | { kind: 'statusError'; error: FlexNetError }
  | { kind: 'blockStart'; list: string }
  | { kind: 'licenseFile'; on: string; path: string }
  | { kind: 'serverUp'; host: string; status: 'UP' | 'DOWN'; master: boolean; version: string | null }
  | { kind: 'vendorHeader'; on: string }
  | { kind: 'featureSection' }
  | { kind: 'feature'; name: string; issued: number | null; inUse: number | null; uncounted: boolean; error: FlexNetError | null }
  | { kind: 'detail'; name: string; version: string; vendor: string; expiryRaw: string | null }
  | { kind: 'vendorString'; value: string }
  | { kind: 'licenseType'; type: string }
  /** `name: text (code,…)`: a server or vendor daemon line carrying an error; the section decides which. */
  | { kind: 'namedError'; name: string; error: FlexNetError }
  | { kind: 'vendorUp'; name: string; status: 'UP' | 'DOWN'; version: string | null }
  /** An error line without a name (e.g. 'lmgrd is not running: … (-96,7:2 …)'). */
  | { kind: 'error'; error: FlexNetError };

const BANNER = /^\s*(\S+) - Copyright \(c\) (.+)$/i;
const STATUS_TIME = /^\s*Flexible License Manager status on (.+)$/;
const STATUS_ERROR = /^\s*Error getting status:\s*(.*)$/;
const BLOCK = /^\s*License server status:\s*(.*)$/;
const LICENSE_FILE = /^\s*License file\(s\) on ([^\s:]+):\s*(.*)$/;
const SERVER = /^\s*([^\s:]+): license server (UP|DOWN)(\s+\(MASTER\))?(?:\s+v(\S+))?$/i;
const VENDOR_HEADER = /^\s*Vendor daemon status \(on ([^)]*)\):?$/;
const VENDOR = /^\s*([^\s:]+): (UP|DOWN)(?:\s+v(\S+))?$/;
const FEATURE = /^\s*Users of ([^\s:]+(?::[^\s:]+)*?):\s*(.*)$/;
const COUNTS = /^\(Total of (\d+) licenses? issued;\s*Total of (\d+) licenses? in use\)$/i;
const UNCOUNTED = /^\(Uncounted\b.*\)$/i;
const DETAIL = /^\s*"([^"]+)" v([^\s,]*),\s*vendor: ([^\s,]+)(?:,\s*expiry: ([^,]*))?(?:,.*)?$/;
const VENDOR_STRING = /^\s*vendor_string:\s?(.*)$/;
const LICENSE_TYPE = /^\s*((?:un)?counted\s+)?(floating|nodelocked|node-locked)\s+license\b/i;
const NAMED_ERROR = /^\s*([^\s:]+): (.+)$/;

function featureLine(name: string, rest: string): StructuralLine {
  const counts = COUNTS.exec(rest);
  if (counts) return { kind: 'feature', name, issued: Number(counts[1]), inUse: Number(counts[2]), uncounted: false, error: null };
  if (UNCOUNTED.test(rest)) return { kind: 'feature', name, issued: null, inUse: null, uncounted: true, error: null };
  const inner = rest.startsWith('(') && rest.endsWith(')') ? rest.slice(1, -1) : rest;
  const error = parseFlexNetError(inner) ?? { code: null, codeFull: null, message: inner, detail: null };
  // 'Cannot get users of X: No such feature exists. (-5,222)': the prefix repeats the feature name.
  const prefix = `Cannot get users of ${name}: `;
  if (error.message.startsWith(prefix)) error.message = error.message.slice(prefix.length);
  return { kind: 'feature', name, issued: null, inUse: null, uncounted: false, error };
}

/** Classifies a line (without trailing whitespace) that is not a user, queued, reservation or -i row; null if unknown. */
export function classifyStructural(text: string): StructuralLine | null {
  let m: RegExpExecArray | null;
  if ((m = FEATURE.exec(text))) return featureLine(m[1], m[2]);
  if ((m = DETAIL.exec(text))) return { kind: 'detail', name: m[1], version: m[2], vendor: m[3], expiryRaw: m[4]?.trim() || null };
  if ((m = LICENSE_TYPE.exec(text))) return { kind: 'licenseType', type: `${m[1] ? m[1].trim().toLowerCase() + ' ' : ''}${m[2].toLowerCase().replace('-', '')}` };
  if ((m = VENDOR_STRING.exec(text))) return { kind: 'vendorString', value: m[1] };
  if ((m = SERVER.exec(text))) return { kind: 'serverUp', host: m[1], status: m[2].toUpperCase() as 'UP' | 'DOWN', master: !!m[3], version: m[4] ?? null };
  if ((m = VENDOR.exec(text))) return { kind: 'vendorUp', name: m[1], status: m[2] as 'UP' | 'DOWN', version: m[3] ?? null };
  if ((m = BLOCK.exec(text))) return { kind: 'blockStart', list: m[1] };
  if ((m = LICENSE_FILE.exec(text))) return { kind: 'licenseFile', on: m[1], path: m[2].replace(/:$/, '') };
  if ((m = VENDOR_HEADER.exec(text))) return { kind: 'vendorHeader', on: m[1].trim() };
  if (/^\s*Feature usage info:?\s*$/.test(text)) return { kind: 'featureSection' };
  if ((m = BANNER.exec(text))) return { kind: 'banner', tool: m[1], copyright: m[2] };
  if ((m = STATUS_TIME.exec(text))) return { kind: 'statusTime', time: m[1] };
  if (/^\s*\[Detecting lmgrd processes\.*\]\s*$/.test(text)) return { kind: 'detecting' };
  if (/^\s*NOTE: lmstat -i does not give information from the server/.test(text)) return { kind: 'note' };
  if (/^\s*(but only reads the license file\.|lmstat -a is recommended instead\.)/.test(text)) return { kind: 'noteContinued' };
  if ((m = STATUS_ERROR.exec(text))) {
    const error = parseFlexNetError(m[1]) ?? { code: null, codeFull: null, message: m[1].trim(), detail: null };
    return { kind: 'statusError', error };
  }
  const error = parseFlexNetError(text);
  if (error) {
    const named = NAMED_ERROR.exec(text);
    // A name is one token before ': '; 'lmgrd is not running: …' has spaces, so it is a nameless error.
    if (named) {
      const inner = parseFlexNetError(named[2]);
      if (inner && inner.message) return { kind: 'namedError', name: named[1], error: inner };
    }
    return { kind: 'error', error };
  }
  return null;
}
