// The ledger as `plan`, `apply` and the workflows read it: judged once (findings on their lines), its
// events for the fold (voided lines left out), and which targets its errors block. An event with an error
// is never treated as absent: its target's actions wait (`! blocked … ledger line N`) until it is voided.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleCode } from '../diagnostics';
import { judgeLedgerBytes, type JudgeOptions, type LedgerFinding, type LedgerJudgement } from './findings';
import { invalidEvent, type LedgerEvent } from './ledger';

export interface JudgedLedger {
  file: string;
  events: LedgerEvent[];
  /** The 1-based line of each event. */
  lineOf: number[];
  judgement: LedgerJudgement;
  /** The error findings (what blocks). */
  errors: LedgerFinding[];
  /** The first git conflict marker (every command refuses such a ledger). */
  conflict?: number;
}

/** The shape of siteCheck's Blocker, so a ledger line blocks an action as a plan finding does. */
export interface LedgerBlocker {
  code: RuleCode;
  message: string;
  uri: string;
  span: { start: number; end: number };
  where: string;
}

export function readJudgedLedger(file: string, site: string, options: JudgeOptions = {}): JudgedLedger {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    bytes = Buffer.alloc(0);
  }
  return judgedOf(file, judgeLedgerBytes(bytes, site, path.basename(file), options));
}

export function judgedOf(file: string, judgement: LedgerJudgement): JudgedLedger {
  const events: LedgerEvent[] = [];
  const lineOf: number[] = [];
  for (const l of judgement.lines) {
    if (!l.json || judgement.voided.has(l.line) || invalidEvent(l.value)) continue;
    events.push(l.value as LedgerEvent);
    lineOf.push(l.line);
  }
  const errors = judgement.findings.filter((f) => f.severity === 'error');
  const conflict = errors.find((f) => f.code === 'BMS065')?.line;
  return conflict === undefined ? { file, events, lineOf, judgement, errors } : { file, events, lineOf, judgement, errors, conflict };
}

/** The first error that blocks a target's actions (an error naming no target blocks every target). */
/** Lines the site's activation says not to count (BMS068, BMS069): errors to clear, but not lines an action waits for. */
export const NOT_COUNTED: ReadonlySet<string> = new Set(['BMS068', 'BMS069']);

export function ledgerBlockerOf(judged: JudgedLedger): (target: string) => LedgerBlocker | undefined {
  const byTarget = new Map<string, LedgerFinding>();
  let everything: LedgerFinding | undefined;
  for (const f of judged.errors) {
    if (f.code === 'BMS065') continue; // refused before anything runs
    if (NOT_COUNTED.has(f.code)) continue; // the fold leaves such a line out: nothing waits for it
    if (!f.blocks || f.blocks.length === 0) everything ??= f;
    else for (const t of f.blocks) if (!byTarget.has(t)) byTarget.set(t, f);
  }
  if (byTarget.size === 0 && !everything) return () => undefined;
  const uri = pathToFileURL(judged.file).href;
  const name = path.basename(judged.file);
  const offsets = new Map(judged.judgement.lines.map((l) => [l.line, { start: l.offset, end: l.offset + l.raw.length }]));
  const blocker = (f: LedgerFinding): LedgerBlocker => ({
    code: f.code,
    message: `${f.message} (a bad line is cleared by appending a 'void' event for line ${f.line}, never by deleting it)`,
    uri,
    span: offsets.get(f.line) ?? { start: 0, end: 0 },
    where: `ledger line ${f.line} (${name})`,
  });
  return (target) => {
    const f = byTarget.get(target) ?? everything;
    return f && blocker(f);
  };
}

/** The ledger's errors as one line each, for stderr: `Ledger x.ledger.jsonl line 7: BMS092 quantity is -5: …`. */
export function ledgerErrorLines(judged: JudgedLedger): string[] {
  const name = path.basename(judged.file);
  return judged.errors.map((f) => `Ledger ${name} line ${f.line}: ${f.code} ${f.message}`);
}
