// BMS040/BMS041: expired and soon-expiring licenses, counted in calendar days from today; `permanent` never warns.
import { daysUntil } from '../calendar';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { productsOf } from '../model';
import type { PlanRule } from './rule';
import { plural } from './words';

/** Days from today to the expiry date: negative once expired, 0 on its last day. */
export const daysLeft = daysUntil;

export const expiry: PlanRule = {
  codes: ['BMS040', 'BMS041'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const warnDays = ctx.expiryWarningDays(plan);
    const out: Diagnostic[] = [];
    for (const p of productsOf(plan)) {
      const at = p.at.expires;
      if (!at || p.expires === undefined || p.expires === 'permanent') continue;
      const left = daysLeft(p.expires, ctx.today);
      if (left === undefined) continue;
      const what = `${p.activationId}${p.feature ? ` (${p.feature})` : ''}`;
      if (left < 0) {
        out.push(
          diagnostic('BMS040', plan.uri, at, `${what} expired on ${p.expires}, ${plural(-left, 'day')} ago: it cannot be activated and stops working where it is active. Renew it with the vendor and update the entitlement here, or remove it from the plan.`, {
            data: { daysLeft: left },
          }),
        );
      } else if (left <= warnDays) {
        const when = left === 0 ? 'today (its last day)' : `in ${plural(left, 'day')}, on ${p.expires}`;
        out.push(
          diagnostic('BMS041', plan.uri, at, `${what} expires ${when}. Renew it before then, or it will show as expired on the server (warning threshold: ${plural(warnDays, 'day')}).`, {
            data: { daysLeft: left },
          }),
        );
      }
    }
    return out;
  },
};
