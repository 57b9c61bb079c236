// YAML AST → the typed model. Tolerant: whatever is malformed is left out here and reported by the schema.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Assignment, Client, DeviceEntry, Entitlement, LicensePlan, LicenseServer, Product, Server, Site, Span } from '../model';
import { fieldsOf, spanOf, type Fields } from './nodes';

const NO_SPAN: Span = { start: 0, end: 0 };

function located(f: Fields, node: Node | undefined) {
  return { span: spanOf(node) ?? NO_SPAN, at: f.at };
}

export function extractLicenseServer(node: Node, text: string): LicenseServer | undefined {
  const f = fieldsOf(node, text);
  const id = f.string('id');
  if (id === undefined) return undefined;
  return { ...located(f, node), id, host: f.string('host'), address: f.string('address'), hostId: f.string('hostId') };
}

/** Depth first, so `servers` lists a parent before its children. */
export function extractServers(nodes: Node[], text: string, parent: string | undefined, out: Server[]): string[] {
  const ids: string[] = [];
  for (const node of nodes) {
    const f = fieldsOf(node, text);
    const id = f.string('id');
    if (id === undefined) continue;
    const server: Server = {
      ...located(f, node),
      id,
      type: f.string('type'),
      host: f.string('host'),
      licenseServer: f.string('licenseServer'),
      devices: f.node('devices') ? extractDevices(f.node('devices')!, text) : undefined,
      parent,
      children: [],
    };
    out.push(server);
    ids.push(id);
    server.children = extractServers(f.items('children'), text, id, out);
  }
  return ids;
}

/** `devices:` as counts per kind (`{ bacnet: 40 }`) or a list (`- { kind: mp-controller, name: MP-1, devices: [...] }`). */
function extractDevices(node: Node, text: string): DeviceEntry[] {
  if (isMap(node)) {
    const out: DeviceEntry[] = [];
    for (const pair of node.items) {
      const kind = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const value = pair.value as Node | null;
      const count = isScalar(value) && typeof value.value === 'number' ? value.value : undefined;
      const span = spanOf(value) ?? spanOf(pair.key as Node);
      if (kind !== undefined && count !== undefined && Number.isFinite(count) && span) out.push({ kind, count, behind: [], span });
    }
    return out;
  }
  if (!isSeq(node)) return [];
  const out: DeviceEntry[] = [];
  for (const item of node.items) {
    const f = fieldsOf(item as Node, text);
    const kind = f.string('kind');
    const span = spanOf(item as Node);
    if (kind === undefined || !span) continue;
    const behind = f.node('devices') ? extractDevices(f.node('devices')!, text) : [];
    out.push({ kind, count: f.number('count') ?? 1, name: f.string('name'), behind, span });
  }
  return out;
}

export function extractClient(node: Node, text: string): Client | undefined {
  const f = fieldsOf(node, text);
  const id = f.string('id');
  if (id === undefined) return undefined;
  const ls = f.strings('licenseServers');
  return { ...located(f, node), id, type: f.string('type'), host: f.string('host'), licenseServers: ls.values, licenseServerSpans: ls.spans };
}

export function extractSite(root: Node, uri: string, text: string): Site {
  const top = fieldsOf(root, text);
  const meta = fieldsOf(top.node('metadata'), text);
  const spec = fieldsOf(top.node('spec'), text);
  const servers: Server[] = [];
  extractServers(spec.items('servers'), text, undefined, servers);
  return {
    kind: 'Site',
    uri,
    span: spanOf(root) ?? NO_SPAN,
    at: { ...prefixed('metadata.', meta), ...prefixed('spec.', spec) },
    name: meta.string('name') ?? '',
    customer: meta.string('customer'),
    contact: meta.string('contact'),
    version: spec.string('version'),
    tier: spec.string('tier'),
    connectivity: spec.string('connectivity'),
    activation: spec.string('activation'),
    ledger: spec.string('ledger'),
    licenseServers: spec.items('licenseServers').map((n) => extractLicenseServer(n, text)).filter((x) => x !== undefined),
    servers,
    clients: spec.items('clients').map((n) => extractClient(n, text)).filter((x) => x !== undefined),
  };
}

export function extractProduct(node: Node, text: string, entitlementId: string): Product | undefined {
  const f = fieldsOf(node, text);
  const activationId = f.string('activationId');
  if (activationId === undefined) return undefined;
  const appliesTo = f.node('appliesTo') ? f.strings('appliesTo').values : undefined;
  return {
    ...located(f, node),
    activationId,
    entitlementId,
    feature: f.string('feature'),
    licenseType: f.string('licenseType'),
    quantity: f.number('quantity'),
    expires: f.string('expires'),
    appliesTo,
  };
}

export function extractEntitlement(node: Node, text: string): Entitlement | undefined {
  const f = fieldsOf(node, text);
  const id = f.string('id') ?? '';
  if (!isMap(node)) return undefined;
  const products = f.items('products').map((n) => extractProduct(n, text, id)).filter((x) => x !== undefined);
  return { ...located(f, node), id, products };
}

export const TARGET_KEYS = ['server', 'licenseServer', 'client'] as const;

export function extractAssignment(node: Node, text: string, index: number): Assignment | undefined {
  if (!isMap(node)) return undefined;
  const f = fieldsOf(node, text);
  const targetKind = TARGET_KEYS.find((k) => f.string(k) !== undefined);
  return {
    ...located(f, node),
    index,
    targetKind,
    target: targetKind ? f.string(targetKind) : undefined,
    activationId: f.string('activationId'),
    quantity: f.number('quantity'),
    mode: f.string('mode'),
  };
}

export function extractPlan(root: Node, uri: string, text: string): LicensePlan {
  const top = fieldsOf(root, text);
  const meta = fieldsOf(top.node('metadata'), text);
  const spec = fieldsOf(top.node('spec'), text);
  const assignments: Assignment[] = [];
  spec.items('assignments').forEach((n, i) => {
    const a = extractAssignment(n, text, i);
    if (a) assignments.push(a);
  });
  return {
    kind: 'LicensePlan',
    uri,
    span: spanOf(root) ?? NO_SPAN,
    at: { ...prefixed('metadata.', meta), ...prefixed('spec.', spec) },
    name: meta.string('name') ?? '',
    site: meta.string('site'),
    expiryWarningDays: spec.number('expiryWarningDays'),
    stage: spec.string('stage'),
    entitlements: spec.items('entitlements').map((n) => extractEntitlement(n, text)).filter((x) => x !== undefined),
    assignments,
  };
}

/** Field spans of a nested mapping, keyed `metadata.name`, `$key:spec.servers`, … */
function prefixed(prefix: string, f: Fields): Record<string, Span> {
  const out: Record<string, Span> = {};
  for (const [k, v] of Object.entries(f.at)) {
    out[k.startsWith('$key:') ? `$key:${prefix}${k.slice(5)}` : prefix + k] = v;
  }
  return out;
}
