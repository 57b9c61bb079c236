// The vendor allows at most 4 repairs of a target "per year": we read that as a rolling 12 calendar months.
export const REPAIRS_PER_12_MONTHS = 4;

/** The start of the rolling window that ends at `today`: the same day and time 12 months earlier. */
export function twelveMonthsBefore(today: Date): Date {
  const d = new Date(today.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d;
}

/** Counts the dates that fall inside the window (after its start, not after `today`). */
export function countInWindow(dates: Iterable<string>, today: Date): number {
  const from = twelveMonthsBefore(today).getTime();
  const to = today.getTime();
  let n = 0;
  for (const at of dates) {
    const t = Date.parse(at);
    if (t > from && t <= to) n++;
  }
  return n;
}
