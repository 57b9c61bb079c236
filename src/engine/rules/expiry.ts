// BMS040/BMS041: expired and soon-expiring licenses, counted in calendar days from today; `permanent` never warns.
import { daysUntil } from '../calendar';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { productsOf } from '../model';
import type { PlanRule } from './rule';
import { days, t } from '../l10n';

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
          diagnostic('BMS040', plan.uri, at, t('{0} expired on {1}, {2} ago: it cannot be activated and stops working where it is active. Renew it with the vendor and update the entitlement here, or remove it from the plan.', what, p.expires, days(-left)), {
            data: { daysLeft: left },
          }),
        );
      } else if (left <= warnDays) {
        const when = left === 0 ? t('today (its last day)') : t('in {0}, on {1}', days(left), p.expires);
        out.push(
          diagnostic('BMS041', plan.uri, at, t('{0} expires {1}. Renew it before then, or it will show as expired on the server (warning threshold: {2}).', what, when, days(warnDays)), {
            data: { daysLeft: left },
          }),
        );
      }
    }
    return out;
  },
};
