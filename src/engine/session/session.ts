// One owner of the workspace model in each process: the index of site and plan files, the ledger store,
// the License Server usage readings and the validation options built from them. The language server, the
// CLI and the extension host each hold one, so a rule sees the same repairs and readings everywhere.
import { repairsInLast12Months, type LedgerState } from '../ledger/fold';
import { usageReaderForSites, type SitesUsageReader } from '../lmstat/cache';
import { licensesLogReaderForSites, type LicensesLogReader } from '../lmstat/licensesLogCache';
import { WorkspaceIndex } from '../load/workspace';
import type { Diagnostic } from '../diagnostics';
import type { ValidationOptions } from '../rules';
import { validateWorkspace, type ValidateRun } from '../validate';
import { LedgerStore } from './ledgerStore';

export interface SessionSettings {
  today?: Date;
  /** When a plan sets no `spec.expiryWarningDays`. */
  expiryWarningDays?: number;
  /** `bmsLicense.activation.mode` (BMS066 warns when it is `http`). */
  activationMode?: string;
}

export class WorkspaceSession {
  readonly ledgers = new LedgerStore();
  /** One reader for the session's life: a reading is read again only when its file changed. */
  readonly usageOf: SitesUsageReader;

  /** The last imported licenses log of each License Server (BMS057 on an Essential-tier site). */
  readonly licensesLogOf: LicensesLogReader;

  constructor(readonly index: WorkspaceIndex = new WorkspaceIndex()) {
    this.usageOf = usageReaderForSites(index);
    this.licensesLogOf = licensesLogReaderForSites(index);
  }

  /** The rules' options for one pass: repairs from each site's ledger (BMS061), usage readings (BMS080–082). */
  options(settings: SessionSettings = {}): ValidationOptions {
    const today = settings.today ?? new Date();
    return { today, expiryWarningDays: settings.expiryWarningDays, activationMode: settings.activationMode, ledgerOf: (name) => this.ledgerState(name), repairsOf: this.repairsOf(today), repairedTargets: (site) => this.repairedTargets(site), usageOf: this.usageOf.forOnePass(), licensesLogOf: this.licensesLogOf };
  }

  /** Repairs of a target in the 12 months up to `today`, from its site's ledger; one look per site and pass. */
  repairsOf(today: Date = new Date()): (site: string, target: string) => number {
    const bySite = new Map<string, ReturnType<LedgerStore['of']>>();
    return (name, target) => {
      if (!bySite.has(name)) {
        const site = this.index.site(name);
        bySite.set(name, site && this.ledgers.of(site));
      }
      const ledger = bySite.get(name);
      return ledger ? repairsInLast12Months(ledger.state, target, today) : 0;
    };
  }

  /** The fold of a site's ledger (BMS084/085), undefined when it has none. */
  ledgerState(name: string): LedgerState | undefined {
    const site = this.index.site(name);
    return site && this.ledgers.of(site)?.state;
  }

  /** The targets the site's ledger records a repair of (BMS061 counts no others). */
  repairedTargets(name: string): Iterable<string> {
    const site = this.index.site(name);
    return (site && this.ledgers.of(site)?.state.repairs.keys()) ?? [];
  }

  /** Every diagnostic of every file, by uri, with the session's options. */
  validate(settings: SessionSettings = {}, run: ValidateRun = {}): Map<string, Diagnostic[]> {
    return validateWorkspace(this.index, this.options(settings), run);
  }
}
