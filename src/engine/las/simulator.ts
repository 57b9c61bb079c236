// The built-in License Activation Server: zero set-up, enforces the vendor's rules (DOMAIN.md), and keeps
// its state in a folder (by default `.bmslicense/las-sim/` of the workspace). Every operation reads the
// state, applies the rule, and replaces the file atomically, under a lock on the state file, so several
// processes (CLI, extension, `las serve`) see one LAS and never lose each other's changes.
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { countInWindow, REPAIRS_PER_12_MONTHS } from '../ledger/repairWindow';
import { loadOrCreateSigningKey, type SigningKey } from './simulatorKeys';
import { restoreInto, type RestoreInput, type RestoreReport } from './simulatorRestore';
import { checkActivation, checkTarget, err, findTx, plainLine, repairDates, usedQuantity, view } from './simulatorRules';
import { loadState, stateFile, writeState, type SimState, type SimTransaction } from './simulatorState';
import { StateStore } from './simulatorStore';
import type { Result } from '../result';
import type {
  ActivationTransaction,
  EntitledProduct,
  Las,
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
  /** How long a change waits for another process changing the state; default 30 s. */
  lockTimeoutMs?: number;
}

/** Where the simulator of a workspace keeps its state. */
export function simulatorDataDir(workspaceRoot: string): string {
  return path.join(workspaceRoot, '.bmslicense', 'las-sim');
}

const ok = <T>(value: T): LasResult<T> => ({ ok: true, value });
const fail = <T>(code: LasErrorCode, message: string): LasResult<T> => ({ ok: false, error: { code, message } });

export class LasSimulator implements Las {
  readonly via = 'simulator' as const;
  readonly dataDir: string;
  private readonly now: () => Date;
  private key: SigningKey | undefined;
  private readonly store: StateStore;
  private readonly answering = new Map<string, Promise<unknown>>();
  private answers: Promise<unknown> = Promise.resolve();

  constructor(options: LasSimulatorOptions) {
    this.dataDir = options.dataDir;
    this.now = options.now ?? (() => new Date());
    this.store = new StateStore(this.dataDir, options.lockTimeoutMs ?? 30_000, () => this.key?.fingerprint);
  }

  /** The state file, and whether it exists (a site whose ledger has activations needs it). */
  stateInfo(): { file: string; exists: boolean } {
    const loaded = loadState(this.dataDir);
    return { file: stateFile(this.dataDir), exists: !loaded.ok || loaded.exists };
  }

  /** PEM (SPKI) of the key that signs offline responses, or why it cannot be had (missing or damaged key file). */
  publicKey(): Result<string> {
    const k = this.loadKey();
    return k.ok ? { ok: true, value: k.value.publicKeyPem } : k;
  }

  /** As `publicKey()`; throws an Error naming the file when the key cannot be had. */
  publicKeyPem(): string {
    return this.signingKey().publicKeyPem;
  }

  /** Ed25519 signature of `data` with the simulator's key. */
  sign(data: Buffer): Buffer {
    return crypto.sign(null, data, this.signingKey().privateKey);
  }

  private signingKey(): SigningKey {
    const k = this.loadKey();
    if (!k.ok) throw new Error(k.error);
    return k.value;
  }

  private loadKey(): Result<SigningKey> {
    if (this.key) return { ok: true, value: this.key };
    const loaded = loadState(this.dataDir);
    if (!loaded.ok) return { ok: false, error: loaded.message };
    const k = loadOrCreateSigningKey(this.dataDir, loaded.state.signingKey);
    if (!k.ok) return { ok: false, error: k.message };
    this.key = k.key;
    return { ok: true, value: k.key };
  }

  syncEntitlements(products: EntitledProduct[]): Promise<LasResult<void>> {
    let changed = false;
    return this.store.mutate(
      (s) => {
        for (const p of products) {
          if (!p.activationId || !(p.quantity >= 0)) return fail('bad-request', `Entitlement product '${p.activationId}' needs an activation id and a quantity of 0 or more.`);
        }
        for (const p of products) {
          const next = { ...p, appliesTo: [...(p.appliesTo ?? [])] };
          if (JSON.stringify(s.products[p.activationId]) !== JSON.stringify(next)) changed = true;
          s.products[p.activationId] = next;
        }
        return ok(undefined);
      },
      { changed: () => changed },
    );
  }

