// The plan rules for the editor: a pass re-judges only the assignments (and products) of the activation
// ids an edit touched, of the site ids it changed, and of the ids that had findings (buckets.ts);
// the rest had no finding and still has none. Equal to a whole pass by construction (test/lsp).
import type { Diagnostic } from '../../diagnostics';
import type { Assignment, LicensePlan, Product, Span } from '../../model';
import { productsOf } from '../../model';
import { PLAN_RULES, type RuleContext, type RuleFailure } from '..';
import { PlanGroup } from '../lookup';
import { planSite } from '../references';
import { repairBudget } from '../repairs';
import type { PlanRule } from '../rule';
import { narrowedPlans, NarrowedContext } from './narrowed';
import { bucketOf, GroupBuckets } from './buckets';

/** Rules that judge the plan as a whole (its site) or per target (BMS061): run on the whole plan, cheap. */
const WHOLE: readonly PlanRule[] = [planSite, repairBudget];
const BY_BUCKET: readonly PlanRule[] = PLAN_RULES.filter((r) => !WHOLE.includes(r));

/** One plan's findings in a group's pass, and the rules that threw on it. */
interface PlanFindings {
  diagnostics: Diagnostic[];
  failures: RuleFailure[];
}

export class PlanRules {
  /** Per site name (or plan uri for a plan without one): what the last pass saw. */
  private readonly groups = new Map<string, GroupBuckets>();
  /** Per pass and group: every plan's findings, worked out once for all the plans of the group. */
  private readonly passes = new WeakMap<RuleContext, Map<string, Map<LicensePlan, PlanFindings>>>();

  check(plan: LicensePlan, ctx: RuleContext, failures?: RuleFailure[]): Diagnostic[] {
    const key = plan.site === undefined ? `uri:${plan.uri}` : `site:${plan.site}`;
    let passes = this.passes.get(ctx);
    if (!passes) this.passes.set(ctx, (passes = new Map()));
    let pass = passes.get(key);
    if (!pass) passes.set(key, (pass = this.pass(key, plan.site === undefined ? [plan] : ctx.index.plansFor(plan.site), ctx)));
    const found = pass.get(plan);
    // A rule that threw in the group's pass threw for this plan: reported with this plan's check, once.
    if (found && failures) for (const f of found.failures) failures.push(f);
    return [...run(WHOLE, plan, ctx, failures), ...(found?.diagnostics ?? run(BY_BUCKET, plan, ctx, failures))];
  }

  private pass(key: string, plans: LicensePlan[], ctx: RuleContext): Map<LicensePlan, PlanFindings> {
    let buckets = this.groups.get(key);
    if (!buckets) this.groups.set(key, (buckets = new GroupBuckets()));
    const site = ctx.siteOf(plans[0]);
    const dirty = buckets.dirty(plans, site, site && ctx.lookup(site), ctx);
    const out = new Map<LicensePlan, PlanFindings>();
    const found = new Set<string>();
    let placed = true;
    const views = dirty === 'all' ? plans : narrowedPlans(plans, (_p, j) => buckets.assignmentsOf(j, dirty));
    const narrowed = dirty === 'all' ? ctx : new NarrowedContext(ctx, new PlanGroup(views));
    views.forEach((view, j) => {
      const failures: RuleFailure[] = [];
      const ds = run(BY_BUCKET, view, narrowed, failures);
      out.set(plans[j], { diagnostics: ds, failures: failures.map((f) => ({ ...f, uri: plans[j].uri })) });
      const products = ds.length ? productsOf(view) : [];
      for (const d of ds) {
        const b = bucketAt(view.assignments, products, d.span);
        if (b === undefined) placed = false;
        else found.add(b);
      }
    });
    buckets.foundIn(placed ? found : undefined);
    return out;
  }
}

/** The bucket of the assignment or product (in file order in the plan) whose span holds `span`. */
function bucketAt(assignments: Assignment[], products: Product[], span: Span): string | undefined {
  const a = holder(assignments, span);
  if (a) return bucketOf(a.activationId);
  const p = holder(products, span);
  return p && bucketOf(p.activationId);
}

function holder<T extends { span: Span }>(list: T[], span: Span): T | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid].span.start <= span.start) lo = mid;
    else hi = mid - 1;
  }
  const x = list[lo];
  return x && x.span.start <= span.start && span.end <= x.span.end ? x : undefined;
}

/** Runs rules so that one that throws (a bug) cannot hide the others' findings; it goes to `failures`, to be logged. */
function run(rules: readonly PlanRule[], plan: LicensePlan, ctx: RuleContext, failures?: RuleFailure[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    try {
      out.push(...rule.check(plan, ctx));
    } catch (error) {
      failures?.push({ codes: rule.codes, uri: plan.uri, error });
    }
  }
  return out;
}
