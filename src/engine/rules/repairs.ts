// BMS061: the vendor allows 4 repairs a year per License Server or server; one more broken license is then lost.
import { diagnostic, type Diagnostic } from '../diagnostics';
import { REPAIRS_PER_12_MONTHS } from '../ledger/repairWindow';
import type { PlanRule } from './rule';
import { t } from '../l10n';

export const repairBudget: PlanRule = {
  codes: ['BMS061'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const site = ctx.siteOf(plan);
    const repairsOf = ctx.repairsOf;
    if (!site || !repairsOf) return [];
    // The editor's pass: only the few targets with repairs on record are counted, not 10,000 assignments'.
    const listed = ctx.repairedTargets?.(site.name);
    const spent = listed && new Set([...listed].filter((target) => repairsOf(site.name, target) >= REPAIRS_PER_12_MONTHS));
    if (spent?.size === 0) return [];
    const seen = new Set<string>();
    const out: Diagnostic[] = [];
    for (const a of plan.assignments) {
      if (a.targetKind === undefined || a.target === undefined || seen.has(a.target) || (spent && !spent.has(a.target))) continue;
      seen.add(a.target);
      const at = a.at[a.targetKind];
      const repairs = repairsOf(site.name, a.target);
      if (!at || repairs < REPAIRS_PER_12_MONTHS) continue;
      out.push(
        diagnostic(
          'BMS061',
          plan.uri,
          at,
          t("The ledger shows {0} repairs of '{1}' in the last 12 months: its repair budget ({2} a year) is used up, so a license broken now cannot be repaired. Avoid restoring backups, setting the clock back or changing hardware there until the oldest repair is a year old.", repairs, a.target, REPAIRS_PER_12_MONTHS),
          { data: { repairs } },
        ),
      );
    }
    return out;
  },
};
