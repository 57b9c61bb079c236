// Workspace index + ledger fold → the site tree: sites → License Servers, the server hierarchy, clients.
import type { LedgerState } from '../ledger/fold';
import type { UsageReader } from '../lmstat/cache';
import type { WorkspaceIndex } from '../load/workspace';
import { activationOf, type Server, type Site, type Span } from '../model';
import { statusLabel, typeLabel } from './labels';
import { isActivated, licensesOf, targetStatus, worst, type LicenseContext } from './licenses';
import { clientTooltip, licenseServerTooltip, serverTooltip, siteTooltip } from './tooltip';
import { siteCheckOf } from './siteChecks';
import { pendingChangesNode, withPendingChanges } from './pending';
import type { NodeStatus, SiteTree, TreeNode } from './types';
import { addUsage } from './usage';
import { addLicensesLog } from './licensesLog';
import type { LicensesLogReader } from '../lmstat/licensesLogCache';
import { t } from '../l10n';

export interface TreeInput {
  index: WorkspaceIndex;
  /** The ledger fold of each site, by `metadata.name`. */
  ledgers?: ReadonlyMap<string, LedgerState>;
  /** One line about the site's ledger for its tooltip (e.g. torn lines ignored), by site name. */
  ledgerNotes?: ReadonlyMap<string, string>;
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
const SAID: ReadonlySet<NodeStatus> = new Set(['broken', 'expired', 'violation', 'pending-offline', 'expiring']);

export function buildSiteTree(input: TreeInput): SiteTree {
  const steps = siteTreeSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same tree a site at a time: the caller may yield between sites (a workspace of 200 sites takes ~0.6 s). */
export function* siteTreeSteps(input: TreeInput): Generator<void, SiteTree> {
  const byId = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  const seenSites = new Set<string>();
  for (const site of input.index.sites()) {
    roots.push(buildSite(input, site, siteIdOf(site, seenSites), byId));
    yield;
  }
  return { roots, byId };
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
    for (let n = 2; ids.has(id) || byId.has(id); n++) id = `${base}#${n}`;
    ids.add(id);
    return id;
  };
  const target = (kind: TreeNode['kind'], id: string, type: string | undefined, parentId: string, span: Span, focus: Span | undefined) => {
    const licenses = licensesOf(ctx, id);
    const status = targetStatus(licenses, kind === 'server' ? type : undefined);
    const planned = licenses.filter((l) => l.plannedQuantity !== undefined).length;
    const activated = licenses.filter(isActivated).length;
    const node: TreeNode = {
      ...(simulated ? { simulated } : {}),
      id: uniqueId(`${siteId}/${kind}:${id}`),
      parentId,
      kind,
      type,
      label: id,
      description: describe(kind === 'licenseServer' ? t('License Server') : typeLabel(type), planned, activated, status, simulated),
      status,
      tooltip: '',
      location: { uri: site.uri, span, focus: focus ?? span },
      contextValue: `bms.${kind}${kind === 'server' ? `.${type ?? 'unknown'}` : ''}${offline}`,
      site: site.name,
      connectivity: site.connectivity,
      target: id,
      planned,
      activated,
      licenses,
      children: [],
    };
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
    const node = target('server', server.id, server.type, parentId, server.span, server.at.id);
    node.tooltip = serverTooltip(server, node.status, node.licenses);
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

  if (input.pendingChanges) children.push(withPendingChanges(byId, pendingChangesNode(site, siteId, ctx.plans, ctx.ledger, ctx.today, siteCheckOf(input.index, site, ctx.plans, ctx.today))));
  // This site's nodes only (byId holds every site's): 200 sites stay linear.
  const all = [...ids].flatMap((id) => byId.get(id) ?? []).filter((n) => n.target !== undefined);
  const planned = sum(all, (n) => n.planned);
  const activated = sum(all, (n) => n.activated);
  const status = worst(all.map((n) => n.status));
  const connectivity = site.connectivity ?? 'connectivity not set';
  const root: TreeNode = {
    ...siteRow(site, siteId),
    description: describe(simulated ? `${connectivity} · ${t('simulator')}` : connectivity, planned, activated, status, simulated),
    ...(simulated ? { simulated } : {}),
    status,
    tooltip: siteTooltip(site, status, planned, activated, input.ledgerNotes?.get(site.name)),
    contextValue: `bms.site${offline}`,
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
  group.tooltip = `**${group.label}** of site ${group.site}\n\n${group.activated} of ${group.planned} planned licenses ${group.simulated ? 'simulated (nothing activated on the real system)' : 'activated'}. Status: ${statusLabel(group.status)}.`;
  return group;
}

/** `es-01 · 2/2 activated`; on a simulator site `2/2 simulated`: a simulation never reads as an activation. */
function describe(what: string, planned: number, activated: number, status: NodeStatus, simulated = false): string {
  const parts = [what];
  if (planned > 0) parts.push(simulated ? t('{0}/{1} simulated', activated, planned) : t('{0}/{1} activated', activated, planned));
  if (SAID.has(status)) parts.push(statusLabel(status));
  return parts.join(' · ');
}

function sum(nodes: TreeNode[], f: (n: TreeNode) => number): number {
  return nodes.reduce((a, n) => a + f(n), 0);
}
