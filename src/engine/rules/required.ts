// Required licenses a server's own description implies, with the vendor's counting rules: connected devices
// from the field-bus devices the Site lists (help 16220, 11031) and, below 7.0, one attach license per
// automation server attached to an Enterprise Server (help 12865). Used by BMS053, the report and the dashboard.
import { versionAtLeast, type DeviceEntry, type Server, type Site, type Span } from '../model';
import { andList, typeName } from './words';
import { t } from '../l10n';

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

/** `1 BACnet device`, `3 BACnet devices`, in the bundle's language. */
const KIND_WORDS: Record<string, (n: number) => string> = {
  bacnet: (n) => (n === 1 ? t('1 BACnet device') : t('{0} BACnet devices', n)),
  modbus: (n) => (n === 1 ? t('1 Modbus device') : t('{0} Modbus devices', n)),
  lonworks: (n) => (n === 1 ? t('1 LonWorks device') : t('{0} LonWorks devices', n)),
  mbus: (n) => (n === 1 ? t('1 M-Bus device') : t('{0} M-Bus devices', n)),
  knx: (n) => (n === 1 ? t('1 KNX device') : t('{0} KNX devices', n)),
  dali: (n) => (n === 1 ? t('1 DALI device') : t('{0} DALI devices', n)),
  other: (n) => (n === 1 ? t('1 other device') : t('{0} other devices', n)),
  'mp-controller': (n) => (n === 1 ? t('1 MP controller') : t('{0} MP controllers', n)),
  'rp-controller': (n) => (n === 1 ? t('1 RP controller') : t('{0} RP controllers', n)),
  'inet-sublan': (n) => (n === 1 ? t('1 I/NET SubLAN device') : t('{0} I/NET SubLAN devices', n)),
  'under-mp-rp': (n) => (n === 1 ? t('1 device under MP/RP controllers') : t('{0} devices under MP/RP controllers', n)),
  'lonworks-local-node': (n) => (n === 1 ? t('1 LonWorks local node') : t('{0} LonWorks local nodes', n)),
  'se-central-io': (n) => (n === 1 ? t('1 SE Central IO module') : t('{0} SE Central IO modules', n)),
  'automation-server': (n) => (n === 1 ? t('1 automation server') : t('{0} automation servers', n)),
};

function kindWords(kind: string, n: number): string {
  return KIND_WORDS[kind]?.(n) ?? `${n} ${kind}`;
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
  const countedWords = ebo3 ? [required === 1 ? t('1 field-bus device') : t('{0} field-bus devices', required)] : [...counted].filter(([, n]) => n > 0).map(([k, n]) => kindWords(k, n));
  const skippedWords = [...skipped].filter(([, n]) => n > 0).map(([k, n]) => kindWords(k, n));
  const rule = ebo3 ? t('EBO 3.x: every field-bus device hosted by an Enterprise Server (help 11031)') : t('the counting rules of EBO 4.0 and later (help 16220)');
  const parts = `${countedWords.length ? andList(countedWords) : t('no counted devices')}${skippedWords.length ? t('; not counted: {0}', andList(skippedWords)) : ''}`;
  return { server: server.id, feature: CONNECTED_DEVICES, required, from: t("counted from the devices of {0} '{1}' in the site file ({2}), by {3}", typeName(server.type), server.id, parts, rule), span };
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
    from: t('{0} attached to it in the site file ({1}); below 7.0 each needs an attach license on the Enterprise Server (help 12865)', kindWords('automation-server', attached.length), andList(names)),
    span,
  };
}

/** A Site model is built anew by every parse of its file and not changed after: its requirements are computed once. */
const requirementsOf = new WeakMap<Site, readonly Requirement[]>();

/** Every computed requirement of a site's servers, in site order (BMS053 asks on every edit of its plans). */
export function siteRequirements(site: Site): readonly Requirement[] {
  let known = requirementsOf.get(site);
  if (!known) requirementsOf.set(site, (known = computeRequirements(site)));
  return known;
}

function computeRequirements(site: Site): Requirement[] {
  const byId = new Map(site.servers.map((s) => [s.id, s]));
  const out: Requirement[] = [];
  for (const s of site.servers) {
    const children = s.children.map((id) => byId.get(id)).filter((c): c is Server => c !== undefined);
    for (const r of [attachRequired(site, s, children), connectedDevicesRequired(site, s)]) if (r) out.push(r);
  }
  return out;
}
