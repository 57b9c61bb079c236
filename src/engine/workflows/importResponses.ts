// Import offline response files: each is verified (signature, site, the very request, not replayed) before
// anything changes; an accepted one is applied to the ledger in one append, with its response-imported line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LedgerEvent } from '../ledger/ledger';
import type { OfflineResponse } from '../las/offline/format';
import { readResponseFile } from '../las/offline/readResponse';
import { verifyResponse } from '../las/offline/verify';
import { LedgerWriter, runSteps, type Step, type StepOutcome, type WorkflowOptions, type WorkflowResult } from './context';
import { describeChanges, reclaimEvents } from './reclaim';
import { withSiteLock } from './siteLock';
import { formatLines } from './targets';

/** The response files named, or every `*.response.json` of a folder named, in name order. */
export function responseFiles(paths: string[]): string[] {
  return paths.flatMap((p) => {
    if (fs.existsSync(p) && fs.statSync(p).isDirectory()) {
      return fs.readdirSync(p).filter((f) => f.endsWith('.response.json')).sort().map((f) => path.join(p, f));
    }
    return [p];
  });
}

export function importResponses(opts: WorkflowOptions, files: string[], publicKeyPem: string): Promise<WorkflowResult> {
  return withSiteLock(opts, 'import-responses', (o) => importLocked(o, files, publicKeyPem), (r) => r);
}

async function importLocked(opts: WorkflowOptions, files: string[], publicKeyPem: string): Promise<WorkflowResult> {
  const ledger = new LedgerWriter(opts);
  const steps: Step[] = files.map((file) => ({
    target: '',
    label: `import ${path.basename(file)}`,
    run: async () => importOne(opts, ledger, file, publicKeyPem),
  }));
  return runSteps(opts, steps);
}

function importOne(opts: WorkflowOptions, ledger: LedgerWriter, file: string, publicKeyPem: string): StepOutcome {
  const name = path.basename(file);
  const read = readResponseFile(file, opts.workspaceRoot ?? path.dirname(opts.ledgerPath));
  if (!read.ok) return { status: 'failed', code: read.code, message: read.message };
  const text = read.text;
  // Verified against the ledger as it is now, so a second copy in the same batch is a replay.
  const v = verifyResponse(text, { publicKeyPem, site: opts.site.name, ledger: ledger.state() });
  if (!v.ok) return { status: 'failed', code: v.reason, message: `${name} refused (${v.reason}): ${v.message} Nothing was changed.` };
  const r = v.response;
  const effects = effectEvents(ledger, r);
  const closing = ledger.event('response-imported', {
    target: r.target,
    requestId: r.requestId,
    request: r.op,
    file: name,
    accepted: r.outcome.ok,
    error: r.outcome.error ? `${r.outcome.error.code}: ${r.outcome.error.message}` : undefined,
    mode: 'offline',
  });
  ledger.append([...effects.events, closing]);
  if (!r.outcome.ok) {
    const partly = effects.summary ? ` (done before the refusal: ${effects.summary})` : '';
    return { status: 'failed', code: r.outcome.error?.code, message: `${r.target}: the LAS refused the ${r.op} request ${r.requestId}: ${r.outcome.error?.message ?? 'no reason given'}${partly}` };
  }
  return { status: 'done', message: `${r.target}: ${effects.summary || `${r.op} done`} (response to ${r.requestId})` };
}

function effectEvents(ledger: LedgerWriter, r: OfflineResponse): { events: LedgerEvent[]; summary: string } {
  const o = r.outcome;
  const target = r.target;
  const mode = 'offline' as const;
  if (o.activation) {
    const tx = o.activation;
    return {
      events: tx.lines.map((l) => ledger.event('activate', { target, activationId: l.activationId, quantity: l.quantity, transaction: tx.transaction, mode, requestId: r.requestId })),
      summary: `activated ${formatLines(tx.lines)} (transaction ${tx.transaction})`,
    };
  }
  if (o.reclaim) return { events: reclaimEvents(ledger, target, o.reclaim, mode), summary: describeChanges(o.reclaim) };
  if (o.returns && o.returns.length > 0) {
    return {
      events: o.returns.map((t) => ledger.event('return', { target, transaction: t.transaction, lines: t.lines, mode, requestId: r.requestId })),
      summary: `returned ${o.returns.map((t) => t.transaction).join(', ')}: confirm the return on the LAS before activating these licenses again`,
    };
  }
  if (o.repairs && o.repairs.length > 0) {
    return {
      events: o.repairs.map((t) => ledger.event('repair', { target, transaction: t.transaction, mode, requestId: r.requestId })),
      summary: `repaired ${o.repairs.map((t) => t.transaction).join(', ')}`,
    };
  }
  return { events: [], summary: '' };
}
