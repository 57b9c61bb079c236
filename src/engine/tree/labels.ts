// The words the tree shows for types and statuses.
import { typeName } from '../rules/words';
import type { NodeStatus } from './types';
import { t } from '../l10n';

export function typeLabel(type: string | undefined): string {
  return type ? typeName(type) : t('type not set');
}

const STATUS_LABELS: Record<NodeStatus, () => string> = {
  ledger: () => t('ledger needs fixing'),
  broken: () => t('broken: repair needed'),
  expired: () => t('expired'),
  violation: () => t('license violation expected'),
  'pending-offline': () => t('waiting for an offline response'),
  expiring: () => t('expiring soon'),
  planned: () => t('to activate'),
  activated: () => t('all activated'),
  none: () => t('nothing planned'),
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
