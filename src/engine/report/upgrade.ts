// The 7.0 upgrade of a site below 7.0, from the handover report's view model and the catalog's eras: what
// License Administrator keeps (editors and clients, help 12730), what needs a new entitlement through Device
// Administrator, what ends, and the connected devices to count before the upgrade (help 16220).
import { fail, ok, type Result } from '../result';
import { versionAtLeast } from '../model';
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
  devices: DeviceCount[];
}

const COUNTED = new Set(['enterprise-server', 'as-p', 'as-p-3', 'as-b']);
const LA_TYPES = new Set(['network', 'local', 'demo']);

/** Undefined with a reason when the site is not below `to`, or `to` is not a 7.x version. */
export function upgradeReport(r: SiteReport, to: string): Result<UpgradeReport> {
  if (versionAtLeast(to, 7) !== true) return fail(`--to must be ${CENTRALIZED_FROM} or later (got '${to}'): the catalog knows the licensing change of ${CENTRALIZED_FROM}.`);
  const from = r.site.version;
  if (versionAtLeast(from, 0) === undefined) return fail(`Site '${r.site.name}' has no readable spec.version: set the EBO version it runs, e.g. "6.0".`);
  const [major, minor] = to.split('.').map(Number);
  if (versionAtLeast(from, major, minor ?? 0)) return fail(`Site '${r.site.name}' is already EBO ${from}: there is nothing to upgrade to ${to}.`);
  const out: UpgradeReport = { site: r.site, today: r.today, from, to, stays: [], moves: [], unchanged: [], ends: [], unknown: [], devices: [] };
  for (const e of r.entitlements) classify(e, to, out);
  for (const t of r.targets) {
    if (t.kind !== 'server' || !COUNTED.has(t.type)) continue;
    const f = t.features.find((x) => x.feature === 'connected-devices');
    out.devices.push({ server: t.id, typeLabel: t.typeLabel, required: f?.requiredFrom ? f.required : undefined, planned: f?.planned ?? 0, from: f?.requiredFrom });
  }
  return ok(out);
}

function classify(e: EntitlementRow, to: string, out: UpgradeReport): void {
  const item: UpgradeItem = { entitlementId: e.entitlementId, activationId: e.activationId, feature: e.feature, licenseType: e.licenseType, quantity: e.quantity, targets: e.targets, why: '' };
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
