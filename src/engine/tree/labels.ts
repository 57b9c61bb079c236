// The words the tree shows for types and statuses.
import { typeName } from '../rules/words';
import type { NodeStatus } from './types';

export function typeLabel(type: string | undefined): string {
  return type ? typeName(type) : 'type not set';
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
