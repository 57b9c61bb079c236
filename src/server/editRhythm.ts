// When to check after an edit. A fixed pause after every keystroke is what the engineer waits for on a small
// plan (the check itself takes milliseconds), so the pause is only for bursts: an edit on a quiet server is
// checked at once; an edit that follows another within the burst window waits for the typing to pause, for
// a little longer than the gaps the engineer is typing with (learned from the last few), never longer than
// the `debounceMs` setting. The checks of a burst are the first edit's and one after the last.
// An edit handled just as a check ends waited in the queue while the check ran: it was typed during it, so it
// belongs to a burst however long the check took (a loaded machine, whole texts of 1 MB per keystroke).

/** Gaps between edits kept to learn the rhythm of the typing. */
const GAPS_KEPT = 5;
/** Wait this much longer than the typical gap: a keystroke a little late still belongs to the burst. */
const GAP_MARGIN = 1.25;
/** Never wait less than this within a burst (key repeat is ~30 ms; faster events are one edit split in two). */
const MIN_WAIT_MS = 8;

export class EditRhythm {
  private last = -Infinity;
  private check = { start: -Infinity, end: -Infinity };
  private readonly gaps: number[] = [];

  /** The server ran (a part of) a check from `start` to `end` and turns to what waited meanwhile. */
  checked(start: number, end: number): void {
    this.check = { start, end };
  }

  /**
   * Records an edit at `now` (ms) and returns how long to wait before checking: 0 when the server was quiet
   * (no edit within `maxWaitMs`), else the learned pause, at most `maxWaitMs`. `maxWaitMs` 0 checks every edit at once.
   */
  edit(now: number, maxWaitMs: number): number {
    const gap = now - this.last;
    // Handled just as the check of the last edit ended: it waited in the queue, typed while that check ran.
    const queued = now - this.check.end < MIN_WAIT_MS && this.check.start >= this.last && this.check.start - this.last < maxWaitMs;
    this.last = now;
    if (maxWaitMs <= 0 || (gap > maxWaitMs && !queued)) {
      this.gaps.length = 0;
      return 0;
    }
    // A gap longer than the setting (a check that ran long) says nothing of the typing rhythm.
    if (gap <= maxWaitMs) this.gaps.push(gap);
    if (this.gaps.length > GAPS_KEPT) this.gaps.shift();
    const typical = this.gaps.length ? [...this.gaps].sort((a, b) => a - b)[Math.floor(this.gaps.length / 2)] : maxWaitMs;
    return Math.min(maxWaitMs, Math.max(MIN_WAIT_MS, Math.ceil(typical * GAP_MARGIN)));
  }
}
