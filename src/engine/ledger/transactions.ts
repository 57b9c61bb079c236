// Checks across lines: a transaction id belongs to one target (every activate line of it names that
// target, BMS095), and each (transaction, activation id) pair is activated once (BMS096). Either would
// make `las restore` hold one activation twice.

export interface TxIssue {
  line: number;
  code: 'BMS095' | 'BMS096';
  message: string;
  /** The targets whose actions wait until the line is fixed or voided. */
  blocks: string[];
}

interface Activation {
  line: number;
  target: string;
  transaction: string;
  activationIds: string[];
  /** The event, compared as JSON when its pair is seen again: the same event twice is a doubled line (BMS062), not two values. */
  event: unknown;
}

export function transactionIssues(activations: Iterable<Activation>): TxIssue[] {
  const owner = new Map<string, { target: string; line: number }>();
  const pairs = new Map<string, { line: number; event: unknown }>();
  const out: TxIssue[] = [];
  for (const a of activations) {
    const first = owner.get(a.transaction);
    if (!first) owner.set(a.transaction, { target: a.target, line: a.line });
    else if (first.target !== a.target) {
      out.push({
        line: a.line,
        code: 'BMS095',
        blocks: [a.target, first.target],
        message: `transaction ${a.transaction} belongs to ${first.target} (line ${first.line}), here it is on ${a.target}: a transaction id is the LAS's and names one activation on one target. Find which line is right (git log -p on this file), then void the wrong one`,
      });
      continue;
    }
    for (const id of a.activationIds) {
      const key = `${a.transaction}\u0000${id}`;
      const seen = pairs.get(key);
      if (!seen) pairs.set(key, { line: a.line, event: a.event });
      else if (seen.line === a.line || JSON.stringify(seen.event) !== JSON.stringify(a.event)) {
        out.push({
          line: a.line,
          code: 'BMS096',
          blocks: [a.target],
          message: `${id} of transaction ${a.transaction} is activated again (first on line ${seen.line}): one activation recorded twice with different values. Keep the line that matches the LAS, void the other`,
        });
      }
    }
  }
  return out;
}

export type { Activation };
