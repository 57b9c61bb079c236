// The built-in License Activation Server: zero set-up, enforces the vendor's rules (DOMAIN.md), and keeps
// its state in a folder (by default `.bmslicense/las-sim/` of the workspace). Every operation reads the
// state, applies the rule, and replaces the file atomically, so several processes see one LAS.
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { countInWindow, REPAIRS_PER_12_MONTHS } from '../ledger/repairWindow';
import { loadOrCreateSigningKey, type SigningKey } from './simulatorKeys';
import { readState, writeState, type SimState, type SimTransaction } from './simulatorState';
import type {
  ActivationTransaction,
  EntitledProduct,
  Las,
  LasError,
  LasErrorCode,
  LasResult,
  LasTarget,
  LicenseLine,
  ReclaimResult,
  RepairResult,
  ReturnResult,
} from './types';

export interface LasSimulatorOptions {
  /** Folder holding the state and the signing key; created on first write. */
  dataDir: string;
  /** Injected clock (tests: repair budget over 12 months). */
  now?: () => Date;
}

/** Where the simulator of a workspace keeps its state. */
export function simulatorDataDir(workspaceRoot: string): string {
  return path.join(workspaceRoot, '.bmslicense', 'las-sim');
}

const ok = <T>(value: T): LasResult<T> => ({ ok: true, value });
const fail = <T>(code: LasErrorCode, message: string): LasResult<T> => ({ ok: false, error: { code, message } });

export class LasSimulator implements Las {
  readonly dataDir: string;
  private readonly now: () => Date;
  private queue: Promise<unknown> = Promise.resolve();
  private key: SigningKey | undefined;

  constructor(options: LasSimulatorOptions) {
    this.dataDir = options.dataDir;
    this.now = options.now ?? (() => new Date());
  }

  /** PEM (SPKI) of the key that signs offline responses; generated on first use. */
  publicKeyPem(): string {
    return this.signingKey().publicKeyPem;
  }

  /** Ed25519 signature of `data` with the simulator's key. */
  sign(data: Buffer): Buffer {
    return crypto.sign(null, data, this.signingKey().privateKey);
  }

  private signingKey(): SigningKey {
    this.key ??= loadOrCreateSigningKey(this.dataDir);
    return this.key;
  }

  syncEntitlements(products: EntitledProduct[]): Promise<LasResult<void>> {
    return this.mutate((s) => {
      for (const p of products) {
        if (!p.activationId || !(p.quantity >= 0)) return fail('bad-request', `Entitlement product '${p.activationId}' needs an activation id and a quantity of 0 or more.`);
      }
      for (const p of products) s.products[p.activationId] = { ...p, appliesTo: [...(p.appliesTo ?? [])] };
      return ok(undefined);
    });
  }

  activate(target: LasTarget, lines: LicenseLine[]): Promise<LasResult<ActivationTransaction>> {
    return this.mutate((s) => {
      const bad = checkTarget(target) ?? (lines.length === 0 ? err('bad-request', 'An activation needs at least one license line.') : undefined);
      if (bad) return { ok: false, error: bad };
      for (const line of lines) {
        const refused = this.checkActivation(s, target, line, lines);
        if (refused) return { ok: false, error: refused };
      }
      const tx: SimTransaction = {
        transaction: this.nextTransactionId(s),
        site: target.site,
        target: target.id,
        targetType: target.type,
        licenseServer: target.licenseServer,
        lines: lines.map((l) => ({ activationId: l.activationId, quantity: l.quantity, entitled: s.products[l.activationId]!.quantity })),
        at: this.now().toISOString(),
        status: 'active',
      };
      s.transactions.push(tx);
      return ok(view(tx));
    });
  }

  returnTransaction(target: LasTarget, transaction: string, offline: boolean): Promise<LasResult<ReturnResult>> {
    return this.mutate((s) => {
      const tx = findTx(s, target, transaction);
      if (!tx) return fail('unknown-transaction', `No activation transaction '${transaction}' on '${target.id}' (site ${target.site}): check the ledger, or reclaim to see what is active.`);
      if (tx.status === 'returned') return fail('unknown-transaction', `Transaction '${transaction}' on '${target.id}' was already returned.`);
      if (tx.status === 'return-pending') return fail('return-unconfirmed', `Transaction '${transaction}' on '${target.id}' was returned offline and waits for its confirmation: run Confirm offline return.`);
      if (tx.status === 'broken') return fail('not-repairable', `The licenses of transaction '${transaction}' on '${target.id}' are broken: repair them first, then return them.`);
      tx.status = offline ? 'return-pending' : 'returned';
      tx.returnedAt = this.now().toISOString();
      return ok({ transaction, lines: tx.lines.map(plainLine), pendingConfirmation: offline });
    });
  }

