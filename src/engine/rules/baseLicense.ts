// BMS050: an ES, EC or FDP server without its base license shows a license violation once commissioned.
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Server } from '../model';
import { baseFeaturesOf } from './catalog';
import type { SiteLookup } from './lookup';
import type { SiteRule } from './rule';
import { orList, typeName } from './words';
import { t } from '../l10n';

export const baseLicensePlanned: SiteRule = {
  codes: ['BMS050'],
  kind: 'Site',
  check(site, ctx) {
    const group = ctx.plansForSite(site.name);
    // A site with no plan yet has nothing planned: one warning per server would only be noise.
    if (group.plans.length === 0) return [];
    // A plan an unclosed quote cut short may hold the base licenses: its BMS001 comes first.
    if (group.plans.some((p) => p.incomplete)) return [];
    const needing = new Map<string, string[]>();
    for (const s of site.servers) {
      const features = baseFeaturesOf(s.type);
      if (features.length > 0) needing.set(s.id, [...(needing.get(s.id) ?? []), ...features]);
    }
    if (needing.size === 0) return [];
    const licensed = new Set<string>();
    for (const [activationId, uses] of group.assignments) {
      for (const { assignment, plan } of uses) {
        if (assignment.targetKind !== 'server' || assignment.target === undefined || licensed.has(assignment.target)) continue;
        const feature = group.productFor(plan, activationId)?.product.feature;
        if (feature !== undefined && needing.get(assignment.target)?.includes(feature)) licensed.add(assignment.target);
      }
    }
    const lookup = ctx.lookup(site);
    const out: Diagnostic[] = [];
    for (const s of site.servers) {
      const features = baseFeaturesOf(s.type);
      const at = s.at.id;
      if (features.length === 0 || !at || licensed.has(s.id)) continue;
      const feature = suggestedBase(s, lookup, features);
      out.push(
        diagnostic(
          'BMS050',
          site.uri,
          at,
          t("{0} '{1}' has no base license ({2}) in any plan for site '{3}': it will show a license violation. Assign one to it in the plan.", typeName(s.type), s.id, orList(features), String(site.name)),
          { data: { feature, server: s.id, plan: group.plans[0].uri } },
        ),
      );
    }
    return out;
  },
};

function suggestedBase(s: Server, lookup: SiteLookup, features: string[]): string {
  if (s.type === 'enterprise-server') return lookup.underEnterpriseCentral(s) ? 'server.ec.es' : 'server.enterprise.base';
  return features[0];
}
