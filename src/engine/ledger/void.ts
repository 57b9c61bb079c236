// A bad ledger line is never deleted (the history stays reviewable): it is cleared by a later
// `{"op":"void","line":N}` event naming it. Every check and fold skips a line a later void names. This is the
// one rule of what a void clears: the validator, the readers, the fold and `record void` all ask it.

/** One line of the ledger as read: its 1-based number and its JSON value (undefined when unreadable). */
export interface ReadLine {
  line: number;
  value: unknown;
}

/**
 * The 1-based lines that a later `void` event names (a void naming itself or a later line clears nothing). A void
 * that also says what the line holds (`target`, `transaction`, as `record void` writes) clears it only while the
 * line still says so (a merge may move lines); a line that is no event (unreadable) is cleared by its number.
 */
export function voidedLines(lines: Iterable<ReadLine>): Set<number> {
  const all = [...lines];
  const byLine = new Map(all.map((l) => [l.line, l.value]));
  const out = new Set<number>();
  for (const { line, value } of all) {
    const n = voidTarget(value);
    if (n !== undefined && n < line && namesWhatItHolds(value as Record<string, unknown>, byLine.get(n))) out.add(n);
  }
  return out;
}

/** The line a `void` event names, if the value is one. */
export function voidTarget(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { op?: unknown; line?: unknown };
  return v.op === 'void' && typeof v.line === 'number' && Number.isInteger(v.line) && v.line > 0 ? v.line : undefined;
}

/** A void or adopt applies to the line it names only when that line still holds the target and transaction it says. */
export function namesWhatItHolds(e: { target?: unknown; transaction?: unknown }, named: unknown): boolean {
  if (typeof named !== 'object' || named === null || Array.isArray(named)) return true;
  const n = named as { target?: unknown; transaction?: unknown };
  if (e.target !== undefined && e.target !== (n.target ?? '')) return false;
  if (e.transaction !== undefined && e.transaction !== n.transaction) return false;
  return true;
}
