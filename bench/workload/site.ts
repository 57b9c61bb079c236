// A generated Site: an Enterprise Central over Enterprise Servers over automation servers (nested
// `children`), in block, flow or mixed style, with comments, several id schemes and, below 7.0, one
// License Server beside each ES/EC. Valid as generated.
import { host, serverId } from './ids';
import { pad, Random } from './random';

export type Style = 'block' | 'flow' | 'mixed';

export interface SiteOptions {
  name: string;
  /** Servers in all (the EC and the ESs included). */
  servers: number;
  /** Enterprise Servers under the EC. */
  enterpriseServers: number;
  style: Style;
  seed: number;
  version?: string;
}

export interface GeneratedServer {
  id: string;
  type: string;
  /** 0-based line of its `id:`. */
  line: number;
}

export interface GeneratedSite {
  name: string;
  text: string;
  servers: GeneratedServer[];
  licenseServers: string[];
}

const AUTOMATION = ['as-p', 'as-p', 'as-p', 'as-b', 'as-p-3'];

export function generateSite(o: SiteOptions): GeneratedSite {
  const r = new Random(o.seed);
  const version = o.version ?? '7.0';
  const below7 = Number(version.split('.')[0]) < 7;
  const out: string[] = [];
  const servers: GeneratedServer[] = [];
  const licenseServers: string[] = [];
  const scheme = r.int(5);
  const lsLines: string[] = [];
  const serverLine = (indent: string, id: string, type: string, hostName: string, extra: string[], flow: boolean): void => {
    servers.push({ id, type, line: out.length });
    if (flow) {
      out.push(`${indent}- { id: ${id}, type: ${type}, host: ${hostName}${extra.length ? ', ' + extra.join(', ') : ''} }${r.chance(0.05) ? '  # spare' : ''}`);
      return;
    }
    out.push(`${indent}- id: ${id}`, `${indent}  type: ${type}`, `${indent}  host: ${hostName}${r.chance(0.1) ? `   # panel ${r.int(40)}` : ''}`);
    for (const e of extra) out.push(`${indent}  ${e}`);
  };
  const withLicenseServer = (id: string, hostName: string): string[] => {
    if (!below7) return [];
    const ls = `ls-${id}`;
    licenseServers.push(ls);
    lsLines.push(`    - id: ${ls}`, `      host: ${hostName}`, `      address: "@localhost"`);
    return [`licenseServer: ${ls}`];
  };
  const flowItem = () => o.style === 'flow' || (o.style === 'mixed' && r.chance(0.6));

  const ecHost = `ec01.${o.name}.local`;
  serverLine('    ', 'ec-01', 'enterprise-central', ecHost, withLicenseServer('ec-01', ecHost), false);
  out.push('      children:');
  const automation = o.servers - 1 - o.enterpriseServers;
  let n = 0;
  for (let e = 0; e < o.enterpriseServers; e++) {
    const building = e + 1;
    if (r.chance(0.5)) out.push(`        # Building ${building}${r.chance(0.5) ? `, ${r.pick(['plant room', 'riser', 'basement', 'level 2'])}` : ''}`);
    const es = `es-b${pad(building, 3)}`;
    const esHost = `es${pad(building, 3)}.${o.name}.local`;
    serverLine('        ', es, 'enterprise-server', esHost, withLicenseServer(es, esHost), false);
    const count = Math.floor(automation / o.enterpriseServers) + (e < automation % o.enterpriseServers ? 1 : 0);
    if (count === 0) continue;
    out.push('          children:');
    for (let a = 0; a < count; a++, n++) {
      if (r.chance(0.03)) out.push(`            # ${r.pick(['floor', 'zone', 'wing'])} ${r.int(12) + 1}`);
      const type = r.chance(0.01) ? 'edge-server' : r.pick(AUTOMATION);
      serverLine('            ', serverId(r, scheme + (a % 7 === 0 ? 1 : 0), n, building), type, host(r, building, n), [], flowItem());
    }
  }
  const head = [
    'apiVersion: bms.license/v1',
    'kind: Site',
    'metadata:',
    `  name: ${o.name}`,
    `  customer: ${r.pick(['Northwind Health', 'Contoso Real Estate', 'Fabrikam Airports', "O'Brien & Sons Ltd."])}`,
    `  contact: ${r.pick(['Jane Smith', 'Lars Olsen', 'Ana Diaz'])}`,
    'spec:',
    `  version: "${version}"`,
    `  connectivity: ${r.pick(['online', 'online', 'semi-online', 'offline'])}`,
    ...(lsLines.length ? ['  licenseServers:', ...lsLines] : []),
    '  servers:',
  ];
  for (const s of servers) s.line += head.length;
  const clients = ['  clients:', `    - { id: ws-eng, type: workstation${below7 ? `, licenseServers: [${licenseServers[0]}]` : ''} }`];
  return { name: o.name, text: [...head, ...out, ...clients].join('\n') + '\n', servers, licenseServers };
}
