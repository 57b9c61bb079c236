// The handover report as CSV (RFC 4180): one row per license on a target, for a spreadsheet. Cells are
// quoted when needed, and text that a spreadsheet would run as a formula is defused with a leading quote.
import type { SiteReport } from '../types';

/** Text starting like a formula (=, +, -, @, tab, CR) is prefixed with `'` so spreadsheets show it as text. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const CSV_HEADER = [
  'Site', 'Customer', 'Target', 'Target kind', 'Type', 'Parent', 'Host', 'Address or License Server', 'Target status',
  'Activation ID', 'Entitlement', 'Feature', 'License type', 'Planned', 'Activated', 'Activated on', 'Transaction', 'Expires', 'Expiry', 'State', 'Status', 'Source',
];

export function renderCsv(r: SiteReport): string {
  const entitlementOf = new Map(r.entitlements.map((e) => [e.activationId, e.entitlementId]));
  let out = csvLine(CSV_HEADER);
  for (const t of r.targets) {
    const head = [r.site.name, r.site.customer, t.id, t.kind, t.type, t.parent ?? '', t.host ?? '', t.address ?? t.licenseServer ?? '', t.statusLabel];
    if (t.licenses.length === 0) out += csvLine([...head, '', '', '', '', null, null, '', '', '', '', '', '', '']);
    for (const l of t.licenses) {
      out += csvLine([...head, l.activationId, entitlementOf.get(l.activationId) ?? '', l.feature, l.licenseType, l.planned, l.activated, l.activatedOn ?? '', l.transaction ?? '', l.expires, l.expiry, l.state, l.statusLabel, l.source ?? '']);
    }
  }
  return out;
}
