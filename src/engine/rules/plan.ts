// BMS051, BMS052 and BMS060: what the plan's stage and the site's connectivity allow.
import { diagnostic, type Diagnostic } from '../diagnostics';
import { productsOf } from '../model';
import { catalogFeature, eraOf } from './catalog';
import type { PlanRule } from './rule';
import { t } from '../l10n';

export const demoAtHandover: PlanRule = {
  codes: ['BMS051'],
  kind: 'LicensePlan',
  check(plan) {
    if (plan.stage !== 'handover') return [];
    const out: Diagnostic[] = [];
    for (const p of productsOf(plan)) {
      const at = p.at.licenseType;
      if (p.licenseType !== 'demo' || !at) continue;
      out.push(
        diagnostic(
          'BMS051',
          plan.uri,
          at,
          t('{0} is a demo license in a plan at handover. Demo licenses are removed at commissioning (on 7.0, returned from every server first): replace it with a commercial license, or remove it.', p.activationId),
        ),
      );
    }
    return out;
  },
};

/** Engineering licenses are free and time-limited; the same entitlement becomes commercial before handover (help 16221). */
export const engineeringAtHandover: PlanRule = {
  codes: ['BMS052'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    if (plan.stage !== 'handover') return [];
    const version = ctx.siteOf(plan)?.version;
    const out: Diagnostic[] = [];
    for (const p of productsOf(plan)) {
      const at = p.at.licenseType;
      if (p.licenseType !== 'engineering' || !at) continue;
      const entry = catalogFeature(p.feature);
      const era = entry ? eraOf(entry, version) : undefined;
      const commercial = era ? era.licenseTypes[0] : entry?.licenseTypes[0];
      out.push(
        diagnostic(
          'BMS052',
          plan.uri,
          at,
          t(
            '{0} is an engineering license of entitlement {1} in a plan at handover. Engineering licenses are free and time-limited: have the same entitlement converted to commercial in Software Companion (help 16221), then set licenseType {2} and its expiry, or remove it.',
            `${p.activationId}${p.feature ? ` (${p.feature})` : ''}`,
            p.entitlementId || t('(no id)'),
            commercial ? t("to '{0}'", commercial) : t('to its commercial type'),
          ),
          commercial ? { data: { fix: commercial } } : {},
        ),
      );
    }
    return out;
  },
};

export const semiOnlineIsOnline: PlanRule = {
  codes: ['BMS060'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const site = ctx.siteOf(plan);
    if (site?.connectivity !== 'semi-online') return [];
    const out: Diagnostic[] = [];
    for (const a of plan.assignments) {
      const at = a.at.mode;
      if (a.mode !== 'offline' || !at) continue;
      out.push(
        diagnostic(
          'BMS060',
          plan.uri,
          at,
          t("Site '{0}' is semi-online: the Device Administrator computer reaches both the internet and the servers, which counts as online. Do not use the offline workflow there: set 'mode: online' or remove 'mode'.", String(site.name)),
          { data: { fix: 'online' } },
        ),
      );
    }
    return out;
  },
};
