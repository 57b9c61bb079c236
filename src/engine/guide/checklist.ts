// Apply on a vendor-tools site is a checklist: each step is done by the engineer in the vendor's tool and answered
// done, done with other values, failed, skip or quit; only what is answered done is recorded. Answers come from a
// terminal or, for scripts and tests, a file with one answer a line in step order:
//   done [VENDOR-ID]                 e.g. `done FID-2211`
//   other ACT-…=N [ACT-…=N…] [VENDOR-ID]   done, with other quantities
//   failed MESSAGE                   the tool's message or FlexNet code; nothing is recorded
//   skip | quit                      (blank lines and lines starting with # are ignored)
import type { RecordRequest } from '../record/types';
import type { GuideStep } from './steps';

export type ChecklistAnswer =
  | { kind: 'done'; vendorRef?: string; quantities?: Map<string, number> }
  | { kind: 'failed'; message: string }
  | { kind: 'skip' }
  | { kind: 'quit' };

/** One answer line; a message saying what is wrong otherwise. */
export function parseAnswer(text: string): ChecklistAnswer | string {
  const [word = '', ...rest] = text.trim().split(/\s+/);
  const w = word.toLowerCase();
  if (w === 'done' || w === 'd') return rest[0] ? { kind: 'done', vendorRef: rest[0] } : { kind: 'done' };
  if (w === 'skip' || w === 's') return { kind: 'skip' };
  if (w === 'quit' || w === 'q') return { kind: 'quit' };
  if (w === 'failed' || w === 'f') return { kind: 'failed', message: rest.join(' ') || 'failed (no message given)' };
  if (w === 'other' || w === 'o') {
    const quantities = new Map<string, number>();
    let vendorRef: string | undefined;
    for (const part of rest) {
      const m = /^([^=]+)=(\d+)$/.exec(part);
      if (m) quantities.set(m[1]!, Number(m[2]));
      else if (vendorRef === undefined) vendorRef = part;
      else return `'${part}' in "${text.trim()}": give other values as ACTIVATION-ID=QUANTITY`;
    }
    if (quantities.size === 0) return `"${text.trim()}": name the other values as ACTIVATION-ID=QUANTITY`;
    return { kind: 'done', quantities, ...(vendorRef ? { vendorRef } : {}) };
  }
  return `"${text.trim()}" is not an answer: done [VENDOR-ID], other ACT=N… [VENDOR-ID], failed MESSAGE, skip or quit`;
}

/** The answers of a file: one a line, blank lines and # comments ignored. */
export function answerLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

/** What to record for a step answered done. */
export function recordRequestFor(step: GuideStep, answer: Extract<ChecklistAnswer, { kind: 'done' }>): RecordRequest {
  const lines = step.licenses.map((l) => ({ activationId: l.activationId, quantity: answer.quantities?.get(l.activationId) ?? l.quantity }));
  const vendorRefs = answer.vendorRef ? [answer.vendorRef] : [];
  const base = { target: step.target, vendorRefs, activationIds: [] as string[], lines: [] as RecordRequest['lines'] };
  switch (step.kind) {
    case 'activate':
    case 'activate-more':
      return { ...base, op: 'activate', lines };
    case 'reclaim':
      return { ...base, op: 'reclaim', lines };
    case 'return':
    case 'repair':
    case 'confirm-return':
      // The transaction is found by its first license; the vendor's id given with the answer is kept on the event.
      return { ...base, op: step.kind, activationIds: step.licenses.slice(0, 1).map((l) => l.activationId) };
    case 'import-response':
      return { ...base, op: 'response-imported', vendorRefs: [] };
  }
}
