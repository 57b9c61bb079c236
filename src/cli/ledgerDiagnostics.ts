// The ledger's own findings (BMS062-069, BMS083, BMS090-097) as `validate` prints them: `ledger:line:1: severity CODE message`. The
// session's LedgerStore read and judged the ledger; this maps its findings through the CLI's one converter.
import type { SiteLedger } from '../engine/session/ledgerStore';
import { reportDiagnostics, type ReportedDiagnostic } from './diagnosticLines';

export function ledgerDiagnostics(ledger: SiteLedger, cwd: string): ReportedDiagnostic[] {
  return reportDiagnostics(undefined, new Map([[ledger.uri, ledger.findings]]), new Map([[ledger.uri, ledger.path]]), cwd, () => ledger.lines.text);
}
