// The view model of one site, shared by the dashboard webview and the handover report. Plain JSON: it
// crosses postMessage and is written to files, so no Maps, Dates or class instances in here.

/** A place the user can jump to; the dashboard only ever sends back the key of one of these. */
export interface ReportLocation {
  uri: string;
  start: number;
  end: number;
}

export type ExpiryStatus = 'expired' | 'expiring' | 'ok';

/** One feature on one target: the numbers the BMS shows per server, plus the plan's. */
export interface FeatureRow {
  feature: string;
  /** What the target needs: its base license (1), a figure computed from the site (see `requiredFrom`), or what the plan puts there. */
  required: number;
  /** Where a computed Required came from (connected devices counted from the site, attach licenses), with its help topic. */
  requiredFrom?: string;
  planned: number;
  /** Activated and usable (broken or returned licenses do not count). */
  activated: number;
  /** Seats in use from License Server usage (lmstat); null when not known. */
  used: number | null;
  /** Activated − Used; null when Used is not known. */
  available: number | null;
  /** A short reason when this row is a license violation (activated below required with nothing left to activate, no free seat). */
  violation?: string;
  /** The status kind (tree/status.ts): not-activated, under-planned, violation, blocked, handover, activated… */
  status: string;
  statusLabel: string;
}

/** One planned or recorded license on a target, as the report lists it. */
export interface LicenseRow {
  activationId: string;
  feature: string;
  licenseType: string;
  planned: number | null;
  activated: number | null;
  /** activated, short, planned, requested, return-pending, broken, unplanned (see the site tree). */
  state: string;
  /** Activation date (yyyy-mm-dd) when activated. */
  activatedOn?: string;
  transaction?: string;
  /** `permanent`, `yyyy-mm-dd` or empty when the plan does not say. */
  expires: string;
  expiry: ExpiryStatus;
  /** The status in the three words and the others (tree/status.ts): not-activated, under-planned, violation, blocked, handover… */
  status: string;
  statusLabel: string;
  /** Where the finding that blocks it is (`plan.bms.yaml:40`). */
  statusDetail?: string;
  /** Key into `locations` of its assignment. */
  ref?: string;
  /** Where its activation came from, as words (`simulated`, `recorded from Device Administrator`, `via HTTP (host)`, `not adopted`); absent when not activated. A status wording can use it. */
  source?: string;
  /** True when it counts as activated on the real system (recorded, or through an HTTP activation server). */
  real?: boolean;
}

export interface TargetRow {
  /** Key into `locations`; also the row's identity in the dashboard. */
  ref: string;
  id: string;
  kind: 'licenseServer' | 'server' | 'client';
  /** Server or client type as written, `license-server` for License Servers. */
  type: string;
  typeLabel: string;
  /** 0 at the top of the hierarchy. */
  depth: number;
  parent?: string;
  host?: string;
  /** License Server address, or the License Server(s) a server or client uses. */
  address?: string;
  licenseServer?: string;
  status: string;
  statusLabel: string;
  features: FeatureRow[];
  licenses: LicenseRow[];
  /** A License Server's last imported licenses log (help 6953), when there is one. */
  licensesLog?: LicensesLogRow;
}

/** What a License Server's licenses log says: denials and queued checkouts per feature and user. */
export interface LicensesLogRow {
  file: string;
  /** yyyy-mm-dd of the import. */
  imported: string;
  events: number;
  from?: string;
  to?: string;
  denied: number;
  queued: number;
  clockDenials: number;
  /** `4 denied (2 clock difference) · 1 queued`. */
  label: string;
  problems: { feature: string; who: string; what: 'denied' | 'queued' | 'unsupported'; count: number; when: string; reason: string; advice: string }[];
}

export interface EntitlementRow {
  entitlementId: string;
  activationId: string;
  feature: string;
  licenseType: string;
  quantity: number;
  /** Sum of the plan's assignments. */
  assigned: number;
  /** Sum activated across targets according to the ledger. */
  activated: number;
  /** quantity − assigned; negative when over-allocated. */
  left: number;
  expires: string;
  expiry: ExpiryStatus;
  /** Targets it is assigned to, in plan order. */
  targets: string[];
  /** Status of the product over its assignments (tree/status.ts): blocked, handover, not-activated, activated… */
  status: string;
  statusLabel: string;
  /** At handover, what to do with it when it is a demo or engineering license (the expiry table lists it first). */
  handover?: string;
  ref?: string;
}

export interface ExpiryItem {
  activationId: string;
  feature: string;
  /** yyyy-mm-dd. */
  expires: string;
  /** Days from today to the expiry day; negative once expired. */
  daysLeft: number;
  status: ExpiryStatus;
  targets: string[];
  /** At handover, what to do with a demo or engineering license (listed first). */
  action?: string;
  ref?: string;
}

export interface HistoryItem {
  /** 1-based position in the ledger's valid events. */
  seq: number;
  at: string;
  op: string;
  target: string;
  /** `ACT-1 ×2, ACT-2 ×1`. */
  licenses: string;
  transaction: string;
  mode: string;
  by: string;
  /** Offline request id, refusal reason and the like. */
  note: string;
}

export interface ProblemItem {
  severity: 'error' | 'warning' | 'information';
  code: string;
  message: string;
  /** File name relative to the site's folder. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  ref?: string;
}

export interface ActivationSources {
  /** Recorded from License Administrator or Device Administrator. */
  recorded: number;
  http: number;
  simulated: number;
  notAdopted: number;
}

export interface SiteReport {
  /** `yyyy-mm-dd` the report is computed for (expiry is relative to it). */
  today: string;
  site: {
    name: string;
    customer: string;
    contact: string;
    version: string;
    /** The version with both of its names where the vendor has two: `2024 (6.0)`, `6.0 (EBO 2024)`. */
    versionLabel?: string;
    /** 7.0+: the tier (`essential`, `advanced`, `advanced-plus`), when the site says it. */
    tier?: string;
    /** License Server regime below 7.0, centralized from 7.0, as words. */
    regime: string;
    connectivity: string;
    /** spec.activation: vendor-tools, simulator or http. */
    activation: string;
    /** Plan names with their stage. */
    plans: string[];
    /** Ledger file relative to the site's folder. */
    ledger: string;
    expiryWarningDays: number;
    ref?: string;
  };
  summary: {
    targets: number;
    planned: number;
    activated: number;
    violations: number;
    expired: number;
    expiring: number;
    errors: number;
    warnings: number;
    /** Whether any License Server usage (lmstat) was given. */
    usageKnown: boolean;
    /** Activations (license lines held now) by where they came from; `notAdopted`: lines of an earlier version not counted yet. */
    sources: ActivationSources;
    /** Per License Server, the day its lmstat usage last agreed with the ledger (a `verified` event), null: not verified. */
    verified: { licenseServer: string; on: string | null }[];
  };
  /** Said first, before anything else: on a simulator site, that no license was activated on the real system. */
  banner?: string;
  targets: TargetRow[];
  /** Rows of `targets[].features` that are violations, as sentences. */
  violations: { ref: string; target: string; feature: string; message: string }[];
  entitlements: EntitlementRow[];
  expiries: ExpiryItem[];
  history: HistoryItem[];
  problems: ProblemItem[];
  /**
   * Connected devices of every Enterprise Server and automation server counted by the rules of EBO 4.0 and
   * later (unchanged through 7.x, help 16220), whatever the site's version: what an upgrade must license.
   */
  devicesAfterUpgrade?: { server: string; required?: number; from?: string }[];
  locations: Record<string, ReportLocation>;
}
