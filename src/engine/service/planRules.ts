// The plan rules for the editor: the rules that judge one assignment at a time keep their results for
// every assignment an edit did not touch, as long as the site and the entitlements stay the same.
import type { Diagnostic } from '../diagnostics';
import type { Assignment, LicensePlan, Span } from '../model';
import { PLAN_RULES, type RuleContext } from '../rules';
import { applicability } from '../rules/applicability';
import { activationIds, assignmentTargets } from '../rules/references';
import type { PlanGroup } from '../rules/lookup';
import type { PlanRule } from '../rules/rule';

/** Rules whose findings about an assignment depend only on it, the site and the plans' products. */
const PER_ASSIGNMENT: readonly PlanRule[] = [assignmentTargets, activationIds, applicability];
const WHOLE_PLAN: readonly PlanRule[] = PLAN_RULES.filter((r) => !PER_ASSIGNMENT.includes(r));

interface Found {
  d: Diagnostic;
  /** Offset from the assignment's start, so the finding moves with the assignment. */
  rel: number;
  length: number;
}

export class PlanRules {
  /** Per plan uri: what the cached findings were computed against, and its version. */
  private readonly inputs = new Map<string, { inputs: unknown[]; version: number }>();
  /** Assignment objects survive an edit that does not touch their text (see parsedFile.ts). */
  private readonly found = new WeakMap<Assignment, { uri: string; version: number; found: Found[] }>();
  /** Per site name, the last inputs seen: plans of one group share one array, compared once per pass, not once per plan. */
  private readonly lastInputs = new Map<string, unknown[]>();
  private readonly groupInputs = new WeakMap<PlanGroup, unknown[]>();

  check(plan: LicensePlan, ctx: RuleContext): Diagnostic[] {
    const out = run(WHOLE_PLAN, plan, ctx);
    // Built before the assignments are narrowed below: the group must see all of them.
    const inputs = this.inputsOf(plan, ctx);
    let state = this.inputs.get(plan.uri);
    if (!state || (state.inputs !== inputs && !sameItems(state.inputs, inputs))) {
      state = { inputs, version: (state?.version ?? 0) + 1 };
      this.inputs.set(plan.uri, state);
    }
    const todo: Assignment[] = [];
    for (const a of plan.assignments) {
      const cached = this.found.get(a);
      if (!cached || cached.uri !== plan.uri || cached.version !== state.version) {
        todo.push(a);
        continue;
      }
      for (const f of cached.found) out.push({ ...f.d, span: { start: a.span.start + f.rel, end: a.span.start + f.rel + f.length } });
    }
    if (todo.length === 0) return out;
    const all = plan.assignments;
    let fresh: Diagnostic[];
    plan.assignments = todo;
    try {
      fresh = run(PER_ASSIGNMENT, plan, ctx);
    } finally {
      plan.assignments = all;
    }
    out.push(...fresh);
    this.remember(plan.uri, state.version, todo, fresh);
    return out;
  }

  /** What a plan's cached findings depend on: its site and every plan's entitlements in its group. */
  private inputsOf(plan: LicensePlan, ctx: RuleContext): unknown[] {
    const group = ctx.planGroup(plan);
    let inputs = this.groupInputs.get(group);
    if (inputs) return inputs;
    inputs = [ctx.siteOf(plan), ...group.plans.flatMap((p) => [p.uri, ...p.entitlements])];
    if (plan.site !== undefined) {
      const last = this.lastInputs.get(plan.site);
      if (last && sameItems(last, inputs)) inputs = last;
      else this.lastInputs.set(plan.site, inputs);
      this.groupInputs.set(group, inputs);
    }
    return inputs;
  }

  private remember(uri: string, version: number, todo: Assignment[], fresh: Diagnostic[]): void {
    const byAssignment = new Map<Assignment, Found[]>(todo.map((a) => [a, []]));
    for (const d of fresh) {
      const a = d.related?.length ? undefined : owner(todo, d.span);
      if (!a) return; // a finding outside one assignment: keep nothing, the next pass recomputes
      byAssignment.get(a)!.push({ d, rel: d.span.start - a.span.start, length: d.span.end - d.span.start });
    }
    for (const [a, found] of byAssignment) this.found.set(a, { uri, version, found });
  }
}

function sameItems(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The assignment (in file order) whose span holds `span`. */
function owner(list: Assignment[], span: Span): Assignment | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid].span.start <= span.start) lo = mid;
    else hi = mid - 1;
  }
  const a = list[lo];
  return a && a.span.start <= span.start && span.end <= a.span.end ? a : undefined;
}

/** Runs rules so that one that throws (a bug) cannot hide the others' findings. */
function run(rules: readonly PlanRule[], plan: LicensePlan, ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    try {
      out.push(...rule.check(plan, ctx));
    } catch {
      // reported by the CLI's validate run; the editor keeps the other rules' findings
    }
  }
  return out;
}
