// BMS020 and BMS070: a license goes only on the kind of target it applies to (Device Administrator refuses
// the rest); a feature the catalog does not know needs `appliesTo`, or applicability goes unchecked.
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Assignment, LicenseType, Product } from '../model';
import { productsOf, versionLabel } from '../model';
import { applicableTargets, catalogFeature, eraOf, LICENSE_SERVER, namesClients } from './catalog';
import type { SiteLookup } from './lookup';
import type { PlanRule } from './rule';
import { nodeName, typeName, typeNames } from './words';
import { t } from '../l10n';

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
  const entry = product.appliesTo ? undefined : catalogFeature(product.feature);
  if (targets.includes(type) && !entry?.underEnterpriseCentral) return undefined;
  const what = `${product.activationId}${product.feature ? ` (${product.feature})` : ''}`;
  if (!targets.includes(type)) {
    const era = entry ? eraOf(entry, version) : undefined;
    if (era?.appliesTo && !era.appliesTo.includes(type) && entry!.appliesTo.includes(type)) {
      return t('{0} does not apply to {1} on EBO {2}: {3}. Assign it to {4}, or check spec.version in the site file.', what, nodeName(target), versionLabel(version), era.rule, typeNames(targets));
    }
    if ((entry && entry.appliesTo.includes(type)) || (namesClients(product) && product.appliesTo!.includes(type))) return wrongLicenseType(what, product, type, targets);
    return t('{0} does not apply to {1}: it goes on {2}. Device Administrator would refuse this assignment; assign it to a matching target or check the activation id.', what, nodeName(target), typeNames(targets));
  }
  if (entry?.underEnterpriseCentral && target.kind === 'server' && !lookup.underEnterpriseCentral(target.node)) {
    return t('{0} is the Enterprise Server license of a system under an Enterprise Central, and {1} has no Enterprise Central above it. Use a server.enterprise.base license, or place the server under its Enterprise Central in the site file.', what, nodeName(target));
  }
  return undefined;
}

function wrongLicenseType(what: string, product: Product, type: string, targets: readonly string[]): string {
  const lt = product.licenseType as LicenseType;
  if (targets.length === 1 && targets[0] === LICENSE_SERVER) {
    return t("{0} is a {1} license: its seats are served by a License Server, not installed on a {2}. Assign it with 'licenseServer:', or plan a local license for this computer.", what, lt, typeName(type));
  }
  return t('{0} is a {1} license, which goes on {2}, not on a {3}. Assign it to a matching target, or change its license type.', what, lt, typeNames(targets), typeName(type));
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
          t("'{0}' is not in the built-in feature catalog, so where it may be assigned is not checked. Add 'appliesTo' with the target types (e.g. [enterprise-server]) to have it checked.", p.feature),
        ),
      );
    }
    return out;
  },
};
