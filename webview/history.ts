// The ledger history with filters by operation, target and free text; the filters survive hiding the panel.
import type { HistoryItem, SiteReport } from '../src/engine/report/types';
import { el, revealRow, table } from './dom';

export interface HistoryFilters {
  op: string;
  target: string;
  text: string;
}

export const NO_FILTERS: HistoryFilters = { op: '', target: '', text: '' };

export function matches(h: HistoryItem, f: HistoryFilters): boolean {
  if (f.op && h.op !== f.op) return false;
  if (f.target && !h.target.toLowerCase().includes(f.target.toLowerCase())) return false;
  if (f.text) {
    const all = [h.at, h.op, h.target, h.licenses, h.transaction, h.mode, h.by, h.note].join(' ').toLowerCase();
    if (!all.includes(f.text.toLowerCase())) return false;
  }
  return true;
}

function rowsOf(items: HistoryItem[], f: HistoryFilters, refOf: (target: string) => string | undefined): HTMLTableRowElement[] {
  return items.filter((h) => matches(h, f)).map((h) =>
    revealRow(refOf(h.target), h.op === 'broken' ? 'violation' : undefined, [String(h.seq), h.at.replace('T', ' ').replace('Z', ''), h.op, h.target, h.licenses, h.transaction, h.mode, h.by, h.note], [0]),
  );
}

export function historyView(r: SiteReport, initial: HistoryFilters, onChange: (f: HistoryFilters) => void): HTMLElement {
  const section = el('section', { id: 'history' }, el('h2', {}, 'Ledger history'));
  if (r.history.length === 0) {
    section.append(el('p', { class: 'empty' }, `The ledger ${r.site.ledger} has no events yet.`));
    return section;
  }
  const f: HistoryFilters = { ...initial };
  const targetRefs = new Set(r.targets.map((t) => t.ref));
  const refOf = (target: string) => (targetRefs.has(`target:${target}`) ? `target:${target}` : undefined);

  const ops = [...new Set(r.history.map((h) => h.op))];
  const select = el('vscode-single-select', { id: 'filter-op', 'aria-label': 'Operation' }, el('vscode-option', { value: '' }, 'All operations'), ...ops.map((op) => el('vscode-option', { value: op }, op)));
  const target = el('vscode-textfield', { id: 'filter-target', placeholder: 'Target', 'aria-label': 'Target' });
  const text = el('vscode-textfield', { id: 'filter-text', placeholder: 'Search', 'aria-label': 'Search the history' });
  (select as unknown as { value: string }).value = f.op;
  (target as unknown as { value: string }).value = f.target;
  (text as unknown as { value: string }).value = f.text;

  const tbl = table(['#', 'Time (UTC)', 'Operation', 'Target', 'Licenses', 'Transaction', 'Mode', 'By', 'Note'], [0], rowsOf(r.history, f, refOf), 'Ledger history');
  const count = el('span', { class: 'muted', id: 'history-count' });
  const update = () => {
    const rows = rowsOf(r.history, f, refOf);
    tbl.tBodies[0].replaceChildren(...rows);
    count.textContent = `${rows.length} of ${r.history.length} events`;
    onChange({ ...f });
  };
  select.addEventListener('change', () => {
    f.op = (select as unknown as { value: string }).value;
    update();
  });
  target.addEventListener('input', () => {
    f.target = (target as unknown as { value: string }).value;
    update();
  });
  text.addEventListener('input', () => {
    f.text = (text as unknown as { value: string }).value;
    update();
  });
  count.textContent = `${tbl.tBodies[0].rows.length} of ${r.history.length} events`;
  section.append(el('div', { class: 'filters' }, el('label', {}, 'Filter:'), select, target, text, count), tbl);
  return section;
}
