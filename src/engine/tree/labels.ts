// The words the tree shows for types and statuses.
import { typeName } from '../rules/words';
import type { NodeStatus } from './types';
import { t } from '../l10n';
import { statusWords } from './status';

export function typeLabel(type: string | undefined): string {
  return type ? typeName(type) : t('type not set');
}

/** The words of tree/status.ts, the one place that states a license's status. */
const STATUS_LABELS: Record<NodeStatus, () => string> = {
  ledger: () => t('ledger needs fixing'),
  broken: () => statusWords('broken'),
  expired: () => statusWords('expired'),
  blocked: () => statusWords('blocked'),
  violation: () => statusWords('violation'),
  'under-planned': () => t('under-planned: fewer licenses planned than required'),
  'pending-offline': () => statusWords('pending-offline'),
  expiring: () => t('expiring soon'),
  planned: () => statusWords('not-activated'),
  activated: () => statusWords('activated'),
  none: () => statusWords('none'),
};

export function statusLabel(status: NodeStatus): string {
  return STATUS_LABELS[status]();
}

/** Markdown with the engineer's own text shown literally. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}
