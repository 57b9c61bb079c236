// Markdown tooltips of the tree nodes: what the thing is, and each license planned or recorded on it.
import type { Client, LicenseServer, Server, Site } from '../model';
import { code, md, statusLabel, typeLabel } from './labels';
import type { NodeStatus, TargetLicense } from './types';
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
      ? `planned ×${l.plannedQuantity}${l.activatedQuantity !== undefined && l.activatedQuantity !== l.plannedQuantity ? `, activated ×${l.activatedQuantity}` : ''}`
      : `activated ×${l.activatedQuantity ?? '?'}`;
  const expires = l.expires ? (l.expires === 'permanent' ? 'permanent' : `expires ${md(l.expires)}${l.expiry === 'expired' ? ' (**expired**)' : l.expiry === 'expiring' ? ' (**expiring soon**)' : ''}`) : undefined;
  const pending = l.pending ? `; an offline ${l.pending} request waits for its response` : '';
  return `- ${code(l.activationId)}${what ? ` ${what}` : ''}: ${[qty, expires].filter(Boolean).join(', ')}. ${stateSentence(l)}${pending}.`;
}

function stateSentence(l: TargetLicense): string {
  // Where it came from, after the date: "Activated on 2026-11-23 (simulated)" (a line counted without a site to judge it by: no label).
  const on = `${l.at ? ` on ${l.at.slice(0, 10)}` : ''}${l.source && l.source !== 'unknown' && l.state !== 'planned' && l.state !== 'requested' ? ` (${sourceLabel(l.source as Source)})` : ''}`;
  const since = l.at ? ` since ${l.at.slice(0, 10)}` : '';
  const tx = l.transaction ? `, transaction ${code(l.transaction)}` : '';
  switch (l.state) {
    case 'planned':
      return 'Not activated yet';
    case 'activated':
      return `Activated${on}${tx}`;
    case 'short':
      return `Activated${on}${tx}, with less than planned: reclaim`;
    case 'requested':
      return `Offline request created${on}, no response imported yet`;
    case 'return-pending':
      return `Returned offline${on}${tx}, waiting for the confirmation on the LAS`;
    case 'broken':
      return `Broken${since}${tx}: repair needed`;
    case 'unplanned':
      return `Activated${on}${tx}; not in the plan any more`;
  }
}

function licensesSection(licenses: TargetLicense[]): string {
  if (licenses.length === 0) return '_No license planned here._';
  return ['**Licenses**', '', ...licenses.map(licenseLine)].join('\n');
}

function header(title: string, kind: string, status: NodeStatus): string {
  return `**${md(title)}** · ${md(kind)}\n\nStatus: ${statusLabel(status)}`;
}

export function serverTooltip(server: Server, status: NodeStatus, licenses: TargetLicense[]): string {
  const facts = fields([
    ['Host', server.host ? code(server.host) : undefined],
    ['License Server', server.licenseServer ? code(server.licenseServer) : undefined],
  ]);
  return [header(server.id, typeLabel(server.type), status), facts, licensesSection(licenses)].filter(Boolean).join('\n\n');
}

export function licenseServerTooltip(ls: LicenseServer, status: NodeStatus, licenses: TargetLicense[], servedBy: string[]): string {
  const facts = fields([
    ['Host', ls.host ? code(ls.host) : undefined],
    ['Address', ls.address ? code(ls.address) : undefined],
    ['Host id', ls.hostId ? code(ls.hostId) : undefined],
  ]);
  const serves = servedBy.length > 0 ? `Used by ${servedBy.map(code).join(', ')}` : undefined;
  return [header(ls.id, 'License Server', status), facts, serves, licensesSection(licenses)].filter(Boolean).join('\n\n');
}

export function clientTooltip(client: Client, status: NodeStatus, licenses: TargetLicense[]): string {
  const facts = fields([
    ['Host', client.host ? code(client.host) : undefined],
    ['License Servers', client.licenseServers.length > 0 ? client.licenseServers.map(code).join(', ') : undefined],
  ]);
  return [header(client.id, typeLabel(client.type), status), facts, licensesSection(licenses)].filter(Boolean).join('\n\n');
}

export function siteTooltip(site: Site, status: NodeStatus, planned: number, activated: number, ledgerNote?: string): string {
  const facts = fields([
    ['Customer', site.customer ? md(site.customer) : undefined],
    ['Contact', site.contact ? md(site.contact) : undefined],
    ['EBO version', site.version ? md(site.version) : undefined],
    ['Connectivity', site.connectivity ? md(site.connectivity) : 'not set'],
    ['Activation', activationOf(site)],
  ]);
  const simulated = activationOf(site) === 'simulator';
  const counts = simulated ? `${activated} of ${planned} planned licenses simulated: nothing is activated on the real system.` : `${activated} of ${planned} planned licenses activated.`;
  return [header(site.name || '(no name)', 'Site', status), facts, counts, ledgerNote ? md(ledgerNote) : undefined].filter(Boolean).join('\n\n');
}
