// Which activation ids an edit touched across the plans of one site. Every plan rule's finding about an
// assignment or a product depends only on the assignments and products of its activation id (its
// "bucket"), the site's node it names and the plan's settings; so a pass re-judges only the buckets an
// edit touched and those that had findings, the others had none and still have none.
import { productsOf, type Assignment, type LicensePlan, type Product, type Site } from '../../model';
import type { RuleContext } from '..';
import { localDayNumber } from '../../calendar';
import type { SiteLookup } from '../lookup';

export const bucketOf = (activationId: string | undefined): string => activationId ?? '\u0000';

interface PlanState {
  /** What the plan's settings were: a change re-judges everything. */
  settings: string;
  assignments: readonly Assignment[];
  products: readonly Product[];
  byBucket: Map<string, Set<Assignment>>;
  /** Per bucket, how many of its assignments go to a License Server. */
  licenseServerBuckets: Map<string, number>;
}

export class GroupBuckets {
  private plans: PlanState[] = [];
  private site: Site | undefined;
  private nodes = new Map<string, string>();
  private siteSettings = '';
  private options = '';
  /** Buckets that had a finding in the last pass, or 'all' when a finding could not be placed in one. */
  private found: Set<string> | 'all' = 'all';

  /** The buckets to re-judge in this pass ('all' on the first pass and on a change of settings). */
  dirty(plans: LicensePlan[], site: Site | undefined, lookup: SiteLookup | undefined, ctx: RuleContext): Set<string> | 'all' {
    const options = `${localDayNumber(ctx.today)}|${ctx.expiryWarningDays()}`;
    const settings = plans.map((p) => `${p.uri}|${p.site}|${p.stage}|${p.expiryWarningDays}`);
    const siteSettings = site ? `${site.uri}|${site.name}|${site.connectivity}|${site.version}` : '';
    const targets = this.changedTargets(site, lookup);
    let all = this.found === 'all' || options !== this.options || siteSettings !== this.siteSettings || targets === 'all' || plans.length !== this.plans.length;
    all ||= settings.some((s, j) => s !== this.plans[j].settings);
    this.options = options;
    this.siteSettings = siteSettings;
    if (all) this.plans = plans.map((_, j) => ({ settings: settings[j], assignments: [], products: [], byBucket: new Map(), licenseServerBuckets: new Map() }));
    const dirty = new Set<string>(all ? [] : (this.found as Set<string>));
    plans.forEach((p, j) => this.diff(p, this.plans[j], dirty, targets === 'all' ? undefined : targets));
    return all ? 'all' : dirty;
  }

  /** Plan `j`'s assignments of the given buckets, in file order. */
  assignmentsOf(j: number, buckets: Set<string>): Assignment[] {
    const out: Assignment[] = [];
    for (const b of buckets) for (const a of this.plans[j].byBucket.get(b) ?? []) out.push(a);
    return out.sort((x, y) => x.span.start - y.span.start);
  }

  /** Records which buckets the findings of this pass fell in (undefined: a finding outside any one). */
  foundIn(buckets: Set<string> | undefined): void {
    this.found = buckets ?? 'all';
  }

  /** Ids of the site whose node changed in a way the plan rules see, or 'all' when the site came or went. */
  private changedTargets(site: Site | undefined, lookup: SiteLookup | undefined): Set<string> | 'all' | undefined {
    if (site === this.site) return undefined;
    const before = this.site;
    const nodes = new Map<string, string>();
    if (lookup) {
      for (const [id, n] of lookup.nodes) {
        const under = n.kind === 'server' ? lookup.underEnterpriseCentral(n.node) : '';
        nodes.set(id, `${n.kind}|${n.kind === 'licenseServer' ? n.node.address : n.node.type}|${under}`);
      }
    }
    const previous = this.nodes;
    this.site = site;
    this.nodes = nodes;
    if (!before || !site) return 'all';
    const changed = new Set<string>();
    for (const [id, sig] of nodes) if (previous.get(id) !== sig) changed.add(id);
    for (const id of previous.keys()) if (!nodes.has(id)) changed.add(id);
    return changed;
  }

  /** What changed since the last pass, found by position (an edit changes a run of items, the rest stay the same objects). */
  private diff(plan: LicensePlan, state: PlanState, dirty: Set<string>, targets: Set<string> | undefined): void {
    const [removed, added] = middles(state.assignments, plan.assignments);
    for (const a of removed) {
      const b = bucketOf(a.activationId);
      dirty.add(b);
      state.byBucket.get(b)?.delete(a);
      if (a.targetKind === 'licenseServer') state.licenseServerBuckets.set(b, (state.licenseServerBuckets.get(b) ?? 1) - 1);
    }
    for (const a of added) {
      const b = bucketOf(a.activationId);
      dirty.add(b);
      let members = state.byBucket.get(b);
      if (!members) state.byBucket.set(b, (members = new Set()));
      members.add(a);
      if (a.targetKind === 'licenseServer') state.licenseServerBuckets.set(b, (state.licenseServerBuckets.get(b) ?? 0) + 1);
    }
    state.assignments = plan.assignments;
    // Usage findings (BMS080/081) add up a License Server's assignments: they are always re-judged.
    for (const [b, n] of state.licenseServerBuckets) if (n > 0) dirty.add(b);
    if (targets?.size) for (const a of plan.assignments) if (a.target !== undefined && targets.has(a.target)) dirty.add(bucketOf(a.activationId));
    const products = productsOf(plan);
    const [gone, come] = middles(state.products, products);
    for (const p of [...gone, ...come]) dirty.add(bucketOf(p.activationId));
    state.products = products;
  }
}

/** The differing middles of two lists (after their common start and end, by identity): what went, what came. */
function middles<T>(before: readonly T[], after: readonly T[]): [T[], T[]] {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [before.slice(start, before.length - end), after.slice(start, after.length - end)];
}
