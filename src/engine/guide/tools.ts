// Which of the vendor's tools does an action, on which computer: License Administrator on the License Server's
// computer for network licenses (and local licenses on the client's computer), Device Administrator for
// centralized licenses (from 7.0 from the system's top server). DOMAIN.md, third round.
import type { RecordedVia } from '../ledger/provenance';
import { productsOf, versionAtLeast, type LicensePlan, type Product, type Site } from '../model';

export interface ToolPlace {
  tool: RecordedVia;
  /** `ls-main's computer (ec01.hospital.local)`, `Device Administrator's computer, server es-01 (es01.local)`. */
  computer: string;
  /** The computer's host name, when the site file gives it. */
  host?: string;
  /** Device Administrator: the server the license goes on. */
  server?: string;
  /** Device Administrator on 7.0+: the top server it is done from. */
  topServer?: string;
  /** License Administrator: the License Server whose computer it runs on. */
  licenseServer?: string;
}

export const TOOL_NAMES: Record<RecordedVia, string> = { 'license-administrator': 'License Administrator', 'device-administrator': 'Device Administrator' };

const DA_TYPES = new Set(['centralized', 'inherited']);

/** The product of an activation id in the site's plans. */
export function productOf(plans: readonly LicensePlan[], activationId: string): Product | undefined {
  for (const plan of plans) for (const p of productsOf(plan)) if (p.activationId === activationId) return p;
  return undefined;
}

/** The tool and computer for a license on a target of the site. */
export function toolFor(site: Site, target: string, product: Pick<Product, 'licenseType'> | undefined): ToolPlace {
  const ls = site.licenseServers.find((l) => l.id === target);
  if (ls) return la(ls.id, ls.host);
  const client = site.clients.find((c) => c.id === target);
  if (client) {
    const host = client.host;
    // A local license is bound to the client's own computer; network seats come from its License Server.
    if (product?.licenseType === 'local' || client.licenseServers.length === 0) return { tool: 'license-administrator', computer: `${target}'s computer${host ? ` (${host})` : ''}`, host };
    const served = site.licenseServers.find((l) => l.id === client.licenseServers[0]);
    return la(client.licenseServers[0]!, served?.host);
  }
  const server = site.servers.find((s) => s.id === target);
  const type = product?.licenseType;
  const centralized = type ? DA_TYPES.has(type) : server?.type !== 'enterprise-server' && server?.type !== 'enterprise-central' ? true : versionAtLeast(site.version, 7) === true;
  if (server && !centralized && server.licenseServer) {
    const served = site.licenseServers.find((l) => l.id === server.licenseServer);
    return la(server.licenseServer, served?.host);
  }
  const top = versionAtLeast(site.version, 7) === true ? topServerOf(site, target) : undefined;
  const host = server?.host;
  return {
    tool: 'device-administrator',
    computer: `server ${target}${host ? ` (${host})` : ''}${top && top !== target ? `, from the top server ${top}` : ''}`,
    host,
    server: target,
    topServer: top,
  };
}

function la(licenseServer: string, host: string | undefined): ToolPlace {
  return { tool: 'license-administrator', computer: `${licenseServer}'s computer${host ? ` (${host})` : ''}`, host, licenseServer };
}

/** The top of the hierarchy above a server (7.0: servers are licensed from it). */
export function topServerOf(site: Site, id: string): string | undefined {
  let current = site.servers.find((s) => s.id === id);
  const seen = new Set<string>();
  while (current?.parent !== undefined && !seen.has(current.id)) {
    seen.add(current.id);
    current = site.servers.find((s) => s.id === current!.parent);
  }
  return current?.id;
}
