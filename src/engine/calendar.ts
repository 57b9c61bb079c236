// One calendar for every "today", "expires on" and "days left": calendar days where the engineer is (local
// time). A `yyyy-mm-dd` given on the command line is that local day; an expiry date is a calendar date.
const DAY_MS = 86_400_000;
const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date written `yyyy-mm-dd`; undefined when it is not a real date. */
export function dayNumber(text: string): number | undefined {
  // The same few expiry dates are asked for each license of each target (40,000 on a 200-site tree).
  const known = DAYS.get(text);
  if (known !== undefined || DAYS.has(text)) return known;
  const day = readDay(text);
  if (DAYS.size >= 10_000) DAYS.clear();
  DAYS.set(text, day);
  return day;
}

const DAYS = new Map<string, number | undefined>();

function readDay(text: string): number | undefined {
  const m = DAY_TEXT.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const t = Date.UTC(y, mo, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo && back.getUTCDate() === d ? t / DAY_MS : undefined;
}

/** The local calendar day of an instant, as days since 1970-01-01. */
export function localDayNumber(now: Date): number {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS;
}

/** `yyyy-mm-dd` as the start of that day, local time; undefined when it is not a real date. */
export function parseDay(text: string): Date | undefined {
  const n = dayNumber(text);
  if (n === undefined) return undefined;
  const utc = new Date(n * DAY_MS);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/** The local calendar day of an instant, written `yyyy-mm-dd`. */
export function dayText(now: Date): string {
  return new Date(localDayNumber(now) * DAY_MS).toISOString().slice(0, 10);
}

/** Days from the local day of `now` to a `yyyy-mm-dd` date: negative once past, 0 on that day. */
export function daysUntil(date: string, now: Date): number | undefined {
  const d = dayNumber(date);
  return d === undefined ? undefined : d - localDayNumber(now);
}
