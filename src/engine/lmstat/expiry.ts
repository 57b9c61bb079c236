// Expiry dates as FlexNet prints them, and the rows of `lmstat -i` tables.
import type { ExpiryRow } from './types';

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/**
 * 'dd-mmm-yyyy' → 'yyyy-mm-dd'; 'permanent…' and year 0 ('1-jan-0', '01-jan-0000') → 'permanent';
 * anything else → null (the caller keeps the printed text).
 */
export function normalizeExpiry(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim().toLowerCase();
  if (text.startsWith('permanent')) return 'permanent';
  const m = /^(\d{1,2})-([a-z]{3})-(\d{1,4})$/.exec(text);
  if (!m) return null;
  const month = MONTHS[m[2]];
  if (!month) return null;
  const year = Number(m[3]);
  if (year === 0) return 'permanent';
  // Dates with 1–3 digit years other than 0 are not a FlexNet form we know: keep only the raw text.
  if (m[3].length !== 4) return null;
  const day = Number(m[1]);
  if (day < 1 || day > 31) return null;
  return `${m[3]}-${month}-${m[1].padStart(2, '0')}`;
}

export type ExpiryColumns = 'expires-vendor' | 'vendor-expires';

/** The header of an `lmstat -i` table; tells which of Expires and Vendor comes first. */
export function expiryTableHeader(line: string): ExpiryColumns | null {
  const m = /^\s*Feature\s+Version\s+#licenses\s+(Expires\s+Vendor|Vendor\s+Expires)\s*$/i.exec(line);
  if (!m) return null;
  return /^Expires/i.test(m[1]) ? 'expires-vendor' : 'vendor-expires';
}

// Lines arrive without trailing whitespace, so a greedy tail keeps this linear.
const ROW = /^\s*(\S+)\s+(\S+)\s+(\d+)\s+(\S.*)$/;

/** One row of an `lmstat -i` table, or null when the line is not one. */
export function parseExpiryRow(text: string, columns: ExpiryColumns, line: number): ExpiryRow | null {
  const m = ROW.exec(text);
  if (!m) return null;
  const rest = m[4];
  let expiryRaw: string;
  let vendor: string;
  if (columns === 'vendor-expires') {
    const cut = rest.search(/\s/);
    if (cut < 0) return null;
    vendor = rest.slice(0, cut);
    expiryRaw = rest.slice(cut).trim();
  } else {
    const cut = rest.search(/\s\S+$/);
    if (cut < 0) return null;
    expiryRaw = rest.slice(0, cut).trim();
    vendor = rest.slice(cut).trim();
  }
  const expiry = normalizeExpiry(expiryRaw);
  // A row whose date column is neither a date nor 'permanent' is not a table row.
  if (expiry === null && !/^\d{1,2}-[a-z]{3}-\d+$/i.test(expiryRaw)) return null;
  return { feature: m[1], version: m[2], licenses: Number(m[3]), expiry, expiryRaw, vendor, line };
}
