// Version names and 7.0 tiers (DOMAIN.md, third round; community KB 523934): BMS054 a version written as
// a release year the catalog does not know, BMS055 a 7.0+ site that does not say its tier, BMS056 client
// seats of earlier releases planned on 7.0+, BMS057 more concurrent clients in use than Essential gives.
import { diagnostic, type Diagnostic } from '../diagnostics';
import { isVersionYear, productsOf, versionAtLeast, VERSION_YEARS, type LicenseServer, type Site } from '../model';
import type { PlanRule, RuleContext, SiteRule } from './rule';
import { currentUsage, readingLabel } from './usage';

/** What each tier gives in clients, in words (community KB 523934). */
export const TIER_CLIENTS: Readonly<Record<string, string>> = {
  essential: 'Essential includes 3 concurrent client licenses',
  advanced: 'Advanced gives unlimited concurrent clients',
  'advanced-plus': 'Advanced Plus gives unlimited concurrent clients',
};

/** Every tier in one sentence, for messages that must not depend on the site's tier. */
export const TIERS_IN_WORDS = 'Essential includes 3 concurrent clients, Advanced and Advanced Plus give unlimited concurrent clients; WorkStation Pro is licensed separately and does not add to Essential\'s 3';

/** Concurrent clients Essential includes. */
export const ESSENTIAL_CLIENTS = 3;

/** The client license of earlier releases (License Administrator seats). */
export const CLIENT_STATION = 'client.station';

const knownYears = () => Object.entries(VERSION_YEARS).map(([year, n]) => `${year} = ${n}`).join(', ');

export const versionName: SiteRule = {
  codes: ['BMS054'],
  kind: 'Site',
  check(site) {
    const at = site.at['spec.version'];
    if (!at || !isVersionYear(site.version) || versionAtLeast(site.version, 0) !== undefined) return [];
    return [
      diagnostic(
        'BMS054',
        site.uri,
        at,
        `EBO ${String(site.version).trim()} is not a release name the catalog knows (${knownYears()}; from 7.0 on releases are named by number): write the version number, e.g. "6.0" or "7.0". Until then no version rule is checked on this site.`,
        { data: { known: Object.keys(VERSION_YEARS) } },
      ),
    ];
  },
};

export const tierMissing: SiteRule = {
  codes: ['BMS055'],
  kind: 'Site',
  check(site) {
    const at = site.at['spec.version'];
    if (!at || site.tier !== undefined || versionAtLeast(site.version, 7) !== true) return [];
    return [
      diagnostic(
        'BMS055',
        site.uri,
        at,
        `Site '${site.name}' is EBO ${String(site.version).trim()}: from 7.0 client availability is decided by the tier chosen at the upgrade (community KB 523934). Add 'tier: essential', 'tier: advanced' or 'tier: advanced-plus' under spec (${TIERS_IN_WORDS}).`,
      ),
    ];
  },
};

export const clientSeatsOn7: PlanRule = {
  codes: ['BMS056'],
  kind: 'LicensePlan',
  check(plan, ctx) {
    const site = ctx.siteOf(plan);
    if (!site || versionAtLeast(site.version, 7) !== true) return [];
    const out: Diagnostic[] = [];
    for (const p of productsOf(plan)) {
      const at = p.at.feature;
      if (p.feature !== CLIENT_STATION || !at) continue;
      out.push(
        diagnostic(
          'BMS056',
          plan.uri,
          at,
          `${p.activationId} (${CLIENT_STATION}) is a client license of the kind bought for releases before 7.0 (License Administrator, e.g. SXWSWCLIENT0001/0999): EBO 7.0 and later do not recognize it, client availability comes from the site's tier alone (community KB 523934): ${TIERS_IN_WORDS}. Remove it from the plan and set spec.tier in the site file.`,
        ),
      );
    }
    return out;
  },
};

/** What the last readings of a License Server say about concurrent clients: lmstat's seats in use, the licenses log's peak. */
function clientsSeen(ctx: RuleContext, site: Site, ls: LicenseServer): { count: number; how: string }[] {
  const out: { count: number; how: string }[] = [];
  const usage = currentUsage(ctx, site, ls);
  const f = usage?.features.find((x) => x.name === CLIENT_STATION);
  if (usage && f && f.inUse !== null) out.push({ count: f.inUse, how: `${f.inUse} ${CLIENT_STATION} seats in use at the last lmstat reading (${readingLabel(usage)})` });
  const log = ctx.licensesLogOf?.(site.name, ls.id);
  const peak = log?.features.find((x) => x.feature === CLIENT_STATION)?.peak;
  if (log && peak !== undefined) out.push({ count: peak, how: `up to ${peak} ${CLIENT_STATION} checkouts at once in the licenses log ${log.file}${log.from ? ` (${log.from} to ${log.to})` : ''}` });
  return out;
}

export const essentialClients: SiteRule = {
  codes: ['BMS057'],
  kind: 'Site',
  check(site, ctx) {
    if (site.tier !== 'essential' || versionAtLeast(site.version, 7) !== true || (!ctx.usageOf && !ctx.licensesLogOf)) return [];
    const out: Diagnostic[] = [];
    for (const ls of site.licenseServers) {
      const over = clientsSeen(ctx, site, ls).filter((x) => x.count > ESSENTIAL_CLIENTS);
      const at = ls.at.id;
      if (over.length === 0 || !at) continue;
      const most = Math.max(...over.map((x) => x.count));
      out.push(
        diagnostic(
          'BMS057',
          site.uri,
          at,
          `License Server '${ls.id}': ${over.map((x) => x.how).join('; ')}: more than the ${ESSENTIAL_CLIENTS} concurrent clients tier Essential includes (community KB 523934). This is our reading: DOMAIN.md does not say how tier clients appear in lmstat or the licenses log. Check the clients in use, or choose tier Advanced (unlimited concurrent clients).`,
          { data: { inUse: most, included: ESSENTIAL_CLIENTS } },
        ),
      );
    }
    return out;
  },
};
