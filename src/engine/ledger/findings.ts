// What `validate` and the editor report about a ledger file itself, each on its line: git conflict markers
// (BMS065), an event doubled by a merge (BMS062), a follow-up of a transaction no line activated (BMS063),
// an event of another site (BMS064); and the ledger judged like the site and plan files: unreadable lines
// (BMS090), a file not saved as UTF-8 (BMS091), each event against its op's schema (BMS092-094, 097), and
// transactions across lines (BMS095-096). A line a later `void` event names is skipped by every check. Where
// each event came from, judged by the site's spec.activation: an event without via not adopted yet (BMS067), a
// simulated event in a real site (BMS068), a recorded event in a simulator site (BMS069), an event recorded
// --anyway (BMS083).
import { RULES, type Severity } from '../diagnostics';
import { decodeUtf8, notUtf8Message } from '../load/encoding';
import { checkEvent } from './eventSchema';
import { fold, refersTo, type FoldContext } from './fold';
import { invalidEvent, type LedgerEvent } from './ledger';
import { sourceLabel } from './provenance';
import { transactionIssues, type Activation } from './transactions';
import { voidedLines, type ReadLine } from './void';

export type LedgerRuleCode = 'BMS062' | 'BMS063' | 'BMS064' | 'BMS065' | 'BMS067' | 'BMS068' | 'BMS069' | 'BMS083' | 'BMS090' | 'BMS091' | 'BMS092' | 'BMS093' | 'BMS094' | 'BMS095' | 'BMS096' | 'BMS097';

/** How the site is licensed, for BMS067–069 (none given: not judged). */
export type LedgerFindingContext = Pick<FoldContext, 'activation' | 'simulated'>;

export interface LedgerFinding {
  /** 1-based. */
  line: number;
  code: LedgerRuleCode;
  severity: Severity;
  message: string;
  /** Errors: the targets whose actions wait for this line (none named: every target of the site). */
  blocks?: string[];
}

/** One line of the ledger: its text, where it starts, and its JSON value when it is JSON. */
export interface LedgerLine extends ReadLine {
  raw: string;
  /** Offset of the line's first character in the text. */
  offset: number;
  json: boolean;
}

export interface LedgerJudgement {
  findings: LedgerFinding[];
  /** Every non-blank line, markers included. */
  lines: LedgerLine[];
  /** Lines a later `void` event names: skipped by the checks and by the fold. */
  voided: Set<number>;
}

export interface JudgeOptions extends LedgerFindingContext {
  /** The clock of the run (events after it, beyond a small skew, are in the future). */
  now?: Date;
}

/** `<<<<<<<`, `=======`, `>>>>>>>` (and diff3's `|||||||`) at the start of a line, as git writes them. */
const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})( |$)/;
const FOLLOW_UPS = new Set(['return', 'return-confirmed', 'repair', 'broken']);

export function ledgerFindings(text: string, site: string, options: JudgeOptions = {}): LedgerFinding[] {
  return judgeLedgerText(text, site, options).findings;
}

/** The bytes of a ledger file: a file not saved as UTF-8 is one site-wide error, nothing in it read. */
export function judgeLedgerBytes(bytes: Uint8Array, site: string, file: string, options: JudgeOptions = {}): LedgerJudgement {
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return judgeLedgerText(decoded.text, site, options);
  const message = `${notUtf8Message(file, decoded)} Until then every action of site ${site} waits: a ledger that cannot be read would send the engineer to activate again what is active`;
  return { findings: [{ line: decoded.line, code: 'BMS091', severity: RULES.BMS091.severity, message, blocks: [] }], lines: [], voided: new Set() };
}

export function judgeLedgerText(text: string, site: string, options: JudgeOptions = {}): LedgerJudgement {
  const now = options.now ?? new Date();
  const lines = splitLines(text);
  const voided = voidedLines(lines.filter((l) => l.json));
  const out: LedgerFinding[] = [];
  const add = (line: number, code: LedgerRuleCode, message: string, blocks?: string[]) => {
    if (voided.has(line)) return;
    const severity = RULES[code].severity;
    out.push(severity === 'error' ? { line, code, severity, message, blocks } : { line, code, severity, message });
  };
  const last = lines[lines.length - 1];
  const tornTail = last !== undefined && !text.endsWith('\n');
  const events: { l: LedgerLine; e: Record<string, unknown> }[] = [];
  for (const l of lines) {
    if (CONFLICT_MARKER.test(l.raw)) {
      add(l.line, 'BMS065', "git conflict marker: keep the event lines of both sides and delete the marker lines (with '*.ledger.jsonl merge=union' in .gitattributes git merges ledgers itself); until then every command refuses this ledger");
      continue;
    }
    if (!l.json) {
      const why = l === last && tornTail ? 'incomplete last line (the write was cut short, e.g. by a crash)' : 'not a JSON event (torn, or edited by hand)';
      const target = /"target"\s*:\s*"([^"\\]+)"/.exec(l.raw)?.[1];
      add(l.line, 'BMS090', `${why}: this version cannot tell what it recorded${target ? ` on ${target}` : ''}. Find the event (git log -p on this file), record it again if it happened, and void this line`, target ? [target] : []);
      continue;
    }
    const issues = checkEvent(l.value, now);
    const e = l.value as Record<string, unknown>;
    const target = typeof e?.target === 'string' ? [e.target] : [];
    for (const i of issues) add(l.line, i.code, i.message, target);
    if (!issues.some((i) => i.code === 'BMS090') && !voided.has(l.line)) events.push({ l, e });
  }
  historyFindings(events, site, add);
  for (const i of transactionIssues(activations(events))) add(i.line, i.code, i.message, i.blocks);
  provenanceFindings(lines, site, options, add);
  return { findings: out.sort((a, b) => a.line - b.line || a.code.localeCompare(b.code)), lines, voided };
}

