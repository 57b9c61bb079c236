// Work on the extension host in slices: long work (a large workspace's files read, parsed, its tree built) gives
// the event loop back every SLICE_MS, so the view gets its rows and commands and edits get their turn.

/** A slice lasts about this many milliseconds: the extension host stays responsive. */
const SLICE_MS = 40;

/**
 * Runs `steps` to its end in slices of about SLICE_MS, yielding to the event loop between slices (the view gets
 * its rows, commands and edits get their turn) and, unless `yieldFirst` is false, before the first one (the
 * first read: a small workspace's files are then read without giving up the extension host's turn).
 */
export async function inSlices<T>(steps: Iterator<void, T>, yieldFirst = true): Promise<T> {
  const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));
  if (yieldFirst) await yieldToEventLoop();
  let slice = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - slice < SLICE_MS) continue;
    await yieldToEventLoop();
    slice = performance.now();
  }
}

/** A promise resolved from outside (the view got its first rows, the sites were read). */
export function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
