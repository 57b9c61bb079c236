// The ops and fields of a ledger event this version knows, in one place: a line with an op not listed is
// unreadable (BMS090), a field not listed is information only (BMS097: a CLI pinned in CI must accept the
// lines a newer version writes). Adding an op or a field is one line here (the ops and fields of real sites —
// void, adopt, verified; via, lasHost, … — are listed in provenance.ts and read from there).
import { PROVENANCE_FIELDS, PROVENANCE_OPS } from './provenance';

export const KNOWN_LEDGER_VOCABULARY = {
  ops: ['activate', 'request-created', 'response-imported', 'return', 'return-confirmed', 'reclaim', 'repair', 'broken', ...PROVENANCE_OPS],
  fields: [
    'at', 'op', 'site', 'target', 'activationId', 'quantity', 'transaction', 'mode', 'by', 'lines', 'requestId', 'request', 'file', 'digest', 'transactions', 'from', 'accepted', 'error',
    ...PROVENANCE_FIELDS,
  ],
} as const;

const OPS: ReadonlySet<string> = new Set(KNOWN_LEDGER_VOCABULARY.ops);
const FIELDS: ReadonlySet<string> = new Set(KNOWN_LEDGER_VOCABULARY.fields);

export function isKnownOp(op: unknown): boolean {
  return typeof op === 'string' && OPS.has(op);
}

export function isKnownField(name: string): boolean {
  return FIELDS.has(name);
}
