// Markdown tooltips of the tree nodes: what the thing is, and each license planned or recorded on it.
import { versionLabel, type Client, type LicenseServer, type Server, type Site } from '../model';
import { code, md, statusLabel, typeLabel } from './labels';
import type { NodeStatus, TargetLicense } from './types';
import { t } from '../l10n';
import { sourceLabel, type Source } from '../ledger/provenance';
import { activationOf } from '../model';

function fields(pairs: [string, string | undefined][]): string {
  return pairs
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
}

function licenseLine(l: TargetLicense): string {
  const what = [l.feature ? code(l.feature) : undefined, l.licenseType ? md(l.licenseType) : undefined].filter(Boolean).join(', ');
  const qty =
    l.plannedQuantity !== undefined
      ? `${t('planned ×{0}', l.plannedQuantity)}${l.activatedQuantity !== undefined && l.activatedQuantity !== l.plannedQuantity ? `, ${t('activated ×{0}', l.activatedQuantity)}` : ''}`
      : t('activated ×{0}', l.activatedQuantity ?? '?');
  const expires = l.expires
    ? l.expires === 'permanent'
      ? t('permanent')
      : `${t('expires {0}', md(l.expires))}${l.expiry === 'expired' ? ` (**${t('expired')}**)` : l.expiry === 'expiring' ? ` (**${t('expiring soon')}**)` : ''}`
    : undefined;
  const pending = l.pending ? t('; an offline {0} request waits for its response', l.pending) : '';
  const blocked = l.blockedBy ? `; **${t('blocked by {0}', l.blockedBy.code)}** (${md(l.blockedBy.where)}): ${md(l.blockedBy.message)}` : '';
  return `- ${code(l.activationId)}${what ? ` ${what}` : ''}: ${[qty, expires].filter(Boolean).join(', ')}. ${stateSentence(l)}${pending}${blocked}.`;
}

function stateSentence(l: TargetLicense): string {
  // Where it came from, after the date: "Activated on 2026-11-23 (simulated)" (a line counted without a site to judge it by: no label).
  const on = `${l.at ? ` ${t('on {0}', l.at.slice(0, 10))}` : ''}${l.source && l.source !== 'unknown' && l.state !== 'planned' && l.state !== 'requested' ? ` (${sourceLabel(l.source as Source)})` : ''}`;
  const since = l.at ? ` ${t('since {0}', l.at.slice(0, 10))}` : '';
  const tx = l.transaction ? `, ${t('transaction {0}', code(l.transaction))}` : '';
  switch (l.state) {
    case 'planned':
      return t('Not activated yet');
    case 'activated':
      return `${t('Activated')}${on}${tx}`;
    case 'short':
      return `${t('Activated')}${on}${tx}, ${t('with less than planned: reclaim')}`;
    case 'requested':
      return `${t('Offline request created')}${on}, ${t('no response imported yet')}`;
    case 'return-pending':
      return `${t('Returned offline')}${on}${tx}, ${t('waiting for the confirmation on the LAS')}`;
    case 'broken':
      return `${t('Broken')}${since}${tx}: ${t('repair needed')}`;
    case 'unplanned':
      return `${t('Activated')}${on}${tx}; ${t('not in the plan any more')}`;
  }
}

function licensesSection(licenses: TargetLicense[]): string {
  if (licenses.length === 0) return `_${t('No license planned here.')}_`;
  return [`**${t('Licenses')}**`, '', ...licenses.map(licenseLine)].join('\n');
}

function header(title: string, kind: string, status: NodeStatus): string {
  return `**${md(title)}** · ${md(kind)}\n\n${t('Status: {0}', statusLabel(status))}`;
}

export function serverTooltip(server: Server, status: NodeStatus, licenses: TargetLicense[]): string {
  const facts = fields([
    [t('Host'), server.host ? code(server.host) : undefined],
    [t('License Server'), server.licenseServer ? code(server.licenseServer) : undefined],
  ]);
  return [header(server.id, typeLabel(server.type), status), facts, licensesSection(licenses)].filter(Boolean).join('\n\n');
}

export function licenseServerTooltip(ls: LicenseServer, status: NodeStatus, licenses: TargetLicense[], servedBy: string[]): string {
  const facts = fields([
    [t('Host'), ls.host ? code(ls.host) : undefined],
    [t('Address'), ls.address ? code(ls.address) : undefined],
    [t('Host id'), ls.hostId ? code(ls.hostId) : undefined],
  ]);
  const serves = servedBy.length > 0 ? t('Used by {0}', servedBy.map(code).join(', ')) : undefined;
  return [header(ls.id, t('License Server'), status), facts, serves, licensesSection(licenses)].filter(Boolean).join('\n\n');
}

export function clientTooltip(client: Client, status: NodeStatus, licenses: TargetLicense[]): string {
  const facts = fields([
    [t('Host'), client.host ? code(client.host) : undefined],
    [t('License Servers'), client.licenseServers.length > 0 ? client.licenseServers.map(code).join(', ') : undefined],
  ]);
  return [header(client.id, typeLabel(client.type), status), facts, licensesSection(licenses)].filter(Boolean).join('\n\n');
}

export function siteTooltip(site: Site, status: NodeStatus, planned: number, activated: number, ledgerNote?: string): string {
  const facts = fields([
    [t('Customer'), site.customer ? md(site.customer) : undefined],
    [t('Contact'), site.contact ? md(site.contact) : undefined],
    [t('EBO version'), site.version ? md(versionLabel(site.version)) : undefined],
    [t('Tier'), site.tier ? md(site.tier) : undefined],
    [t('Connectivity'), site.connectivity ? md(site.connectivity) : t('not set')],
    [t('Activation'), activationOf(site)],
  ]);
  const simulated = activationOf(site) === 'simulator';
  const counts = simulated ? t('{0} of {1} planned licenses simulated: nothing is activated on the real system.', activated, planned) : t('{0} of {1} planned licenses activated.', activated, planned);
  return [header(site.name || t('(no name)'), t('Site'), status), facts, counts, ledgerNote ? md(ledgerNote) : undefined].filter(Boolean).join('\n\n');
}
