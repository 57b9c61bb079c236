// The handover report as one self-contained HTML file: inline CSS, no script, no external resource, a CSP
// that forbids everything else, and a print layout. Every string from YAML or the ledger is escaped.
import type { SiteReport } from '../types';
import { EXPIRY_WORDS, SEVERITY_WORDS, STATUS_LEGEND, daysWords, ledgerCounts, ledgerSpan, num, registrationLines, requiredNotes, summaryLines } from './words';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in text and in quoted attribute values. */
export function escapeHtml(text: string | number | undefined | null): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Class names come from this fixed list only, never from data. */
const STATUS_CLASS: Record<string, string> = { expired: 'bad', expiring: 'warn', violation: 'bad', broken: 'bad', blocked: 'bad', handover: 'bad', 'under-planned': 'warn', error: 'bad', warning: 'warn' };
const cls = (key: string) => STATUS_CLASS[key] ?? '';

function table(head: string[], rows: { cells: string[]; cls?: string }[], numeric: number[] = []): string {
  if (rows.length === 0) return '';
  const th = head.map((h, i) => `<th${numeric.includes(i) ? ' class="n"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr${r.cls ? ` class="${r.cls}"` : ''}>${r.cells.map((c, i) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody></table>\n`;
}

function pairs(list: [string, string][]): string {
  return `<dl>${list.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>\n`;
}

const e = escapeHtml;

const CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bad: #b42318; --bad-bg: #fde8e7; --warn: #8a5a00; --warn-bg: #fff4d6; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; } .muted { color: var(--muted); }
.banner { border: 2px solid #b35c00; background: #fff4e5; color: #5c2f00; padding: .6rem .8rem; border-radius: 4px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dt { color: var(--muted); } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: .25rem .45rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f6f8fa; white-space: nowrap; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.bad td { background: var(--bad-bg); } tr.warn td { background: var(--warn-bg); }
.tag { display: inline-block; padding: 0 .35rem; border-radius: .6rem; font-size: 12px; }
.tag.bad { color: var(--bad); border: 1px solid var(--bad); } .tag.warn { color: var(--warn); border: 1px solid var(--warn); }
.d1, .d2, .d3 { display: inline-block; white-space: nowrap; } .d1 { padding-left: 1rem; } .d2 { padding-left: 2rem; } .d3 { padding-left: 3rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; } h2 { break-after: avoid; } table { font-size: 9pt; }
  tr, dl { break-inside: avoid; } thead { display: table-header-group; } section.target { break-inside: avoid; }
  tr.bad td, tr.warn td, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function tag(word: string, key: string): string {
  const c = cls(key);
  return c ? `<span class="tag ${c}">${e(word)}</span>` : e(word);
}

export function renderHtml(r: SiteReport): string {
  const parts: string[] = [];
  parts.push(`<h1>License report: ${e(r.site.name)}</h1>\n`);
  if (r.banner) parts.push(`<p class="banner" role="note"><strong>${e(r.banner)}</strong></p>\n`);
  parts.push(`<p class="muted">${e(r.site.customer || 'Customer not set')}, report of ${e(r.today)}.</p>\n`);
  parts.push(`<h2>Registration details</h2>\n${pairs(registrationLines(r))}`);
  parts.push(`<h2>Summary</h2>\n${pairs(summaryLines(r))}`);

  const featureRows = r.targets.flatMap((tg) => {
    const name = `<span class="d${Math.min(tg.depth, 3)}">${e(tg.id)}</span>`;
    if (tg.features.length === 0) return [{ cells: [name, e(tg.typeLabel), '—', '', '', '', '', '', e(tg.statusLabel)] }];
    return tg.features.map((f) => ({
      cls: cls(f.status) || undefined,
      cells: [name, e(tg.typeLabel), e(f.feature), f.requiredFrom ? `<span title="${e(`Computed: ${f.requiredFrom}`)}">${num(f.required)} (computed)</span>` : num(f.required), num(f.planned), num(f.activated), num(f.used), num(f.available), tag(f.statusLabel, f.status)],
    }));
  });
  parts.push(`<h2>Servers and License Servers</h2>\n<p class="muted">Required / Planned / Activated / Used / Available per feature. Used comes from License Server usage (lmstat) where known.</p>\n<p class="muted">${e(STATUS_LEGEND.replace(/\*/g, ''))}</p>\n`);
  parts.push(table(['Target', 'Type', 'Feature', 'Required', 'Planned', 'Activated', 'Used', 'Available', 'Status'], featureRows, [3, 4, 5, 6, 7]));
  const computed = requiredNotes(r);
  if (computed.length > 0) parts.push(`<p class="muted">Required, computed from the site file (elsewhere Required is the base license, or what the plan assigns):</p>\n<ul>\n${computed.map(([id, f, n, from]) => `<li><strong>${e(id)}</strong>, ${e(f)}: ${n}, ${e(from)}.</li>`).join('\n')}\n</ul>\n`);

  parts.push('<h2>Licenses per server</h2>\n');
  for (const tg of r.targets) {
    const where = [tg.typeLabel, tg.host && `host ${tg.host}`, tg.address && `address ${tg.address}`, tg.licenseServer && `License Server ${tg.licenseServer}`].filter(Boolean).join(', ');
    const rows = tg.licenses.map((l) => ({
      cls: cls(l.status) || cls(l.expiry) || undefined,
      cells: [e(l.activationId), e(l.feature), e(l.licenseType), num(l.planned), num(l.activated), e(l.activatedOn ?? ''), e(l.transaction ?? ''), `${e(l.expires)}${l.expiry === 'ok' ? '' : ` ${tag(EXPIRY_WORDS[l.expiry], l.expiry)}`}`, tag(l.statusLabel, l.status), e(l.source ?? '')],
    }));
    const body = rows.length ? table(['Activation ID', 'Feature', 'License type', 'Planned', 'Activated', 'Activated on', 'Transaction', 'Expires', 'Status', 'Source'], rows, [3, 4]) : '<p class="muted">No license planned or activated.</p>\n';
    parts.push(`<section class="target"><h3>${e(tg.id)}</h3>\n<p class="muted">${e(where)}. Status: ${e(tg.statusLabel)}.</p>\n${body}</section>\n`);
  }

  const logs = r.targets.filter((x) => x.licensesLog);
  if (logs.length > 0) parts.push('<h2>Licenses logs</h2>\n');
  for (const tg of logs) {
    const l = tg.licensesLog!;
    const rows = l.problems.map((p) => ({ cls: p.reason.includes('(-34)') ? cls('violation') || undefined : undefined, cells: [e(p.feature), e(p.who), e(p.what), num(p.count), e(p.when), e(p.reason), e(p.advice)] }));
    parts.push(`<section class="target"><h3>${e(tg.id)}: ${e(l.label)}</h3>\n<p class="muted">${e(l.file)}, imported ${e(l.imported)}: ${l.events} checkout events.</p>\n${rows.length ? table(['Feature', 'User', 'What', 'Count', 'When', 'Reason', 'What to do'], rows, [3]) : ''}</section>\n`);
  }
  parts.push('<h2>License violations</h2>\n');
  parts.push(r.violations.length === 0 ? '<p>None.</p>\n' : `<ul>${r.violations.map((v) => `<li><strong>${e(v.target)}</strong>, ${e(v.feature)}: ${e(v.message)}</li>`).join('\n')}</ul>\n`);

  parts.push('<h2>Entitlements</h2>\n');
  parts.push(
    table(
      ['Entitlement', 'Activation ID', 'Feature', 'License type', 'Quantity', 'Assigned', 'Activated', 'Left', 'Expires', 'Status'],
      r.entitlements.map((x) => ({ cls: x.left < 0 ? 'bad' : cls(x.status) || undefined, cells: [e(x.entitlementId), e(x.activationId), e(x.feature), e(x.licenseType), num(x.quantity), num(x.assigned), num(x.activated), num(x.left), e(x.expires), tag(x.statusLabel, x.status)] })),
      [4, 5, 6, 7],
    ) || '<p>No entitlement in the plans.</p>\n',
  );

  parts.push('<h2>Expiry</h2>\n');
  parts.push(
    r.expiries.length === 0
      ? '<p>No dated license: everything is permanent.</p>\n'
      : table(['Expires', 'When', 'Activation ID', 'Feature', 'Assigned to', 'Status'], r.expiries.map((x) => ({ cls: x.action ? 'bad' : cls(x.status) || undefined, cells: [e(x.expires), e(x.action ? 'before handover' : daysWords(x.daysLeft)), e(x.activationId), e(x.feature), e(x.targets.join(', ')), x.action ? tag(x.action, 'handover') : tag(EXPIRY_WORDS[x.status], x.status)] }))),
  );

  parts.push('<h2>Open problems</h2>\n');
  parts.push(
    r.problems.length === 0
      ? '<p>None: the site and its plans validate cleanly.</p>\n'
      : table(['Severity', 'Code', 'Where', 'Problem'], r.problems.map((p) => ({ cls: cls(p.severity) || undefined, cells: [e(SEVERITY_WORDS[p.severity]), e(p.code), e(`${p.file}:${p.line}:${p.column}`), e(p.message)] }))),
  );

  parts.push(`<h2>Ledger</h2>\n<p>${e(ledgerSpan(r.history))}</p>\n`);
  const counts = ledgerCounts(r.history);
  if (counts.length > 0) {
    parts.push(`<p>${e(counts.map(([op, n]) => `${op}: ${n}`).join(', '))}</p>\n`);
    parts.push(table(['#', 'Time', 'Operation', 'Target', 'Licenses', 'Transaction', 'Mode', 'By', 'Note'], r.history.map((h) => ({ cells: [String(h.seq), e(h.at), e(h.op), e(h.target), e(h.licenses), e(h.transaction), e(h.mode), e(h.by), e(h.note)] })), [0]));
  }

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>License report: ${e(r.site.name)}</title>
<style>${CSS}</style>
</head>
<body>
${parts.join('')}</body>
</html>
`;
}
