// What `validate` and the editor report about a ledger file itself, each on its line: git conflict markers
// (BMS065), an event doubled by a merge (BMS062), a return, repair or other follow-up of a transaction no
// line of the ledger activated (BMS063), and an event of another site (BMS064). Where each event came from,
// judged by the site's spec.activation: an event without via not adopted yet (BMS067), a simulated event in a
// real site (BMS068), a recorded event in a simulator site (BMS069), an event recorded --anyway (BMS083).
import { RULES, type Severity } from '../diagnostics';
import { fold, refersTo, type FoldContext } from './fold';
import { parseLedgerWithLines, type LedgerEvent } from './ledger';
import { sourceLabel } from './provenance';

export type LedgerRuleCode = 'BMS062' | 'BMS063' | 'BMS064' | 'BMS065' | 'BMS067' | 'BMS068' | 'BMS069' | 'BMS083';

/** How the site is licensed, for BMS067–069 (none given: not judged). */
export type LedgerFindingContext = Pick<FoldContext, 'activation' | 'simulated'>;

export interface LedgerFinding {
  /** 1-based. */
  line: number;
  code: LedgerRuleCode;
  severity: Severity;
  message: string;
}

const FOLLOW_UPS = new Set<LedgerEvent['op']>(['return', 'return-confirmed', 'repair', 'broken']);

export function ledgerFindings(text: string, site: string, context: LedgerFindingContext = {}): LedgerFinding[] {
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
  provenanceFindings(read, site, context, add);
  return out.sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));
}

function provenanceFindings(read: ReturnType<typeof parseLedgerWithLines>, site: string, context: LedgerFindingContext, add: (line: number, code: LedgerRuleCode, message: string) => void): void {
  const state = fold(read.events, { ...context, site, lineOf: read.lineOf });
  const byLine = new Map<number, LedgerEvent>();
  read.events.forEach((e, i) => byLine.set(read.lineOf[i]!, e));
  const what = (e: LedgerEvent) => `${e.op}${e.target ? ` on ${e.target}` : ''}${e.transaction ? ` (transaction ${e.transaction})` : ''}`;
  for (const u of state.uncounted) {
    if (u.line === undefined) continue;
    const e = byLine.get(u.line)!;
    if (u.why === 'not-adopted') {
      add(u.line, 'BMS067', `${what(e)} has no 'via' (written by an earlier version, whose default was the simulator): not counted as done on this ${context.activation} site until you confirm it happened on the real system: 'bmslicense record adopt --site ${site} --line ${u.line}' (or --all), or cancel it: 'bmslicense record void --site ${site} --line ${u.line} --reason "…"'`);
    } else if (u.why === 'simulated') {
      const how = e.via === 'simulator' ? "says via: simulator" : `has no 'via' and the local simulator's state knows transaction ${e.transaction}`;
      add(u.line, 'BMS068', `${what(e)} ${how}: a practice run leaked into the record of a real site (activation: ${context.activation}). Nothing was activated on the real system and it is not counted: cancel it with 'bmslicense record void --site ${site} --line ${u.line} --reason "simulated"'`);
    } else {
      add(u.line, 'BMS069', `${what(e)} is ${sourceLabel(e.via ?? 'unknown')}, in a simulator site (activation: simulator): not counted. If the site is real, set activation: vendor-tools in the site file; otherwise cancel it with 'bmslicense record void --site ${site} --line ${u.line} --reason "…"'`);
    }
  }
  read.events.forEach((e, i) => {
    const line = read.lineOf[i]!;
    if (e.site !== site || state.voided.has(line)) return;
    if (e.anyway === true) add(line, 'BMS083', `${what(e)} was recorded although the ledger contradicted it (--anyway): ${e.reason ?? 'no reason given'}. The vendor's tool is the truth: check the earlier lines about ${e.target ?? 'this target'}, and void the wrong ones`);
    if ((e.op === 'void' || e.op === 'adopt') && typeof e.line === 'number') {
      const named = byLine.get(e.line);
      const applies = e.op === 'void' ? state.voided.has(e.line) : state.adopted.has(e.line);
      if (!applies) {
        const why = !named ? 'which holds no event' : e.line >= line ? 'which comes after it' : !refersTo(e, named) ? `which no longer says ${e.target ?? ''}${e.transaction ? ` ${e.transaction}` : ''} (a merge moved the lines?)` : 'which another event already settled';
        add(line, 'BMS063', `${e.op} of line ${e.line}, ${why}: it changes nothing. Find the line it meant (git log -p on this file) and write the ${e.op} again with that line`);
      }
    }
  });
}
