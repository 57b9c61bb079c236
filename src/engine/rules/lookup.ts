// Maps built once per validation pass so that rules stay linear on a 2,000-server, 10,000-assignment site.
import type { SiteNode } from '../load/workspace';
import type { Assignment, LicensePlan, Product, Server, Site } from '../model';
import { productsOf } from '../model';
import { LICENSE_SERVER } from './catalog';

export interface PlannedProduct {
  product: Product;
  plan: LicensePlan;
}

export interface PlannedAssignment {
  assignment: Assignment;
  plan: LicensePlan;
}

/** A site's topology by id. */
export class SiteLookup {
  readonly nodes = new Map<string, SiteNode>();
  readonly servers = new Map<string, Server>();

  constructor(readonly site: Site) {
    for (const node of site.servers) this.add({ kind: 'server', node });
    for (const node of site.licenseServers) this.add({ kind: 'licenseServer', node });
    for (const node of site.clients) this.add({ kind: 'client', node });
    for (const s of site.servers) if (!this.servers.has(s.id)) this.servers.set(s.id, s);
  }

  private add(n: SiteNode): void {
    if (!this.nodes.has(n.node.id)) this.nodes.set(n.node.id, n);
  }

  ids(kind: SiteNode['kind']): string[] {
    return [...this.nodes.values()].filter((n) => n.kind === kind).map((n) => n.node.id);
  }

  /** What an assignment's target resolves to, when it resolves to the kind it names. */
  target(a: Assignment): SiteNode | undefined {
    if (a.target === undefined) return undefined;
    const n = this.nodes.get(a.target);
    return n && n.kind === a.targetKind ? n : undefined;
  }

  /** The target's type as `appliesTo` names it: a server or client type, or `license-server`. */
  targetType(a: Assignment): string | undefined {
    const n = this.target(a);
    if (!n) return undefined;
    return n.kind === 'licenseServer' ? LICENSE_SERVER : n.node.type;
  }

  /** Whether an Enterprise Central sits above the server in the hierarchy. */
  underEnterpriseCentral(server: Server): boolean {
    const seen = new Set<string>();
    for (let p = server.parent; p !== undefined && !seen.has(p); p = this.servers.get(p)?.parent) {
      seen.add(p);
      if (this.servers.get(p)?.type === 'enterprise-central') return true;
    }
    return false;
  }
}

/** Every plan for one site name: products and assignments by activation id, across files. */
export class PlanGroup {
  readonly products = new Map<string, PlannedProduct[]>();
  readonly assignments = new Map<string, PlannedAssignment[]>();
  /** Each plan's own first product by activation id: `productFor` stays O(1) with 1,000 plans for one site. */
  private readonly own = new Map<LicensePlan, Map<string, PlannedProduct>>();

  constructor(readonly plans: LicensePlan[]) {
    for (const plan of plans) {
      const own = this.own.get(plan) ?? new Map<string, PlannedProduct>();
      this.own.set(plan, own);
      for (const product of productsOf(plan)) {
        const planned = { product, plan };
        push(this.products, product.activationId, planned);
        if (!own.has(product.activationId)) own.set(product.activationId, planned);
      }
      for (const assignment of plan.assignments) {
        if (assignment.activationId !== undefined) push(this.assignments, assignment.activationId, { assignment, plan });
      }
    }
  }

  /** The product an assignment in `plan` means: the plan's own first, else one from another plan of the site. */
  productFor(plan: LicensePlan, activationId: string | undefined): PlannedProduct | undefined {
    if (activationId === undefined) return undefined;
    return this.own.get(plan)?.get(activationId) ?? this.products.get(activationId)?.[0];
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