  activate(target: LasTarget, lines: LicenseLine[]): Promise<LasResult<ActivationTransaction>> {
    return this.store.mutate((s) => {
      const bad = checkTarget(target) ?? (lines.length === 0 ? err('bad-request', 'An activation needs at least one license line.') : undefined);
      if (bad) return { ok: false, error: bad };
      for (const line of lines) {
        const refused = checkActivation(s, target, line, lines);
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
    return this.store.mutate((s) => {
      const tx = findTx(s, target, transaction);
      if (!tx) return fail('unknown-transaction', `No activation transaction '${transaction}' on '${target.id}' (site ${target.site}): check the ledger, or reclaim to see what is active.`);
      if (tx.status === 'returned') return fail('already-returned', `Transaction '${transaction}' on '${target.id}' was already returned (${tx.returnedAt ?? 'date unknown'}).`);
      if (tx.status === 'return-pending') return fail('return-unconfirmed', `Transaction '${transaction}' on '${target.id}' was returned offline and waits for its confirmation: run Confirm offline return.`);
      if (tx.status === 'broken') return fail('not-repairable', `The licenses of transaction '${transaction}' on '${target.id}' are broken: repair them first, then return them.`);
      tx.status = offline ? 'return-pending' : 'returned';
      tx.returnedAt = this.now().toISOString();
      return ok({ transaction, lines: tx.lines.map(plainLine), pendingConfirmation: offline });
    });
  }

  confirmReturn(target: LasTarget, transaction: string): Promise<LasResult<void>> {
    return this.store.mutate((s) => {
      const tx = findTx(s, target, transaction);
      if (!tx) return fail('unknown-transaction', `No activation transaction '${transaction}' on '${target.id}' (site ${target.site}).`);
      if (tx.status === 'returned') return ok(undefined); // confirming twice is harmless
      if (tx.status !== 'return-pending') return fail('bad-request', `Transaction '${transaction}' on '${target.id}' has no offline return to confirm: return it first.`);
      tx.status = 'returned';
      return ok(undefined);
    });
  }

  reclaim(target: LasTarget): Promise<LasResult<ReclaimResult>> {
    return this.store.mutate((s) => {
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
    return this.store.mutate((s) => {
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
    return this.store.serial(() => {
      const loaded = this.store.load();
      if (!loaded.ok) return fail<ActivationTransaction[]>('state-unreadable', loaded.message);
      const s = loaded.state;
      const txs = s.transactions.filter((t) => t.site === site && (target === undefined || t.target === target) && (t.status === 'active' || t.status === 'broken'));
      return ok(txs.map(view));
    });
  }

  /** Rebuilds the simulator's record of a site from its ledger (`bmslicense las restore`). */
  restoreSite(input: RestoreInput): Promise<LasResult<RestoreReport>> {
    return this.store.mutate((s) => ok(restoreInto(s, input)));
  }

  /** Simulates what breaks licenses on site (backup restored, clock set back, hardware change). */
  markBroken(target: LasTarget, transaction: string): Promise<LasResult<void>> {
    return this.store.mutate((s) => {
      const tx = findTx(s, target, transaction);
      if (!tx || tx.status !== 'active') return fail('unknown-transaction', `No active transaction '${transaction}' on '${target.id}'.`);
      tx.status = 'broken';
      return ok(undefined);
    });
  }

  /**
   * Keeps the answer to an offline request, so answering it again gives the same answer. The state lock is
   * held from the look-up to the stored answer: two processes answering one request activate once.
   */
  answerOnce<T>(requestId: string, answer: () => Promise<T>): Promise<T> {
    const running = this.answering.get(requestId);
    if (running) return running as Promise<T>;
    // One answer at a time per instance; the lock is taken in the operations' queue, so no operation of
    // this instance is left waiting for a lock this instance holds.
    const work = this.answers.then(async () => {
      const key = this.loadKey(); // made (and recorded below) before the first response is signed
      if (!key.ok) throw new Error(key.error);
      const held = await this.store.holdForAnswer();
      if (!held.ok) throw new Error(held.error);
      const lock = held.value;
      try {
        const stored = this.store.readOrThrow().answered[requestId];
        if (stored !== undefined) return stored as T;
        const value = await answer();
        await this.store.serial(() => {
          const s = this.store.readOrThrow();
          s.answered[requestId] = value;
          s.signingKey ??= key.value.fingerprint;
          writeState(this.dataDir, s);
        });
        return value;
      } finally {
        this.store.letGo(lock);
      }
    });
    this.answers = work.catch(() => undefined);
    this.answering.set(requestId, work);
    return work.finally(() => this.answering.delete(requestId));
  }

  private nextTransactionId(s: SimState): string {
    s.counter += 1;
    return `T-${String(s.counter).padStart(4, '0')}-${crypto.randomBytes(2).toString('hex').toUpperCase()}`;
  }


}
