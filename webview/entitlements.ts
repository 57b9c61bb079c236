// Entitlements: quantity, assigned, activated and left per product, with a bar of its use.
import type { EntitlementRow, SiteReport } from '../src/engine/report/types';
import { el, num, revealRow, svg, table } from './dom';

const W = 120;
const H = 10;

function useBar(e: EntitlementRow): SVGElement {
  const total = Math.max(e.quantity, e.assigned, 1);
  const w = (n: number) => Math.round((Math.min(n, total) / total) * W);
  return svg(
    'svg',
    { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${e.assigned} of ${e.quantity} assigned, ${e.activated} activated` },
    svg('rect', { class: 'bar-bg', x: 0, y: 0, width: W, height: H, rx: 2 }),
    svg('rect', { class: e.left < 0 ? 'bar-over' : 'bar-assigned', x: 0, y: 0, width: w(e.assigned), height: H, rx: 2 }),
    svg('rect', { class: 'bar-activated', x: 0, y: 2, width: w(e.activated), height: H - 4, rx: 1 }),
  );
}

export function entitlementsView(r: SiteReport): HTMLElement {
  const section = el('section', { id: 'entitlements' }, el('h2', {}, 'Entitlements'));
  if (r.entitlements.length === 0) {
    section.append(el('p', { class: 'empty' }, 'No entitlement in the plans of this site.'));
    return section;
  }
  const rows = r.entitlements.map((e) =>
    revealRow(
      e.ref,
      e.left < 0 || e.status === 'blocked' || e.status === 'handover' ? 'violation' : undefined,
      [e.entitlementId, e.activationId, e.feature, e.licenseType, num(e.quantity), num(e.assigned), num(e.activated), el('td', { class: `n${e.left < 0 ? ' bad-text' : ''}` }, num(e.left)), el('td', {}, useBar(e)), e.expires, el('td', { class: 'status' }, e.statusLabel ?? '')],
      [4, 5, 6],
    ),
  );
  section.append(
    el('p', { class: 'muted' }, 'Left = quantity − assigned (negative: over-allocated). The bar: assigned (light) and activated (dark) against the quantity.'),
    table(['Entitlement', 'Activation ID', 'Feature', 'License type', 'Quantity', 'Assigned', 'Activated', 'Left', 'Use', 'Expires', 'Status'], [4, 5, 6, 7], rows, 'Entitlements'),
  );
  return section;
}
