// The 7.0 upgrade of a site below 7.0, from the handover report's view model and the catalog's eras: what
// License Administrator keeps (editors and clients, help 12730), what needs a new entitlement through Device
// Administrator, what ends, and the connected devices to count before the upgrade (help 16220).
import { fail, ok, type Result } from '../result';
import { TIERS, versionAtLeast, versionNumber, type Tier } from '../model';
import { CLIENT_STATION, TIER_CLIENTS, TIERS_IN_WORDS } from '../rules/tiers';
import { catalogFeature, CENTRALIZED_FROM, eraOf } from '../rules/catalog';
import type { EntitlementRow, SiteReport } from './types';

export interface UpgradeItem {
  entitlementId: string;
  activationId: string;
  feature: string;
  licenseType: string;
  /** The license type on the new version, when it changes. */
  newLicenseType?: string;
  quantity: number;
  targets: string[];
  /** The rule, in words, with its help topic. */
  why: string;
}

export interface DeviceCount {
  server: string;
  typeLabel: string;
  /** Counted from the site file; undefined when the site lists no devices for this server. */
  required?: number;
  planned: number;
  from?: string;
}

export interface UpgradeReport {
  site: SiteReport['site'];
  today: string;
  from: string;
  to: string;
  /** Stay with License Administrator and the License Server. */
  stays: UpgradeItem[];
  /** Need a new entitlement, assigned with Device Administrator from the top server. */
  moves: UpgradeItem[];
  /** Already licensed with Device Administrator: nothing changes. */
  unchanged: UpgradeItem[];
  /** Do not exist on the new version: return them before the upgrade. */
  ends: UpgradeItem[];
  /** Not in the catalog, or the help does not say: ask the vendor. */
  unknown: UpgradeItem[];
  /** Client seats of earlier releases: not recognized on 7.0, the tier decides (community KB 523934). */
  stopsCounting: UpgradeItem[];
  /** The tier chosen for the upgrade (`--tier`); undefined: the report asks for it. */
  tier?: Tier;
  /** What the chosen tier gives, or every tier when none is chosen. */
  tierGives: string;
  devices: DeviceCount[];
}

const COUNTED = new Set(['enterprise-server', 'as-p', 'as-p-3', 'as-b']);
const LA_TYPES = new Set(['network', 'local', 'demo']);

/** Undefined with a reason when the site is not below `to`, or `to` is not a 7.x version, or `tier` is not a tier. */
export function upgradeReport(r: SiteReport, to: string, tier?: string): Result<UpgradeReport> {
  if (tier !== undefined && !(TIERS as readonly string[]).includes(tier)) return fail(`--tier must be one of ${TIERS.join(', ')} (got '${tier}'): ${TIERS_IN_WORDS} (community KB 523934).`);
  if (versionAtLeast(to, 7) !== true) return fail(`--to must be ${CENTRALIZED_FROM} or later (got '${to}'): the catalog knows the licensing change of ${CENTRALIZED_FROM}.`);
  const from = r.site.version;
  if (versionAtLeast(from, 0) === undefined) return fail(`Site '${r.site.name}' has no readable spec.version: set the EBO version it runs, e.g. "6.0".`);
  const [major, minor] = to.split('.').map(Number);
  if (versionAtLeast(from, major, minor ?? 0)) return fail(`Site '${r.site.name}' is already EBO ${r.site.versionLabel || from}: there is nothing to upgrade to ${to}.`);
  const chosen = tier as Tier | undefined;
  const tierGives = chosen ? `${TIER_CLIENTS[chosen]}; WorkStation Pro is licensed separately` : TIERS_IN_WORDS;
  const out: UpgradeReport = { site: r.site, today: r.today, from: r.site.versionLabel || versionNumber(from) || from, to, stays: [], moves: [], unchanged: [], ends: [], unknown: [], stopsCounting: [], tier: chosen, tierGives, devices: [] };
  for (const e of r.entitlements) classify(e, to, out);
  // Counted at the target version: the rules of 4.0 and later, whatever the site runs now (help 16220).
  const counted = new Map((r.devicesAfterUpgrade ?? []).map((d) => [d.server, d]));
  for (const t of r.targets) {
    if (t.kind !== 'server' || !COUNTED.has(t.type)) continue;
    const f = t.features.find((x) => x.feature === 'connected-devices');
    const at7 = counted.get(t.id);
    const required = at7 ? at7.required : f?.requiredFrom ? f.required : undefined;
    out.devices.push({ server: t.id, typeLabel: t.typeLabel, required, planned: f?.planned ?? 0, from: at7 ? at7.from : f?.requiredFrom });
  }
  return ok(out);
}

function classify(e: EntitlementRow, to: string, out: UpgradeReport): void {
  const item: UpgradeItem = { entitlementId: e.entitlementId, activationId: e.activationId, feature: e.feature, licenseType: e.licenseType, quantity: e.quantity, targets: e.targets, why: '' };
  if (e.feature === CLIENT_STATION) {
    out.stopsCounting.push({ ...item, why: `client licenses bought for earlier releases are not recognized on 7.0: the tier decides the clients (community KB 523934). ${out.tierGives}` });
    return;
  }
  const entry = catalogFeature(e.feature);
  if (!entry) {
    out.unknown.push({ ...item, why: 'not in the built-in catalog: ask the vendor how it is licensed on the new version' });
    return;
  }
  const era = eraOf(entry, to);
  if (era === null) {
    out.ends.push({ ...item, why: entry.outside ?? `${e.feature} does not exist on ${to}` });
    return;
  }
  const types = era?.licenseTypes ?? entry.licenseTypes;
  if (!types.includes(e.licenseType as never)) {
    const newType = types[0];
    out.moves.push({ ...item, newLicenseType: newType, why: era?.rule ?? `on ${to} it is ${newType}` });
    return;
  }
  if (era?.undocumented) {
    out.unknown.push({ ...item, why: `${era.rule}; ask the vendor` });
  } else if (e.licenseType === 'demo') {
    out.stays.push({ ...item, why: 'on 7.0 a demo license sits on the top server and is returned from every server before it is deleted (help 14832)' });
  } else if (LA_TYPES.has(e.licenseType)) {
    out.stays.push({ ...item, why: era?.rule ?? 'License Administrator stays for the editors and clients (help 12730)' });
  } else {
    out.unchanged.push({ ...item, why: 'already licensed with Device Administrator' });
  }
}
