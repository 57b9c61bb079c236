// Record what the engineer did in License Administrator or Device Administrator: one ledger event per license
// line (activate) or per transaction (return, repair…), with via (the tool, from the site file, never a flag)
// and by, under the site's lock. Refused, with nothing written: a target or activation id that is not in the
// site and its plans; by default also what the ledger contradicts (the same rules the simulator enforces),
// unless --anyway gives a reason (the vendor's tool is the truth; the ledger may be what is wrong).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { licenseState, repairsInLast12Months, transactionsOf, type LedgerState, type TransactionState } from '../ledger/fold';
import { ledgerTime, readLedger, type LedgerEvent } from '../ledger/ledger';
import { BROKEN_REASONS } from '../ledger/provenance';
import { REPAIRS_PER_12_MONTHS } from '../ledger/repairWindow';
import { productOf, toolFor } from '../guide/tools';
import { LedgerWriter } from '../workflows/ledgerWriter';
import type { WorkflowOptions, WorkflowResult } from '../workflows/options';
import { withSiteLock } from '../workflows/siteLock';
import { resolveTargets } from '../workflows/targets';
import type { LicenseLine } from '../las/types';
import { judgeEvent } from '../ledger/fold';
import { foldContextOf, foldSite } from '../ledger/siteLedger';
import type { RecordOutcome, RecordRequest } from './types';

export interface RecordResult extends WorkflowResult {
  outcome: RecordOutcome;
}

const refusal = (message: string, code: string): RecordOutcome => ({ ok: false, lines: [], message, warnings: [], code });

/** Records one step done in the vendor's tools; `opts.las` is not asked anything. */
export function record(opts: WorkflowOptions, req: RecordRequest): Promise<RecordResult> {
  const wrap = (outcome: RecordOutcome): RecordResult => ({
    ok: outcome.ok, cancelled: false, requestFiles: [], outcome,
    done: outcome.ok ? [{ target: req.target ?? '', message: outcome.message }] : [],
    notDone: outcome.ok ? [] : [{ target: req.target ?? '', message: outcome.message, code: outcome.code }],
  });
  return withSiteLock(opts, `record ${req.op}`, async (locked) => wrap(recordLocked(locked, req)), (r) => ({ ...r, outcome: refusal(r.notDone[0]?.message ?? 'refused', r.notDone[0]?.code ?? 'refused') }), { lasRecord: false });
}

