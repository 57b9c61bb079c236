// The expiry timeline as SVG: one lane per dated license, today marked, the warning window shaded.
// Permanent licenses never expire and are not drawn; expired ones are red, those in the window amber.
import type { ExpiryItem, SiteReport } from '../src/engine/report/types';
import { el, svg } from './dom';

const DAY = 86_400_000;
const WIDTH = 900;
const LEFT = 12;
const RIGHT = 12;
const TOP = 46;
const LANE = 24;

const day = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`);
const ymd = (t: number) => new Date(t).toISOString().slice(0, 10);

function when(e: ExpiryItem): string {
  if (e.daysLeft < 0) return `expired ${-e.daysLeft} d ago`;
  if (e.daysLeft === 0) return 'expires today';
  return `in ${e.daysLeft} d`;
}

/** Year ticks over long ranges, month ticks over short ones. */
function ticks(start: number, end: number): number[] {
  const out: number[] = [];
  const months = (end - start) / (30 * DAY) <= 18;
  const d = new Date(start);
  let t = months ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  while (t < end) {
    out.push(t);
    const n = new Date(t);
    t = months ? Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + (end - start > 200 * DAY ? 3 : 1), 1) : Date.UTC(n.getUTCFullYear() + 1, 0, 1);
  }
  return out;
}

export function timelineView(r: SiteReport): HTMLElement {
  const section = el('section', { id: 'expiry' }, el('h2', {}, 'Expiry timeline'));
  const items = r.expiries;
  if (items.length === 0) {
    section.append(el('p', { class: 'empty' }, 'No dated license: everything is permanent.'));
    return section;
  }
  const today = day(r.today);
  const windowEnd = today + r.site.expiryWarningDays * DAY;
  const dates = items.map((e) => day(e.expires));
  const start = Math.min(today - 30 * DAY, Math.min(...dates) - 30 * DAY);
  const end = Math.max(windowEnd + 30 * DAY, Math.max(...dates) + 60 * DAY);
  const x = (t: number) => LEFT + ((t - start) / (end - start)) * (WIDTH - LEFT - RIGHT);
  const height = TOP + items.length * LANE + 8;

  const chart = svg('svg', { class: 'timeline', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'group', 'aria-label': 'Expiry timeline' });
  chart.append(svg('rect', { class: 'window', x: x(today), y: TOP - 8, width: Math.max(1, x(windowEnd) - x(today)), height: height - TOP }));
  chart.append(svg('line', { class: 'axis', x1: LEFT, x2: WIDTH - RIGHT, y1: TOP - 8, y2: TOP - 8 }));
  for (const t of ticks(start, end)) {
    chart.append(svg('line', { class: 'axis', x1: x(t), x2: x(t), y1: TOP - 12, y2: TOP - 8 }));
    chart.append(svg('text', { x: x(t), y: TOP - 15, 'text-anchor': 'middle' }, ymd(t).slice(0, 7)));
  }
  chart.append(svg('line', { class: 'today', x1: x(today), x2: x(today), y1: 4, y2: height - 4 }));
  chart.append(svg('text', { x: x(today) + 4, y: 12 }, `today ${r.today}`));

  items.forEach((e, i) => {
    const cy = TOP + i * LANE + LANE / 2;
    const cx = x(day(e.expires));
    const label = `${e.activationId} · ${e.feature || 'feature not set'} · ${e.expires} (${when(e)})`;
    // Labels go left of the dot in the right half, so they stay inside the chart.
    const right = cx < WIDTH / 2;
    const row = svg(
      'g',
      { class: `row ${e.status}`, 'data-ref': e.ref, tabindex: e.ref ? 0 : undefined, role: 'button', 'aria-label': label },
      svg('title', {}, `${label}${e.targets.length ? ` — on ${e.targets.join(', ')}` : ''}`),
      svg('line', { class: 'lane', x1: LEFT, x2: WIDTH - RIGHT, y1: cy, y2: cy }),
      svg('circle', { class: `dot ${e.status}`, cx, cy, r: 6 }),
      svg('text', { x: right ? cx + 10 : cx - 10, y: cy + 4, 'text-anchor': right ? 'start' : 'end' }, label),
    );
    chart.append(row);
  });
  const legend = el(
    'p',
    { class: 'muted' },
    `Red: expired. Amber: expires within ${r.site.expiryWarningDays} days (shaded window). Permanent licenses are not shown. `,
    `${items.filter((e) => e.status === 'expired').length} expired, ${items.filter((e) => e.status === 'expiring').length} expiring.`,
  );
  section.append(legend, chart);
  return section;
}
