// The LAS side of the offline workflow: answers a request file with a signed response. Answering the same
// request twice gives the same response (the simulator keeps its answers), never a second activation.
import type { LasSimulator } from '../simulator';
import type { Las } from '../types';
import { OFFLINE_NOTICE, RESPONSE_FORMAT, requestDigest, signedBytes, type OfflineOutcome, type OfflineRequest, type OfflineResponse } from './format';

/** What answering needs: the LAS operations, a signer, and (simulator) a memory of answers. */
export type ResponderLas = Las & Pick<LasSimulator, 'sign' | 'answerOnce'>;

export async function answerRequest(las: ResponderLas, request: OfflineRequest, now: () => Date = () => new Date()): Promise<OfflineResponse> {
  const answer = await las.answerOnce(request.requestId, async () => ({ issuedAt: now().toISOString(), outcome: await perform(las, request) }));
  const content: Omit<OfflineResponse, 'signature'> = {
    format: RESPONSE_FORMAT,
    notice: OFFLINE_NOTICE,
    requestId: request.requestId,
    requestDigest: requestDigest(request),
    site: request.target.site,
    target: request.target.id,
    op: request.op,
    issuedAt: answer.issuedAt,
    outcome: answer.outcome,
  };
  return { ...content, signature: las.sign(signedBytes(content)).toString('base64') };
}

async function perform(las: Las, request: OfflineRequest): Promise<OfflineOutcome> {
  if (request.entitlements && request.entitlements.length > 0) {
    const synced = await las.syncEntitlements(request.entitlements);
    if (!synced.ok) return { ok: false, error: synced.error };
  }
  const target = request.target;
  switch (request.op) {
    case 'activate': {
      const r = await las.activate(target, request.lines ?? []);
      return r.ok ? { ok: true, activation: r.value } : { ok: false, error: r.error };
    }
    case 'reclaim': {
      const r = await las.reclaim(target);
      return r.ok ? { ok: true, reclaim: r.value } : { ok: false, error: r.error };
    }
    case 'return': {
      const returns: NonNullable<OfflineOutcome['returns']> = [];
      for (const tx of request.transactions ?? []) {
        const r = await las.returnTransaction(target, tx, true);
        if (!r.ok) return { ok: false, error: r.error, returns };
        returns.push(r.value);
      }
      return { ok: true, returns };
    }
    case 'repair': {
      const repairs: NonNullable<OfflineOutcome['repairs']> = [];
      for (const tx of request.transactions ?? []) {
        const r = await las.repair(target, tx);
        if (!r.ok) return { ok: false, error: r.error, repairs };
        repairs.push(r.value);
      }
      return { ok: true, repairs };
    }
  }
}
