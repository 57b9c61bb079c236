// Servers and License Servers: Required / Planned / Activated / Used / Available per feature, violations first.
import type { FeatureRow, SiteReport } from '../src/engine/report/types';
import { el, num, revealRow, table } from './dom';

/** Row look per feature status; the classes are ours, never taken from data. */
const ROW_CLASS: Record<string, string> = { violation: 'violation', broken: 'violation', expired: 'violation', blocked: 'violation', handover: 'violation', 'under-planned': 'expiring', expiring: 'expiring', 'pending-offline': 'pending' };

/** Required with where a computed figure came from (devices counted, attached automation servers) on hover and in words. */
function required(f: FeatureRow): string | HTMLTableCellElement {
  if (!f.requiredFrom) return num(f.required);
  return el('td', { class: 'n computed', title: `Computed: ${f.requiredFrom}`, 'aria-label': `${f.required}, computed: ${f.requiredFrom}` }, `${f.required} (computed)`);
}

export function serversView(r: SiteReport): HTMLElement {
  const section = el('section', { id: 'servers' });
  if (r.violations.length > 0) {
    section.append(
      el('h2', {}, `License violations (${r.violations.length})`),
      table(['Target', 'Feature', 'Problem'], [], r.violations.map((v) => revealRow(v.ref, 'violation', [v.target, v.feature, el('td', { class: 'status' }, v.message)])), 'License violations'),
    );
  }
  const rows: HTMLTableRowElement[] = [];
  for (const t of r.targets) {
    // Later rows of one target repeat its name for reading and copying, dimmed so the target reads as a group.
    const cells = (first: boolean) => [
      el('td', { class: `target d${Math.min(t.depth, 3)}${first ? '' : ' repeat'}`, title: [t.typeLabel, t.host, t.address].filter(Boolean).join(' · ') }, t.id),
      el('td', { class: `type${first ? '' : ' repeat'}` }, t.typeLabel),
    ];
    if (t.features.length === 0) {
      rows.push(revealRow(t.ref, 'first', [...cells(true), '—', '', '', '', '', '', el('td', { class: 'status' }, t.statusLabel)]));
      continue;
    }
    t.features.forEach((f, i) => {
      const cls = [i === 0 ? 'first' : 'more', ROW_CLASS[f.status]].filter(Boolean).join(' ');
      rows.push(
        revealRow(t.ref, cls, [...cells(i === 0), f.feature, required(f), num(f.planned), num(f.activated), num(f.used), num(f.available), el('td', { class: 'status' }, f.statusLabel)], [3, 4, 5, 6, 7]),
      );
    });
  }
  const logs = r.targets.filter((t) => t.licensesLog && t.licensesLog.problems.length > 0);
  if (logs.length > 0) {
    section.append(
      el('h2', {}, 'Licenses logs'),
      table(
        ['License Server', 'Feature', 'User', 'What', 'Count', 'When', 'Reason', 'What to do'],
        [4],
        logs.flatMap((t) => t.licensesLog!.problems.map((p) => revealRow(t.ref, p.reason.includes('(-34)') ? 'violation' : undefined, [t.id, p.feature, p.who, p.what, String(p.count), p.when, p.reason, el('td', { class: 'status' }, p.advice)], [4]))),
        'Licenses logs',
      ),
    );
  }
  const usage = r.summary.usageKnown ? 'Used comes from License Server usage (lmstat).' : 'Used is not known: refresh License Server usage (lmstat) to fill it in.';
  section.append(
    el('h2', {}, 'Servers and License Servers'),
    el('p', { class: 'muted' }, `Per feature. ${usage} Click a row to show it in the site file.`),
    table(['Target', 'Type', 'Feature', 'Required', 'Planned', 'Activated', 'Used', 'Available', 'Status'], [3, 4, 5, 6, 7], rows, 'Servers and License Servers'),
  );
  return section;
}
