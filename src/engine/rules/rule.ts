// What a rule is, and what it gets to look at: the workspace, today's date and the ledger's repair counts.
import type { Diagnostic, RuleCode } from '../diagnostics';
import type { WorkspaceIndex } from '../load/workspace';
import type { CachedUsage } from '../lmstat/cache';
import type { CachedLicensesLog } from '../lmstat/licensesLogCache';
import type { LedgerState } from '../ledger/fold';
import type { BmsDocument, LicensePlan, Site } from '../model';
import { PlanGroup, SiteLookup } from './lookup';

export const DEFAULT_EXPIRY_WARNING_DAYS = 30;

export interface ValidationOptions {
  /** The day expiry is measured from; default now. */
  today?: Date;
  /** The setting used when a plan has no `spec.expiryWarningDays`; default 30. */
  expiryWarningDays?: number;
  /** Repairs of a target in the 12 months up to today, from the site's ledger (BMS061 is skipped without it). */
  repairsOf?: (site: string, target: string) => number;
  /** The targets the site's ledger records a repair of, at any date: BMS061 looks at no other (without it, at every target). */
  repairedTargets?: (site: string) => Iterable<string>;
  /** The last cached lmstat reading of a site's License Server (BMS080–082 are skipped without it). */
  usageOf?: (site: string, licenseServer: string) => CachedUsage | undefined;
  /** The last imported licenses log of a site's License Server (BMS057 reads its peak of concurrent clients). */
  licensesLogOf?: (site: string, licenseServer: string) => CachedLicensesLog | undefined;
  /** The editor's `bmsLicense.activation.mode` (the CLI: `http` when BMSLICENSE_LAS_URL is set): BMS066 warns when it is `http`. */
  activationMode?: string;
  /** The fold of a site's ledger (BMS084/085 compare it with lmstat; skipped without it). */
  ledgerOf?: (site: string) => LedgerState | undefined;
}

export interface Rule<D extends BmsDocument = BmsDocument> {
  /** The codes this rule can emit. */
  codes: readonly RuleCode[];
  kind: D['kind'];
  check(doc: D, ctx: RuleContext): Diagnostic[];
}

export type SiteRule = Rule<Site>;
export type PlanRule = Rule<LicensePlan>;

/** One validation pass: lookups are built once per site and shared by every rule and file. */
export class RuleContext {
  readonly today: Date;
  readonly repairsOf?: (site: string, target: string) => number;
  readonly repairedTargets?: (site: string) => Iterable<string>;
  readonly usageOf?: (site: string, licenseServer: string) => CachedUsage | undefined;
  readonly licensesLogOf?: (site: string, licenseServer: string) => CachedLicensesLog | undefined;
  readonly activationMode?: string;
  readonly ledgerOf?: (site: string) => LedgerState | undefined;
  private readonly defaultWarningDays: number;
  private readonly lookups = new Map<Site, SiteLookup>();
  private readonly groups = new Map<string | LicensePlan, PlanGroup>();
  private readonly siteByName = new Map<string, Site | undefined>();
  private sitesByName?: Map<string, Site[]>;

  constructor(
    readonly index: WorkspaceIndex,
    options: ValidationOptions = {},
  ) {
    this.today = options.today ?? new Date();
    this.defaultWarningDays = options.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS;
    this.repairsOf = options.repairsOf;
    this.repairedTargets = options.repairedTargets;
    this.usageOf = options.usageOf;
    this.licensesLogOf = options.licensesLogOf;
    this.activationMode = options.activationMode;
    this.ledgerOf = options.ledgerOf;
  }

  /** The plan's `spec.expiryWarningDays`, else the setting. */
  expiryWarningDays(plan?: LicensePlan): number {
    return plan?.expiryWarningDays ?? this.defaultWarningDays;
  }

  /** The Site a plan is for, when the workspace has it. */
  siteOf(plan: LicensePlan): Site | undefined {
    return this.site(plan.site);
  }

  site(name: string | undefined): Site | undefined {
    if (name === undefined) return undefined;
    if (!this.siteByName.has(name)) this.siteByName.set(name, this.index.site(name));
    return this.siteByName.get(name);
  }

  /** Every Site document with that name (more than one is BMS015). */
  sitesNamed(name: string): Site[] {
    if (!this.sitesByName) {
      this.sitesByName = new Map();
      for (const s of this.index.sites()) {
        const list = this.sitesByName.get(s.name);
        if (list) list.push(s);
        else this.sitesByName.set(s.name, [s]);
      }
    }
    return this.sitesByName.get(name) ?? [];
  }

  lookup(site: Site): SiteLookup {
    let l = this.lookups.get(site);
    if (!l) {
      l = new SiteLookup(site);
      this.lookups.set(site, l);
    }
    return l;
  }

  /** Every plan for the same site as `plan` (just `plan` when it names no site). */
  planGroup(plan: LicensePlan): PlanGroup {
    return this.plansForSite(plan.site, plan);
  }

  plansForSite(site: string | undefined, alone?: LicensePlan): PlanGroup {
    const key = site ?? alone;
    if (key === undefined) return new PlanGroup([]);
    let g = this.groups.get(key);
    if (!g) {
      g = new PlanGroup(site === undefined ? [alone!] : this.index.plansFor(site));
      this.groups.set(key, g);
    }
    return g;
  }
}
