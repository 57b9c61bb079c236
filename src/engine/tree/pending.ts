// The "Pending changes" node of a site: what `apply` would do (the reconcile plan), one child per action,
// the count as its badge. Built only when the tree input asks for it (`pendingChanges`).
import type { LedgerState } from '../ledger/fold';
import { fold } from '../ledger/fold';
import { activationOf, type LicensePlan, type Site } from '../model';
import { buildGuide, stepLines, TOOL_NAMES, type GuideStep } from '../guide';
import { actionSign, describeAction, summaryLine } from '../reconcile/format';
import { reconcile } from '../reconcile/reconcile';
import type { ReconcileAction } from '../reconcile/types';
import type { SiteCheck } from '../siteCheck';
import type { TreeNode } from './types';
import { decidedLater } from './lazy';
import { t } from '../l10n';

/**
 * Adds the node to the tree's lookup and returns it; its action rows are made, and added, the first time
 * someone asks for them (a workspace of 200 sites has some 40,000 of them, and nobody looks at most).
 */
export function withPendingChanges(byId: Map<string, TreeNode>, node: TreeNode & { rows?: () => TreeNode[] }): TreeNode {
  byId.set(node.id, node);
  const rows = node.rows;
  if (!rows) {
    for (const n of node.children) byId.set(n.id, n);
    return node;
  }
  delete node.rows;
  let made: TreeNode[] | undefined;
  Object.defineProperty(node, 'children', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!made) {
        made = rows();
        for (const n of made) byId.set(n.id, n);
      }
      return made;
    },
  });
  return node;
}

/**
 * The Pending changes node of a site, its reconcile run the first time the view (or a command) reads one of its
 * fields: nobody looks at most of a large workspace's, and a site's status does not depend on it.
 */
export function pendingChangesLater(byId: Map<string, TreeNode>, site: Site, siteId: string, plans: LicensePlan[], ledger: LedgerState | undefined, today: Date, check?: SiteCheck): TreeNode {
  const id = `${siteId}/pendingChanges`;
  const node = decidedLater({ ...commonOf(site), id, parentId: siteId, kind: 'pendingChanges', label: t('Pending changes') }, () => {
    const made = withPendingChanges(byId, pendingChangesNode(site, siteId, plans, ledger, today, check));
    byId.set(id, node);
    return made;
  });
  byId.set(id, node);
  return node;
}

/** What a site's Pending changes node has whatever it holds (its children apart). */
const commonOf = (site: Site) => ({ site: site.name, connectivity: site.connectivity, planned: 0, activated: 0, licenses: [] });

export function pendingChangesNode(site: Site, siteId: string, plans: LicensePlan[], ledger: LedgerState | undefined, today: Date, check?: SiteCheck): TreeNode & { rows?: () => TreeNode[] } {
  const id = `${siteId}/pendingChanges`;
  const common = { ...commonOf(site), children: [] as TreeNode[] };
  if (check && check.stopping.length > 0) return stoppedNode(site, siteId, id, common, check);
  const plan = reconcile(site, plans, ledger ?? fold([]), { today, blockerOf: check?.blockerOf });
  // By plan name and index, built once: one search per action made a 500-action site quadratic.
  const byIndex = new Map<string, Map<number, LicensePlan['assignments'][number]>>();
  const assignmentAt = (plan: string, index: number) => {
    let m = byIndex.get(plan);
    if (!m) byIndex.set(plan, (m = new Map((plans.find((p) => p.name === plan)?.assignments ?? []).map((x) => [x.index, x]))));
    return m.get(index);
  };
  // On a real site each action is a step in the vendor's tools: the row says which tool, its tooltip the values.
  const vendorTools = activationOf(site) === 'vendor-tools';
  const rows = () => {
    const stepOf = new Map<ReconcileAction, GuideStep>();
    if (vendorTools) for (const s of buildGuide(site, plans, plan, ledger ?? fold([])).steps) for (const a of s.actions) stepOf.set(a, s);
    return plan.actions.map((a, i) => row(a, i, stepOf.get(a)));
  };
  const row = (a: ReconcileAction, i: number, step: GuideStep | undefined): TreeNode => {
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
      label: `${actionSign(a)} ${actionWord(a.kind)} ${a.kind === 'import-response' ? a.requestId : a.activationId}${a.quantity ? ` ×${a.quantity}` : ''}`,
      description: a.finding ? t('{0} · blocked by {1}', a.target, a.finding.code) : a.blocked ? t('{0} · cannot be applied', a.target) : step ? `${a.target} · ${TOOL_NAMES[step.place.tool]}` : a.target,
      status: a.blocked ? 'blocked' : a.waitsFor || a.kind === 'confirm-return' ? 'pending-offline' : 'planned',
      tooltip: step ? stepLines(step, 1).map((l) => l.replace(/^1\. /, '')).join('\n\n') : describeAction(a),
      ...(step ? { guideStep: step } : {}),
      // A blocked action opens the finding that blocks it; the others their assignment.
      location: a.finding ? { uri: a.finding.uri, span: a.finding.span, focus: a.finding.span } : assignment && planUri ? { uri: planUri, span: assignment.span, focus: assignment.span } : undefined,
      contextValue: `bms.pendingAction.${a.kind}`,
      target: a.target,
    };
  };
  const count = plan.actions.length;
  return {
    ...header(common, id, siteId),
    description: count > 0 ? `${count}` : t('none'),
    status: count > 0 ? 'planned' : 'none',
    tooltip: `**${t('Pending changes')}** · ${t('site {0}', site.name)}: ${t('what Review and Apply would do.')}\n\n${summaryLine(plan.summary)}`,
    contextValue: count > 0 ? 'bms.pendingChanges' : 'bms.pendingChanges.none',
    children: [],
    rows,
  };
}

/** The action's verb in the row, in the display language (`+ activate ACT-1 ×2`). */
function actionWord(kind: ReconcileAction['kind']): string {
  switch (kind) {
    case 'activate':
      return t('activate');
    case 'reclaim':
      return t('reclaim');
    case 'return':
      return t('return');
    case 'confirm-return':
      return t('confirm-return');
    case 'import-response':
      return t('import-response');
    case 'repair':
      return t('repair');
  }
}

type Common = Pick<TreeNode, 'site' | 'connectivity' | 'planned' | 'activated' | 'licenses' | 'children'>;

/** What the Pending changes node is, whatever it holds. */
function header(common: Common, id: string, siteId: string): Common & Pick<TreeNode, 'id' | 'parentId' | 'kind' | 'label'> {
  return { ...common, id, parentId: siteId, kind: 'pendingChanges', label: t('Pending changes') };
}

/** Validate finds problems that stop every command: the node says so instead of listing actions apply would refuse. */
function stoppedNode(site: Site, siteId: string, id: string, common: Common, check: SiteCheck): TreeNode {
  const n = check.stopping.length;
  const first = check.stopping[0]!;
  const list = check.stopping.slice(0, 10).map((d) => `- ${d.code}: ${d.message}`).join('\n');
  return {
    ...header(common, id, siteId),
    description: n === 1 ? t('stopped: 1 problem to fix') : t('stopped: {0} problems to fix', n),
    status: 'blocked',
    tooltip: `**Pending changes** of site ${site.name} cannot be worked out: validate finds ${n} problem${n === 1 ? '' : 's'} that stop${n === 1 ? 's' : ''} every command (syntax, schema, duplicate ids or sites). Fix ${n === 1 ? 'it' : 'them'} first (Problems panel).\n\n${list}`,
    location: { uri: first.uri, span: first.span, focus: first.span },
    contextValue: 'bms.pendingChanges.stopped',
  };
}
