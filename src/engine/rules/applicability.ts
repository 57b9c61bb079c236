// BMS020 and BMS070: a license goes only on the kind of target it applies to (Device Administrator refuses
// the rest); a feature the catalog does not know needs `appliesTo`, or applicability goes unchecked.
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Assignment, LicenseType, Product } from '../model';
import { productsOf } from '../model';
import { applicableTargets, catalogFeature, eraOf, LICENSE_SERVER, namesClients } from './catalog';
import type { SiteLookup } from './lookup';
import type { PlanRule } from './rule';
import { nodeName, typeName, typeNames } from './words';

export const applicability: PlanRule = {
  codes: ['BMS020'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const site = ctx.siteOf(plan);
    if (!site) return [];
    const lookup = ctx.lookup(site);
    const group = ctx.planGroup(plan);
    const out: Diagnostic[] = [];
    for (const a of plan.assignments) {
      const at = a.at.activationId;
      const product = group.productFor(plan, a.activationId)?.product;
      if (!at || !product) continue;
      const why = notApplicable(a, product, lookup, site.version);
      if (why) out.push(diagnostic('BMS020', plan.uri, at, why, { data: { targetType: lookup.targetType(a) } }));
    }
    return out;
  },
};

/** Why the product cannot go on the assignment's target, or undefined when it can (or cannot be told). */
function notApplicable(a: Assignment, product: Product, lookup: SiteLookup, version: string | undefined): string | undefined {
  const target = lookup.target(a);
  const type = lookup.targetType(a);
  const targets = applicableTargets(product, version);
  if (!target || type === undefined || !targets) return undefined;
  const what = `${product.activationId}${product.feature ? ` (${product.feature})` : ''}`;
  const entry = product.appliesTo ? undefined : catalogFeature(product.feature);
  if (!targets.includes(type)) {
    const era = entry ? eraOf(entry, version) : undefined;
    if (era?.appliesTo && !era.appliesTo.includes(type) && entry!.appliesTo.includes(type)) {
      return `${what} does not apply to ${nodeName(target)} on EBO ${version}: ${era.rule}. Assign it to ${typeNames(targets)}, or check spec.version in the site file.`;
    }
    if ((entry && entry.appliesTo.includes(type)) || (namesClients(product) && product.appliesTo!.includes(type))) return wrongLicenseType(what, product, type, targets);
    return `${what} does not apply to ${nodeName(target)}: it goes on ${typeNames(targets)}. Device Administrator would refuse this assignment; assign it to a matching target or check the activation id.`;
  }
  if (entry?.underEnterpriseCentral && target.kind === 'server' && !lookup.underEnterpriseCentral(target.node)) {
    return `${what} is the Enterprise Server license of a system under an Enterprise Central, and ${nodeName(target)} has no Enterprise Central above it. Use a server.enterprise.base license, or place the server under its Enterprise Central in the site file.`;
  }
  return undefined;
}

function wrongLicenseType(what: string, product: Product, type: string, targets: readonly string[]): string {
  const lt = product.licenseType as LicenseType;
  if (targets.length === 1 && targets[0] === LICENSE_SERVER) {
    return `${what} is a ${lt} license: its seats are served by a License Server, not installed on a ${typeName(type)}. Assign it with 'licenseServer:', or plan a local license for this computer.`;
  }
  return `${what} is a ${lt} license, which goes on ${typeNames(targets)}, not on a ${typeName(type)}. Assign it to a matching target, or change its license type.`;
}

export const uncataloguedFeatures: PlanRule = {
  codes: ['BMS070'],
  kind: 'LicensePlan',
  check(plan) {
    const out: Diagnostic[] = [];
    for (const p of productsOf(plan)) {
      const at = p.at.feature;
      if (!at || p.feature === undefined || p.appliesTo || catalogFeature(p.feature)) continue;
      out.push(
        diagnostic(
          'BMS070',
          plan.uri,
          at,
          `'${p.feature}' is not in the built-in feature catalog, so where it may be assigned is not checked. Add 'appliesTo' with the target types (e.g. [enterprise-server]) to have it checked.`,
        ),
      );
    }
    return out;
  },
};
