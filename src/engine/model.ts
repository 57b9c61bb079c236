// The typed model of the two document kinds. Plain data: every node keeps the offsets of its YAML
// source so that rules, hovers and the tree can point at the exact place.

/** Half-open character offsets [start, end) into the file text. */
export interface Span {
  start: number;
  end: number;
}

export const API_VERSION = 'bms.license/v1';

export const SERVER_TYPES = [
  'enterprise-central',
  'enterprise-server',
  'as-p',
  'as-p-3',
  'as-b',
  'edge-server',
  'fdp-server',
] as const;
export type ServerType = (typeof SERVER_TYPES)[number];

export const CLIENT_TYPES = [
  'workstation',
  'workstation-pro',
  'webstation',
  'graphics-editor',
  'script-editor',
  'function-block-editor',
  'menta-editor',
] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];

export const CONNECTIVITY = ['online', 'semi-online', 'offline'] as const;
export type Connectivity = (typeof CONNECTIVITY)[number];

/** How a site's licenses are activated (`spec.activation`): the vendor's tools (a real site), the built-in simulator, or an HTTP activation server. */
export const ACTIVATION_WAYS = ['vendor-tools', 'simulator', 'http'] as const;
export type ActivationWay = (typeof ACTIVATION_WAYS)[number];

export const LICENSE_TYPES = ['network', 'local', 'demo', 'engineering', 'centralized', 'inherited'] as const;
export type LicenseType = (typeof LICENSE_TYPES)[number];

/** 7.0 tiers (community KB 523934): Essential includes 3 concurrent clients, Advanced and Advanced Plus unlimited. */
export const TIERS = ['essential', 'advanced', 'advanced-plus'] as const;
export type Tier = (typeof TIERS)[number];

export const STAGES = ['commissioning', 'handover'] as const;
export type Stage = (typeof STAGES)[number];

export const MODES = ['online', 'offline'] as const;
export type Mode = (typeof MODES)[number];

/** What an assignment or an applicability list can name: a server type, the License Server, or a client computer. */
export type TargetKind = 'server' | 'licenseServer' | 'client';

/**
 * Ranges of the scalar values of a node's fields, keyed by field name, and `$key:<field>` for the key
 * itself. Only fields present in the source appear.
 */
export type FieldSpans = Record<string, Span>;

interface Located {
  /** The whole mapping (or flow mapping) of this node. */
  span: Span;
  /** Each present field's value node. */
  at: FieldSpans;
}

export interface LicenseServer extends Located {
  id: string;
  host?: string;
  address?: string;
  hostId?: string;
}

