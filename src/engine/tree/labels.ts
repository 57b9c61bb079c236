// The words the tree shows for types and statuses.
import type { NodeStatus } from './types';

const TYPE_LABELS: Record<string, string> = {
  'enterprise-central': 'Enterprise Central',
  'enterprise-server': 'Enterprise Server',
  'as-p': 'AS-P',
  'as-p-3': 'AS-P-3',
  'as-b': 'AS-B',
  'edge-server': 'Edge Server',
  'fdp-server': 'FDP server',
  workstation: 'WorkStation',
  'workstation-pro': 'WorkStation Pro',
  webstation: 'WebStation',
  'graphics-editor': 'Graphics Editor',
  'script-editor': 'Script Editor',
  'function-block-editor': 'Function Block Editor',
  'menta-editor': 'Menta Editor',
};

export function typeLabel(type: string | undefined): string {
  if (!type) return 'type not set';
  return TYPE_LABELS[type] ?? type;
}

const STATUS_LABELS: Record<NodeStatus, string> = {
  broken: 'broken: repair needed',
  expired: 'expired',
  violation: 'license violation expected',
  'pending-offline': 'waiting for an offline response',
  expiring: 'expiring soon',
  planned: 'to activate',
  activated: 'all activated',
  none: 'nothing planned',
};

export function statusLabel(status: NodeStatus): string {
  return STATUS_LABELS[status];
}

/** Markdown with the engineer's own text shown literally. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}
