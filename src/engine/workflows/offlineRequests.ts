// The offline path's first half: write one request file for a target into the folder the user picked,
// then record it in the ledger (request-created) with its digest, so the response can be matched to it.
import * as path from 'node:path';
import type { RequestOp } from '../ledger/ledger';
import { newRequestId, OFFLINE_NOTICE, REQUEST_FORMAT, requestDigest, requestFileName, type OfflineRequest } from '../las/offline/format';
import { writeFileAtomic } from '../las/simulatorState';
import type { LicenseLine } from '../las/types';
import type { LedgerWriter, StepOutcome, WorkflowOptions } from './context';
import { entitledProducts, type WorkflowTarget } from './targets';

export interface RequestContent {
  lines?: LicenseLine[];
  transactions?: string[];
  /** Activation ids whose entitlement the request carries. */
  activationIds: string[];
}

export function createRequest(opts: WorkflowOptions, ledger: LedgerWriter, target: WorkflowTarget, op: RequestOp, content: RequestContent, summary: string): StepOutcome {
  const dir = opts.offlineDir!;
  const request: OfflineRequest = {
    format: REQUEST_FORMAT,
    notice: OFFLINE_NOTICE,
    requestId: newRequestId(ledger.now()),
    createdAt: ledger.now().toISOString(),
    op,
    target: target.las,
    lines: content.lines,
    transactions: content.transactions,
    entitlements: entitledProducts(opts, new Set(content.activationIds)),
  };
  const file = path.resolve(dir, requestFileName(request));
  // The name is built from sanitised parts, so it cannot leave the folder; check anyway.
  if (path.dirname(file) !== path.resolve(dir)) return { status: 'failed', message: `unsafe request file name ${file}`, code: 'bad-request', stop: true };
  writeFileAtomic(file, `${JSON.stringify(request, null, 2)}\n`);
  ledger.append([
    ledger.event('request-created', {
      target: target.id,
      requestId: request.requestId,
      request: op,
      lines: content.lines,
      transactions: content.transactions,
      file: path.basename(file),
      digest: requestDigest(request),
      mode: 'offline',
    }),
  ]);
  return { status: 'done', message: `${summary}: request ${request.requestId} written to ${path.basename(file)}`, files: [file] };
}