/** Kinds of field-bus device a Site may list per server (`devices:`), for the connected-devices count (help 16220). */
export const DEVICE_KINDS = [
  'bacnet',
  'modbus',
  'lonworks',
  'mbus',
  'knx',
  'dali',
  'other',
  'mp-controller',
  'rp-controller',
  'inet-sublan',
  'under-mp-rp',
  'lonworks-local-node',
  'se-central-io',
  'automation-server',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** A count of field-bus devices of one kind on a server, or one listed device (count 1) with what is behind it. */
export interface DeviceEntry {
  kind: DeviceKind | string;
  count: number;
  name?: string;
  /** Devices listed behind this one (e.g. under an MP/RP controller). */
  behind: DeviceEntry[];
  span: Span;
}

export interface Server extends Located {
  id: string;
  type?: ServerType | string;
  host?: string;
  licenseServer?: string;
  /** Field-bus devices hosted by this server, when the site lists them (`devices:`). */
  devices?: DeviceEntry[];
  /** Id of the enclosing server in the hierarchy, undefined at the top. */
  parent?: string;
  /** Ids of the servers nested under `children`, in source order. */
  children: string[];
}

export interface Client extends Located {
  id: string;
  type?: ClientType | string;
  host?: string;
  licenseServers: string[];
  /** Span of each entry of `licenseServers`, same order. */
  licenseServerSpans: Span[];
}

export interface Site extends Located {
  kind: 'Site';
  uri: string;
  name: string;
  customer?: string;
  contact?: string;
  version?: string;
  /** 7.0+: the tier chosen at the upgrade (`essential`, `advanced`, `advanced-plus`; community KB 523934). */
  tier?: Tier | string;
  connectivity?: Connectivity | string;
  /** `spec.activation` as written; see `activationOf`. */
  activation?: ActivationWay | string;
  ledger?: string;
  licenseServers: LicenseServer[];
  /** Every server of the hierarchy, depth first in source order; see `parent` / `children`. */
  servers: Server[];
  clients: Client[];
}

export interface Product extends Located {
  activationId: string;
  feature?: string;
  licenseType?: LicenseType | string;
  quantity?: number;
  /** `permanent` or `yyyy-mm-dd` as written. */
  expires?: string;
  appliesTo?: string[];
  /** The entitlement this product belongs to. */
  entitlementId: string;
}

export interface Entitlement extends Located {
  id: string;
  products: Product[];
}

export interface Assignment extends Located {
  /** The target field that is set (the first one when several are, which the schema reports). */
  targetKind?: TargetKind;
  target?: string;
  activationId?: string;
  quantity?: number;
  mode?: Mode | string;
  /** Position of the assignment in `spec.assignments`. */
  index: number;
}

export interface LicensePlan extends Located {
  kind: 'LicensePlan';
  uri: string;
  name: string;
  site?: string;
  expiryWarningDays?: number;
  stage?: Stage | string;
  entitlements: Entitlement[];
  assignments: Assignment[];
  /** An unclosed quote swallowed part of the plan: rules that judge by absence (BMS050) cannot judge it. */
  incomplete?: boolean;
}

export type BmsDocument = Site | LicensePlan;

export function isSite(d: BmsDocument): d is Site {
  return d.kind === 'Site';
}

export function isPlan(d: BmsDocument): d is LicensePlan {
  return d.kind === 'LicensePlan';
}

/** A plan's products, kept while its entitlements are the same list: every rule asks for them on every edit. */
const productLists = new WeakMap<LicensePlan, { entitlements: Entitlement[]; count: number; products: Product[] }>();

/** All products of a plan, flattened (a shared list: read it, never change it). */
export function productsOf(plan: LicensePlan): Product[] {
  const known = productLists.get(plan);
  if (known && known.entitlements === plan.entitlements && known.count === plan.entitlements.length) return known.products;
  const products = plan.entitlements.flatMap((e) => e.products);
  productLists.set(plan, { entitlements: plan.entitlements, count: plan.entitlements.length, products });
  return products;
}

/** How the site is licensed: `spec.activation`, `vendor-tools` when absent (every real site) or unreadable. */
export function activationOf(site: Pick<Site, 'activation'>): ActivationWay {
  return (ACTIVATION_WAYS as readonly string[]).includes(site.activation ?? '') ? (site.activation as ActivationWay) : 'vendor-tools';
}

/**
 * The vendor names releases both ways (DOMAIN.md, third round): EBO 2022 = 4.0, EBO 2023 = 5.0, EBO 2024 = 6.0;
 * from 7.0 on by number only. A site file may say either, quoted or not.
 */
export const VERSION_YEARS: Readonly<Record<string, string>> = { '2022': '4.0', '2023': '5.0', '2024': '6.0' };

/** A version written as a year (four digits from 2000): a release name, not a number. */
export function isVersionYear(version: string | undefined): boolean {
  return !!version && /^\s*20\d\d\s*$/.test(version);
}

/** `[major, minor]` of a version, years read as their number; undefined when absent, unreadable or an unknown year. */
export function versionParts(version: string | undefined): [number, number] | undefined {
  if (!version) return undefined;
  const text = version.trim();
  const named = VERSION_YEARS[text];
  if (isVersionYear(text) && !named) return undefined;
  const m = /^(\d+)(?:\.(\d+))?/.exec(named ?? text);
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : undefined;
}

/** The version by its number, `6.0` for `2024`; undefined when unreadable. */
export function versionNumber(version: string | undefined): string | undefined {
  if (!version) return undefined;
  const named = VERSION_YEARS[version.trim()];
  if (named) return named;
  return versionParts(version) ? version.trim() : undefined;
}

/** Both names where the vendor has two, as written first: `6.0 (2024)`, `2024 (6.0)`; else the version as written. */
export function versionLabel(version: string | undefined): string {
  if (!version) return '';
  const text = version.trim();
  const named = VERSION_YEARS[text];
  if (named) return `${text} (${named})`;
  const year = Object.keys(VERSION_YEARS).find((y) => VERSION_YEARS[y] === text || VERSION_YEARS[y] === `${text}.0`);
  return year ? `${text} (${year})` : text;
}

/** `major.minor` compared numerically (years as their number); undefined when the version is absent or unreadable. */
export function versionAtLeast(version: string | undefined, major: number, minor = 0): boolean | undefined {
  const parts = versionParts(version);
  if (!parts) return undefined;
  const [ma, mi] = parts;
  return ma > major || (ma === major && mi >= minor);
}
