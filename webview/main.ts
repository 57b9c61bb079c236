// The license dashboard: the host posts a site's report, this draws it. Rows carry the key of a location;
// clicking one asks the host to reveal it. The state (report, tab, filters) is kept with setState.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { DashboardState } from '../src/engine/report/messages';
import type { SiteReport } from '../src/engine/report/types';
import { el } from './dom';
import { entitlementsView } from './entitlements';
import { historyView, NO_FILTERS } from './history';
import { problemsView } from './problems';
import { serversView } from './servers';
import { applyStyles } from './styles';
import { timelineView } from './timeline';
import { loadState, post, saveState } from './vscode';

let state: DashboardState = loadState();

function update(patch: Partial<DashboardState>): void {
  state = { ...state, ...patch };
  saveState(state);
}

/** Only a report of the expected shape is drawn; anything else is ignored. */
function isReport(x: unknown): x is SiteReport {
  const r = x as SiteReport;
  return (
    typeof r === 'object' && r !== null && typeof r.today === 'string' && typeof r.site?.name === 'string' &&
    [r.targets, r.violations, r.entitlements, r.expiries, r.history, r.problems].every(Array.isArray) && typeof r.locations === 'object'
  );
}

function counter(label: string, value: string, cls?: string): HTMLElement {
  return el('div', { class: `counter${cls ? ` ${cls}` : ''}` }, el('span', { class: 'v' }, value), label);
}

function header(r: SiteReport): HTMLElement {
  const exportButton = (format: 'html' | 'md' | 'csv', label: string, secondary: boolean) => {
    const b = el('vscode-button', { secondary, 'data-export': format }, label);
    b.addEventListener('click', () => post({ type: 'export', format }));
    return b;
  };
  return el(
    'header',
    {},
    el(
      'div',
      {},
      el('h1', { id: 'site-name' }, r.site.name),
      el(
        'div',
        { class: 'facts' },
        el('span', {}, el('b', {}, 'Customer: '), r.site.customer || '(not set)'),
        el('span', {}, el('b', {}, 'Contact: '), r.site.contact || '(not set)'),
        el('span', {}, el('b', {}, 'EBO: '), r.site.version || '(not set)'),
        el('span', {}, el('b', {}, 'Connectivity: '), r.site.connectivity || '(not set)'),
        el('span', { class: 'muted' }, `as of ${r.today}`),
      ),
    ),
    el('div', { class: 'actions' }, exportButton('html', 'Export report', false), exportButton('md', 'Markdown', true), exportButton('csv', 'CSV', true)),
  );
}

function counters(r: SiteReport): HTMLElement {
  const s = r.summary;
  return el(
    'div',
    { class: 'counters', id: 'counters' },
    // A simulator site's activations are the simulator's: never shown as activated on the real system.
    counter(r.site.activation === 'simulator' ? 'simulated of planned (not on the real system)' : 'activated of planned', `${s.activated} / ${s.planned}`, r.site.activation === 'simulator' ? 'warn' : undefined),
    ...(s.sources?.notAdopted ? [counter('ledger lines not adopted (not counted)', String(s.sources.notAdopted), 'warn')] : []),
    counter('violations', String(s.violations), s.violations ? 'bad' : undefined),
    counter('expired', String(s.expired), s.expired ? 'bad' : undefined),
    counter('expiring', String(s.expiring), s.expiring ? 'warn' : undefined),
    counter('errors', String(s.errors), s.errors ? 'bad' : undefined),
    counter('warnings', String(s.warnings), s.warnings ? 'warn' : undefined),
  );
}

function render(r: SiteReport): void {
  const tabs = el('vscode-tabs', { 'selected-index': state.tab ?? 0 });
  const panels: [string, HTMLElement][] = [
    ['Servers', serversView(r)],
    ['Entitlements', entitlementsView(r)],
    ['Expiry', timelineView(r)],
    ['Ledger', historyView(r, state.filters ?? NO_FILTERS, (filters) => update({ filters }))],
    [`Problems (${r.problems.length})`, problemsView(r)],
  ];
  for (const [title, panel] of panels) tabs.append(el('vscode-tab-header', { slot: 'header' }, title), el('vscode-tab-panel', {}, panel));
  tabs.addEventListener('vsc-tabs-select', (e) => update({ tab: (e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex }));
  // The banner is said first, before anything else (a simulator site: no license activated on the real system).
  const banner = r.banner ? [el('p', { id: 'banner', class: 'banner', role: 'alert' }, r.banner)] : [];
  document.body.replaceChildren(el('main', { id: 'dashboard' }, ...banner, header(r), counters(r), tabs));
  markSelected();
}

function markSelected(): void {
  for (const row of document.querySelectorAll('.selected')) row.classList.remove('selected');
  if (!state.selected) return;
  for (const row of document.querySelectorAll('[data-ref]')) if (row.getAttribute('data-ref') === state.selected) row.classList.add('selected');
}

function reveal(from: EventTarget | null): void {
  const row = from instanceof Element ? from.closest('[data-ref]') : null;
  const ref = row?.getAttribute('data-ref');
  if (!ref) return;
  update({ selected: ref });
  markSelected();
  post({ type: 'reveal', target: ref });
}

applyStyles(document);
document.addEventListener('click', (e) => reveal(e.target));
document.addEventListener('keydown', (e) => {
  if ((e.key === 'Enter' || e.key === ' ') && e.target instanceof Element && e.target.matches('[data-ref]')) {
    e.preventDefault();
    reveal(e.target);
  }
});
window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as { type?: unknown; report?: unknown; message?: unknown };
  if (m?.type === 'report' && isReport(m.report)) {
    update({ report: m.report, site: m.report.site.name });
    render(m.report);
  } else if (m?.type === 'error' && typeof m.message === 'string') {
    document.body.replaceChildren(el('p', { class: 'empty', id: 'error' }, m.message));
  }
});

if (state.report && isReport(state.report)) render(state.report);
// The page comes with its loading text in the display language; English only when it has none.
else if (!document.getElementById('loading')) document.body.replaceChildren(el('p', { class: 'empty' }, 'Loading the license dashboard…'));
post({ type: 'ready' });