function recordLocked(opts: WorkflowOptions, req: RecordRequest): RecordOutcome {
  const writer = new LedgerWriter(opts);
  const state = writer.state();
  const at = req.at ?? writer.now();
  if (req.at && req.at.getTime() > writer.now().getTime() + 60_000) return refusal(`--at ${ledgerTime(req.at)} is in the future: give the time the step was done.`, 'bad-time');
  // via is the tool (from the site file), never the LAS the command was given: an http site's recorded step is still a recorded step.
  const event = (op: LedgerEvent['op'], fields: Partial<LedgerEvent>): LedgerEvent => {
    const e: LedgerEvent = { ...writer.event(op, fields), at: ledgerTime(at) };
    delete e.lasHost;
    if (fields.via) e.via = fields.via;
    else delete e.via;
    return e;
  };
  if (opts.site.activation === 'simulator' && req.op !== 'adopt' && req.op !== 'void') {
    return refusal(`Site ${opts.site.name} is a simulator site (activation: simulator): a step recorded from the vendor's tools would not count there (BMS069). If the site is real, set activation: vendor-tools in the site file. Nothing was written.`, 'simulator-site');
  }
  if (req.op === 'adopt' || req.op === 'void') return lineOp(opts, writer, req, event);

  // Always refused: what the site and its plans do not know.
  const resolved = resolveTargets({ ...opts, target: req.target });
  if (!req.target || !resolved.ok) return refusal(req.target ? `${resolved.ok ? '' : resolved.error} Nothing was written.` : `record ${req.op} needs --target ID. Nothing was written.`, 'unknown-target');
  const target = resolved.value[0]!;
  for (const id of [...req.lines.map((l) => l.activationId), ...req.activationIds]) {
    if (!productOf(opts.plans, id)) return refusal(`${id} is in no entitlement of the plans of site ${opts.site.name}: add the product from the entitlement e-mail to the plan first, or check the id. Nothing was written.`, 'unknown-activation-id');
  }
  for (const l of req.lines) {
    if (!Number.isInteger(l.quantity) || l.quantity < 1) return refusal(`Quantity of ${l.activationId} must be a whole number of 1 or more. Nothing was written.`, 'bad-request');
  }
  const firstId = req.lines[0]?.activationId ?? req.activationIds[0];
  const via = toolFor(opts.site, target.id, firstId ? productOf(opts.plans, firstId) : undefined).tool;
  const mode = opts.site.connectivity === 'offline' ? 'offline' : 'online';
  const vendorRef = req.vendorRefs.length > 0 ? req.vendorRefs.join(', ') : undefined;
  const common = { target: target.id, via, ...(vendorRef ? { vendorRef } : {}) };
  const contradictions: string[] = [];
  const warnings: string[] = [];
  let events: LedgerEvent[] = [];
  let done = '';

  switch (req.op) {
    case 'activate': {
      if (req.lines.length === 0) return refusal('record activate needs --activation-id A --quantity N (repeat the pair for licenses activated together). Nothing was written.', 'bad-request');
      const seen = new Set<string>();
      for (const l of req.lines) {
        if (seen.has(l.activationId)) return refusal(`${l.activationId} appears twice: give it once with the total quantity. Nothing was written.`, 'bad-request');
        seen.add(l.activationId);
        contradictions.push(...activationContradictions(opts, state, target.id, target.kind === 'licenseServer' && via === 'license-administrator', l));
      }
      const transaction = `T-${ledgerTime(at).slice(0, 10).replace(/-/g, '')}-${randomBytes(2).toString('hex').toUpperCase()}`;
      events = req.lines.map((l) => event('activate', { ...common, activationId: l.activationId, quantity: l.quantity, transaction, mode }));
      done = `recorded the activation of ${lineText(req.lines)} on ${target.id} (transaction ${transaction})`;
      break;
    }
    case 'return':
    case 'repair':
    case 'broken':
    case 'confirm-return': {
      const wanted = req.op === 'confirm-return' ? ['return-pending'] : req.op === 'repair' ? ['broken'] : ['activated', ...(req.op === 'return' ? ['broken'] : [])];
      const found = findTransaction(state, target.id, req, wanted as TransactionState['status'][]);
      if (typeof found === 'string') {
        contradictions.push(found);
        if (!req.anyway) break;
      }
      const tx = typeof found === 'string' ? undefined : found;
      const lines = tx?.lines ?? req.lines;
      const transaction = tx?.transaction ?? `T-UNKNOWN-${randomBytes(2).toString('hex').toUpperCase()}`;
      if (req.op === 'broken') {
        const reason = req.reason ?? 'other';
        if (!(BROKEN_REASONS as readonly string[]).includes(reason)) return refusal(`--reason for broken is one of ${BROKEN_REASONS.join(', ')} (what the vendor's tool shows: a restored backup, changed hardware, a clock set back). Nothing was written.`, 'bad-request');
        events = [event('broken', { ...common, transaction, lines, reason })];
        done = `recorded transaction ${transaction} on ${target.id} as broken (${reason}): plan proposes its repair`;
      } else if (req.op === 'repair') {
        const used = repairsInLast12Months(state, target.id, writer.now());
        if (used >= REPAIRS_PER_12_MONTHS) warnings.push(`BMS061: ${target.id} was repaired ${used} times in the last 12 months (at most ${REPAIRS_PER_12_MONTHS} a year): recorded because the vendor's tool did it`);
        events = [event('repair', { ...common, transaction, lines })];
        done = `recorded the repair of transaction ${transaction} on ${target.id}; ${Math.max(0, REPAIRS_PER_12_MONTHS - used - 1)} repair(s) left in 12 months`;
      } else if (req.op === 'return') {
        events = [event('return', { ...common, transaction, lines, mode })];
        done = `recorded the return of transaction ${transaction} from ${target.id}: ${lineText(lines)}${mode === 'offline' ? ' (offline: confirm it on the License Activation Server, then record confirm-return)' : ''}`;
      } else {
        events = [event('return-confirmed', { ...common, transaction, lines })];
        done = `recorded the confirmation of the offline return of ${transaction}: ${lineText(lines)} can be activated again`;
      }
      break;
    }
    case 'reclaim': {
      if (req.lines.length === 0) return refusal('record reclaim needs --activation-id A --quantity N (the quantity after the reclaim). Nothing was written.', 'bad-request');
      if (via === 'license-administrator') contradictions.push("License Administrator has no reclaim: record the seats activated in addition with 'record activate' (plan says 'activate N more')");
      for (const l of req.lines) {
        const s = licenseState(state, target.id, l.activationId);
        if (!s || s.status !== 'activated') contradictions.push(`${l.activationId} is not active on ${target.id} according to the ledger: nothing to reclaim`);
      }
      events = req.lines.map((l) => event('reclaim', { ...common, activationId: l.activationId, quantity: l.quantity, from: licenseState(state, target.id, l.activationId)?.quantity, transaction: licenseState(state, target.id, l.activationId)?.transaction }));
      done = `recorded the reclaim on ${target.id}: ${lineText(req.lines)}`;
      break;
    }
    case 'request-created': {
      const request = req.request ?? 'activate';
      const lines = req.lines.length > 0 ? req.lines : req.activationIds.map((id) => ({ activationId: id, quantity: licenseState(state, target.id, id)?.quantity ?? 0 }));
      const requestId = req.vendorRefs[0] ?? `REQ-${randomBytes(3).toString('hex').toUpperCase()}`;
      const transactions = request === 'activate' ? [] : [...new Set(lines.map((l) => licenseState(state, target.id, l.activationId)?.transaction).filter((t): t is string => t !== undefined))];
      events = [event('request-created', { ...common, requestId, request, lines, transactions, mode: 'offline' })];
      done = `recorded the ${request} request ${requestId} for ${target.id}: ${lineText(lines)}; once the response file is processed, record response-imported`;
      break;
    }
    case 'response-imported': {
      const pending = [...state.pending.values()].filter((p) => p.target === target.id && (req.vendorRefs.length === 0 || req.vendorRefs.includes(p.requestId)));
      if (pending.length !== 1) {
        return refusal(pending.length === 0 ? `No offline request of ${target.id} waits for its response in the ledger${req.vendorRefs.length ? ` (--vendor-ref ${req.vendorRefs.join(', ')})` : ''}: record request-created first. Nothing was written.` : `${pending.length} offline requests of ${target.id} wait for a response (${pending.map((p) => p.requestId).join(', ')}): name one with --vendor-ref. Nothing was written.`, 'unknown-request');
      }
      const p = pending[0]!;
      const transaction = `T-${ledgerTime(at).slice(0, 10).replace(/-/g, '')}-${randomBytes(2).toString('hex').toUpperCase()}`;
      const effects =
        p.op === 'activate'
          ? p.lines.map((l) => event('activate', { ...common, activationId: l.activationId, quantity: l.quantity, transaction, mode: 'offline', requestId: p.requestId }))
          : p.op === 'return'
            ? p.transactions.map((t) => event('return', { ...common, transaction: t, lines: transactionsOf(state, target.id, ['activated', 'broken']).find((x) => x.transaction === t)?.lines ?? p.lines, mode: 'offline', requestId: p.requestId }))
            : [];
      events = [...effects, event('response-imported', { ...common, requestId: p.requestId, request: p.op, accepted: true, mode: 'offline' })];
      done = `recorded the response to ${p.requestId} (${p.op}) on ${target.id}${p.op === 'return' ? ': confirm the return on the License Activation Server, then record confirm-return' : ''}`;
      break;
    }
  }
  if (contradictions.length > 0 && !req.anyway) {
    return refusal(`${contradictions.join('; ')}. Nothing was written. If the vendor's tool shows it done, the ledger is what is wrong: record it with --anyway "reason" (shown as a warning, BMS083), and void the wrong lines.`, 'contradicted');
  }
  if (contradictions.length > 0) {
    events = events.map((e) => ({ ...e, anyway: true, reason: req.anyway }));
    warnings.push(`BMS083: recorded although the ledger says: ${contradictions.join('; ')} (reason: ${req.anyway})`);
  }
  return { ok: true, lines: append(opts.ledgerPath, writer, events), message: done, warnings };
}

