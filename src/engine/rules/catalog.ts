// The built-in feature catalog (DOMAIN.md): which feature goes on which kind of target, on which EBO
// version with which license type, and which feature is a server's base license. A plan's `appliesTo`
// always wins over the catalog's targets.
import { CLIENT_TYPES, versionAtLeast, type LicenseType, type Product, type ServerType } from '../model';

/** The target type of a License Server in `appliesTo` and in the catalog. */
export const LICENSE_SERVER = 'license-server';

export interface CatalogFeature {
  feature: string;
  licenseTypes: readonly LicenseType[];
  /** Every target type the feature can go on, whatever its license type. */
  appliesTo: readonly string[];
  /** Narrower targets for some license types (a network seat goes on a License Server, a local one on a computer). */
  byLicenseType?: Partial<Record<LicenseType, readonly string[]>>;
  /** The server types this feature is the base license of. */
  baseOf?: readonly ServerType[];
  /** `server.ec.es` is the Enterprise Server license of a system under an Enterprise Central. */
  underEnterpriseCentral?: boolean;
  /** One line for hovers and completion. */
  summary: string;
  /**
   * What holds on which EBO version; absent = the same on every version. A version no era covers does
   * not have this feature (`outside` says why, BMS024).
   */
  eras?: readonly CatalogEra[];
  outside?: string;
}

/** The feature on a range of EBO versions `[from, before)`: its license types and targets there. */
export interface CatalogEra {
  from?: string;
  before?: string;
  licenseTypes: readonly LicenseType[];
  appliesTo?: readonly string[];
  byLicenseType?: Partial<Record<LicenseType, readonly string[]>>;
  /** The version rule in words, with its help topic, for BMS020 and BMS024. */
  rule: string;
  /** The vendor's help does not say how the feature is licensed in this era (the upgrade report says so). */
  undocumented?: boolean;
}

/** The licensing regime changes at 7.0: License Server (network) below, Device Administrator (centralized) from it. */
export const CENTRALIZED_FROM = '7.0';

const AUTOMATION: readonly ServerType[] = ['as-p', 'as-p-3', 'as-b', 'edge-server'];
/** The servers whose connected devices are counted (help 16220). */
const COUNTED: readonly ServerType[] = ['enterprise-server', 'as-p', 'as-p-3', 'as-b'];

/** Licensed features of an Enterprise Server before 7.0 (h12865 v3.3); from 7.0 the help does not say, both types pass. */
function licensedOnEs(feature: string, name: string): CatalogFeature {
  return {
    feature,
    licenseTypes: ['network', 'centralized'],
    appliesTo: ['enterprise-server'],
    eras: [
      { before: CENTRALIZED_FROM, licenseTypes: ['network'], rule: `below 7.0 ${name} is a licensed feature of the Enterprise Server, served by its License Server (help 12865)` },
      { from: CENTRALIZED_FROM, licenseTypes: ['centralized', 'network'], rule: `the help does not say how ${name} is licensed from 7.0: network and centralized are both accepted`, undocumented: true },
    ],
    summary: `${name}: a licensed feature of the Enterprise Server (network below 7.0).`,
  };
}

function clientFeature(feature: string, clients: readonly string[], summary: string): CatalogFeature {
  return {
    feature,
    licenseTypes: ['network', 'local', 'demo'],
    appliesTo: [LICENSE_SERVER, ...clients],
    byLicenseType: { network: [LICENSE_SERVER], local: clients, demo: clients },
    summary,
  };
}

/** ES/EC licenses: network (License Administrator + License Server) below 7.0, centralized from it (h12730, h12486 v7.0). */
function serverEras(what: string): CatalogEra[] {
  return [
    { before: CENTRALIZED_FROM, licenseTypes: ['network'], rule: `below 7.0 ${what} is a network license, activated with License Administrator on the License Server (help 12730)` },
    { from: CENTRALIZED_FROM, licenseTypes: ['centralized'], rule: `from 7.0 ${what} is a centralized license, assigned with Device Administrator from the top server (help 12730, 12486)` },
  ];
}

