// What `validate` and the editor report about a ledger file itself, each on its line: git conflict markers
// (BMS065), an event doubled by a merge (BMS062), a return, repair or other follow-up of a transaction no
// line of the ledger activated (BMS063), and an event of another site (BMS064).
import { RULES, type Severity } from '../diagnostics';
import { parseLedgerWithLines, type LedgerEvent } from './ledger';

export type LedgerRuleCode = 'BMS062' | 'BMS063' | 'BMS064' | 'BMS065';

export interface LedgerFinding {
  /** 1-based. */
  line: number;
  code: LedgerRuleCode;
  severity: Severity;
  message: string;
}

const FOLLOW_UPS = new Set<LedgerEvent['op']>(['return', 'return-confirmed', 'repair', 'broken']);

export function ledgerFindings(text: string, site: string): LedgerFinding[] {
  const read = parseLedgerWithLines(text);
  const out: LedgerFinding[] = [];
  const add = (line: number, code: LedgerRuleCode, message: string) => out.push({ line, code, severity: RULES[code].severity, message });
  for (const p of read.problems) {
    if (p.message.startsWith('git conflict marker')) {
      add(p.line, 'BMS065', "git conflict marker: keep the event lines of both sides and delete the marker lines (with '*.ledger.jsonl merge=union' in .gitattributes git merges ledgers itself); until then every command refuses this ledger");
    }
  }
  const raw = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const first = new Map<string, number>();
  const activated = new Set<string>();
  const activatedIds = new Set<string>();
  for (const e of read.events) {
    if (e.op === 'activate' && e.transaction) activated.add(`${e.target}\u0000${e.transaction}`);
    if (e.op === 'activate') for (const l of e.lines ?? [{ activationId: e.activationId ?? '' }]) activatedIds.add(`${e.target}\u0000${l.activationId}`);
  }
  read.events.forEach((e, i) => {
    const line = read.lineOf[i]!;
    const seen = first.get(raw[line - 1]!);
    if (seen !== undefined) {
      add(line, 'BMS062', `the same event as line ${seen}, doubled (e.g. by a merge of two branches that both carry it): delete this line${e.op === 'repair' ? '; until then the repair counts twice against the 4-a-year budget' : ''}`);
    } else first.set(raw[line - 1]!, line);
    if (e.site !== site) {
      add(line, 'BMS064', `an event of site '${e.site}' in the ledger of site '${site}': every command counts it as ${site}'s. Move the line to site ${e.site}'s ledger, or correct its site`);
    }
    const unknownTx = FOLLOW_UPS.has(e.op) && e.transaction !== undefined && !activated.has(`${e.target}\u0000${e.transaction}`);
    const unknownId = e.op === 'reclaim' && e.activationId !== undefined && !activatedIds.has(`${e.target}\u0000${e.activationId}`);
    if (unknownTx || unknownId) {
      const what = unknownTx ? `transaction ${e.transaction}` : `${e.activationId}`;
      add(line, 'BMS063', `${e.op} of ${what} on ${e.target}, which no line of this ledger activated: a line lost or edited, or copied from another ledger. Find the activation (git log -p on this file) or remove this line`);
    }
  });
  return out.sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));
}
