// Under a License Server node: what it reported at the last usage refresh (lmstat): a status row, then its
// features with seats in use / issued, each with the users holding them.
import { isReadingOf, type CachedUsage } from '../lmstat/cache';
import type { UsageFeature, UsageUser } from '../lmstat/summary';
import type { LicenseServer } from '../model';
import { readingLabel, readingTime } from '../rules/usage';
import { code, md } from './labels';
import type { TreeNode } from './types';

/** `in use / issued`, or what stands in for it when lmstat gives no count. */
export function seatsLabel(f: UsageFeature): string {
  if (f.error) return f.error.code ? `error ${f.error.code}: ${f.error.title}` : `error: ${f.error.title.replace(/^error:\s*/i, '')}`;
  const queued = f.queued > 0 ? ` · ${f.queued} queued` : '';
  if (f.uncounted) return `uncounted · ${f.users.length + f.usersOmitted} in use${queued}`;
  if (f.issued === null) return 'not counted';
  if (f.inUse === null) return `${f.issued} issued`;
  return `${f.inUse} / ${f.issued}${queued}`;
}

const STATE_WORDS: Record<CachedUsage['state'], string> = {
  up: 'up',
  degraded: 'partly down',
  down: 'DOWN',
  unknown: 'license file only (lmstat -i)',
};

/** A row under a License Server: a usage reading's status, feature or user, or a licenses log's rows. */
export function usageNode(parent: TreeNode, id: string, type: 'status' | 'feature' | 'user' | 'log' | 'denial', label: string, description: string, tooltip: string): TreeNode {
  return {
    id,
    parentId: parent.id,
    kind: 'usage',
    type,
    label,
    description,
    status: 'none',
    tooltip,
    contextValue: `bms.usage.${type}`,
    site: parent.site,
    connectivity: parent.connectivity,
    planned: 0,
    activated: 0,
    licenses: [],
    children: [],
  };
}

function userNode(parent: TreeNode, u: UsageUser, i: number): TreeNode {
  const where = [u.host && `on ${u.host}`, u.display && u.display !== u.host ? `(${u.display})` : undefined].filter(Boolean).join(' ');
  const count = u.licenses > 1 ? ` · ${u.licenses} licenses` : '';
  const description = `${where}${where ? ' · ' : ''}since ${u.start}${count}`;
  return usageNode(parent, `${parent.id}/user:${i}`, 'user', u.user, description, `${md(u.user)} ${md(description)}`);
}

function featureTooltip(f: UsageFeature, lsId: string): string {
  const lines = [`**${md(f.name)}** on License Server ${code(lsId)}: ${md(seatsLabel(f))}${f.uncounted || f.issued === null ? '' : ' (in use / issued)'}`];
  if (f.expiry) lines.push(f.expiry === 'permanent' ? 'Permanent.' : `Expires ${md(f.expiry)}.`);
  if (f.error) lines.push(`${md(f.error.message)}: ${md(f.error.title)} ${md(f.error.action)}`);
  if (f.usersOmitted > 0) lines.push(`${f.usersOmitted} more users are not listed.`);
  return lines.join('\n\n');
}

/** Adds the usage rows of one License Server node; a reading of another address is not shown. */
export function addUsage(node: TreeNode, usage: CachedUsage | undefined, ls: LicenseServer, byId: Map<string, TreeNode>): void {
  if (!usage || !isReadingOf(usage, ls.address)) return;
  const add = (n: TreeNode) => {
    byId.set(n.id, n);
    return n;
  };
  const when = readingLabel(usage);
  const e = usage.error;
  const errorText = e ? `${e.code ? `${e.code} ` : ''}${e.title}` : '';
  const description = [STATE_WORDS[usage.state], errorText, readingTime(usage)].filter(Boolean).join(' · ');
  const tooltip = [
    `**Usage** of License Server ${code(ls.id)}: ${md(STATE_WORDS[usage.state])}, at the last refresh (${md(when)}).`,
    e ? `${md(e.message)}\n\n${md(e.title)} ${md(e.action)}` : '',
    usage.state === 'down' || usage.state === 'degraded' ? 'Fix it, then run **Refresh License Server Usage**.' : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const status = add(usageNode(node, `${node.id}/usage`, 'status', 'Usage', description, tooltip));
  status.location = node.location && ls.at.address ? { uri: node.location.uri, span: ls.at.address, focus: ls.at.address } : node.location;
  node.children.push(status);
  for (const f of usage.features) {
    const feature = add(usageNode(node, `${node.id}/feature:${f.name}`, 'feature', f.name, seatsLabel(f), featureTooltip(f, ls.id)));
    feature.children = f.users.map((u, i) => add(userNode(feature, u, i)));
    node.children.push(feature);
  }
  if (usage.state === 'down' || usage.state === 'degraded') {
    node.description = `${node.description} · ${usage.state === 'down' ? 'down' : 'partly down'}`;
    node.tooltip = `${node.tooltip}\n\n**${usage.state === 'down' ? 'Down' : 'Partly down'}** at the last usage refresh (${md(when)})${e ? `: ${md(e.title)}` : ''}`;
  }
}
