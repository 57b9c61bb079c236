// BMS080–082: the plan against what each License Server reported at the last usage refresh (lmstat).
// Silent without a cached reading, and for a reading of an address the Site file no longer has.
import { isReadingOf, type CachedUsage } from '../lmstat/cache';
import type { UsageFeature } from '../lmstat/summary';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Assignment, LicenseServer, Site } from '../model';
import type { PlanRule, RuleContext, SiteRule } from './rule';
import { seats, t } from '../l10n';

/** The reading of a License Server, when there is one and it was taken at the address the Site file gives now. */
export function currentUsage(ctx: RuleContext, site: Site, ls: LicenseServer): CachedUsage | undefined {
  const usage = ctx.usageOf?.(site.name, ls.id);
  return usage && isReadingOf(usage, ls.address) ? usage : undefined;
}

/** '2026-01-15 10:20 UTC' */
export function readingTime(usage: CachedUsage): string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(usage.at) ? `${usage.at.slice(0, 10)} ${usage.at.slice(11, 16)} UTC` : usage.at;
}

/** '2026-01-15 10:20 UTC, lmutil lmstat -a -c @localhost' */
export function readingLabel(usage: CachedUsage): string {
  const when = readingTime(usage);
  const how = usage.source.kind === 'lmutil' ? usage.source.command : t('imported from {0}', usage.source.file);
  return `${when}, ${how}`;
}

/** A feature lmstat lists but cannot serve (-5: no such feature) counts as not served. */
function served(usage: CachedUsage, feature: string): UsageFeature | undefined {
  const f = usage.features.find((x) => x.name === feature);
  return f && f.error?.code !== '-5' ? f : undefined;
}

const quantityOf = (a: Assignment) => a.quantity ?? 1;

export const usageAgainstPlan: PlanRule = {
  codes: ['BMS080', 'BMS081'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const site = ctx.siteOf(plan);
    if (!site || !ctx.usageOf) return [];
    const lookup = ctx.lookup(site);
    const group = ctx.planGroup(plan);
    const usageByLs = new Map<string, CachedUsage | undefined>();
    const usageOf = (ls: LicenseServer) => {
      if (!usageByLs.has(ls.id)) usageByLs.set(ls.id, currentUsage(ctx, site, ls));
      return usageByLs.get(ls.id);
    };
    const featureOf = (p: typeof plan, a: Assignment) => group.productFor(p, a.activationId)?.product.feature;
    // Seats planned per License Server and feature, over every plan of the site.
    const planned = new Map<string, number>();
    for (const p of group.plans) {
      for (const a of p.assignments) {
        const feature = a.targetKind === 'licenseServer' ? featureOf(p, a) : undefined;
        if (feature === undefined) continue;
        const key = `${a.target}\u0000${feature}`;
        planned.set(key, (planned.get(key) ?? 0) + quantityOf(a));
      }
    }
    const out: Diagnostic[] = [];
    for (const a of plan.assignments) {
      if (a.targetKind !== 'licenseServer') continue;
      const ls = lookup.target(a)?.node as LicenseServer | undefined;
      const feature = featureOf(plan, a);
      const usage = ls && usageOf(ls);
      if (!ls || feature === undefined || !usage || usage.state === 'down') continue;
      const reading = readingLabel(usage);
      const f = served(usage, feature);
      if (!f) {
        const at = a.at.licenseServer ?? a.span;
        out.push(
          diagnostic(
            'BMS080',
            plan.uri,
            at,
            t("License Server '{0}' does not serve {1} ({2}) at the last usage refresh ({3}). Activate it there with the License Administrator, or assign it to the License Server that serves it; then refresh the usage.", ls.id, feature, String(a.activationId), reading),
            { data: { feature, licenseServer: ls.id, at: usage.at } },
          ),
        );
        continue;
      }
      const total = planned.get(`${a.target}\u0000${feature}`) ?? quantityOf(a);
      if (f.uncounted || f.issued === null || f.issued >= total) continue;
      const others = total === quantityOf(a) ? '' : t(' ({0} here, {1} in all assignments of {2} to it)', quantityOf(a), total, feature);
      out.push(
        diagnostic(
          'BMS081',
          plan.uri,
          a.at.quantity ?? a.at.licenseServer ?? a.span,
          t("License Server '{0}' issues {1} of {2}, but the plan puts {3} there{4} (last usage refresh: {5}). Activate or reclaim the missing seats on '{0}', or lower the planned quantity.", ls.id, seats(f.issued), feature, total, others, reading),
          { data: { feature, licenseServer: ls.id, issued: f.issued, planned: total } },
        ),
      );
    }
    return out;
  },
};

export const licenseServerDown: SiteRule = {
  codes: ['BMS082'],
  kind: 'Site',
  check(site, ctx) {
    if (!ctx.usageOf) return [];
    const out: Diagnostic[] = [];
    for (const ls of site.licenseServers) {
      const usage = currentUsage(ctx, site, ls);
      if (!usage || (usage.state !== 'down' && usage.state !== 'degraded')) continue;
      const e = usage.error;
      const why = e ? `${e.message}. ${e.title} ${e.action}` : t('lmstat printed no License Server status. Check that the License Server service runs on that computer.');
      const down = usage.state === 'down';
      out.push(
        diagnostic('BMS082', site.uri, ls.at.address ?? ls.at.id ?? ls.span, down
          ? t("License Server '{0}' was down or unreachable at the last usage refresh ({1}): {2} Then run Refresh License Server Usage.", ls.id, readingLabel(usage), why)
          : t("License Server '{0}' was only partly up (a server of its triad or a vendor daemon was down) at the last usage refresh ({1}): {2} Then run Refresh License Server Usage.", ls.id, readingLabel(usage), why), {
          data: { licenseServer: ls.id, state: usage.state, code: e?.code ?? null, at: usage.at },
        }),
      );
    }
    return out;
  },
};
