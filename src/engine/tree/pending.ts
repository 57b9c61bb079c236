// The "Pending changes" node of a site: what `apply` would do (the reconcile plan), one child per action,
// the count as its badge. Built only when the tree input asks for it (`pendingChanges`).
import type { LedgerState } from '../ledger/fold';
import { fold } from '../ledger/fold';
import type { LicensePlan, Site } from '../model';
import { actionSign, describeAction, summaryLine } from '../reconcile/format';
import { reconcile } from '../reconcile/reconcile';
import type { TreeNode } from './types';

/** Adds the node (and its children) to the tree's lookup and returns it. */
export function withPendingChanges(byId: Map<string, TreeNode>, node: TreeNode): TreeNode {
  for (const n of [node, ...node.children]) byId.set(n.id, n);
  return node;
}

export function pendingChangesNode(site: Site, siteId: string, plans: LicensePlan[], ledger: LedgerState | undefined, today: Date): TreeNode {
  const plan = reconcile(site, plans, ledger ?? fold([]), { today });
  const id = `${siteId}/pendingChanges`;
  const common = { site: site.name, connectivity: site.connectivity, planned: 0, activated: 0, licenses: [], children: [] as TreeNode[] };
  // By plan name and index, built once: one search per action made a 500-action site quadratic.
  const byIndex = new Map<string, Map<number, LicensePlan['assignments'][number]>>();
  const assignmentAt = (plan: string, index: number) => {
    let m = byIndex.get(plan);
    if (!m) byIndex.set(plan, (m = new Map((plans.find((p) => p.name === plan)?.assignments ?? []).map((x) => [x.index, x]))));
    return m.get(index);
  };
  const children = plan.actions.map((a, i): TreeNode => {
    const ref = a.assignments?.[0];
    const assignment = ref ? assignmentAt(ref.plan, ref.index) : undefined;
    const planUri = ref ? plans.find((p) => p.name === ref.plan)?.uri : undefined;
    return {
      ...common,
      children: [],
      id: `${id}/${i}:${a.kind}:${a.target}:${a.activationId}:${a.transaction ?? a.requestId ?? ''}`,
      parentId: id,
      kind: 'pendingAction',
      type: a.kind,
      label: `${actionSign(a)} ${a.kind} ${a.kind === 'import-response' ? a.requestId : a.activationId}${a.quantity ? ` ×${a.quantity}` : ''}`,
      description: a.blocked ? `${a.target} · cannot be applied` : a.target,
      status: a.blocked ? 'violation' : a.waitsFor || a.kind === 'confirm-return' ? 'pending-offline' : 'planned',
      tooltip: describeAction(a),
      location: assignment && planUri ? { uri: planUri, span: assignment.span, focus: assignment.span } : undefined,
      contextValue: `bms.pendingAction.${a.kind}`,
      target: a.target,
    };
  });
  return {
    ...common,
    id,
    parentId: siteId,
    kind: 'pendingChanges',
    label: 'Pending changes',
    description: children.length > 0 ? `${children.length}` : 'none',
    status: children.length > 0 ? 'planned' : 'none',
    tooltip: `**Pending changes** of site ${site.name}: what Review and Apply would do.\n\n${summaryLine(plan.summary)}`,
    contextValue: children.length > 0 ? 'bms.pendingChanges' : 'bms.pendingChanges.none',
    children,
  };
}
