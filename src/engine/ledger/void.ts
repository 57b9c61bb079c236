// A bad ledger line is never deleted (the history stays reviewable): it is cleared by a later
// `{"op":"void","line":N}` event naming it. Every check and fold skips a line a later void names.

/** One line of the ledger as read: its 1-based number and its JSON value (undefined when unreadable). */
export interface ReadLine {
  line: number;
  value: unknown;
}

/** The 1-based lines that a later `void` event names (a void naming itself or a later line clears nothing). */
export function voidedLines(lines: Iterable<ReadLine>): Set<number> {
  const out = new Set<number>();
  for (const { line, value } of lines) {
    const n = voidTarget(value);
    if (n !== undefined && n < line) out.add(n);
  }
  return out;
}

/** The line a `void` event names, if the value is one. */
export function voidTarget(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { op?: unknown; line?: unknown };
  return v.op === 'void' && typeof v.line === 'number' && Number.isInteger(v.line) && v.line > 0 ? v.line : undefined;
}
