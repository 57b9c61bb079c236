// One site's view model for the dashboard and the handover report: the site tree's numbers per target and
// feature, entitlements, expiries, ledger history and open problems, as plain JSON.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dayText } from '../calendar';
import type { Diagnostic } from '../diagnostics';
import { eventLines, type LedgerState } from '../ledger/fold';
import type { LedgerEvent, LedgerProblem } from '../ledger/ledger';
import type { LedgerFinding } from '../ledger/findings';
import { isReadingOf, type UsageReader } from '../lmstat/cache';
import type { FeatureSeats } from '../lmstat/usage';
import type { WorkspaceIndex } from '../load/workspace';
import { activationOf, versionAtLeast, versionLabel } from '../model';
import { activationSources, labelSources, simulationBanner } from './sources';
import { connectedDevicesRequired, siteRequirements, type Requirement } from '../rules/required';
import { buildSiteTree } from '../tree/build';
import { CENTRALIZED_FROM } from '../rules/catalog';
import type { TreeNode } from '../tree/types';
import { entitlementRows, expiryItems, historyItems, problemItems } from './sections';
import { featureRows, licenseRows, targetRow, type UsageLookup } from './targets';
import type { LicensesLogReader } from '../lmstat/licensesLogCache';
import { licensesLogRow } from './licensesLog';
import type { ReportLocation, SiteReport, TargetRow } from './types';
import type { BlockerOf } from '../siteCheck';

export interface SiteReportOptions {
  /** The fold of the site's ledger; no ledger means nothing activated. */
  ledgerState?: LedgerState;
  /** The ledger's events, for the history (the fold keeps only the current state). */
  ledgerEvents?: LedgerEvent[];
  /** Lines of the ledger that were ignored (torn, invalid). */
  ledgerProblems?: LedgerProblem[];
  /** The ledger file's own findings (BMS062-069, BMS083, BMS090-097), as `validate` gives them. */
  ledgerFindings?: LedgerFinding[];
  /** Ledger file, shown relative to the site's folder. */
  ledgerPath?: string;
  /** License Server usage (lmstat) per feature for the whole site, or per License Server id. */
  usage?: ReadonlyMap<string, FeatureSeats> | { byLicenseServer: ReadonlyMap<string, ReadonlyMap<string, FeatureSeats>> };
  /** The cached usage readings (lmstat) per License Server, used when `usage` is not given. */
  usageOf?: UsageReader;
  /** The last imported licenses log of each License Server. */
  licensesLogOf?: LicensesLogReader;
  /** Diagnostics of the workspace (a list or by uri); the site's and its plans' files are kept, and every file of a map by uri (checkSite's). */
  diagnostics: Iterable<Diagnostic> | ReadonlyMap<string, Diagnostic[]>;
  today: Date;
  /** When a plan sets no `spec.expiryWarningDays`; default 30. */
  expiryWarningDays?: number;
  /** The error finding that blocks a planned license (checkSite's): shown as `blocked by BMS020`, as `plan` does. */
  blockerOf?: BlockerOf;
}

function flatDiagnostics(d: SiteReportOptions['diagnostics']): Iterable<Diagnostic> {
  return d instanceof Map ? [...(d as ReadonlyMap<string, Diagnostic[]>).values()].flat() : (d as Iterable<Diagnostic>);
}

/** Site usage per feature counts for a License Server only when it is the one License Server planning that feature. */
function usageLookup(usage: SiteReportOptions['usage'], owners: Map<string, Set<string>>): UsageLookup {
  if (!usage) return { known: false, seats: () => undefined };
  if ('byLicenseServer' in usage) return { known: true, seats: (ls, f) => usage.byLicenseServer.get(ls)?.get(f) };
  const site = usage as ReadonlyMap<string, FeatureSeats>;
  return { known: true, seats: (ls, f) => (owners.get(f)?.size === 1 && owners.get(f)!.has(ls) ? site.get(f) : undefined) };
}

