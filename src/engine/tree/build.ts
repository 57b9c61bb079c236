// Workspace index + ledger fold → the site tree: sites → License Servers, the server hierarchy, clients.
import type { LedgerState } from '../ledger/fold';
import type { UsageReader } from '../lmstat/cache';
import type { WorkspaceIndex } from '../load/workspace';
import { activationOf, type Server, type Site, type Span } from '../model';
import { md, statusLabel, typeLabel } from './labels';
import { isActivated, licensesOf, targetStatus, worst, type LicenseContext } from './licenses';
import { clientTooltip, licenseServerTooltip, serverTooltip, siteTooltip } from './tooltip';
import { siteCheckOf } from './siteChecks';
import { pendingChangesLater } from './pending';
import { nodeWithLazy } from './lazy';
import type { NodeStatus, SiteTree, TargetLicense, TreeNode } from './types';
import { siteRequirements, type Requirement } from '../rules/required';
import { licenseStatus } from './status';
import { addUsage } from './usage';
import { addLicensesLog } from './licensesLog';
import type { LicensesLogReader } from '../lmstat/licensesLogCache';
import { t, tMany } from '../l10n';
import type { LedgerTrouble } from './ledgers';

export interface TreeInput {
  index: WorkspaceIndex;
  /** The ledger fold of each site, by `metadata.name`. */
  ledgers?: ReadonlyMap<string, LedgerState>;
  /** One line about the site's ledger for its tooltip (e.g. torn lines ignored), by site name. */
  ledgerNotes?: ReadonlyMap<string, string>;
  /** Sites whose ledger has ignored lines (git conflict markers…): their row shows the problem, not counts. */
  ledgerProblems?: ReadonlyMap<string, LedgerTrouble>;
  today?: Date;
  /** When a plan sets no `spec.expiryWarningDays`; default 30. */
  expiryWarningDays?: number;
  /** Add a "Pending changes" node per site (the reconcile plan: what apply would do). */
  pendingChanges?: boolean;
  /** The last cached lmstat reading of each License Server: shown under its node. */
  usageOf?: UsageReader;
  /** The last imported licenses log of each License Server: its denials, under its node. */
  licensesLogOf?: LicensesLogReader;
}

/** Statuses that are worth a word in the description; the others show by counts alone. */
const SAID: ReadonlySet<NodeStatus> = new Set(['broken', 'expired', 'blocked', 'violation', 'under-planned', 'pending-offline', 'expiring']);

