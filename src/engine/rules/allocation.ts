// BMS021–BMS023: an entitlement product cannot be handed out more than it holds, twice to one target,
// or (a local license) to more than one computer.
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Assignment, Product } from '../model';
import { productsOf } from '../model';
import type { PlanGroup, PlannedAssignment } from './lookup';
import type { PlanRule } from './rule';
import { plural } from './words';

/** Assignments, across the site's plans, that draw on this product. */
function drawsOn(group: PlanGroup, product: Product): PlannedAssignment[] {
  return (group.assignments.get(product.activationId) ?? []).filter((x) => group.productFor(x.plan, product.activationId)?.product === product);
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
          `${product.activationId} holds ${product.quantity} but the plan assigns ${total} (${plural(uses.length, 'assignment')}). Lower the assigned quantities, or get the quantity raised on the entitlement and update it here.`,
          {
            related: uses.map((x) => ({
              uri: x.plan.uri,
              span: x.assignment.at.quantity ?? x.assignment.span,
              message: `assigns ${quantityOf(x.assignment)} of ${product.activationId} to '${x.assignment.target ?? '?'}'`,
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
    const group = ctx.planGroup(plan);
    const out: Diagnostic[] = [];
    for (const [, uses] of group.assignments) {
      const first = new Map<string, PlannedAssignment>();
      for (const x of uses) {
        const key = targetKey(x.assignment);
        if (key === undefined) continue;
        const before = first.get(key);
        if (!before) {
          first.set(key, x);
          continue;
        }
        if (x.plan !== plan) continue;
        const a = x.assignment;
        out.push(
          diagnostic(
            'BMS022',
            plan.uri,
            assignmentSpan(a),
            `${a.activationId} is already assigned to '${a.target}': a license is activated once per target, and a second activation is refused. Merge the two assignments into one with the total quantity.`,
            { related: [{ uri: before.plan.uri, span: assignmentSpan(before.assignment), message: `first assignment of ${a.activationId} to '${a.target}'` }] },
          ),
        );
      }
    }
    return out;
  },
};

export const localOnOneComputer: PlanRule = {
  codes: ['BMS023'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const group = ctx.planGroup(plan);
    const out: Diagnostic[] = [];
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
        if (x.plan !== plan) continue;
        out.push(
          diagnostic(
            'BMS023',
            plan.uri,
            assignmentSpan(x.assignment),
            `${product.activationId} is a local license, bound to one computer, and is already assigned to '${first.assignment.target}'. Plan another local license for '${x.assignment.target}', or use network seats on a License Server.`,
            { related: [{ uri: first.plan.uri, span: assignmentSpan(first.assignment), message: `${product.activationId} is bound to '${first.assignment.target}' here` }] },
          ),
        );
      }
    }
    return out;
  },
};