function activationContradictions(opts: WorkflowOptions, state: LedgerState, target: string, inParts: boolean, l: LicenseLine): string[] {
  const out: string[] = [];
  const now = licenseState(state, target, l.activationId);
  if (now && (now.status === 'activated' || now.status === 'broken') && !inParts) out.push(`'${l.activationId}' is already active on '${target}' (transaction ${now.transaction}): return it first, or reclaim to change its quantity`);
  if (now?.status === 'return-pending') out.push(`'${l.activationId}' was returned offline from '${target}' (transaction ${now.transaction}) and cannot be activated until that return is confirmed`);
  const product = productOf(opts.plans, l.activationId);
  let used = 0;
  for (const s of state.licenses.values()) if (s.activationId === l.activationId && s.status !== 'returned' && s.status !== 'requested') used += s.quantity;
  const left = (product?.quantity ?? 0) - used;
  if (product?.quantity !== undefined && l.quantity > left) out.push(`Entitlement ${product.entitlementId} has ${left} of '${l.activationId}' left, ${l.quantity} asked`);
  return out;
}

/** The transaction a return or repair means: by --vendor-ref, else by the activation id, else the target's only one. */
function findTransaction(state: LedgerState, target: string, req: RecordRequest, statuses: TransactionState['status'][]): TransactionState | string {
  const all = transactionsOf(state, target, ['activated', 'broken', 'return-pending', 'returned']);
  const ids = [...req.lines.map((l) => l.activationId), ...req.activationIds];
  const byRef = req.vendorRefs.length > 0 ? [...state.licenses.values()].find((l) => l.target === target && l.vendorRef !== undefined && req.vendorRefs.some((r) => l.vendorRef!.split(', ').includes(r)))?.transaction : undefined;
  const byId = ids.length > 0 ? licenseState(state, target, ids[0]!)?.transaction : undefined;
  const wanted = byRef ?? byId;
  const candidates = wanted !== undefined ? all.filter((t) => t.transaction === wanted) : all.filter((t) => statuses.includes(t.status));
  const what = req.op === 'confirm-return' ? 'returned offline and waiting for its confirmation' : req.op === 'repair' ? 'broken' : 'active';
  if (wanted === undefined && (req.vendorRefs.length > 0 || ids.length > 0)) return `the ledger has no transaction on ${target} with ${req.vendorRefs.length > 0 ? `vendor id ${req.vendorRefs.join(', ')}` : ids[0]}`;
  if (candidates.length === 0) return `the ledger has no transaction on ${target} that is ${what}`;
  if (candidates.length > 1) return `${target} has ${candidates.length} transactions that are ${what} (${candidates.map((t) => t.transaction).join(', ')}): name one with --activation-id or --vendor-ref`;
  const tx = candidates[0]!;
  if (!statuses.includes(tx.status)) return `transaction ${tx.transaction} on ${target} is ${tx.status} according to the ledger, not ${what}`;
  return tx;
}

