// How a tree node looks: its codicon by type and the badge and colour of its status.
import { t } from '../../engine/l10n';
import type { NodeStatus, TreeNode } from '../../engine/tree/types';

const SERVER_ICONS: Record<string, string> = {
  'enterprise-central': 'server-environment',
  'enterprise-server': 'server',
  'as-p': 'circuit-board',
  'as-p-3': 'circuit-board',
  'as-b': 'circuit-board',
  'edge-server': 'server-process',
  'fdp-server': 'flame',
};

const CLIENT_ICONS: Record<string, string> = {
  workstation: 'device-desktop',
  'workstation-pro': 'device-desktop',
  webstation: 'globe',
  'graphics-editor': 'paintcan',
  'script-editor': 'code',
  'function-block-editor': 'symbol-namespace',
  'menta-editor': 'symbol-namespace',
};

/** The codicon id of a node. */
export function iconOf(node: Pick<TreeNode, 'kind' | 'type' | 'loading'>): string {
  if (node.loading) return 'loading~spin';
  switch (node.kind as string) {
    case 'site':
      return 'organization';
    case 'licenseServers':
      return 'key';
    case 'licenseServer':
      return 'key';
    case 'clients':
      return 'account';
    case 'client':
      return CLIENT_ICONS[node.type ?? ''] ?? 'account';
    case 'server':
      return SERVER_ICONS[node.type ?? ''] ?? 'server';
    case 'pendingChanges':
      return 'git-pull-request';
    case 'pendingAction':
      return node.type === 'return' ? 'arrow-left' : node.type === 'repair' ? 'wrench' : node.type === 'activate' ? 'add' : 'sync';
    case 'usage':
      if (node.type === 'log') return 'output';
      if (node.type === 'denial') return 'circle-slash';
      return node.type === 'user' ? 'person' : node.type === 'feature' ? 'symbol-constant' : 'pulse';
    default:
      // Kinds added later (e.g. pending plan changes) still get an icon.
      return 'circle-outline';
  }
}

export interface StatusDecoration {
  /** At most two characters. */
  badge: string;
  /** A theme colour id. */
  color: string;
  tooltip: string;
}

const DECORATIONS: Partial<Record<NodeStatus, () => StatusDecoration>> = {
  ledger: () => ({ badge: '!', color: 'list.errorForeground', tooltip: t('The ledger has lines the workbench cannot read: fix it first') }),
  broken: () => ({ badge: '!', color: 'list.errorForeground', tooltip: t('Broken: repair needed') }),
  expired: () => ({ badge: 'E', color: 'list.errorForeground', tooltip: t('A license has expired') }),
  blocked: () => ({ badge: '!', color: 'list.errorForeground', tooltip: t('Blocked: an error finding keeps a planned license from being activated') }),
  violation: () => ({ badge: '!', color: 'list.errorForeground', tooltip: t('License violation: fewer activated than required, nothing left to activate') }),
  'under-planned': () => ({ badge: '!', color: 'list.warningForeground', tooltip: t('Under-planned: the plan gives less than required (base license not planned)') }),
  'pending-offline': () => ({ badge: '…', color: 'charts.blue', tooltip: t('Waiting for an offline response or confirmation') }),
  expiring: () => ({ badge: 'E', color: 'list.warningForeground', tooltip: t('A license expires soon') }),
  activated: () => ({ badge: '✓', color: 'charts.green', tooltip: t('Everything planned is activated') }),
};

/** The decoration of a status; undefined for `planned` and `none` (they show by their counts). */
export function decorationOf(status: NodeStatus): StatusDecoration | undefined {
  return DECORATIONS[status]?.();
}

/** The scheme of the resource URIs that carry a node's status to the decoration provider. */
export const STATUS_SCHEME = 'bms-license-status';
