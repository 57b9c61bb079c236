// What a workflow command acts on: the tree node it was invoked on, or the site and target the user picks.
// Plain TypeScript (no vscode) so the choices and refusals are unit-tested.
import type { LicenseLineState, SiteTree, TreeNode } from '../../engine/tree/types';
import { t } from '../../engine/l10n';
import { verbWords, type WorkflowVerb } from './definitions';

export interface Scope {
  site: string;
  /** Server, License Server or client id; undefined = the whole site. */
  target?: string;
}

export interface PickItem<T> {
  label: string;
  description?: string;
  value: T;
}

const OFFLINE_ONLY: ReadonlySet<WorkflowVerb> = new Set(['createOfflineRequests', 'importOfflineResponses', 'confirmReturn']);
/** Commands that act on a whole site only. */
const SITE_ONLY: ReadonlySet<WorkflowVerb> = new Set(['importOfflineResponses']);

/** The scope a tree node (or `{ site, target }`) stands for; undefined when the argument is not one. */
export function scopeFromArgument(arg: unknown): Scope | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Partial<TreeNode>;
  if (typeof a.site !== 'string' || a.site === '') return undefined;
  if (a.kind === 'licenseServers' || a.kind === 'clients') return { site: a.site };
  // Rows that are not a licensable computer (e.g. usage rows) are no scope: never "the whole site" by accident.
  if (a.kind !== undefined && !['site', 'server', 'licenseServer', 'client'].includes(a.kind)) return undefined;
  return { site: a.site, target: typeof a.target === 'string' ? a.target : undefined };
}

/** Why the command cannot run on a site of this connectivity; undefined when it can. */
export function refusalFor(verb: WorkflowVerb, site: string, connectivity: string | undefined): string | undefined {
  if (connectivity === 'semi-online' && OFFLINE_ONLY.has(verb)) {
    return t("Site '{0}' is semi-online: the Device Administrator computer reaches the License Activation Server, so it always uses the online workflow (no request or response files). Use Activate, Reclaim, Return or Repair instead.", site);
  }
  return undefined;
}

/** Sites the command can run on, for the first QuickPick. */
export function sitePicks(tree: SiteTree, verb: WorkflowVerb): PickItem<string>[] {
  return tree.roots
    .filter((s) => s.site !== '' && refusalFor(verb, s.site, s.connectivity) === undefined)
    .map((s) => ({ label: s.label, description: s.description, value: s.site }));
}

const WANTS: Record<WorkflowVerb, readonly LicenseLineState[]> = {
  activate: ['planned'],
  reclaim: ['activated', 'short', 'unplanned'],
  return: ['activated', 'short', 'unplanned'],
  repair: ['broken'],
  createOfflineRequests: ['planned', 'activated', 'short', 'unplanned', 'broken'],
  importOfflineResponses: [],
  confirmReturn: ['return-pending'],
};

/** True when the node has a license the command would act on. */
export function hasWork(node: TreeNode, verb: WorkflowVerb): boolean {
  return node.licenses.some((l) => WANTS[verb].includes(l.state));
}

/** "Whole site" first, then every server, License Server and client the command has work on, in tree order. */
export function targetPicks(siteNode: TreeNode, verb: WorkflowVerb): PickItem<string | undefined>[] {
  const picks: PickItem<string | undefined>[] = [{ label: t('Whole site {0}', siteNode.label), description: siteNode.description, value: undefined }];
  if (SITE_ONLY.has(verb)) return picks;
  const walk = (n: TreeNode, depth: number) => {
    if (n.target !== undefined && hasWork(n, verb)) picks.push({ label: `${'  '.repeat(depth)}${n.label}`, description: n.description, value: n.target });
    for (const c of n.children) walk(c, n.target !== undefined ? depth + 1 : depth);
  };
  for (const c of siteNode.children) walk(c, 0);
  return picks;
}

/** The site's node in the tree by site name (the first when several share it). */
export function siteNode(tree: SiteTree, site: string): TreeNode | undefined {
  return tree.roots.find((r) => r.site === site);
}

/** "es-01 (site hospital-north)" or "site hospital-north", for titles and messages. */
export function scopeLabel(scope: Scope): string {
  return scope.target ? t('{0} (site {1})', scope.target, scope.site) : t('site {0}', scope.site);
}

/** The title of the progress notification. */
export function progressTitle(verb: WorkflowVerb, scope: Scope): string {
  return `${verbWords(verb).title}: ${scopeLabel(scope)}`;
}

/** The licenses an activation of the scope would take from the entitlements: `ACT-1 client.station ×5 on ls-main`. */
export function activationConsumes(siteNode: TreeNode, target: string | undefined): { licenses: number; lines: string[] } {
  const lines: string[] = [];
  let licenses = 0;
  const walk = (n: TreeNode) => {
    if (n.target !== undefined && (target === undefined || n.target === target)) {
      for (const l of n.licenses) {
        if (l.state !== 'planned' || l.plannedQuantity === undefined) continue;
        licenses += l.plannedQuantity;
        lines.push(`${l.activationId}${l.feature ? ` ${l.feature}` : ''} ×${l.plannedQuantity} → ${n.target}`);
      }
    }
    n.children.forEach(walk);
  };
  walk(siteNode);
  return { licenses, lines };
}
