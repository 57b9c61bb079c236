// BMS021–BMS023: an entitlement product cannot be handed out more than it holds, twice to one target,
// or (a local license) to more than one computer.
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Assignment, LicensePlan, Product } from '../model';
import { productsOf } from '../model';
import type { PlanGroup, PlannedAssignment } from './lookup';
import type { PlanRule } from './rule';
import { assignments, t } from '../l10n';

const draws = new WeakMap<PlanGroup, Map<string, Map<Product, PlannedAssignment[]>>>();

/** Assignments, across the site's plans, that draw on this product (sorted by product once per activation id and group). */
function drawsOn(group: PlanGroup, product: Product): PlannedAssignment[] {
  let byId = draws.get(group);
  if (!byId) draws.set(group, (byId = new Map()));
  let byProduct = byId.get(product.activationId);
  if (!byProduct) {
    byId.set(product.activationId, (byProduct = new Map()));
    for (const x of group.assignments.get(product.activationId) ?? []) {
      const p = group.productFor(x.plan, product.activationId)?.product;
      if (!p) continue;
      const list = byProduct.get(p);
      if (list) list.push(x);
      else byProduct.set(p, [x]);
    }
  }
  return byProduct.get(product) ?? [];
}

/** Per group (one per validation pass), a finding list by plan, worked out once for all the site's plans: 1,000 plans stay linear. */
function perGroup<T>(memo: WeakMap<PlanGroup, Map<LicensePlan, T[]>>, group: PlanGroup, find: (add: (plan: LicensePlan, t: T) => void) => void): Map<LicensePlan, T[]> {
  let byPlan = memo.get(group);
  if (!byPlan) {
    const m = new Map<LicensePlan, T[]>();
    find((plan, t) => {
      const list = m.get(plan);
      if (list) list.push(t);
      else m.set(plan, [t]);
    });
    memo.set(group, (byPlan = m));
  }
  return byPlan;
}

const quantityOf = (a: Assignment) => a.quantity ?? 1;
const assignmentSpan = (a: Assignment) => a.span;

export const overAllocation: PlanRule = {
  codes: ['BMS021'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const group = ctx.planGroup(plan);
    const out: Diagnostic[] = [];
    for (const product of productsOf(plan)) {
      const at = product.at.quantity;
      if (product.quantity === undefined || !at) continue;
      const uses = drawsOn(group, product);
      const total = uses.reduce((n, x) => n + quantityOf(x.assignment), 0);
      if (total <= product.quantity) continue;
      out.push(
        diagnostic(
          'BMS021',
          plan.uri,
          at,
          t('{0} holds {1} but the plan assigns {2} ({3}). Lower the assigned quantities, or get the quantity raised on the entitlement and update it here.', product.activationId, product.quantity, total, assignments(uses.length)),
          {
            related: uses.map((x) => ({
              uri: x.plan.uri,
              span: x.assignment.at.quantity ?? x.assignment.span,
              message: t("assigns {0} of {1} to '{2}'", quantityOf(x.assignment), product.activationId, x.assignment.target ?? '?'),
            })),
            data: { assigned: total, quantity: product.quantity },
          },
        ),
      );
    }
    return out;
  },
};

const targetKey = (a: Assignment) => (a.targetKind && a.target !== undefined ? `${a.targetKind}:${a.target}` : undefined);

export const duplicateActivation: PlanRule = {
  codes: ['BMS022'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const out: Diagnostic[] = [];
    for (const { x, before } of secondActivations(ctx.planGroup(plan)).get(plan) ?? []) {
      const a = x.assignment;
      out.push(
        diagnostic(
          'BMS022',
          plan.uri,
          assignmentSpan(a),
          t("{0} is already assigned to '{1}': a license is activated once per target, and a second activation is refused. Merge the two assignments into one with the total quantity.", String(a.activationId), String(a.target)),
          { related: [{ uri: before.plan.uri, span: assignmentSpan(before.assignment), message: t("first assignment of {0} to '{1}'", String(a.activationId), String(a.target)) }] },
        ),
      );
    }
    return out;
  },
};

const seconds = new WeakMap<PlanGroup, Map<LicensePlan, { x: PlannedAssignment; before: PlannedAssignment }[]>>();

/** Every assignment of an activation id to a target that an earlier assignment (any plan of the site) already has. */
function secondActivations(group: PlanGroup) {
  return perGroup(seconds, group, (add) => {
    for (const [, uses] of group.assignments) {
      const first = new Map<string, PlannedAssignment>();
      for (const x of uses) {
        const key = targetKey(x.assignment);
        if (key === undefined) continue;
        const before = first.get(key);
        if (before) add(x.plan, { x, before });
        else first.set(key, x);
      }
    }
  });
}

export const localOnOneComputer: PlanRule = {
  codes: ['BMS023'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const out: Diagnostic[] = [];
    for (const { product, x, first } of otherComputers(ctx.planGroup(plan)).get(plan) ?? []) {
      out.push(
        diagnostic(
          'BMS023',
          plan.uri,
          assignmentSpan(x.assignment),
          t("{0} is a local license, bound to one computer, and is already assigned to '{1}'. Plan another local license for '{2}', or use network seats on a License Server.", product.activationId, String(first.assignment.target), String(x.assignment.target)),
          { related: [{ uri: first.plan.uri, span: assignmentSpan(first.assignment), message: t("{0} is bound to '{1}' here", product.activationId, String(first.assignment.target)) }] },
        ),
      );
    }
    return out;
  },
};

const others = new WeakMap<PlanGroup, Map<LicensePlan, { product: Product; x: PlannedAssignment; first: PlannedAssignment }[]>>();

/** For each local product of the site, the first assignment of it to each computer after the first computer. */
function otherComputers(group: PlanGroup) {
  return perGroup(others, group, (add) => {
    for (const { product } of [...group.products.values()].flat()) {
      if (product.licenseType !== 'local') continue;
      const uses = drawsOn(group, product).filter((x) => targetKey(x.assignment) !== undefined);
      const first = uses[0];
      if (!first) continue;
      const firstKey = targetKey(first.assignment);
      const reported = new Set<string>();
      for (const x of uses) {
        const key = targetKey(x.assignment)!;
        if (key === firstKey || reported.has(key)) continue;
        reported.add(key);
        add(x.plan, { product, x, first });
      }
    }
  });
}
