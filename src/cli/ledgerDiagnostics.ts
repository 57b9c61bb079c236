// The ledger's own findings (BMS062-065, BMS090-097) as `validate` prints them: `ledger:line:1: severity CODE message`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { judgeLedgerBytes } from '../engine/ledger/findings';
import type { ReportedDiagnostic } from './diagnosticLines';

export function ledgerDiagnostics(file: string, site: string, cwd: string): ReportedDiagnostic[] {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return []; // no ledger yet (or unreadable: readLedger has said so)
  }
  const lines = bytes.toString('utf8').split('\n');
  return judgeLedgerBytes(bytes, site, path.relative(cwd, file) || file).findings.map((f) => ({
    file: path.relative(cwd, file),
    line: f.line,
    column: 1,
    endLine: f.line,
    endColumn: (lines[f.line - 1]?.replace(/\r$/, '').length ?? 0) + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
  }));
}