export function buildSiteTree(input: TreeInput): SiteTree {
  const steps = siteTreeSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same tree a site at a time: the caller may yield between sites (a workspace of 200 sites takes ~0.6 s). */
export function* siteTreeSteps(input: TreeInput): Generator<void, SiteTree> {
  // One pass over every site: the readers look for each folder of readings and logs once (most have none).
  input = { ...input, usageOf: onePass(input.usageOf), licensesLogOf: onePass(input.licensesLogOf) };
  const byId = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  const seenSites = new Set<string>();
  for (const site of input.index.sites()) {
    roots.push(buildSite(input, site, siteIdOf(site, seenSites), byId));
    yield;
  }
  return { roots, byId };
}

/** A reader's one-pass form when it has one (lmstat/cache.ts, lmstat/licensesLogCache.ts). */
function onePass<R extends object>(reader: R | undefined): R | undefined {
  return reader && 'forOnePass' in reader && typeof reader.forOnePass === 'function' ? (reader.forOnePass() as R) : reader;
}

/**
 * The sites' rows alone, from the site files, while the plans and ledgers are still being read: each row
 * says it is checking and claims no status (no badge, no counts), so the view never shows a state the
 * plans have not decided. Same ids as the full tree's, so the view keeps its selection when that arrives.
 */
export function buildSiteRows(index: WorkspaceIndex, planFiles: number): SiteTree {
  const byId = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  const seenSites = new Set<string>();
  const checking = t('checking the plans…');
  for (const site of index.sites()) {
    const node: TreeNode = {
      ...siteRow(site, siteIdOf(site, seenSites)),
      description: `${site.connectivity ?? 'connectivity not set'} · ${checking}`,
      status: 'none',
      loading: true,
      tooltip: t('**{0}**: reading the workspace\'s {1} plan file(s) and the ledgers; the status follows.', site.name || '(no name)', planFiles),
      contextValue: 'bms.loading',
      planned: 0,
      activated: 0,
      children: [],
    };
    byId.set(node.id, node);
    roots.push(node);
  }
  return { roots, byId };
}

/** What a site's row is whatever its status: its id, label, place in the site file and connectivity. */
function siteRow(site: Site, id: string): Pick<TreeNode, 'id' | 'kind' | 'label' | 'location' | 'site' | 'connectivity' | 'licenses'> {
  return { id, kind: 'site', label: site.name || '(no name)', location: { uri: site.uri, span: site.span, focus: site.at['metadata.name'] ?? site.span }, site: site.name, connectivity: site.connectivity, licenses: [] };
}

/** A site row's id: its name; two Site documents with one name (or none) keep both rows, each with its own stable id. */
function siteIdOf(site: Site, seen: Set<string>): string {
  const id = !site.name || seen.has(site.name) ? `site:${site.name}@${site.uri}#${site.span.start}` : `site:${site.name}`;
  seen.add(site.name);
  return id;
}

function buildSite(input: TreeInput, site: Site, siteId: string, byId: Map<string, TreeNode>): TreeNode {
  const ctx: LicenseContext = {
    site,
    plans: site.name ? input.index.plansFor(site.name) : [],
    ledger: input.ledgers?.get(site.name),
    today: input.today ?? new Date(),
    expiryWarningDays: input.expiryWarningDays ?? 30,
  };
  const offline = site.connectivity === 'offline' ? '.offline' : '';
  const simulated = activationOf(site) === 'simulator';
  const ids = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    // Every id handed out is in byId before the next is asked for (this site's and the others').
    for (let n = 2; byId.has(id); n++) id = `${base}#${n}`;
    ids.add(id);
    return id;
  };
  // What the site file itself requires of a server (devices counted, attach licenses): under-planned or a violation.
  const required = new Map<string, Requirement[]>();
  for (const r of siteRequirements(site)) required.set(r.server, [...(required.get(r.server) ?? []), r]);
  // What validate says blocks (the Pending changes node asks for the same check, kept per site).
  const check = input.pendingChanges ? siteCheckOf(input.index, site, ctx.plans, ctx.today) : undefined;
  /** A target's node; `tooltipLater` makes its tooltip when first read (servers: 11,000 on a 200-site tree). */
  const target = (kind: TreeNode['kind'], id: string, type: string | undefined, parentId: string, span: Span, focus: Span | undefined, tooltipLater?: (status: NodeStatus, licenses: TargetLicense[]) => () => string) => {
    const licenses = licensesOf(ctx, id);
    if (check && check.stopping.length === 0) {
      for (const l of licenses) {
        const b = l.plannedQuantity !== undefined ? check.blockerOf(id, l.activationId) : undefined;
        if (b) l.blockedBy = { code: b.code, message: b.message, where: b.where };
      }
    }
    const status = kind === 'server' ? worst([targetStatus(licenses, type), ...requiredStatuses(required.get(id) ?? [], licenses)]) : targetStatus(licenses);
    // Licenses, not assignments: 5 client seats planned on a License Server count 5.
    const planned = sum(licenses, (l) => l.plannedQuantity ?? 0);
    const activated = sum(licenses, activatedOfPlanned);
    const fields: Omit<TreeNode, 'tooltip'> = {
      id: uniqueId(`${siteId}/${kind}:${id}`),
      parentId,
      kind,
      type,
      label: id,
      description: describe(kind === 'licenseServer' ? t('License Server') : typeLabel(type), planned, activated, status, simulated),
      status,
      location: { uri: site.uri, span, focus: focus ?? span },
      contextValue: `bms.${kind}${kind === 'server' ? `.${type ?? 'unknown'}` : ''}${actionFlags(licenses)}${offline}`,
      site: site.name,
      connectivity: site.connectivity,
      target: id,
      planned,
      activated,
      licenses,
      children: [],
    };
    // Set after the literal, not spread into it: a spread makes each of the 11,000 nodes of a 200-site tree slowly.
    if (simulated) fields.simulated = simulated;
    const node = tooltipLater ? nodeWithLazy('tooltip', tooltipLater(status, licenses), fields) : Object.assign(fields, { tooltip: '' });
    byId.set(node.id, node);
    return node;
  };

  const children: TreeNode[] = [];
  if (site.licenseServers.length > 0) {
    const group = groupNode(siteId, 'licenseServers', t('License Servers'), site, byId);
    for (const ls of site.licenseServers) {
      const node = target('licenseServer', ls.id, undefined, group.id, ls.span, ls.at.id);
      const servedBy = [...site.servers.filter((s) => s.licenseServer === ls.id), ...site.clients.filter((c) => c.licenseServers.includes(ls.id))].map((x) => x.id);
      node.tooltip = licenseServerTooltip(ls, node.status, node.licenses, servedBy);
      if (input.usageOf) addUsage(node, input.usageOf(site.name, ls.id), ls, byId);
      if (input.licensesLogOf) addLicensesLog(node, input.licensesLogOf(site.name, ls.id), byId);
      group.children.push(node);
    }
    children.push(rollUp(group));
  }
  const servers = new Map<string, Server>(site.servers.map((s) => [s.id, s]));
  const addServer = (server: Server, parentId: string, seen: Set<string>): TreeNode => {
    const node = target('server', server.id, server.type, parentId, server.span, server.at.id, (status, licenses) => () => [serverTooltip(server, status, licenses), ...unmetRequirements(required.get(server.id) ?? [], licenses)].join('\n\n'));
    seen.add(server.id);
    for (const childId of server.children) {
      const child = servers.get(childId);
      if (child && child.parent === server.id && !seen.has(childId)) node.children.push(addServer(child, node.id, seen));
    }
    return node;
  };
  const seen = new Set<string>();
  for (const server of site.servers) if (server.parent === undefined) children.push(addServer(server, siteId, seen));
  if (site.clients.length > 0) {
    const group = groupNode(siteId, 'clients', t('Clients'), site, byId);
    for (const client of site.clients) {
      const node = target('client', client.id, client.type, group.id, client.span, client.at.id);
      node.tooltip = clientTooltip(client, node.status, node.licenses);
      group.children.push(node);
    }
    children.push(rollUp(group));
  }

  if (input.pendingChanges) children.push(pendingChangesLater(byId, site, siteId, ctx.plans, ctx.ledger, ctx.today, check));
  // This site's nodes only (byId holds every site's): 200 sites stay linear.
  const all = [...ids].flatMap((id) => byId.get(id) ?? []).filter((n) => n.target !== undefined);
  const planned = sum(all, (n) => n.planned);
  const activated = sum(all, (n) => n.activated);
  const trouble = input.ledgerProblems?.get(site.name);
  const status = trouble ? 'ledger' : worst(all.map((n) => n.status));
  const connectivity = site.connectivity ?? 'connectivity not set';
  const root: TreeNode = {
    ...siteRow(site, siteId),
    // A ledger with conflict markers folds the lines of one side only: no counts from it.
    description: trouble ? ledgerTroubleLabel(connectivity, trouble) : describe(simulated ? `${connectivity} · ${t('simulator')}` : connectivity, planned, activated, status, simulated),
    ...(simulated ? { simulated } : {}),
    status,
    tooltip: siteTooltip(site, status, planned, activated, input.ledgerNotes?.get(site.name)),
    contextValue: `bms.site${actionFlags(all.flatMap((n) => n.licenses))}${offline}`,
    planned,
    activated,
    children,
  };
  byId.set(siteId, root);
  return root;
}

