// BMS053: fewer licenses planned on a server than its own description requires (connected devices counted
// from the site's device lists, help 16220; attach licenses below 7.0, help 12865): a license violation.
import { diagnostic, type Diagnostic } from '../diagnostics';
import { plural, typeName } from './words';
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
          `${typeName(server?.type)} '${r.server}' requires ${plural(r.required, r.feature === ATTACH ? 'attach license' : 'connected-devices license')}: ${r.from}. The plans for site '${site.name}' assign ${have}: it will show a license violation. Assign ${r.required - have} more ${r.feature} to '${r.server}' in the plan.`,
          { data: { server: r.server, feature: r.feature, required: r.required, planned: have } },
        ),
      );
    }
    return out;
  },
};
