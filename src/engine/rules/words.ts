// How the engine names things to a commissioning engineer: product names, not YAML enums.
import type { SiteNode } from '../load/workspace';
import { t } from '../l10n';

const TYPE_NAMES: Record<string, string> = {
  'enterprise-central': 'Enterprise Central',
  'enterprise-server': 'Enterprise Server',
  'as-p': 'AS-P',
  'as-p-3': 'AS-P-3',
  'as-b': 'AS-B',
  'edge-server': 'Edge Server',
  'fdp-server': 'FDP server',
  'license-server': 'License Server',
  workstation: 'WorkStation',
  'workstation-pro': 'WorkStation Pro',
  webstation: 'WebStation',
  'graphics-editor': 'Graphics Editor',
  'script-editor': 'Script Editor',
  'function-block-editor': 'Function Block Editor',
  'menta-editor': 'Menta Editor',
};

/** `Enterprise Server` for `enterprise-server`; unknown types as written. */
export function typeName(type: string | undefined): string {
  return type === undefined ? t('untyped') : (TYPE_NAMES[type] ?? type);
}

/** A list of types in words: `AS-P, AS-B or Edge Server`. */
export function typeNames(types: readonly string[]): string {
  return orList(types.map(typeName));
}

export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return t('{0} or {1}', items.slice(0, -1).join(', '), items[items.length - 1]!);
}

export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return t('{0} and {1}', items.slice(0, -1).join(', '), items[items.length - 1]!);
}

/** What kind of thing an id names: `server`, `License Server`, `client computer`. */
export function kindName(kind: SiteNode['kind']): string {
  return kind === 'server' ? t('server') : kind === 'licenseServer' ? t('License Server') : t('client computer');
}

/** `Enterprise Server 'es-01'`, `License Server 'ls-main'`, `WorkStation 'ws-1'`. */
export function nodeName(n: SiteNode): string {
  if (n.kind === 'licenseServer') return t("License Server '{0}'", n.node.id);
  if (n.node.type === undefined) return `${kindName(n.kind)} '${n.node.id}'`;
  return `${typeName(n.node.type)} '${n.node.id}'`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
