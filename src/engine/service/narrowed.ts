// A rule pass over part of a site's plans: the rules see the assignments of some buckets only (with
// every product), so their findings are those of a whole pass about those assignments and products.
import type { Assignment, LicensePlan, Site } from '../model';
import { baseFeaturesOf, RuleContext } from '../rules';
import { PlanGroup } from '../rules/lookup';
import { LiveRuleContext } from './ruleContext';

/** `base`'s options and site lookups, with `group` as every plan group it is asked for. */
export class NarrowedContext extends LiveRuleContext {
  constructor(
    base: RuleContext,
    private readonly group: PlanGroup,
  ) {
    super(base.index, { today: base.today, expiryWarningDays: base.expiryWarningDays(), repairsOf: base.repairsOf, repairedTargets: base.repairedTargets, usageOf: base.usageOf, licensesLogOf: base.licensesLogOf });
  }

  override plansForSite(): PlanGroup {
    return this.group;
  }
}

/** Each plan with only the assignments `keep` selects (same settings and products). */
export function narrowedPlans(plans: LicensePlan[], keep: (plan: LicensePlan, j: number) => LicensePlan['assignments']): LicensePlan[] {
  return plans.map((p, j) => ({ ...p, assignments: keep(p, j) }));
}

const memo = new WeakMap<RuleContext, Map<Site, RuleContext>>();
/** Per site, the servers that take a base license. */
const basedOf = new WeakMap<Site, Set<string>>();

/**
 * The context for a Site's rules: its plans narrowed to the assignments of servers that take a base
 * license (BMS050 looks at nothing else), instead of a lookup of all 10,000 assignments per pass.
 */
export function siteRulesContext(site: Site, ctx: RuleContext): RuleContext {
  let bySite = memo.get(ctx);
  if (!bySite) memo.set(ctx, (bySite = new Map()));
  let narrowed = bySite.get(site);
  if (narrowed) return narrowed;
  let based = basedOf.get(site);
  if (!based) basedOf.set(site, (based = new Set(site.servers.filter((s) => baseFeaturesOf(s.type).length > 0).map((s) => s.id))));
  const plans = site.name ? ctx.index.plansFor(site.name) : [];
  const views = narrowedPlans(plans, (p) => basedAssignments(site, based!, p));
  narrowed = new NarrowedContext(ctx, new PlanGroup(views));
  bySite.set(site, narrowed);
  return narrowed;
}

/** Per site and plan uri: the plan's assignments at the last pass, and which of them went to a based server. */
const keptOf = new WeakMap<Site, Map<string, { all: readonly Assignment[]; kept: Uint8Array }>>();

/**
 * The plan's assignments to servers in `based`. An edit leaves the assignments before and after it the
 * same objects (parsedFile.ts): only the run between is looked at again, not all 10,000 on each keystroke.
 */
function basedAssignments(site: Site, based: Set<string>, plan: LicensePlan): Assignment[] {
  let byUri = keptOf.get(site);
  if (!byUri) keptOf.set(site, (byUri = new Map()));
  const all = plan.assignments;
  const last = byUri.get(plan.uri);
  const kept = new Uint8Array(all.length);
  let start = 0;
  let end = 0;
  if (last) {
    const max = Math.min(all.length, last.all.length);
    while (start < max && all[start] === last.all[start]) kept[start] = last.kept[start++];
    while (end < max - start && all[all.length - 1 - end] === last.all[last.all.length - 1 - end]) {
      kept[all.length - 1 - end] = last.kept[last.all.length - 1 - end];
      end++;
    }
  }
  for (let i = start; i < all.length - end; i++) {
    const a = all[i];
    kept[i] = a.targetKind === 'server' && a.target !== undefined && based.has(a.target) ? 1 : 0;
  }
  byUri.set(plan.uri, { all, kept });
  const out: Assignment[] = [];
  for (let i = 0; i < all.length; i++) if (kept[i]) out.push(all[i]);
  return out;
}