/** adopt --line N / --all, void --line N --reason. */
function lineOp(opts: WorkflowOptions, writer: LedgerWriter, req: RecordRequest, event: (op: LedgerEvent['op'], f: Partial<LedgerEvent>) => LedgerEvent): RecordOutcome {
  const read = readLedger(opts.ledgerPath);
  const state = foldSite(opts.site, read, opts.ledgerPath);
  const ctx = foldContextOf(opts.site, opts.ledgerPath, read.lineOf);
  const byLine = new Map<number, LedgerEvent>();
  read.events.forEach((e, i) => byLine.set(read.lineOf[i]!, e));
  const copy = (e: LedgerEvent) => ({ ...(e.target !== undefined ? { target: e.target } : {}), ...(e.transaction !== undefined ? { transaction: e.transaction } : {}) });
  if (req.op === 'void') {
    if (req.line === undefined || !req.reason) return refusal('record void needs --line N and --reason "why": the line stays in the file (git would bring a deleted line back), the void cancels it. Nothing was written.', 'bad-request');
    const e = byLine.get(req.line);
    if (!e || e.site !== opts.site.name) return refusal(`Line ${req.line} of ${opts.ledgerPath} holds no event of site ${opts.site.name}. Nothing was written.`, 'bad-line');
    if (state.voided.has(req.line)) return refusal(`Line ${req.line} is void already (${state.voided.get(req.line) || 'no reason given'}). Nothing was written.`, 'bad-line');
    if (e.op === 'void') return refusal(`Line ${req.line} is itself a void: a void cannot be undone; record the event again instead. Nothing was written.`, 'bad-line');
    const voided = event('void', { line: req.line, ...copy(e), reason: req.reason });
    return { ok: true, lines: append(opts.ledgerPath, writer, [voided]), message: `line ${req.line} (${e.op}${e.target ? ` on ${e.target}` : ''}) is void from now on: ${req.reason}`, warnings: [] };
  }
  const candidates = req.all ? [...byLine.keys()] : req.line !== undefined ? [req.line] : [];
  if (candidates.length === 0) return refusal('record adopt needs --line N (or --all): the line written without via to confirm. Nothing was written.', 'bad-request');
  const events: LedgerEvent[] = [];
  for (const n of candidates) {
    const e = byLine.get(n);
    const why = !e || e.site !== opts.site.name ? `line ${n} holds no event of site ${opts.site.name}` : e.via !== undefined ? `line ${n} says via ${e.via}: nothing to adopt` : ['void', 'adopt', 'verified'].includes(e.op) ? `line ${n} is a ${e.op}` : state.voided.has(n) ? `line ${n} is void` : state.adopted.has(n) ? `line ${n} is adopted already` : judgeEvent(e, ctx, false).why === 'simulated' ? `line ${n} is simulated (the local simulator knows transaction ${e.transaction}): void it instead` : undefined;
    if (why) {
      if (req.all) continue;
      return refusal(`${why}. Nothing was written.`, 'bad-line');
    }
    const firstId = e!.activationId ?? e!.lines?.[0]?.activationId;
    const via = toolFor(opts.site, e!.target ?? '', firstId ? productOf(opts.plans, firstId) : undefined).tool;
    events.push(event('adopt', { line: n, ...copy(e!), via }));
  }
  if (events.length === 0) return { ok: true, lines: [], message: 'Nothing to adopt: every line says where it came from (or is void, simulated or adopted already).', warnings: [] };
  return { ok: true, lines: append(opts.ledgerPath, writer, events), message: `adopted ${events.length} line(s) written by an earlier version (${events.map((e) => e.line).join(', ')}): they count as done on the real system`, warnings: [] };
}

/** Appends and returns the 1-based lines the events were written to. */
function append(file: string, writer: LedgerWriter, events: LedgerEvent[]): number[] {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    text = '';
  }
  const lines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  writer.append(events);
  return events.map((_, i) => lines + 1 + i);
}

function lineText(lines: LicenseLine[]): string {
  return lines.map((l) => `${l.activationId} ×${l.quantity}`).join(', ');
}

