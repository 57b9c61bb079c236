// BMS053: fewer licenses planned on a server than its own description requires (connected devices counted
// from the site's device lists, help 16220; attach licenses below 7.0, help 12865): a license violation.
import { diagnostic, type Diagnostic } from '../diagnostics';
import { typeName } from './words';
import { t } from '../l10n';
import type { SiteRule } from './rule';
import { ATTACH, siteRequirements } from './required';

export const requiredPlanned: SiteRule = {
  codes: ['BMS053'],
  kind: 'Site',
  check(site, ctx) {
    const group = ctx.plansForSite(site.name);
    // Like BMS050: a site with no plan yet has nothing planned, and one warning per server would be noise.
    if (group.plans.length === 0) return [];
    const requirements = siteRequirements(site);
    if (requirements.length === 0) return [];
    const planned = new Map<string, number>();
    for (const [activationId, uses] of group.assignments) {
      for (const { assignment, plan } of uses) {
        if (assignment.targetKind !== 'server' || assignment.target === undefined) continue;
        const feature = group.productFor(plan, activationId)?.product.feature;
        if (feature === undefined) continue;
        const key = `${assignment.target}\u0000${feature}`;
        planned.set(key, (planned.get(key) ?? 0) + (assignment.quantity ?? 1));
      }
    }
    const lookup = ctx.lookup(site);
    const out: Diagnostic[] = [];
    for (const r of requirements) {
      const have = planned.get(`${r.server}\u0000${r.feature}`) ?? 0;
      if (have >= r.required) continue;
      const server = lookup.servers.get(r.server);
      out.push(
        diagnostic(
          'BMS053',
          site.uri,
          r.span,
          t(
            "{0} '{1}' requires {2}: {3}. The plans for site '{4}' assign {5}: it will show a license violation. Assign {6} more {7} to '{1}' in the plan.",
            typeName(server?.type),
            r.server,
            licenses(r.required, r.feature === ATTACH),
            r.from,
            String(site.name),
            have,
            r.required - have,
            r.feature,
          ),
          { data: { server: r.server, feature: r.feature, required: r.required, planned: have } },
        ),
      );
    }
    return out;
  },
};

/** `1 attach license`, `3 connected-devices licenses`. */
function licenses(n: number, attach: boolean): string {
  if (attach) return n === 1 ? t('1 attach license') : t('{0} attach licenses', n);
  return n === 1 ? t('1 connected-devices license') : t('{0} connected-devices licenses', n);
}
