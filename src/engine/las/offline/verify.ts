// The site side: a response file is checked completely before anything changes. Each refusal says which
// check failed and what to do about it.
import * as crypto from 'node:crypto';
import type { LedgerState } from '../../ledger/fold';
import { RESPONSE_FORMAT, signedBytes, type OfflineResponse } from './format';

export type ResponseRefusal =
  | 'malformed' // not a response file
  | 'tampered' // the signature does not match the content
  | 'foreign-site' // answers a request of another site
  | 'other-request' // the request it answers is not one this site's ledger is waiting for
  | 'replayed'; // already imported

export type Verified = { ok: true; response: OfflineResponse } | { ok: false; reason: ResponseRefusal; message: string };

export interface VerifyContext {
  /** PEM (SPKI) of the LAS key the responses must be signed with. */
  publicKeyPem: string;
  site: string;
  ledger: LedgerState;
}

export function verifyResponse(text: string, ctx: VerifyContext): Verified {
  const refuse = (reason: ResponseRefusal, message: string): Verified => ({ ok: false, reason, message });
  let r: OfflineResponse;
  try {
    r = JSON.parse(text) as OfflineResponse;
  } catch {
    return refuse('malformed', 'not JSON: pick the response files downloaded from the LAS (*.response.json).');
  }
  if (!r || r.format !== RESPONSE_FORMAT || typeof r.requestId !== 'string' || typeof r.signature !== 'string' || !r.outcome) {
    return refuse('malformed', `not an offline response (format should be ${RESPONSE_FORMAT}).`);
  }
  let valid = false;
  try {
    valid = crypto.verify(null, signedBytes(r), crypto.createPublicKey(ctx.publicKeyPem), Buffer.from(r.signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) {
    return refuse('tampered', `the signature does not match its content: the file was changed after the LAS signed it, or another LAS key signed it. Download the response for ${r.requestId} again.`);
  }
  if (r.site !== ctx.site) return refuse('foreign-site', `it answers a request of site '${r.site}', not '${ctx.site}': import it into that site's workspace.`);
  if (ctx.ledger.imported.has(r.requestId)) return refuse('replayed', `the response to ${r.requestId} was already imported; importing it again would apply it twice.`);
  const pending = ctx.ledger.pending.get(r.requestId);
  if (!pending) {
    return refuse('other-request', `it answers request ${r.requestId}, which this site's ledger never created: it belongs to another workspace or an older request.`);
  }
  if (pending.target !== r.target || pending.op !== r.op || (pending.digest !== undefined && pending.digest !== r.requestDigest)) {
    return refuse('other-request', `it answers a different request than the ${pending.op} request ${r.requestId} for '${pending.target}' this site created: create the request again and answer that one.`);
  }
  return { ok: true, response: r };
}
