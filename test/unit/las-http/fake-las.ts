// A small in-memory `Las` for the HTTP tests: enough rules to see double effects and refusals.
import type { ActivationTransaction, EntitledProduct, Las, LasResult, LasTarget, LicenseLine, ReclaimResult, RepairResult, ReturnResult } from '../../../src/engine/las/types';

export class FakeLas implements Las {
  products: EntitledProduct[] = [];
  transactions: ActivationTransaction[] = [];
  /** Every call that reached the LAS, by method. */
  calls: string[] = [];
  private next = 1;

  async syncEntitlements(products: EntitledProduct[]): Promise<LasResult<void>> {
    this.calls.push('syncEntitlements');
    this.products = products;
    return { ok: true, value: undefined };
  }
  async activate(target: LasTarget, lines: LicenseLine[]): Promise<LasResult<ActivationTransaction>> {
    this.calls.push('activate');
    const active = this.transactions.filter((t) => t.site === target.site && t.target === target.id);
    if (active.some((t) => t.lines.some((l) => lines.some((n) => n.activationId === l.activationId)))) {
      return { ok: false, error: { code: 'duplicate-activation', message: `Already active on ${target.id}.` } };
    }
    const t: ActivationTransaction = { transaction: `TX-${this.next++}`, site: target.site, target: target.id, lines, at: '2025-01-01T00:00:00.000Z' };
    this.transactions.push(t);
    return { ok: true, value: t };
  }
  async returnTransaction(target: LasTarget, transaction: string, offline: boolean): Promise<LasResult<ReturnResult>> {
    this.calls.push('returnTransaction');
    const t = this.find(target, transaction);
    if (!t) return { ok: false, error: { code: 'unknown-transaction', message: `No transaction ${transaction} on ${target.id}.` } };
    this.transactions = this.transactions.filter((x) => x !== t);
    return { ok: true, value: { transaction, lines: t.lines, pendingConfirmation: offline } };
  }
  async confirmReturn(): Promise<LasResult<void>> {
    this.calls.push('confirmReturn');
    return { ok: true, value: undefined };
  }
  async reclaim(target: LasTarget): Promise<LasResult<ReclaimResult>> {
    this.calls.push('reclaim');
    return { ok: true, value: { target: target.id, changes: [] } };
  }
  async repair(target: LasTarget, transaction: string): Promise<LasResult<RepairResult>> {
    this.calls.push('repair');
    if (!this.find(target, transaction)) return { ok: false, error: { code: 'unknown-transaction', message: `No transaction ${transaction}.` } };
    return { ok: true, value: { transaction, repairsLeft: 3 } };
  }
  async activations(site: string, target?: string): Promise<LasResult<ActivationTransaction[]>> {
    this.calls.push('activations');
    return { ok: true, value: this.transactions.filter((t) => t.site === site && (!target || t.target === target)) };
  }
  count(method: string): number {
    return this.calls.filter((c) => c === method).length;
  }
  private find(target: LasTarget, transaction: string): ActivationTransaction | undefined {
    return this.transactions.find((t) => t.transaction === transaction && t.site === target.site && t.target === target.id);
  }
}

export const es01: LasTarget = { site: 'plant', id: 'es-01', type: 'enterprise-server', licenseServer: 'ls-main' };
export const baseLine: LicenseLine[] = [{ activationId: 'ACT-7F3A-0001', quantity: 1 }];