  confirmReturn(target: LasTarget, transaction: string): Promise<LasResult<void>> {
    return this.mutate((s) => {
      const tx = findTx(s, target, transaction);
      if (!tx) return fail('unknown-transaction', `No activation transaction '${transaction}' on '${target.id}' (site ${target.site}).`);
      if (tx.status === 'returned') return ok(undefined); // confirming twice is harmless
      if (tx.status !== 'return-pending') return fail('bad-request', `Transaction '${transaction}' on '${target.id}' has no offline return to confirm: return it first.`);
      tx.status = 'returned';
      return ok(undefined);
    });
  }

  reclaim(target: LasTarget): Promise<LasResult<ReclaimResult>> {
    return this.mutate((s) => {
      const bad = checkTarget(target);
      if (bad) return { ok: false, error: bad };
      const changes: ReclaimResult['changes'] = [];
      for (const tx of s.transactions) {
        if (tx.site !== target.site || tx.target !== target.id || tx.status !== 'active') continue;
        for (const line of tx.lines) {
          const product = s.products[line.activationId];
          if (!product || product.quantity === line.entitled) continue;
          // The target gets the entitlement's growth (or loses its shrink), within what other targets leave.
          const free = product.quantity - usedQuantity(s, line.activationId) + line.quantity;
          const to = Math.max(0, Math.min(line.quantity + product.quantity - line.entitled, free));
          line.entitled = product.quantity;
          if (to !== line.quantity) {
            changes.push({ activationId: line.activationId, from: line.quantity, to });
            line.quantity = to;
          }
        }
      }
      return ok({ target: target.id, changes });
    });
  }

  repair(target: LasTarget, transaction: string): Promise<LasResult<RepairResult>> {
    return this.mutate((s) => {
      const tx = findTx(s, target, transaction);
      if (!tx || tx.status === 'returned') return fail('unknown-transaction', `No active transaction '${transaction}' on '${target.id}' to repair.`);
      if (tx.status === 'return-pending') return fail('return-unconfirmed', `Transaction '${transaction}' on '${target.id}' was returned offline; it cannot be repaired.`);
      const local = tx.lines.find((l) => s.products[l.activationId]?.licenseType === 'local');
      if (local) return fail('not-repairable', `'${local.activationId}' is a local license: local licenses cannot be repaired. Ask for a replacement .asr file.`);
      if (tx.licenseServer && target.licenseServer !== tx.licenseServer) {
        return fail('wrong-license-server', `Transaction '${transaction}' was activated through License Server '${tx.licenseServer}'; repair it from that License Server, not '${target.licenseServer ?? '(none)'}'.`);
      }
      const now = this.now();
      const done = countInWindow(repairDates(s, target), now);
      if (done >= REPAIRS_PER_12_MONTHS) {
        return fail('repair-budget', `'${target.id}' was repaired ${done} times in the last 12 months (at most ${REPAIRS_PER_12_MONTHS}): contact Schneider Electric support.`);
      }
      s.repairs.push({ site: target.site, target: target.id, transaction, at: now.toISOString() });
      tx.status = 'active';
      return ok({ transaction, repairsLeft: REPAIRS_PER_12_MONTHS - done - 1 });
    });
  }

  activations(site: string, target?: string): Promise<LasResult<ActivationTransaction[]>> {
    return this.serial(() => {
      const s = readState(this.dataDir);
      const txs = s.transactions.filter((t) => t.site === site && (target === undefined || t.target === target) && (t.status === 'active' || t.status === 'broken'));
      return ok(txs.map(view));
    });
  }

  /** Simulates what breaks licenses on site (backup restored, clock set back, hardware change). */
  markBroken(target: LasTarget, transaction: string): Promise<LasResult<void>> {
    return this.mutate((s) => {
      const tx = findTx(s, target, transaction);
      if (!tx || tx.status !== 'active') return fail('unknown-transaction', `No active transaction '${transaction}' on '${target.id}'.`);
      tx.status = 'broken';
      return ok(undefined);
    });
  }

