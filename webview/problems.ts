// Open problems: the diagnostics of the site file and its plans, and ledger lines that were ignored.
import type { SiteReport } from '../src/engine/report/types';
import { el, revealRow, table } from './dom';

const WORDS = { error: 'Error', warning: 'Warning', information: 'Info' } as const;

export function problemsView(r: SiteReport): HTMLElement {
  const section = el('section', { id: 'problems' }, el('h2', {}, 'Open problems'));
  if (r.problems.length === 0) {
    section.append(el('p', { class: 'empty' }, 'None: the site and its plans validate cleanly.'));
    return section;
  }
  const rows = r.problems.map((p) =>
    revealRow(p.ref, p.severity === 'error' ? 'violation' : p.severity === 'warning' ? 'expiring' : undefined, [
      el('td', { class: 'status' }, WORDS[p.severity] ?? p.severity),
      p.code,
      `${p.file}:${p.line}:${p.column}`,
      p.message,
    ]),
  );
  section.append(table(['Severity', 'Code', 'Where', 'Problem'], [], rows, 'Open problems'));
  return section;
}
