// A generated LicensePlan for a generated Site: entitlement e-mails of products, and assignments in
// block, flow or mixed style, with comments, optional keys in varying order and several activation id
// schemes. Clean as generated unless findings are asked for: assignments of an Enterprise Server
// license on automation servers (BMS020) and Enterprise Servers left without a base license (BMS050).
import { activationId } from './ids';
import { pad, Random } from './random';
import type { GeneratedSite, Style } from './site';

export interface PlanOptions {
  name: string;
  assignments: number;
  products: number;
  style: Style;
  seed: number;
  /** Assignments whose license does not apply to the target (one BMS020 each). */
  inapplicable?: number;
  /** Enterprise Servers with no base license planned (one BMS050 each, in the site file). */
  unplannedBase?: number;
  /** Put before every activation id's tag: another plan of the same site has other products. */
  idPrefix?: string;
}

export interface GeneratedPlan {
  text: string;
  /** Line of each assignment's target key (`server:`), in file order. */
  targetLines: number[];
  /** Line of each product's `quantity:` and how many assignments draw on it. */
  quantityLines: { line: number; assigned: number }[];
}

const FEATURES = ['smartdriver', 'mqtt', 'timescaledb', 'snmp-notification', 'personal-dashboard'];

export function generatePlan(site: GeneratedSite, o: PlanOptions): GeneratedPlan {
  const r = new Random(o.seed);
  const below7 = site.licenseServers.length > 0;
  const baseType = below7 ? 'network' : 'centralized';
  const lines: string[] = [];
  const quantityLines: GeneratedPlan['quantityLines'] = [];
  const targetLines: number[] = [];
  const automation = site.servers.filter((s) => s.type.startsWith('as-') || s.type === 'edge-server');
  const es = site.servers.filter((s) => s.type === 'enterprise-server');
  const planned = es.slice(0, Math.max(0, es.length - (o.unplannedBase ?? 0)));
  const scheme = r.int(3);
  const tag = (t: string) => `${o.idPrefix ?? ''}${t}`;
  const flow = () => o.style === 'flow' || (o.style === 'mixed' && r.chance(0.5));

  type Product = { id: string; feature: string; type: string; targets: string[] };
  const products: Product[] = [
    { id: activationId(scheme, 1, tag('BASE')), feature: 'server.enterprise.central', type: baseType, targets: ['ec-01'] },
    { id: activationId(scheme, 2, tag('BASE')), feature: 'server.ec.es', type: baseType, targets: planned.map((s) => s.id) },
  ];
  const inapplicable = o.inapplicable ?? 0;
  const perProduct = Math.max(1, Math.round(o.assignments / o.products));
  let cursor = r.int(automation.length);
  let left = o.assignments - 1 - planned.length;
  for (let p = 0; left > 0; p++) {
    const wrong = p * perProduct < inapplicable;
    const count = Math.min(left, wrong ? Math.min(perProduct, inapplicable - p * perProduct) : perProduct);
    const targets: string[] = [];
    for (let k = 0; k < count; k++, cursor = (cursor + 1) % automation.length) targets.push(automation[cursor].id);
    cursor = (cursor + r.int(50)) % automation.length;
    products.push({ id: activationId(scheme + (p % 11 === 0 ? 1 : 0), p, tag(`E${pad(p % 997, 3)}`)), feature: wrong ? 'change-control' : r.pick(FEATURES), type: wrong ? 'inherited' : 'centralized', targets });
    left -= count;
  }

  lines.push('apiVersion: bms.license/v1', 'kind: LicensePlan', 'metadata:', `  name: ${o.name}`, `  site: ${site.name}`, 'spec:', '  entitlements:');
  for (let e = 0; e * 10 < products.length; e++) {
    if (r.chance(0.6)) lines.push(`    # Entitlement e-mail of ${pad(1 + r.int(28), 2)}.${pad(1 + r.int(12), 2)}.2026${r.chance(0.3) ? ', order ' + (40000 + r.int(9999)) : ''}`);
    lines.push(`    - id: ENT-2026-${pad(e, 4)}`, '      products:');
    for (const p of products.slice(e * 10, e * 10 + 10)) writeProduct(lines, quantityLines, p, flow(), r);
  }
  lines.push('  assignments:');
  const order = products.flatMap((p) => p.targets.map((t) => ({ p, t })));
  let group = -1;
  for (const [i, { p, t }] of order.entries()) {
    if (Math.floor(i / 250) !== group && r.chance(0.7)) lines.push(`    # ${r.pick(['Phase', 'Building', 'Batch'])} ${Math.floor(i / 250) + 1}`);
    group = Math.floor(i / 250);
    const mode = r.chance(0.2) ? 'online' : undefined;
    if (flow()) {
      targetLines.push(lines.length);
      lines.push(`    - { server: ${t}, activationId: ${p.id}, quantity: 1${mode ? `, mode: ${mode}` : ''} }${r.chance(0.03) ? '   # moved from phase 1' : ''}`);
      continue;
    }
    const keys = r.chance(0.8) ? [`server: ${t}`, `activationId: ${p.id}`] : [`activationId: ${p.id}`, `server: ${t}`];
    keys.push('quantity: 1');
    if (mode) keys.push(`mode: ${mode}`);
    keys.forEach((k, j) => {
      if (k.startsWith('server:')) targetLines.push(lines.length);
      lines.push(`    ${j === 0 ? '- ' : '  '}${k}${r.chance(0.02) ? '  # per quote' : ''}`);
    });
  }
  return { text: lines.join('\n') + '\n', targetLines, quantityLines };
}

function writeProduct(lines: string[], quantities: GeneratedPlan['quantityLines'], p: { id: string; feature: string; type: string; targets: string[] }, flow: boolean, r: Random): void {
  const quantity = p.targets.length;
  const expires = r.chance(0.8) ? 'permanent' : `20${31 + r.int(8)}-${pad(1 + r.int(12), 2)}-${pad(1 + r.int(28), 2)}`;
  if (flow) {
    quantities.push({ line: lines.length, assigned: quantity });
    lines.push(`        - { activationId: ${p.id}, feature: ${p.feature}, licenseType: ${p.type}, quantity: ${quantity}, expires: ${expires} }`);
    return;
  }
  lines.push(`        - activationId: ${p.id}`, `          feature: ${p.feature}`, `          licenseType: ${p.type}`);
  quantities.push({ line: lines.length, assigned: quantity });
  lines.push(`          quantity: ${quantity}`, `          expires: ${expires}`);
  if (p.feature === 'smartdriver' && r.chance(0.3)) lines.push('          appliesTo: [as-p, as-p-3, as-b, edge-server]');
}