export const CATALOG: readonly CatalogFeature[] = [
  { feature: 'server.enterprise.central', licenseTypes: ['network', 'centralized'], appliesTo: ['enterprise-central'], baseOf: ['enterprise-central'], eras: serverEras('the Enterprise Central base license'), summary: 'Base license of an Enterprise Central: network below 7.0, centralized from 7.0.' },
  { feature: 'server.enterprise.base', licenseTypes: ['network', 'centralized'], appliesTo: ['enterprise-server'], baseOf: ['enterprise-server'], eras: serverEras('the Enterprise Server base license'), summary: 'Base license of an Enterprise Server: network below 7.0, centralized from 7.0.' },
  { feature: 'server.ec.es', licenseTypes: ['network', 'centralized'], appliesTo: ['enterprise-server'], baseOf: ['enterprise-server'], underEnterpriseCentral: true, eras: serverEras('the Enterprise Server base license'), summary: 'Base license of an Enterprise Server under an Enterprise Central (alternative to server.enterprise.base).' },
  clientFeature('client.station', ['workstation', 'workstation-pro'], 'WorkStation seat: network seats on a License Server, or a local/demo license on one computer.'),
  clientFeature('client.graphiceditor', ['graphics-editor', 'workstation-pro'], 'Graphics Editor: network seats on a License Server, or a local/demo license on one computer.'),
  clientFeature('client.script', ['script-editor', 'workstation-pro'], 'Script Editor: network seats on a License Server, or a local/demo license on one computer.'),
  clientFeature('client.functionblock.view', ['function-block-editor', 'workstation-pro'], 'Function Block viewer: network seats on a License Server, or a local/demo license on one computer.'),
  { feature: 'smartdriver', licenseTypes: ['centralized'], appliesTo: AUTOMATION, summary: 'SmartDriver on an automation server (one per driver).' },
  {
    feature: 'snmp-notification',
    licenseTypes: ['centralized', 'inherited'],
    appliesTo: [...AUTOMATION, 'enterprise-server'],
    byLicenseType: { centralized: AUTOMATION, inherited: ['enterprise-server'] },
    summary: 'SNMP Notification: centralized on an automation server, or inherited from an Enterprise Server.',
  },
  {
    feature: 'personal-dashboard',
    licenseTypes: ['centralized', 'inherited'],
    appliesTo: [...AUTOMATION, 'enterprise-server'],
    byLicenseType: { centralized: AUTOMATION, inherited: ['enterprise-server'] },
    summary: 'Personal Dashboard: centralized on an automation server, or inherited from an Enterprise Server.',
  },
  { feature: 'change-control', licenseTypes: ['inherited'], appliesTo: ['enterprise-server'], summary: 'Change Control: activated on an Enterprise Server, inherited by its automation servers.' },
  { feature: 'timescaledb', licenseTypes: ['centralized', 'inherited'], appliesTo: [...AUTOMATION, 'enterprise-server'], summary: 'TimescaleDB on an automation server or an Enterprise Server.' },
  { feature: 'mqtt', licenseTypes: ['centralized', 'inherited'], appliesTo: [...AUTOMATION, 'enterprise-server'], summary: 'MQTT on an automation server or an Enterprise Server.' },
  {
    feature: 'connected-devices',
    licenseTypes: ['network', 'centralized'],
    appliesTo: COUNTED,
    eras: [
      // Which network/centralized split applies to an ES before 7.0 is not in the help (inferred): both are accepted.
      { from: '3.0', before: '4.0', licenseTypes: ['network', 'centralized'], appliesTo: ['enterprise-server'], rule: 'in EBO 3.x every field-bus device hosted by an Enterprise Server needs a license, and automation servers take none (help 11031, 12865)' },
      { from: '4.0', before: CENTRALIZED_FROM, licenseTypes: ['network', 'centralized'], appliesTo: COUNTED, rule: 'from EBO 2022 (4.0) connected devices are counted per Enterprise Server and automation server (help 16220)' },
      { from: CENTRALIZED_FROM, licenseTypes: ['centralized'], appliesTo: COUNTED, rule: 'from 7.0 connected-devices licenses are centralized, assigned with Device Administrator (help 12730, 16220)' },
    ],
    outside: 'connected-devices licenses start with EBO 3.0 in the catalog (help 11031)',
    summary: 'Connected devices: from 4.0 counted per Enterprise Server or automation server; in 3.x every field-bus device of an ES.',
  },
  {
    feature: 'automation-server-attach',
    licenseTypes: ['network'],
    appliesTo: ['enterprise-server'],
    eras: [{ before: CENTRALIZED_FROM, licenseTypes: ['network'], rule: 'below 7.0 an Enterprise Server needs one attach license per automation server attached to it (help 12865)' }],
    outside: 'from 7.0 there is no attach license: every server is licensed centrally from the top server through Device Administrator (help 12730)',
    summary: 'Attach license (before 7.0): one per automation server attached to an Enterprise Server.',
  },
  licensedOnEs('web-services', 'Web Services'),
  licensedOnEs('sign-pdf', 'Sign PDF'),
  { feature: 'fdp.server', licenseTypes: ['centralized'], appliesTo: ['fdp-server'], baseOf: ['fdp-server'], summary: 'Base license of an Esmi Sense FDP fire server.' },
];