/** The last reading of each License Server taken at its current address, as seats per feature. */
function cachedUsage(read: UsageReader | undefined, site: string, servers: { id: string; address?: string }[]): SiteReportOptions['usage'] {
  if (!read) return undefined;
  const byLicenseServer = new Map<string, Map<string, FeatureSeats>>();
  for (const ls of servers) {
    const reading = read(site, ls.id);
    if (!reading || !isReadingOf(reading, ls.address)) continue;
    const seats = new Map<string, FeatureSeats>();
    for (const f of reading.features) if (f.inUse !== null) seats.set(f.name, { issued: f.issued ?? 0, inUse: f.inUse });
    byLicenseServer.set(ls.id, seats);
  }
  return byLicenseServer.size > 0 ? { byLicenseServer } : undefined;
}

const dateOnly = dayText;

/** The servers whose connected devices are counted from EBO 4.0 (help 16220). */
const COUNTED_ON = new Set(['enterprise-server', 'as-p', 'as-p-3', 'as-b']);

/** The view model of the site named `siteName`; undefined when the index has no such Site. */
export function siteReport(index: WorkspaceIndex, siteName: string, options: SiteReportOptions): SiteReport | undefined {
  const site = index.site(siteName);
  if (!site) return undefined;
  const today = options.today;
  const warningDays = options.expiryWarningDays ?? 30;
  const plans = index.plansFor(site.name);
  const ledgers = options.ledgerState ? new Map([[site.name, options.ledgerState]]) : undefined;
  const tree = buildSiteTree({ index, ledgers, today, expiryWarningDays: warningDays });
  const root = tree.roots.find((r) => r.kind === 'site' && r.site === site.name && r.location?.uri === site.uri);
  const folder = site.uri.startsWith('file:') ? path.dirname(fileURLToPath(site.uri)) : undefined;
  const locations: Record<string, ReportLocation> = {};
  const at = (n: TreeNode) => n.location && { uri: n.location.uri, start: n.location.focus.start, end: n.location.focus.end };

  // Which License Servers plan each feature, so site-wide usage is attributed only where it is unambiguous.
  const lsNodes = root?.children.find((c) => c.kind === 'licenseServers')?.children ?? [];
  const owners = new Map<string, Set<string>>();
  for (const n of lsNodes) for (const l of n.licenses) if (l.feature) owners.set(l.feature, (owners.get(l.feature) ?? new Set()).add(n.target!));
  const usage = usageLookup(options.usage ?? cachedUsage(options.usageOf, site.name, site.licenseServers), owners);
  const topType = site.servers.find((s) => s.parent === undefined)?.type;
  const required = new Map<string, Requirement[]>();
  for (const r of siteRequirements(site)) required.set(r.server, [...(required.get(r.server) ?? []), r]);

  // The last activation of each (target, activation id), for "activated on".
  const activations = new Map<string, string>();
  for (const e of options.ledgerEvents ?? []) {
    if (e.op !== 'activate' || e.site !== site.name) continue;
    for (const l of eventLines(e)) activations.set(`${e.target ?? ''}\u0000${l.activationId}`, e.at);
  }

  // At handover demo and engineering licenses lead (a site with several plans: handover when one of them is).
  const stage = plans.some((p) => p.stage === 'handover') ? 'handover' : undefined;
  const targets: TargetRow[] = [];
  const add = (n: TreeNode, depth: number, parent: string | undefined, extra: Partial<TargetRow>) => {
    const row = targetRow(n, depth, parent, extra);
    const loc = at(n);
    if (loc) locations[row.ref] = loc;
    const status = { blockerOf: options.blockerOf && ((id: string) => options.blockerOf!(n.target ?? '', id)), stage };
    const features = featureRows(n, topType === 'enterprise-central', usage, n.kind === 'server' ? (required.get(n.target ?? '') ?? []) : [], status);
    const licenses = licenseRows(n, (l) => {
      if (!l.assignment) return undefined;
      const ref = `assignment:${n.target}:${l.activationId}`;
      locations[ref] = { uri: l.assignment.uri, start: l.assignment.span.start, end: l.assignment.span.end };
      return ref;
    }, (id) => activations.get(`${n.target}\u0000${id}`), status);
    targets.push({ ...row, features, licenses });
  };
  for (const n of lsNodes) {
    const ls = site.licenseServers.find((x) => x.id === n.target);
    const log = options.licensesLogOf?.(site.name, n.target ?? '');
    add(n, 0, undefined, { host: ls?.host, address: ls?.address, ...(log ? { licensesLog: licensesLogRow(log) } : {}) });
  }
  const walk = (n: TreeNode, depth: number, parent: string | undefined) => {
    const s = site.servers.find((x) => x.id === n.target);
    add(n, depth, parent, { host: s?.host, licenseServer: s?.licenseServer });
    for (const c of n.children) walk(c, depth + 1, n.target);
  };
  for (const n of root?.children ?? []) if (n.kind === 'server') walk(n, 0, undefined);
  for (const n of root?.children.find((c) => c.kind === 'clients')?.children ?? []) {
    const c = site.clients.find((x) => x.id === n.target);
    add(n, 0, undefined, { host: c?.host, licenseServer: c?.licenseServers.join(', ') || undefined });
  }

  const violations: SiteReport['violations'] = [];
  for (const t of targets) {
    for (const f of t.features) if (f.violation) violations.push({ ref: t.ref, target: t.id, feature: f.feature, message: f.violation });
    for (const l of t.licenses) {
      if (l.state === 'broken') violations.push({ ref: t.ref, target: t.id, feature: l.feature, message: `${l.activationId} is broken: repair it (at most 4 repairs a year)` });
      else if (l.expiry === 'expired' && (l.activated ?? 0) > 0) violations.push({ ref: t.ref, target: t.id, feature: l.feature, message: `${l.activationId} expired on ${l.expires}` });
    }
  }

  const entitlements = entitlementRows(plans, options.ledgerState, site.name, today, warningDays, locations, { blockerOf: options.blockerOf, stage });
  const expiries = expiryItems(entitlements, today);
  const ledgerFile = options.ledgerPath ? (folder ? path.relative(folder, options.ledgerPath).split(path.sep).join('/') : path.basename(options.ledgerPath)) : site.ledger || `${site.name}.ledger.jsonl`;
  const uris = new Set([site.uri, ...plans.map((p) => p.uri), ...(options.diagnostics instanceof Map ? options.diagnostics.keys() : [])]);
  const problems = problemItems(index, uris, flatDiagnostics(options.diagnostics), options.ledgerProblems ?? [], ledgerFile, folder, locations, options.ledgerFindings);
  locations.site = { uri: site.uri, start: site.at['metadata.name']?.start ?? site.span.start, end: site.at['metadata.name']?.end ?? site.span.end };
  const centralized = versionAtLeast(site.version, 7);
  labelSources(targets, options.ledgerState);
  const activation = activationOf(site);
  const banner = simulationBanner(activation, site.name);

  return {
    today: dateOnly(today),
    site: {
      name: site.name,
      customer: site.customer ?? '',
      contact: site.contact ?? '',
      version: site.version ?? '',
      versionLabel: versionLabel(site.version),
      ...(site.tier !== undefined ? { tier: site.tier } : {}),
      regime: centralized === undefined ? (site.version ? `version '${site.version}' not known: see the open problems` : 'version not set') : centralized ? 'centralized licensing (Device Administrator), License Servers for clients' : 'License Server licensing (License Administrator)',
      connectivity: site.connectivity ?? '',
      activation,
      plans: plans.map((p) => `${p.name} (${p.stage ?? 'commissioning'})`),
      ledger: ledgerFile,
      expiryWarningDays: plans.find((p) => p.expiryWarningDays !== undefined)?.expiryWarningDays ?? warningDays,
      ref: 'site',
    },
    summary: {
      targets: targets.length,
      planned: root?.planned ?? 0,
      activated: root?.activated ?? 0,
      violations: violations.length,
      expired: expiries.filter((e) => e.status === 'expired').length,
      expiring: expiries.filter((e) => e.status === 'expiring').length,
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
      usageKnown: usage.known,
      sources: activationSources(options.ledgerState),
      verified: site.licenseServers.map((ls) => ({ licenseServer: ls.id, on: options.ledgerState?.verified.get(ls.id)?.at.slice(0, 10) ?? null })),
    },
    ...(banner ? { banner } : {}),
    targets,
    violations,
    entitlements,
    expiries,
    history: historyItems(options.ledgerEvents ?? [], site.name),
    problems,
    devicesAfterUpgrade: site.servers.filter((s) => COUNTED_ON.has(s.type ?? '')).map((s) => {
      const r = connectedDevicesRequired({ version: CENTRALIZED_FROM }, s);
      return { server: s.id, required: r?.required, from: r?.from };
    }),
    locations,
  };
}
