// The ledger's own findings (BMS062-065) as `validate` prints them: `ledger:line:1: severity CODE message`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ledgerFindings } from '../engine/ledger/findings';
import { foldContextOf } from '../engine/ledger/siteLedger';
import type { Site } from '../engine/model';
import type { ReportedDiagnostic } from './diagnosticLines';

export function ledgerDiagnostics(file: string, site: Site, cwd: string): ReportedDiagnostic[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return []; // no ledger yet (or unreadable: readLedger has said so)
  }
  const lines = text.split('\n');
  return ledgerFindings(text, site.name, foldContextOf(site, file)).map((f) => ({
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