const BY_FEATURE = new Map(CATALOG.map((f) => [f.feature, f]));

export function catalogFeature(feature: string | undefined): CatalogFeature | undefined {
  return feature === undefined ? undefined : BY_FEATURE.get(feature);
}

/** The catalog's target types of a product as a new list (a workflow's `appliesTo`), undefined when the catalog does not know it. */
export function catalogTargetsOf(product: Pick<Product, 'feature' | 'licenseType' | 'appliesTo'>): string[] | undefined {
  const t = applicableTargets(product);
  return t ? [...t] : undefined;
}

/** Target types the product may go on: its `appliesTo`, else the catalog's (on the site's EBO version when given); undefined when neither says (BMS070). */
export function applicableTargets(product: Pick<Product, 'feature' | 'licenseType' | 'appliesTo'>, version?: string): readonly string[] | undefined {
  // Asked for each assignment of the product (BMS020: 40,000 a 200-site workspace): kept with the product while
  // the site's version is the same (a product is never changed in place: a new text makes a new one).
  const kept = targetsKept.get(product);
  if (kept && kept.version === version) return kept.targets;
  const targets = targetsOf(product, version);
  targetsKept.set(product, { version, targets });
  return targets;
}

const targetsKept = new WeakMap<object, { version: string | undefined; targets: readonly string[] | undefined }>();

function targetsOf(product: Pick<Product, 'feature' | 'licenseType' | 'appliesTo'>, version?: string): readonly string[] | undefined {
  if (product.appliesTo) return product.licenseType === 'network' ? seatHolders(product.appliesTo) : product.appliesTo;
  const entry = catalogFeature(product.feature);
  if (!entry) return undefined;
  const era = eraOf(entry, version);
  return era?.byLicenseType?.[product.licenseType as LicenseType] ?? era?.appliesTo ?? entry.byLicenseType?.[product.licenseType as LicenseType] ?? entry.appliesTo;
}

/**
 * The era of a feature on an EBO version; undefined when the feature is the same on every version, or the
 * version is unknown. `null` when no era covers the version (the feature does not exist there).
 */
export function eraOf(entry: CatalogFeature, version: string | undefined): CatalogEra | null | undefined {
  if (!entry.eras || !version || versionAtLeast(version, 0) === undefined) return undefined;
  return entry.eras.find((e) => (e.from === undefined || atLeast(version, e.from)) && (e.before === undefined || !atLeast(version, e.before))) ?? null;
}

function atLeast(version: string, bound: string): boolean {
  const [major, minor] = bound.split('.').map(Number);
  return versionAtLeast(version, major, minor) === true;
}

/**
 * A network license's `appliesTo` may name the clients that check its seats out: the seats themselves are
 * held by a License Server, so client types stand for `license-server` (DOMAIN.md, license type network).
 */
function seatHolders(appliesTo: readonly string[]): readonly string[] {
  if (!appliesTo.some(isClientType)) return appliesTo;
  return [...new Set(appliesTo.map((t) => (isClientType(t) ? LICENSE_SERVER : t)))];
}

/** Whether `appliesTo` of a network license names client computers (the seats then go on a License Server). */
export function namesClients(product: Pick<Product, 'licenseType' | 'appliesTo'>): boolean {
  return product.licenseType === 'network' && !!product.appliesTo?.some(isClientType);
}

function isClientType(t: string): boolean {
  return (CLIENT_TYPES as readonly string[]).includes(t);
}

/** Base features by server type, for the types met so far (a few; cleared if a fuzzed file brings many). */
const BASE_FEATURES = new Map<string | undefined, string[]>();

/** The features any of which licenses a server of that type as its base; empty when the type has none. */
export function baseFeaturesOf(type: string | undefined): string[] {
  // Asked for every server of a site on every edit of its plans: one list per type (shared: never change it).
  const known = BASE_FEATURES.get(type);
  if (known) return known;
  const features = CATALOG.filter((f) => f.baseOf?.includes(type as ServerType)).map((f) => f.feature);
  if (BASE_FEATURES.size > 64) BASE_FEATURES.clear();
  if ((type?.length ?? 0) <= 64) BASE_FEATURES.set(type, features);
  return features;
}

/** Every target type `appliesTo` can name. */
export const TARGET_TYPES: readonly string[] = [
  'enterprise-central',
  'enterprise-server',
  ...AUTOMATION,
  'fdp-server',
  LICENSE_SERVER,
  ...CLIENT_TYPES,
];
