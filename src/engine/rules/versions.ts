// BMS024: a product whose license type (or whose very feature) does not exist on the site's EBO version.
// The version rules are the catalog's eras (catalog.ts), each citing its help topic.
import { diagnostic, type Diagnostic } from '../diagnostics';
import { LICENSE_TYPES, productsOf, versionAtLeast, versionLabel, type LicenseType, type Product, type Site } from '../model';
import { catalogFeature, CENTRALIZED_FROM, eraOf } from './catalog';
import type { PlanRule } from './rule';
import { orList } from './words';
import { t } from '../l10n';

export const licenseTypeForVersion: PlanRule = {
  codes: ['BMS024'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const site = ctx.siteOf(plan);
    if (!site?.version || versionAtLeast(site.version, 0) === undefined) return [];
    const out: Diagnostic[] = [];
    for (const p of productsOf(plan)) {
      const found = judgedConflict(p, site);
      const at = found?.onFeature ? p.at.feature : p.at.licenseType;
      if (found && at) out.push(diagnostic('BMS024', plan.uri, at, found.message, found.fix ? { data: { fix: found.fix } } : {}));
    }
    return out;
  },
};

/**
 * Per product, its conflict with the site's version and name when last judged: a product keeps its object while
 * its text is unchanged (load/incremental), and BMS024 asks about every product of the plan on every edit.
 */
const judged = new WeakMap<Product, { version: Site['version']; name: Site['name']; conflict: Conflict | undefined }>();

function judgedConflict(p: Product, site: Pick<Site, 'name' | 'version'>): Conflict | undefined {
  const last = judged.get(p);
  if (last && last.version === site.version && last.name === site.name) return last.conflict;
  const found = conflict(p, site);
  judged.set(p, { version: site.version, name: site.name, conflict: found });
  return found;
}

interface Conflict {
  message: string;
  /** The license type that fits, for a quick fix. */
  fix?: LicenseType;
  /** The feature itself does not exist on this version (the diagnostic goes on `feature`). */
  onFeature?: boolean;
}

/** Why the product's license type contradicts the site's version, or undefined when it does not. */
export function conflict(p: Product, site: Pick<Site, 'name' | 'version'>): Conflict | undefined {
  const lt = p.licenseType as LicenseType;
  if (!LICENSE_TYPES.includes(lt)) return undefined;
  // The words are built only for a conflict: BMS024 asks about every product of the plan on every edit.
  const what = () => `${p.activationId}${p.feature ? ` (${p.feature})` : ''}`;
  const on = () => t("site '{0}' is EBO {1}", String(site.name), versionLabel(site.version));
  const centralized = versionAtLeast(site.version, 7) === true;
  if (lt === 'engineering' && !centralized) {
    return {
      message: t('{0} is an engineering license, but {1}: engineering licenses (free, time-limited, from Software Companion) come with EBO {2} (help 16221). Below {2} use a demo license while the site is built, or check spec.version in the site file.', what(), on(), CENTRALIZED_FROM),
      fix: 'demo',
    };
  }
  const entry = catalogFeature(p.feature);
  const era = entry ? eraOf(entry, site.version) : undefined;
  if (!entry || era === undefined) return undefined;
  if (era === null) {
    return { message: t('{0} is not licensed on EBO {1} ({2}): {3}. Remove it from the plan, or check spec.version in the site file.', what(), String(site.version), on(), String(entry.outside)), onFeature: true };
  }
  // Engineering licenses become the commercial license later (help 16221): any feature on 7.0+ may be one.
  if (lt === 'engineering' || era.licenseTypes.includes(lt)) return undefined;
  return {
    message: t('{0} is a {1} license, but {2}: {3}. Set licenseType to {4}, or check spec.version in the site file.', what(), lt, on(), era.rule, orList(era.licenseTypes.map((type) => `'${type}'`))),
    fix: era.licenseTypes[0],
  };
}
