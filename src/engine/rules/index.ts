// Every semantic rule, and running them over one document so that a bug in one rule cannot stop the others.
import { RULES, type Diagnostic } from '../diagnostics';
import type { BmsDocument, LicensePlan, Site } from '../model';
import { activationDeclared } from './activation';
import { seatsRecorded } from './seatsRecorded';
import { licenseServerAddresses } from './addresses';
import { duplicateActivation, localOnOneComputer, overAllocation } from './allocation';
import { applicability, uncataloguedFeatures } from './applicability';
import { baseLicensePlanned } from './baseLicense';
import { duplicateIds } from './duplicates';
import { duplicateSites } from './duplicateSites';
import { expiry } from './expiry';
import { licenseServerPlacement, licenseServerRequired, licenseServerShared } from './licenseServers';
import { demoAtHandover, engineeringAtHandover, semiOnlineIsOnline } from './plan';
import { activationIds, assignmentTargets, planSite, siteLicenseServerRefs } from './references';
import { registrationDetails } from './registration';
import { repairBudget } from './repairs';
import { requiredPlanned } from './requiredPlanned';
import type { PlanRule, Rule, RuleContext, SiteRule } from './rule';
import { licenseServerDown, usageAgainstPlan } from './usage';
import { licenseTypeForVersion } from './versions';
import { clientSeatsOn7, essentialClients, tierMissing, versionName } from './tiers';

export { RuleContext, DEFAULT_EXPIRY_WARNING_DAYS, type Rule, type ValidationOptions } from './rule';
export { CATALOG, CENTRALIZED_FROM, eraOf, applicableTargets, baseFeaturesOf, catalogFeature, LICENSE_SERVER, TARGET_TYPES, type CatalogEra, type CatalogFeature } from './catalog';

export const SITE_RULES: readonly SiteRule[] = [
  duplicateIds,
  duplicateSites,
  siteLicenseServerRefs,
  licenseServerAddresses,
  licenseServerRequired,
  licenseServerPlacement,
  licenseServerShared,
  registrationDetails,
  baseLicensePlanned,
  requiredPlanned,
  licenseServerDown,
  versionName,
  tierMissing,
  essentialClients,
  activationDeclared,
  seatsRecorded,
];

export const PLAN_RULES: readonly PlanRule[] = [
  planSite,
  assignmentTargets,
  activationIds,
  applicability,
  licenseTypeForVersion,
  overAllocation,
  duplicateActivation,
  localOnOneComputer,
  expiry,
  demoAtHandover,
  engineeringAtHandover,
  semiOnlineIsOnline,
  repairBudget,
  uncataloguedFeatures,
  usageAgainstPlan,
  clientSeatsOn7,
];

/** A rule that threw: a bug to report, never a reason to lose the other diagnostics. */
export interface RuleFailure {
  codes: readonly string[];
  uri: string;
  error: unknown;
}

/**
 * Site rules whose findings depend on the Site file alone (BMS014, BMS030-034: not on plans, ledgers, usage or the date). A Site model
 * is built anew by every parse of its file and not changed after, so their findings are kept per model: a plan
 * edit re-publishes its site, and a 2,000-server site need not be walked again for what the edit cannot change.
 */
const SITE_ONLY: ReadonlySet<Rule<Site | LicensePlan>> = new Set<Rule<Site>>([duplicateIds, licenseServerAddresses, licenseServerRequired, licenseServerPlacement, licenseServerShared, registrationDetails]);
const siteOnlyFindings = new WeakMap<Site, Map<Rule<Site | LicensePlan>, readonly Diagnostic[]>>();

function check(rule: Rule<Site | LicensePlan>, doc: BmsDocument, ctx: RuleContext): readonly Diagnostic[] {
  if (doc.kind !== 'Site' || !SITE_ONLY.has(rule)) return rule.check(doc, ctx);
  let known = siteOnlyFindings.get(doc);
  if (!known) siteOnlyFindings.set(doc, (known = new Map()));
  let found = known.get(rule);
  if (!found) known.set(rule, (found = rule.check(doc, ctx)));
  return found;
}

/** The rules with a code of severity error: the only ones that can stop a command or block a license (siteCheck.ts). */
const canErr = (rule: Rule<Site | LicensePlan>) => rule.codes.some((code) => RULES[code].severity === 'error');
const SITE_ERROR_RULES = (SITE_RULES as readonly Rule<Site | LicensePlan>[]).filter(canErr);
const PLAN_ERROR_RULES = (PLAN_RULES as readonly Rule<Site | LicensePlan>[]).filter(canErr);

/** Every rule's findings on the document; with `errorsOnly`, only the rules that can find an error run. */
export function runRules(doc: BmsDocument, ctx: RuleContext, failures?: RuleFailure[], errorsOnly = false): Diagnostic[] {
  const all = (doc.kind === 'Site' ? SITE_RULES : PLAN_RULES) as readonly Rule<Site | LicensePlan>[];
  const rules = !errorsOnly ? all : doc.kind === 'Site' ? SITE_ERROR_RULES : PLAN_ERROR_RULES;
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    try {
      out.push(...check(rule, doc, ctx));
    } catch (error) {
      failures?.push({ codes: rule.codes, uri: doc.uri, error });
    }
  }
  return out;
}
