// A rule pass over part of a site's plans: the rules see the assignments of some buckets only (with
// every product), so their findings are those of a whole pass about those assignments and products.
import type { Assignment, LicensePlan, Site } from '../../model';
import { baseFeaturesOf, RuleContext } from '..';
import { PlanGroup } from '../lookup';
import { siteRequirements } from '../required';
import { LiveRuleContext } from './keptLookups';

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
/** Per site, the servers whose assignments the Site rules read. */
const readOf = new WeakMap<Site, Set<string>>();

/**
 * The servers whose assignments a Site rule reads: those that take a base license (BMS050) and those whose
 * own description requires licenses (BMS053: attach and connected-devices). Every other assignment is
 * left out of the Site rules' pass; a Site rule that reads another server's assignments must add it here.
 */
export function serversSiteRulesRead(site: Site): Set<string> {
  let read = readOf.get(site);
  if (!read) {
    read = new Set(site.servers.filter((s) => baseFeaturesOf(s.type).length > 0).map((s) => s.id));
    for (const r of siteRequirements(site)) read.add(r.server);
    readOf.set(site, read);
  }
  return read;
}

/**
 * The context for a Site's rules: its plans narrowed to the assignments of the servers the Site rules
 * read (serversSiteRulesRead), instead of a lookup of all 10,000 assignments per pass.
 */
export function siteRulesContext(site: Site, ctx: RuleContext): RuleContext {
  let bySite = memo.get(ctx);
  if (!bySite) memo.set(ctx, (bySite = new Map()));
  let narrowed = bySite.get(site);
  if (narrowed) return narrowed;
  const read = serversSiteRulesRead(site);
  const plans = site.name ? ctx.index.plansFor(site.name) : [];
  const views = narrowedPlans(plans, (p) => readAssignments(site, read, p));
  narrowed = new NarrowedContext(ctx, new PlanGroup(views));
  bySite.set(site, narrowed);
  return narrowed;
}

/** Per site and plan uri: the plan's assignments at the last pass, and which of them went to a server the rules read. */
const keptOf = new WeakMap<Site, Map<string, { all: readonly Assignment[]; kept: Uint8Array }>>();

/**
 * The plan's assignments to servers in `read`. An edit leaves the assignments before and after it the
 * same objects (load/incremental/incrementalParser.ts): only the run between is looked at again, not all 10,000 on each keystroke.
 */
function readAssignments(site: Site, read: Set<string>, plan: LicensePlan): Assignment[] {
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
    kept[i] = a.targetKind === 'server' && a.target !== undefined && read.has(a.target) ? 1 : 0;
  }
  byUri.set(plan.uri, { all, kept });
  const out: Assignment[] = [];
  for (let i = 0; i < all.length; i++) if (kept[i]) out.push(all[i]);
  return out;
}
