// The simulator's rules on its state: what an activation must pass, and the look-ups the operations share.
import type { SimState, SimTransaction } from './simulatorState';
import type { ActivationTransaction, LasError, LasErrorCode, LasTarget, LicenseLine } from './types';

export function checkActivation(s: SimState, target: LasTarget, line: LicenseLine, all: LicenseLine[]): LasError | undefined {
  const id = line.activationId;
  const product = s.products[id];
  if (!product) return err('unknown-activation-id', `The LAS knows no activation id '${id}': check the entitlement e-mail and the plan.`);
  if (!Number.isInteger(line.quantity) || line.quantity < 1) return err('bad-request', `Quantity of '${id}' must be a whole number of 1 or more.`);
  if (all.filter((l) => l.activationId === id).length > 1) return err('duplicate-activation', `'${id}' appears twice in one activation: activate it once with the total quantity.`);
  if (product.appliesTo.length > 0 && !product.appliesTo.includes(target.type)) {
    return err('not-applicable', `'${id}'${product.feature ? ` (${product.feature})` : ''} does not apply to '${target.id}' of type ${target.type}; it applies to ${product.appliesTo.join(', ')}.`);
  }
  const onTarget = s.transactions.filter((t) => t.site === target.site && t.target === target.id && t.lines.some((l) => l.activationId === id));
  if (onTarget.some((t) => t.status === 'active' || t.status === 'broken')) {
    return err('duplicate-activation', `'${id}' is already active on '${target.id}': return it first, or reclaim to change its quantity.`);
  }
  const pending = s.transactions.find((t) => t.status === 'return-pending' && t.lines.some((l) => l.activationId === id));
  if (pending) {
    return err('return-unconfirmed', `'${id}' was returned offline from '${pending.target}' (transaction ${pending.transaction}) and cannot be activated until that return is confirmed on the LAS.`);
  }
  const left = product.quantity - usedQuantity(s, id);
  if (line.quantity > left) return err('over-quantity', `Entitlement ${product.entitlementId} has ${left} of '${id}' left, ${line.quantity} asked.`);
  return undefined;
}

export function err(code: LasErrorCode, message: string): LasError {
  return { code, message };
}

export function checkTarget(t: LasTarget): LasError | undefined {
  if (!t || !t.site || !t.id || !t.type) return err('bad-request', 'A target needs a site, an id and a type.');
  return undefined;
}

export function findTx(s: SimState, target: LasTarget, transaction: string): SimTransaction | undefined {
  return s.transactions.find((t) => t.transaction === transaction && t.site === target.site && t.target === target.id);
}

/** Licenses of an activation id held anywhere: active, broken, or returned offline but not confirmed. */
export function usedQuantity(s: SimState, activationId: string): number {
  let used = 0;
  for (const t of s.transactions) {
    if (t.status === 'returned') continue;
    for (const l of t.lines) if (l.activationId === activationId) used += l.quantity;
  }
  return used;
}

export function repairDates(s: SimState, target: LasTarget): string[] {
  return s.repairs.filter((r) => r.site === target.site && r.target === target.id).map((r) => r.at);
}

export function plainLine(l: LicenseLine): LicenseLine {
  return { activationId: l.activationId, quantity: l.quantity };
}

export function view(t: SimTransaction): ActivationTransaction {
  return { transaction: t.transaction, site: t.site, target: t.target, lines: t.lines.map(plainLine), at: t.at };
}
