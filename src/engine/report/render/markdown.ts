// The handover report as Markdown: every string from YAML or the ledger shown literally (escaped).
import type { SiteReport } from '../types';
import { EXPIRY_WORDS, SEVERITY_WORDS, STATUS_LEGEND, STRONG, daysWords, licenseStatusText, ledgerCounts, ledgerSpan, num, registrationLines, requiredNotes, summaryLines } from './words';

/** Text shown literally in Markdown, on one line (table cells cannot hold line breaks). */
function t(text: string | undefined): string {
  return (text ?? '').replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_{}[\]<>#|~&]/g, (c) => `\\${c}`);
}

function table(head: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

export function renderMarkdown(r: SiteReport): string {
  const out: string[] = [];
  out.push(`# License report: ${t(r.site.name)}`, '');
  if (r.banner) out.push(`> **${t(r.banner)}**`, '');
  out.push(`${t(r.site.customer || 'Customer not set')}, report of ${r.today}.`, '');
  out.push('## Registration details', '', ...table(['', ''], registrationLines(r).map(([k, v]) => [k, t(v)])));
  out.push('## Summary', '', ...table(['', ''], summaryLines(r).map(([k, v]) => [k, t(v)])));

  out.push('## Servers and License Servers', '');
  out.push('Required / Planned / Activated / Used / Available per feature. Used comes from License Server usage (lmstat) where known.', '', STATUS_LEGEND, '');
  const rows: string[][] = [];
  for (const tg of r.targets) {
    const name = `${'\u00a0\u00a0'.repeat(tg.depth)}${t(tg.id)}`;
    if (tg.features.length === 0) rows.push([name, t(tg.typeLabel), '—', '', '', '', '', '', t(tg.statusLabel)]);
    for (const f of tg.features) {
      rows.push([name, t(tg.typeLabel), t(f.feature), `${num(f.required)}${f.requiredFrom ? ' (computed)' : ''}`, num(f.planned), num(f.activated), num(f.used), num(f.available), STRONG.has(f.status) ? `**${t(f.statusLabel)}**` : t(f.statusLabel)]);
    }
  }
  out.push(...table(['Target', 'Type', 'Feature', 'Required', 'Planned', 'Activated', 'Used', 'Available', 'Status'], rows));
  const computed = requiredNotes(r);
  if (computed.length > 0) out.push('Required, computed from the site file (elsewhere Required is the base license, or what the plan assigns):', '', ...computed.map(([id, f, n, from]) => `- **${t(id)}**, ${t(f)}: ${n}, ${t(from)}.`), '');

  out.push('## Licenses per server', '');
  for (const tg of r.targets) {
    const where = [tg.typeLabel, tg.host && `host ${tg.host}`, tg.address && `address ${tg.address}`, tg.licenseServer && `License Server ${tg.licenseServer}`].filter(Boolean).join(', ');
    out.push(`### ${t(tg.id)}`, '', `${t(where)}. Status: ${t(tg.statusLabel)}.`, '');
    if (tg.licenses.length === 0) {
      out.push('No license planned or activated.', '');
      continue;
    }
    out.push(
      ...table(
        ['Activation ID', 'Feature', 'License type', 'Planned', 'Activated', 'Activated on', 'Transaction', 'Expires', 'Status', 'Source'],
        tg.licenses.map((l) => [t(l.activationId), t(l.feature), t(l.licenseType), num(l.planned), num(l.activated), t(l.activatedOn ?? ''), t(l.transaction ?? ''), `${t(l.expires)}${l.expiry === 'ok' ? '' : ` (${EXPIRY_WORDS[l.expiry]})`}`, licenseStatusText(l, t), t(l.source ?? '')]),
      ),
    );
  }

  const logs = r.targets.filter((tg) => tg.licensesLog);
  if (logs.length > 0) {
    out.push('## Licenses logs', '');
    for (const tg of logs) {
      const l = tg.licensesLog!;
      out.push(`### ${t(tg.id)}: ${t(l.label)}`, '', `${t(l.file)}, imported ${l.imported}: ${l.events} checkout events${l.from ? `, ${t(l.from)} to ${t(l.to)}` : ''}.`, '');
      out.push(...table(['Feature', 'User', 'What', 'Count', 'When', 'Reason', 'What to do'], l.problems.map((p) => [t(p.feature), t(p.who), p.what, String(p.count), t(p.when), t(p.reason), t(p.advice)])));
    }
  }

  out.push('## License violations', '');
  if (r.violations.length === 0) out.push('None.', '');
  else out.push(...r.violations.map((v) => `- **${t(v.target)}**, ${t(v.feature)}: ${t(v.message)}`), '');

  out.push('## Entitlements', '');
  out.push(
    ...table(
      ['Entitlement', 'Activation ID', 'Feature', 'License type', 'Quantity', 'Assigned', 'Activated', 'Left', 'Expires', 'Status'],
      r.entitlements.map((e) => [t(e.entitlementId), t(e.activationId), t(e.feature), t(e.licenseType), num(e.quantity), num(e.assigned), num(e.activated), e.left < 0 ? `**${e.left}**` : num(e.left), t(e.expires), STRONG.has(e.status) ? `**${t(e.statusLabel)}**` : t(e.statusLabel)]),
    ),
  );
  if (r.entitlements.length === 0) out.push('No entitlement in the plans.', '');

  out.push('## Expiry', '');
  if (r.expiries.length === 0) out.push('No dated license: everything is permanent.', '');
  else out.push(...table(['Expires', 'When', 'Activation ID', 'Feature', 'Assigned to', 'Status'], r.expiries.map((e) => [t(e.expires), e.action ? '**before handover**' : daysWords(e.daysLeft), t(e.activationId), t(e.feature), t(e.targets.join(', ')), e.action ? `**${t(e.action)}**` : EXPIRY_WORDS[e.status]])));

  out.push('## Open problems', '');
  if (r.problems.length === 0) out.push('None: the site and its plans validate cleanly.', '');
  else out.push(...table(['Severity', 'Code', 'Where', 'Problem'], r.problems.map((p) => [SEVERITY_WORDS[p.severity], p.code, `${t(p.file)}:${p.line}:${p.column}`, t(p.message)])));

  out.push('## Ledger', '', ledgerSpan(r.history), '');
  const counts = ledgerCounts(r.history);
  if (counts.length > 0) {
    out.push(counts.map(([op, n]) => `${t(op)}: ${n}`).join(', '), '');
    out.push(...table(['#', 'Time', 'Operation', 'Target', 'Licenses', 'Transaction', 'Mode', 'By', 'Note'], r.history.map((h) => [String(h.seq), t(h.at), t(h.op), t(h.target), t(h.licenses), t(h.transaction), t(h.mode), t(h.by), t(h.note)])));
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

export { t as mdText, table as mdTable };
