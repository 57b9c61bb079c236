// Hover: what a key means (from the schema), what an id is (type, host, parent, planned and activated
// licenses), and what an activation id holds and how much of it is assigned.
import { t } from '../l10n';
import { sourceLabel } from '../ledger/provenance';
import type { Hover } from 'vscode-languageserver-types';
import { productsOf, versionLabel, type Site } from '../model';
import { catalogFeature, eraOf } from '../rules';
import { siteRequirements } from '../rules/required';
import { describeKey, type SchemaKind } from '../schema';
import { kindName, typeName } from '../rules/words';
import { caretContext } from './caret';
import { rangeOf } from './lsp';
import type { Occurrence } from './occurrences';
import type { LiveWorkspace } from './workspace';

export function hover(ws: LiveWorkspace, uri: string, offset: number): Hover | null {
  const lines = ws.lines(uri);
  const text = ws.text(uri);
  if (!lines || text === undefined) return null;
  const id = ws.occurrences.at(uri, offset);
  if (id) {
    const value = describeId(ws, id);
    return value ? { contents: { kind: 'markdown', value }, range: rangeOf(lines, id.span) } : null;
  }
  const kind = kindAt(ws, uri, offset);
  if (!kind) return null;
  const caret = caretContext(text, offset);
  const key = caret.onKey ?? caret.key;
  if (!key) return null;
  const d = describeKey(kind, [...caret.path, key]);
  if (!d || !d.description) return null;
  const parts = [`**${d.title ?? key}**`, d.description];
  if (d.enum && d.enum.length > 1) parts.push(`Allowed: ${d.enum.map((v) => `\`${v}\``).join(', ')}`);
  return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range: rangeOf(lines, caret.word) };
}

/** The kind of the document that holds `offset`. */
export function kindAt(ws: LiveWorkspace, uri: string, offset: number): SchemaKind | undefined {
  const docs = ws.index.file(uri)?.documents ?? [];
  const doc = docs.find((d) => d.span.start <= offset && offset <= d.span.end) ?? docs[docs.length - 1];
  return doc?.kind;
}

function describeId(ws: LiveWorkspace, o: Occurrence): string | undefined {
  if (o.kind === 'site') {
    const site = ws.index.site(o.id);
    if (!site) return `**Site** \`${o.id}\`: ${t('not in the workspace.')}`;
    const plans = ws.index.plansFor(site.name).map((p) => `\`${p.name}\``);
    return [
      `**Site** \`${site.name}\`${site.customer ? ` (${site.customer})` : ''}`,
      `EBO ${site.version ? versionLabel(site.version) : '?'}${site.tier ? `, tier ${site.tier}` : ''}, ${site.connectivity ?? 'online'}; ${t('{0} servers, {1} License Servers, {2} clients', site.servers.length, site.licenseServers.length, site.clients.length)}`,
      plans.length ? t('Plans: {0}', plans.join(', ')) : t('No plan for this site yet.'),
    ].join('\n\n');
  }
  const site = ws.index.site(o.site);
  if (o.kind === 'activationId') return describeActivation(ws, o.site, o.id);
  if (!site) return `\`${o.id}\`: ${t('the site {0} is not in the workspace.', `\`${o.site}\``)}`;
  const node = ws.index.resolve(site, o.id);
  if (!node) return `\`${o.id}\`: ${t('no server, License Server or client of site {0} has this id.', `\`${site.name}\``)}`;
  const facts: string[] = [];
  if (node.kind !== 'licenseServer' && node.node.type) facts.push(`${t('type')}: ${typeName(node.node.type)}`);
  if (node.node.host) facts.push(`${t('host')}: \`${node.node.host}\``);
  if (node.kind === 'server') {
    if (node.node.parent) facts.push(`${t('parent')}: \`${node.node.parent}\``);
    if (node.node.licenseServer) facts.push(`${t('License Server')}: \`${node.node.licenseServer}\``);
  }
  if (node.kind === 'licenseServer' && node.node.address) facts.push(`${t('address')}: \`${node.node.address}\``);
  if (node.kind === 'client' && node.node.licenseServers.length) facts.push(`${t('License Servers')}: ${node.node.licenseServers.map((l) => `\`${l}\``).join(', ')}`);
  const label = kindName(node.kind);
  const out = [`**${label[0].toUpperCase()}${label.slice(1)}** \`${o.id}\` (${t('site {0}', `\`${site.name}\``)})`, facts.join(' · ')];
  out.push(planned(ws, site, o.id), activated(ws, site, o.id));
  if (node.kind === 'server') {
    const required = siteRequirements(site).filter((r) => r.server === o.id);
    if (required.length) out.push(`${t('Required (computed):')}\n${required.map((r) => `- ${r.required} × ${r.feature}: ${r.from}`).join('\n')}`);
  }
  return out.filter(Boolean).join('\n\n');
}

function planned(ws: LiveWorkspace, site: Site, target: string): string {
  const rows: string[] = [];
  for (const plan of ws.index.plansFor(site.name)) {
    const products = new Map(productsOf(plan).map((p) => [p.activationId, p]));
    for (const a of plan.assignments) {
      if (a.target !== target) continue;
      const p = a.activationId === undefined ? undefined : products.get(a.activationId);
      rows.push(`- ${a.quantity ?? 1} × \`${a.activationId ?? '?'}\`${p?.feature ? ` ${p.feature}` : ''}${p?.licenseType ? ` (${p.licenseType})` : ''}`);
    }
  }
  return rows.length ? `${t('Planned licenses:')}\n${rows.join('\n')}` : t('Planned licenses: none');
}

