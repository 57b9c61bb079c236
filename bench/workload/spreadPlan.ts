// A plan shaped like the external harness's (issue 31) rather than like bench/workload/plan.ts: an EBO 6.x site
// whose Enterprise Central and Enterprise Servers each have a License Server beside them, one entitlement per
// building (~11-12 products each: the ES's base and attach licenses on the network, a WorkStation seat on its
// License Server, and automation-server options), and the assignments listed server by server, so that the
// assignments of one activation id are spread through the building's part of the file instead of side by side.
import type { GeneratedPlan } from './plan';
import { pad, Random } from './random';
import type { GeneratedSite } from './site';

export interface SpreadPlanOptions {
  name: string;
  /** Products in all (over one entitlement per License Server). */
  products: number;
  assignments: number;
  seed: number;
}

const OPTIONS = ['smartdriver', 'smartdriver', 'mqtt', 'timescaledb', 'snmp-notification', 'personal-dashboard'];

export function generateSpreadPlan(site: GeneratedSite, o: SpreadPlanOptions): GeneratedPlan {
  const r = new Random(o.seed);
  type Product = { id: string; feature: string; type: string; assigned: number; appliesTo?: string };
  type Assignment = { key: string; target: string; product: Product; quantity: number };
  // The site's buildings in file order: an EC or ES, its License Server and the automation servers under it.
  const buildings: { top: string; topType: string; ls: string; automation: string[] }[] = [];
  for (const s of site.servers) {
    if (s.type === 'enterprise-central' || s.type === 'enterprise-server') buildings.push({ top: s.id, topType: s.type, ls: `ls-${s.id}`, automation: [] });
    else buildings[buildings.length - 1].automation.push(s.id);
  }
  const entitlements: { id: string; products: Product[] }[] = [];
  const assignments: Assignment[][] = [];
  // The EC has a base license and seats; each ES Web Services and an attach license besides.
  const fixed = buildings.length * 4 - 2;
  let optionsLeft = o.products - fixed;
  let assignmentsLeft = o.assignments - fixed;
  for (const [b, building] of buildings.entries()) {
    const tag = `B${pad(b, 3)}`;
    const product = (n: number, feature: string, type: string, appliesTo?: string): Product => ({ id: `ACT-${tag}-${pad(n, 4)}`, feature, type, assigned: 0, appliesTo });
    const base = product(1, building.topType === 'enterprise-central' ? 'server.enterprise.central' : 'server.ec.es', 'network');
    const seats = product(2, 'client.station', 'network');
    const products = [base, seats];
    const own: Assignment[] = [
      { key: 'server', target: building.top, product: base, quantity: 1 },
      { key: 'licenseServer', target: building.ls, product: seats, quantity: 1 + r.int(5) },
    ];
    if (building.topType === 'enterprise-server') {
      const attach = product(3, 'automation-server-attach', 'network');
      const web = product(4, 'web-services', 'network');
      products.push(attach, web);
      own.push({ key: 'server', target: building.top, product: attach, quantity: building.automation.length }, { key: 'server', target: building.top, product: web, quantity: 1 });
    }
    // This building's share of the automation-server options and of their assignments (none on the EC: no server under it directly).
    const remaining = buildings.filter((x, i) => i >= b && x.automation.length > 0).length;
    const optionCount = building.automation.length === 0 ? 0 : Math.max(1, Math.round(optionsLeft / remaining));
    optionsLeft -= optionCount;
    const options = Array.from({ length: optionCount }, (_, k) => product(10 + k, r.pick(OPTIONS), 'centralized', r.chance(0.2) ? 'as-p, as-p-3, as-b, edge-server' : undefined));
    products.push(...options);
    let share = optionCount === 0 ? 0 : Math.round(assignmentsLeft / remaining);
    assignmentsLeft -= share;
    const perServer: Assignment[][] = building.automation.map(() => []);
    // Round after round, each automation server takes another option of its building (never the same product twice).
    for (let round = 0; share > 0 && round < options.length; round++) {
      for (let s = 0; s < building.automation.length && share > 0; s++, share--) {
        perServer[s].push({ key: 'server', target: building.automation[s], product: options[(s * 3 + round) % options.length], quantity: 1 });
      }
    }
    assignmentsLeft += share;
    entitlements.push({ id: `ENT-${2026 - (b % 3)}-${pad(4000 + b * 13, 5)}`, products });
    assignments.push([...own, ...perServer.flat()]);
  }
  for (const a of assignments.flat()) a.product.assigned += a.quantity;

  const lines = ['apiVersion: bms.license/v1', 'kind: LicensePlan', 'metadata:', `  name: ${o.name}`, `  site: ${site.name}`, 'spec:', '  entitlements:'];
  const quantityLines: GeneratedPlan['quantityLines'] = [];
  for (const e of entitlements) {
    if (r.chance(0.5)) lines.push(`    # ${e.id}: entitlement e-mail of ${pad(1 + r.int(28), 2)}.${pad(1 + r.int(12), 2)}.2026`);
    lines.push(`    - id: ${e.id}`, '      products:');
    for (const p of e.products) {
      const applies = p.appliesTo ? `, appliesTo: [${p.appliesTo}]` : '';
      quantityLines.push({ line: lines.length, assigned: p.assigned });
      lines.push(`        - { activationId: ${p.id}, feature: ${p.feature}, licenseType: ${p.type}, quantity: ${p.assigned}, expires: ${r.chance(0.85) ? 'permanent' : `20${31 + r.int(8)}-${pad(1 + r.int(12), 2)}-${pad(1 + r.int(28), 2)}`}${applies} }`);
    }
  }
  lines.push('  assignments:');
  const targetLines: number[] = [];
  for (const [b, list] of assignments.entries()) {
    lines.push(`    # ${buildings[b].top} and the automation servers under it`);
    for (const a of list) {
      if (a.key === 'server' && !a.target.startsWith('es-') && !a.target.startsWith('ec-')) targetLines.push(lines.length);
      lines.push(`    - { ${a.key}: ${a.target}, activationId: ${a.product.id}, quantity: ${a.quantity}${r.chance(0.15) ? ', mode: online' : ''} }${r.chance(0.02) ? '  # per quote' : ''}`);
    }
  }
  return { text: lines.join('\n') + '\n', targetLines, quantityLines };
}
