// Under a License Server node: what its last imported licenses log says (help 6953): denials and queued
// checkouts per feature and user, clock-difference denials called out.
import type { CachedLicensesLog } from '../lmstat/licensesLogCache';
import { clockAdvice, problemsLabel, type UserProblem } from '../lmstat/licensesLogSummary';
import { code, md } from './labels';
import type { TreeNode } from './types';
import { usageNode } from './usage';

const logNode = (parent: TreeNode, id: string, type: 'log' | 'denial', label: string, description: string, tooltip: string) => usageNode(parent, id, type, label, description, tooltip);

function problemRow(parent: TreeNode, p: UserProblem, i: number): TreeNode {
  const what = p.kind === 'QUEUED' ? 'queued' : p.kind === 'UNSUPPORTED' ? 'unsupported' : 'denied';
  const times = p.count === 1 ? `at ${p.first}` : `${p.count}× ${p.first} – ${p.last}`;
  const description = `${what} · ${p.who} · ${times}`;
  const advice = p.code === '-34' ? `${clockAdvice(p)}.` : (p.action ?? '');
  const tooltip = [`**${md(p.feature)}** ${what} for ${code(p.who)}, ${md(times)}.`, p.reason ? `${md(p.reason)}${p.code ? ` (${md(p.code)})` : ''}.` : '', md(advice)].filter(Boolean).join('\n\n');
  return logNode(parent, `${parent.id}/denial:${i}`, 'denial', p.feature, description, tooltip);
}

/** Adds the licenses log row of one License Server node, and says on the node when checkouts were denied. */
export function addLicensesLog(node: TreeNode, log: CachedLicensesLog | undefined, byId: Map<string, TreeNode>): void {
  if (!log) return;
  const label = problemsLabel(log);
  const period = log.from ? `${log.from} – ${log.to}` : 'no dated event';
  const row = logNode(
    node,
    `${node.id}/licenses-log`,
    'log',
    'Licenses log',
    `${label} · ${log.file}`,
    `**Licenses log** of License Server ${code(log.licenseServer)} (${md(log.file)}, imported ${md(log.at.slice(0, 10))}): ${log.events} checkout events, ${md(period)}. ${md(label)}.${log.clockDenials > 0 ? `\n\n${log.clockDenials} checkout(s) denied because a client's clock is more than 24 hours off the License Server's (FlexNet -34).` : ''}`,
  );
  byId.set(row.id, row);
  row.children = log.problems.map((p, i) => {
    const n = problemRow(row, p, i);
    byId.set(n.id, n);
    return n;
  });
  node.children.push(row);
  if (log.denied > 0 || log.queued > 0) {
    node.description = `${node.description} · log: ${label}`;
    node.tooltip = `${node.tooltip}\n\n**Licenses log** (${md(log.file)}): ${md(label)}.`;
  }
}
