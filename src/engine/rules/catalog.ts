// The built-in feature catalog (DOMAIN.md): which feature goes on which kind of target, and which
// feature is a server's base license. A plan's `appliesTo` always wins over the catalog.
import { CLIENT_TYPES, type LicenseType, type Product, type ServerType } from '../model';

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
}

const AUTOMATION: readonly ServerType[] = ['as-p', 'as-p-3', 'as-b', 'edge-server'];

function clientFeature(feature: string, clients: readonly string[], summary: string): CatalogFeature {
  return {
    feature,
    licenseTypes: ['network', 'local', 'demo'],
    appliesTo: [LICENSE_SERVER, ...clients],
    byLicenseType: { network: [LICENSE_SERVER], local: clients, demo: clients },
    summary,
  };
}

export const CATALOG: readonly CatalogFeature[] = [
  { feature: 'server.enterprise.central', licenseTypes: ['network'], appliesTo: ['enterprise-central'], baseOf: ['enterprise-central'], summary: 'Base license of an Enterprise Central.' },
  { feature: 'server.enterprise.base', licenseTypes: ['network'], appliesTo: ['enterprise-server'], baseOf: ['enterprise-server'], summary: 'Base license of an Enterprise Server.' },
  { feature: 'server.ec.es', licenseTypes: ['network'], appliesTo: ['enterprise-server'], baseOf: ['enterprise-server'], underEnterpriseCentral: true, summary: 'Base license of an Enterprise Server under an Enterprise Central (alternative to server.enterprise.base).' },
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
  { feature: 'connected-devices', licenseTypes: ['centralized'], appliesTo: ['enterprise-server', 'as-p', 'as-p-3', 'as-b'], summary: 'Connected devices (7.x), counted per Enterprise Server or automation server.' },
  { feature: 'fdp.server', licenseTypes: ['centralized'], appliesTo: ['fdp-server'], baseOf: ['fdp-server'], summary: 'Base license of an Esmi Sense FDP fire server.' },
];

const BY_FEATURE = new Map(CATALOG.map((f) => [f.feature, f]));

export function catalogFeature(feature: string | undefined): CatalogFeature | undefined {
  return feature === undefined ? undefined : BY_FEATURE.get(feature);
}

/** Target types the product may go on: its `appliesTo`, else the catalog's; undefined when neither says (BMS070). */
export function applicableTargets(product: Pick<Product, 'feature' | 'licenseType' | 'appliesTo'>): readonly string[] | undefined {
  if (product.appliesTo) return product.licenseType === 'network' ? seatHolders(product.appliesTo) : product.appliesTo;
  const entry = catalogFeature(product.feature);
  if (!entry) return undefined;
  return entry.byLicenseType?.[product.licenseType as LicenseType] ?? entry.appliesTo;
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

/** The features any of which licenses a server of that type as its base; empty when the type has none. */
export function baseFeaturesOf(type: string | undefined): string[] {
  return CATALOG.filter((f) => f.baseOf?.includes(type as ServerType)).map((f) => f.feature);
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