  /** Keeps the answer to an offline request, so answering it again gives the same answer. */
  answerOnce<T>(requestId: string, answer: () => Promise<T>): Promise<T> {
    const stored = readState(this.dataDir).answered[requestId];
    if (stored !== undefined) return Promise.resolve(stored as T);
    return answer().then((value) =>
      this.serial(() => {
        const s = readState(this.dataDir);
        s.answered[requestId] = value;
        writeState(this.dataDir, s);
        return value;
      }),
    );
  }

  private checkActivation(s: SimState, target: LasTarget, line: LicenseLine, all: LicenseLine[]): LasError | undefined {
    const id = line.activationId;
    const product = s.products[id];
    if (!product) return err('unknown-activation-id', `The LAS knows no activation id '${id}': check the entitlement e-mail and the plan.`);
    if (!Number.isInteger(line.quantity) || line.quantity < 1) return err('bad-request', `Quantity of '${id}' must be a whole number of 1 or more.`);
    if (all.filter((l) => l.activationId === id).length > 1) return err('duplicate-activation', `'${id}' appears twice in one activation: activate it once with the total quantity.`);
    if (product.appliesTo.length > 0 && !product.appliesTo.includes(target.type)) {
      return err('not-applicable', `'${id}'${product.feature ? ` (${product.feature})` : ''} does not apply to '${target.id}' of type ${target.type}; it applies to ${product.appliesTo.join(', ')}.`);
    }
    const onTarget = s.transactions.filter((t) => t.site === target.site && t.target === target.id && t.lines.some((l) => l.activationId === id));
    if (onTarget.some((t) => t.status === 'active' || t.status === 'broken')) {
      return err('duplicate-activation', `'${id}' is already active on '${target.id}': return it first, or reclaim to change its quantity.`);
    }
    const pending = s.transactions.find((t) => t.status === 'return-pending' && t.lines.some((l) => l.activationId === id));
    if (pending) {
      return err('return-unconfirmed', `'${id}' was returned offline from '${pending.target}' (transaction ${pending.transaction}) and cannot be activated until that return is confirmed on the LAS.`);
    }
    const left = product.quantity - usedQuantity(s, id);
    if (line.quantity > left) return err('over-quantity', `Entitlement ${product.entitlementId} has ${left} of '${id}' left, ${line.quantity} asked.`);
    return undefined;
  }

  private nextTransactionId(s: SimState): string {
    s.counter += 1;
    return `T-${String(s.counter).padStart(4, '0')}-${crypto.randomBytes(2).toString('hex').toUpperCase()}`;
  }

  /** Read, change, write: one at a time in this process; the file is replaced atomically. */
  private mutate<T>(change: (s: SimState) => LasResult<T>): Promise<LasResult<T>> {
    return this.serial(() => {
      const s = readState(this.dataDir);
      const result = change(s);
      if (result.ok) writeState(this.dataDir, s);
      return result;
    });
  }

  private serial<T>(work: () => T): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function err(code: LasErrorCode, message: string): LasError {
  return { code, message };
}

function checkTarget(t: LasTarget): LasError | undefined {
  if (!t || !t.site || !t.id || !t.type) return err('bad-request', 'A target needs a site, an id and a type.');
  return undefined;
}

function findTx(s: SimState, target: LasTarget, transaction: string): SimTransaction | undefined {
  return s.transactions.find((t) => t.transaction === transaction && t.site === target.site && t.target === target.id);
}

/** Licenses of an activation id held anywhere: active, broken, or returned offline but not confirmed. */
function usedQuantity(s: SimState, activationId: string): number {
  let used = 0;
  for (const t of s.transactions) {
    if (t.status === 'returned') continue;
    for (const l of t.lines) if (l.activationId === activationId) used += l.quantity;
  }
  return used;
}

function repairDates(s: SimState, target: LasTarget): string[] {
  return s.repairs.filter((r) => r.site === target.site && r.target === target.id).map((r) => r.at);
}

function plainLine(l: LicenseLine): LicenseLine {
  return { activationId: l.activationId, quantity: l.quantity };
}

function view(t: SimTransaction): ActivationTransaction {
  return { transaction: t.transaction, site: t.site, target: t.target, lines: t.lines.map(plainLine), at: t.at };
}