function groupNode(siteId: string, kind: 'licenseServers' | 'clients', label: string, site: Site, byId: Map<string, TreeNode>): TreeNode {
  const key = kind === 'licenseServers' ? 'spec.licenseServers' : 'spec.clients';
  const span = site.at[key] ?? site.span;
  const node: TreeNode = {
    id: `${siteId}/${kind}`,
    parentId: siteId,
    kind,
    label,
    description: '',
    status: 'none',
    tooltip: '',
    location: { uri: site.uri, span, focus: site.at[`$key:${key}`] ?? span },
    contextValue: `bms.group.${kind}`,
    ...(activationOf(site) === 'simulator' ? { simulated: true } : {}),
    site: site.name,
    connectivity: site.connectivity,
    planned: 0,
    activated: 0,
    licenses: [],
    children: [],
  };
  byId.set(node.id, node);
  return node;
}

/** A group shows the worst status and the sums of its members. */
function rollUp(group: TreeNode): TreeNode {
  group.planned = sum(group.children, (n) => n.planned);
  group.activated = sum(group.children, (n) => n.activated);
  group.status = worst(group.children.map((n) => n.status));
  group.description = describe(`${group.children.length}`, group.planned, group.activated, group.status, group.simulated);
  const counts = group.simulated ? t('{0} of {1} planned licenses simulated (nothing activated on the real system).', group.activated, group.planned) : t('{0} of {1} planned licenses activated.', group.activated, group.planned);
  group.tooltip = `**${group.label}** · ${t('site {0}', group.site)}\n\n${counts} ${t('Status: {0}', statusLabel(group.status))}`;
  return group;
}

