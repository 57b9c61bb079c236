// Required licenses a server's own description implies, with the vendor's counting rules: connected devices
// from the field-bus devices the Site lists (help 16220, 11031) and, below 7.0, one attach license per
// automation server attached to an Enterprise Server (help 12865). Used by BMS053, the report and the dashboard.
import { versionAtLeast, type DeviceEntry, type Server, type Site, type Span } from '../model';
import { andList, plural, typeName } from './words';

export const CONNECTED_DEVICES = 'connected-devices';
export const ATTACH = 'automation-server-attach';

/** What a server needs of one feature, and where the figure came from. */
export interface Requirement {
  server: string;
  feature: string;
  required: number;
  /** Where the figure came from, in words, with the counting rule's help topic. */
  from: string;
  /** The node the figure was computed from (the `devices` key, or the server's id). */
  span: Span;
}

/** Counted on the server from EBO 4.0 (help 16220); the rest are named but not counted. */
const COUNTED_KINDS = new Set(['bacnet', 'modbus', 'lonworks', 'mbus', 'knx', 'dali', 'other', 'mp-controller', 'rp-controller', 'inet-sublan']);
const BEHIND_NOT_COUNTED = new Set(['mp-controller', 'rp-controller']);
const COUNTED_ON = new Set(['enterprise-server', 'as-p', 'as-p-3', 'as-b']);
const AUTOMATION = new Set(['as-p', 'as-p-3', 'as-b', 'edge-server']);

const KIND_NAMES: Record<string, [string, string]> = {
  bacnet: ['BACnet device', 'BACnet devices'],
  modbus: ['Modbus device', 'Modbus devices'],
  lonworks: ['LonWorks device', 'LonWorks devices'],
  mbus: ['M-Bus device', 'M-Bus devices'],
  knx: ['KNX device', 'KNX devices'],
  dali: ['DALI device', 'DALI devices'],
  other: ['other device', 'other devices'],
  'mp-controller': ['MP controller', 'MP controllers'],
  'rp-controller': ['RP controller', 'RP controllers'],
  'inet-sublan': ['I/NET SubLAN device', 'I/NET SubLAN devices'],
  'under-mp-rp': ['device under MP/RP controllers', 'devices under MP/RP controllers'],
  'lonworks-local-node': ['LonWorks local node', 'LonWorks local nodes'],
  'se-central-io': ['SE Central IO module', 'SE Central IO modules'],
  'automation-server': ['automation server', 'automation servers'],
};

function kindWords(kind: string, n: number): string {
  const [one, many] = KIND_NAMES[kind] ?? [kind, kind];
  return `${n} ${n === 1 ? one : many}`;
}

/** Counted and not-counted totals per kind of one server's device list. */
function tally(devices: DeviceEntry[], ebo3: boolean): { counted: Map<string, number>; skipped: Map<string, number> } {
  const counted = new Map<string, number>();
  const skipped = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  const walk = (list: DeviceEntry[], underController: boolean) => {
    for (const d of list) {
      const n = Math.max(0, Math.floor(d.count));
      // In 3.x every field-bus device hosted by an ES needs a license (help 11031); automation servers are no field-bus devices.
      if (ebo3) add(d.kind === 'automation-server' ? skipped : counted, d.kind === 'automation-server' ? d.kind : 'field-bus', n);
      else if (underController) add(skipped, 'under-mp-rp', n);
      else add(COUNTED_KINDS.has(d.kind) ? counted : skipped, d.kind, n);
      walk(d.behind, underController || (!ebo3 && BEHIND_NOT_COUNTED.has(d.kind)));
    }
  };
  walk(devices, false);
  return { counted, skipped };
}

function sum(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

/** The connected-devices licenses a server needs, from its `devices:`; undefined when nothing can be said. */
export function connectedDevicesRequired(site: Pick<Site, 'version'>, server: Server): Requirement | undefined {
  const span = server.at['$key:devices'] ?? server.at.devices;
  if (!server.devices || !span || versionAtLeast(site.version, 3) !== true) return undefined;
  const ebo3 = versionAtLeast(site.version, 4) === false;
  if (ebo3 ? server.type !== 'enterprise-server' : !COUNTED_ON.has(server.type ?? '')) return undefined;
  const { counted, skipped } = tally(server.devices, ebo3);
  const required = sum(counted);
  const countedWords = ebo3 ? [plural(required, 'field-bus device')] : [...counted].filter(([, n]) => n > 0).map(([k, n]) => kindWords(k, n));
  const skippedWords = [...skipped].filter(([, n]) => n > 0).map(([k, n]) => kindWords(k, n));
  const rule = ebo3 ? 'EBO 3.x: every field-bus device hosted by an Enterprise Server (help 11031)' : 'the counting rules of EBO 4.0 and later (help 16220)';
  const parts = `${countedWords.length ? andList(countedWords) : 'no counted devices'}${skippedWords.length ? `; not counted: ${andList(skippedWords)}` : ''}`;
  return { server: server.id, feature: CONNECTED_DEVICES, required, from: `counted from the devices of ${typeName(server.type)} '${server.id}' in the site file (${parts}), by ${rule}`, span };
}

/** Below 7.0, an Enterprise Server needs an attach license per automation server attached to it (help 12865). */
export function attachRequired(site: Pick<Site, 'version'>, server: Server, children: Server[]): Requirement | undefined {
  const span = server.at.id;
  if (server.type !== 'enterprise-server' || versionAtLeast(site.version, 7) !== false || !span) return undefined;
  const attached = children.filter((c) => AUTOMATION.has(c.type ?? ''));
  if (attached.length === 0) return undefined;
  const names = attached.map((c) => `'${c.id}'`);
  return {
    server: server.id,
    feature: ATTACH,
    required: attached.length,
    from: `${plural(attached.length, 'automation server')} attached to it in the site file (${andList(names)}); below 7.0 each needs an attach license on the Enterprise Server (help 12865)`,
    span,
  };
}

/** Every computed requirement of a site's servers, in site order. */
export function siteRequirements(site: Site): Requirement[] {
  const byId = new Map(site.servers.map((s) => [s.id, s]));
  const out: Requirement[] = [];
  for (const s of site.servers) {
    const children = s.children.map((id) => byId.get(id)).filter((c): c is Server => c !== undefined);
    for (const r of [attachRequired(site, s, children), connectedDevicesRequired(site, s)]) if (r) out.push(r);
  }
  return out;
}