function activated(ws: LiveWorkspace, site: Site, target: string): string {
  const state = ws.session.ledgers.of(site)?.state;
  if (!state) return '';
  const rows = [...state.licenses.values()]
    .filter((l) => l.target === target && l.status !== 'returned')
    .map((l) => `- ${l.quantity} × \`${l.activationId}\` ${l.status} ${t('since {0}', l.at.slice(0, 10))}${l.source === 'unknown' ? '' : ` (${sourceLabel(l.source, l.lasHost)})`}`);
  return rows.length ? `${t('Ledger:')}\n${rows.join('\n')}` : t('Ledger: nothing activated');
}

function describeActivation(ws: LiveWorkspace, site: string, activationId: string): string {
  const plans = site ? ws.index.plansFor(site) : ws.index.plans().filter((p) => p.site === undefined);
  const product = plans.flatMap(productsOf).find((p) => p.activationId === activationId);
  let assigned = 0;
  let count = 0;
  for (const plan of plans) {
    for (const a of plan.assignments) {
      if (a.activationId !== activationId) continue;
      assigned += a.quantity ?? 1;
      count++;
    }
  }
  if (!product) return `**Activation ID** \`${activationId}\`: ${t('no entitlement product of site {0} has it.', `\`${site}\``)}`;
  const feature = catalogFeature(product.feature);
  const version = site ? ws.index.site(site)?.version : undefined;
  const era = feature ? eraOf(feature, version) : undefined;
  const onVersion = era === null ? `Not licensed on EBO ${version}: ${feature?.outside ?? ''}` : era ? `On EBO ${version}: ${era.licenseTypes.join(' or ')} — ${era.rule}` : undefined;
  return [
    `**Activation ID** \`${activationId}\` (entitlement \`${product.entitlementId}\`)`,
    `${product.feature ?? '?'}${feature ? `: ${feature.summary}` : ''}`,
    `${product.licenseType ?? '?'} · ${t('quantity {0}', product.quantity ?? '?')} · ${t('expires {0}', product.expires ?? 'permanent')}`,
    t('Assigned: {0} of {1} ({2})', assigned, product.quantity ?? '?', count === 1 ? t('1 assignment') : t('{0} assignments', count)),
    ...(onVersion ? [onVersion] : []),
  ].join('\n\n');
}
