// Seeded workspaces of realistic sites for the editor/CLI agreement test: several sites per workspace, several
// plans per site, EBO 3.x to 7.x, an Enterprise Central or not, devices and attach licenses planned to the exact
// count (or, for some sites, one short), ledgers with activations, repairs and the odd bad line.

/** Deterministic pseudo-random numbers, so a failure can be replayed from its seed. */
export class Seeded {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    this.s = (Math.imul(this.s, 1664525) + 1013904223) >>> 0;
    return this.s / 2 ** 32;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

const VERSIONS = ['3.3', '4.0', '5.0', '6.0', '6.1', '7.0', '7.1'] as const;
const AUTOMATION = ['as-p', 'as-p', 'as-b', 'as-p-3', 'edge-server'] as const;
const COUNTED_ON = new Set(['enterprise-server', 'as-p', 'as-p-3', 'as-b']);

interface Device {
  kind: string;
  count: number;
  behind?: Device[];
}

interface GenServer {
  id: string;
  type: string;
  devices?: Device[];
  children: GenServer[];
  licenseServer?: string;
}

/** One license a server needs, as the plan assigns it. */
interface Need {
  server: string;
  feature: string;
  quantity: number;
  licenseType: string;
}

export interface GeneratedSiteFiles {
  name: string;
  /** The site's folder, relative to the workspace root. */
  dir: string;
  /** Paths relative to the workspace root: the site file first, then its plans. */
  files: string[];
  ledger: string;
  /** The site's License Servers (below 7.0). */
  licenseServers: string[];
}

export interface GeneratedWorkspace {
  /** Relative path → text. */
  files: Map<string, string>;
  sites: GeneratedSiteFiles[];
}

/** `count` sites in one workspace; every site name and folder is unique. */
export function generateWorkspace(seed: number, count: number, now = new Date()): GeneratedWorkspace {
  const r = new Seeded(seed);
  const files = new Map<string, string>();
  const sites: GeneratedSiteFiles[] = [];
  for (let i = 0; i < count; i++) {
    const name = `site-${seed}-${i}`;
    // Folder names VS Code percent-encodes differently from Node (one file must stay one file).
    const dir = `${r.pick(['plants', 'Hospital North (v2)', 'R&D + ops [lab]', 'Zürich'])}/${name}`;
    const site = generateSite(r, name, now);
    const paths = [`${dir}/site.bms.yaml`, ...site.plans.map((_, j) => `${dir}/plan-${j + 1}.bms.yaml`)];
    files.set(paths[0], site.site);
    site.plans.forEach((p, j) => files.set(paths[j + 1], p));
    const ledger = `${dir}/${name}.ledger.jsonl`;
    if (site.ledger) files.set(ledger, site.ledger);
    sites.push({ name, dir, files: paths, ledger, licenseServers: site.licenseServers });
  }
  return { files, sites };
}

function generateSite(r: Seeded, name: string, now: Date): { site: string; plans: string[]; ledger: string; licenseServers: string[] } {
  const version = r.pick(VERSIONS);
  const major = Number(version.split('.')[0]);
  const below7 = major < 7;
  const withEc = r.chance(0.3);
  const esCount = 1 + r.int(withEc ? 3 : 2);
  const licenseServers: string[] = [];
  let n = 0;
  const devicesFor = (type: string): Device[] | undefined => {
    if (!COUNTED_ON.has(type) || r.chance(0.25)) return undefined;
    if (major < 4 && type !== 'enterprise-server') return undefined;
    const out: Device[] = [{ kind: 'bacnet', count: 1 + r.int(30) }];
    if (r.chance(0.5)) out.push({ kind: 'modbus', count: r.int(12) });
    if (r.chance(0.3)) out.push({ kind: 'se-central-io', count: 1 + r.int(6) });
    if (r.chance(0.3) && major >= 4) out.push({ kind: 'mp-controller', count: 1, behind: [{ kind: 'bacnet', count: 1 + r.int(10) }] });
    return out;
  };
  const top = (id: string, type: string): GenServer => {
    const s: GenServer = { id, type, devices: type === 'enterprise-server' ? devicesFor(type) : undefined, children: [] };
    if (below7) {
      s.licenseServer = `ls-${id}`;
      licenseServers.push(s.licenseServer);
    }
    return s;
  };
  const enterpriseServers: GenServer[] = [];
  for (let e = 0; e < esCount; e++) {
    const es = top(`es-${++n}`, 'enterprise-server');
    for (let a = r.int(5); a > 0; a--) {
      const type = r.pick(AUTOMATION);
      es.children.push({ id: `${type === 'edge-server' ? 'edge' : 'as'}-${++n}`, type, devices: devicesFor(type), children: [] });
    }
    if (major >= 5 && r.chance(0.15)) es.children.push({ id: `fdp-${++n}`, type: 'fdp-server', children: [] });
    enterpriseServers.push(es);
  }
  const roots = withEc ? [{ ...top('ec-0', 'enterprise-central'), children: enterpriseServers }] : enterpriseServers;
  const all: GenServer[] = [];
  const walk = (list: GenServer[]) => list.forEach((s) => (all.push(s), walk(s.children)));
  walk(roots);

  // What each server needs, counted the way the vendor's help says (and the engine's BMS050/BMS053 check).
  const net = below7 ? 'network' : 'centralized';
  const needs: Need[] = [];
  for (const s of all) {
    if (s.type === 'enterprise-central') needs.push({ server: s.id, feature: 'server.enterprise.central', quantity: 1, licenseType: net });
    if (s.type === 'enterprise-server') needs.push({ server: s.id, feature: withEc && r.chance(0.5) ? 'server.ec.es' : 'server.enterprise.base', quantity: 1, licenseType: net });
    if (s.type === 'fdp-server') needs.push({ server: s.id, feature: 'fdp.server', quantity: 1, licenseType: 'centralized' });
    const attached = s.children.filter((c) => (AUTOMATION as readonly string[]).includes(c.type)).length;
    if (below7 && s.type === 'enterprise-server' && attached > 0) needs.push({ server: s.id, feature: 'automation-server-attach', quantity: attached, licenseType: 'network' });
    const devices = countedDevices(s, major);
    if (devices > 0) needs.push({ server: s.id, feature: 'connected-devices', quantity: devices, licenseType: s.type === 'enterprise-server' ? net : 'centralized' });
  }
  // Some sites are not clean: one license short (BMS053/BMS050), or an assignment to a server that is not there.
  const flaw = r.chance(0.35) ? r.pick(['short', 'missing', 'unknown', 'expired'] as const) : undefined;
  if (flaw === 'short' && needs.some((x) => x.quantity > 1)) needs.find((x) => x.quantity > 1)!.quantity--;
  if (flaw === 'missing') needs.splice(r.int(needs.length), 1);
  if (flaw === 'unknown') needs.push({ server: 'as-gone', feature: 'connected-devices', quantity: 3, licenseType: 'centralized' });

  const site = siteText(name, version, r.chance(0.5) ? 'online' : 'offline', roots, licenseServers, r);
  const planCount = 1 + r.int(3);
  const byPlan: Need[][] = Array.from({ length: planCount }, () => []);
  for (const need of needs) byPlan[r.int(planCount)].push(need);
  const activations: { target: string; activationId: string; quantity: number }[] = [];
  const plans = byPlan.map((list, j) => {
    const text = planText(name, j, list, r, flaw === 'expired' && j === 0);
    activations.push(...text.assigned);
    return text.text;
  });
  return { site, plans, ledger: ledgerText(name, activations, r, now), licenseServers };
}

/** Connected-devices licenses a server needs: counted kinds from 4.0 (not what sits behind MP/RP); every field-bus device of an ES in 3.x. */
function countedDevices(s: GenServer, major: number): number {
  if (!s.devices) return 0;
  if (major < 4) return s.type === 'enterprise-server' ? sumAll(s.devices) : 0;
  return s.devices.filter((d) => d.kind !== 'se-central-io').reduce((n, d) => n + d.count, 0);
}

function sumAll(list: Device[]): number {
  return list.reduce((n, d) => n + d.count + sumAll(d.behind ?? []), 0);
}

function siteText(name: string, version: string, connectivity: string, roots: GenServer[], licenseServers: string[], r: Seeded): string {
  const out = ['apiVersion: bms.license/v1', 'kind: Site', 'metadata:', `  name: ${name}`, '  customer: Generated Customer', '  contact: Jo Engineer', 'spec:', `  version: "${version}"`, `  connectivity: ${connectivity}`];
  if (licenseServers.length) {
    out.push('  licenseServers:');
    for (const ls of licenseServers) out.push(`    - id: ${ls}`, `      host: ${ls.slice(3)}.site.local`, '      address: "@localhost"');
  }
  out.push('  servers:');
  const server = (s: GenServer, indent: string) => {
    const flow = s.children.length === 0 && !s.devices && r.chance(0.5);
    if (flow) {
      out.push(`${indent}- { id: ${s.id}, type: ${s.type}, host: ${s.id}.site.local }`);
      return;
    }
    out.push(`${indent}- id: ${s.id}`, `${indent}  type: ${s.type}`, `${indent}  host: ${s.id}.site.local`);
    if (s.licenseServer) out.push(`${indent}  licenseServer: ${s.licenseServer}`);
    if (s.devices) {
      const simple = s.devices.every((d) => !d.behind);
      if (simple && r.chance(0.5)) out.push(`${indent}  devices: { ${s.devices.map((d) => `${d.kind}: ${d.count}`).join(', ')} }`);
      else {
        out.push(`${indent}  devices:`);
        for (const d of s.devices) {
          if (!d.behind) out.push(`${indent}    - { kind: ${d.kind}, count: ${d.count} }`);
          else out.push(`${indent}    - kind: ${d.kind}`, `${indent}      name: ${d.kind}-${s.id}`, `${indent}      devices: [${d.behind.map((b) => `{ kind: ${b.kind}, count: ${b.count} }`).join(', ')}]`);
        }
      }
    }
    if (s.children.length) {
      out.push(`${indent}  children:`);
      for (const c of s.children) server(c, `${indent}    `);
    }
  };
  for (const s of roots) server(s, '    ');
  if (licenseServers.length) out.push('  clients:', `    - { id: ws-1, type: workstation, licenseServers: [${licenseServers[0]}] }`);
  return `${out.join('\n')}\n`;
}

function planText(site: string, j: number, needs: Need[], r: Seeded, expired: boolean): { text: string; assigned: { target: string; activationId: string; quantity: number }[] } {
  const products = new Map<string, { activationId: string; feature: string; licenseType: string; quantity: number }>();
  const assigned: { target: string; activationId: string; quantity: number }[] = [];
  for (const need of needs) {
    const key = `${need.feature}\u0000${need.licenseType}`;
    let p = products.get(key);
    if (!p) products.set(key, (p = { activationId: `ACT-${site}-${j + 1}-${products.size + 1}`, feature: need.feature, licenseType: need.licenseType, quantity: 0 }));
    p.quantity += need.quantity;
    assigned.push({ target: need.server, activationId: p.activationId, quantity: need.quantity });
  }
  const out = ['apiVersion: bms.license/v1', 'kind: LicensePlan', 'metadata:', `  name: ${site}-plan-${j + 1}`, `  site: ${site}`, 'spec:', '  stage: commissioning', '  entitlements:', `    - id: ENT-${site}-${j + 1}`, '      products:'];
  let first = true;
  for (const p of products.values()) {
    out.push(`        - { activationId: ${p.activationId}, feature: ${p.feature}, licenseType: ${p.licenseType}, quantity: ${p.quantity}, expires: ${expired && first ? '"2020-01-31"' : 'permanent'} }`);
    first = false;
  }
  if (products.size === 0) out.splice(-3, 3, '  entitlements: []');
  out.push('  assignments:');
  for (const a of r.shuffle(assigned)) out.push(`    - { server: ${a.target}, activationId: ${a.activationId}, quantity: ${a.quantity} }`);
  if (assigned.length === 0) out[out.length - 1] = '  assignments: []';
  return { text: `${out.join('\n')}\n`, assigned };
}

/** Activations of some assignments; for some sites five repairs of one target this year (BMS061) or a bad line (BMS062/063). */
function ledgerText(site: string, assigned: { target: string; activationId: string; quantity: number }[], r: Seeded, now: Date): string {
  if (assigned.length === 0 || r.chance(0.2)) return '';
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const lines: string[] = [];
  let t = 0;
  for (const a of assigned) {
    if (!r.chance(0.6)) continue;
    lines.push(JSON.stringify({ at: day(200 - t), op: 'activate', site, target: a.target, activationId: a.activationId, quantity: a.quantity, transaction: `T-${site}-${++t}`, mode: 'online', by: 'gen' }));
  }
  if (lines.length && r.chance(0.3)) {
    const a = assigned[0];
    for (let k = 0; k < 5; k++) lines.push(JSON.stringify({ at: day(150 - k * 20), op: 'repair', site, target: a.target, activationId: a.activationId, transaction: `T-${site}-1`, mode: 'online', by: 'gen' }));
  }
  if (lines.length && r.chance(0.2)) lines.push(lines[0]);
  if (r.chance(0.15)) lines.push(JSON.stringify({ at: day(3), op: 'return', site, target: assigned[0].target, transaction: 'T-none', by: 'gen' }));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Edits an engineer makes to a site or plan file: a device count, a quantity, a server renamed, a line removed or doubled. */
export function editText(text: string, r: Seeded): string {
  const lines = text.split('\n');
  const candidates = lines.map((l, i) => i).filter((i) => /count: \d|quantity: \d|bacnet: \d|id: (es|as|edge|fdp)-\d|server: /.test(lines[i]));
  const i = candidates.length && r.chance(0.8) ? r.pick(candidates) : 6 + r.int(Math.max(1, lines.length - 8));
  const roll = r.next();
  if (roll < 0.45) lines[i] = lines[i].replace(/(count|quantity|bacnet|modbus): (\d+)/, (_m, k: string, v: string) => `${k}: ${Math.max(0, Number(v) + r.pick([-2, -1, 1, 3]))}`);
  else if (roll < 0.6) lines[i] = lines[i].replace(/(id|server): ((?:es|as|edge|fdp)-\d+)/, (_m, k: string, id: string) => `${k}: ${id}x`);
  else if (roll < 0.75) lines.splice(i, 1);
  else if (roll < 0.85) lines.splice(i, 0, lines[i]);
  else lines.splice(i, 0, `${' '.repeat(lines[i].length - lines[i].trimStart().length)}# checked on site`);
  return lines.join('\n');
}