function ledgerTroubleLabel(connectivity: string, trouble: LedgerTrouble): string {
  const what = trouble.conflict !== undefined ? t('ledger: merge conflict at line {0}, resolve it', trouble.conflict) : t('ledger: {0} line(s) ignored', trouble.ignored);
  return `${connectivity} · ${what}`;
}

/** A sentence for each requirement of the site file the plan does not meet, for the server's tooltip. */
function unmetRequirements(requirements: readonly Requirement[], licenses: TargetLicense[]): string[] {
  return requirements.flatMap((r) => {
    const planned = licenses.filter((l) => l.feature === r.feature).reduce((n, l) => n + (l.plannedQuantity ?? 0), 0);
    return planned < r.required ? [`**Under-planned:** ${r.required} ${md(r.feature)} required, ${planned} planned: ${md(r.from)}.`] : [];
  });
}

/** Under-planned or violation where a server has fewer of a required feature planned (or activated) than its site file requires. */
function requiredStatuses(requirements: readonly Requirement[], licenses: TargetLicense[]): NodeStatus[] {
  const out: NodeStatus[] = [];
  for (const r of requirements) {
    const lines = licenses.filter((l) => l.feature === r.feature);
    const planned = lines.reduce((n, l) => n + (l.plannedQuantity ?? 0), 0);
    const activated = lines.reduce((n, l) => n + (['activated', 'short', 'unplanned'].includes(l.state) ? (l.activatedQuantity ?? 0) : 0), 0);
    const kind = licenseStatus({ required: r.required, planned, activated }).kind;
    if (kind === 'under-planned' || kind === 'violation') out.push(kind);
  }
  return out;
}

/** `es-01 · 2/2 activated`; on a simulator site `2/2 simulated`: a simulation never reads as an activation. */
function describe(what: string, planned: number, activated: number, status: NodeStatus, simulated = false): string {
  const parts = [what];
  if (planned > 0) parts.push(simulated ? tMany('{0}/{1} simulated', activated, planned) : tMany('{0}/{1} activated', activated, planned));
  if (SAID.has(status)) parts.push(statusLabel(status));
  return parts.join(' · ');
}

/**
 * What the menus may offer on a node, in its contextValue: `.toActivate` (something planned is not active),
 * `.active` (something is active: reclaim, return), `.broken` (repair). Nothing irreversible where it has no work.
 */
function actionFlags(licenses: TargetLicense[]): string {
  const states = new Set(licenses.map((l) => l.state));
  let flags = '';
  if (states.has('planned')) flags += '.toActivate';
  if (states.has('activated') || states.has('short') || states.has('unplanned')) flags += '.active';
  if (states.has('broken')) flags += '.broken';
  return flags;
}

/** How many of a planned license's quantity are active (a reclaim short of the plan counts what it has). */
function activatedOfPlanned(l: TargetLicense): number {
  if (l.plannedQuantity === undefined) return 0;
  if (isActivated(l)) return l.plannedQuantity;
  return l.state === 'short' ? Math.min(l.activatedQuantity ?? 0, l.plannedQuantity) : 0;
}

function sum<T>(nodes: T[], f: (n: T) => number): number {
  return nodes.reduce((a, n) => a + f(n), 0);
}
