// "Did you mean …?": the candidate nearest to a misspelt word, for keys (schema wording) and ids (rules,
// CLI): one edit distance for both.

/**
 * Optimal-string-alignment distance, case-insensitive: inserting, deleting or changing a letter, or
 * swapping two adjacent ones, counts 1 (`hots` → `host`, `as-10` → `as-01`).
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let before = new Array<number>(t.length + 1).fill(0);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row[j] = d;
    }
    before = prev;
    prev = row;
  }
  return prev[t.length];
}

/**
 * The distance when it is at most `max`, else `max + 1`: a row whose every cell is over `max` ends the
 * work (the distance never goes down again), so 2,000 site ids cost a few cells each, not 2,000 matrices.
 */
function distanceWithin(s: string, t: string, max: number): number {
  // Three rows reused from call to call: 2,000 candidates a search allocate nothing.
  const width = t.length + 1;
  if (rows[0].length < width) rows = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  let [before, prev, row] = rows;
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    row[0] = i;
    let least = i;
    for (let j = 1; j <= t.length; j++) {
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row[j] = d;
      if (d < least) least = d;
    }
    if (least > max) return max + 1;
    [before, prev, row] = [prev, row, before];
  }
  return Math.min(prev[t.length], max + 1);
}

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Answers per list of candidates (a site's ids, kept while the site does not change) and word. */
const answers = new WeakMap<readonly string[], Map<string, string | undefined>>();
const MAX_ANSWERS = 10_000;

/**
 * The candidate closest to `word` (the word itself excluded), if close enough to be a typo rather than a
 * different word; the first of equally close ones. A candidate whose length differs by more than that is
 * skipped without comparing: the length difference bounds the distance, so a 1 MB word costs no O(n·m)
 * work (fuzz seed 1 case 71). An array of candidates remembers its answers: the editor asks again for
 * every unknown id on each pass.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (!Array.isArray(candidates)) return search(word, candidates);
  let known = answers.get(candidates);
  if (!known) answers.set(candidates, (known = new Map()));
  if (known.has(word)) return known.get(word);
  const found = search(word, candidates);
  if (known.size >= MAX_ANSWERS) known.clear();
  known.set(word, found);
  return found;
}

function search(word: string, candidates: Iterable<string>): string | undefined {
  const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (c === word || Math.abs(word.length - c.length) > limit) continue;
    const d = distanceWithin(lower, c.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}