function splitLines(text: string): LedgerLine[] {
  const out: LedgerLine[] = [];
  let offset = 0;
  const parts = text.split('\n');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const raw = part.endsWith('\r') ? part.slice(0, -1) : part;
    if (raw.trim() !== '') {
      let value: unknown;
      let json = true;
      try {
        value = JSON.parse(raw);
      } catch {
        json = false;
      }
      out.push({ line: i + 1, raw, offset, value, json });
    }
    offset += part.length + 1;
  }
  return out;
}

/** BMS062-064: doubled lines, follow-ups of nothing, events of another site. */
function historyFindings(events: { l: LedgerLine; e: Record<string, unknown> }[], site: string, add: (line: number, code: LedgerRuleCode, message: string, blocks?: string[]) => void): void {
  const first = new Map<string, number>();
  const activated = new Set<string>();
  const activatedIds = new Set<string>();
  for (const { e } of events) {
    if (e.op !== 'activate') continue;
    if (e.transaction) activated.add(`${String(e.target)}\u0000${String(e.transaction)}`);
    for (const id of activationIds(e)) activatedIds.add(`${String(e.target)}\u0000${id}`);
  }
  for (const { l, e } of events) {
    const target = typeof e.target === 'string' ? [e.target] : [];
    const seen = first.get(l.raw);
    if (seen !== undefined) {
      add(l.line, 'BMS062', `the same event as line ${seen}, doubled (e.g. by a merge of two branches that both carry it): delete this line${e.op === 'repair' ? '; until then the repair counts twice against the 4-a-year budget' : ''}`);
    } else first.set(l.raw, l.line);
    if (typeof e.site === 'string' && e.site !== site) {
      add(l.line, 'BMS064', `an event of site '${e.site}' in the ledger of site '${site}': every command counts it as ${site}'s. Move the line to site ${e.site}'s ledger, or correct its site`, target);
    }
    const unknownTx = FOLLOW_UPS.has(e.op as string) && e.transaction !== undefined && !activated.has(`${String(e.target)}\u0000${String(e.transaction)}`);
    const unknownId = e.op === 'reclaim' && e.activationId !== undefined && !activatedIds.has(`${String(e.target)}\u0000${String(e.activationId)}`);
    if (unknownTx || unknownId) {
      const what = unknownTx ? `transaction ${String(e.transaction)}` : `${String(e.activationId)}`;
      add(l.line, 'BMS063', `${String(e.op)} of ${what} on ${String(e.target)}, which no line of this ledger activated: a line lost or edited, or copied from another ledger. Find the activation (git log -p on this file), or void this line`, target);
    }
  }
}

function activationIds(e: Record<string, unknown>): string[] {
  if (Array.isArray(e.lines) && e.lines.length > 0) return e.lines.map((l: { activationId?: unknown }) => String(l?.activationId ?? ''));
  return [String(e.activationId ?? '')];
}

function* activations(events: { l: LedgerLine; e: Record<string, unknown> }[]): Iterable<Activation> {
  for (const { l, e } of events) {
    if (e.op !== 'activate' || typeof e.target !== 'string' || typeof e.transaction !== 'string') continue;
    yield { line: l.line, target: e.target, transaction: e.transaction, activationIds: activationIds(e), event: e };
  }
}

function provenanceFindings(lines: LedgerLine[], site: string, context: LedgerFindingContext, add: (line: number, code: LedgerRuleCode, message: string) => void): void {
  // Every readable event, voided ones too (a void must find the line it names); add() skips voided lines.
  const read = { events: [] as LedgerEvent[], lineOf: [] as number[] };
  for (const l of lines) {
    if (!l.json || invalidEvent(l.value)) continue;
    read.events.push(l.value as LedgerEvent);
    read.lineOf.push(l.line);
  }
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
