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
 * The candidate closest to `word` (the word itself excluded), if close enough to be a typo rather than a
 * different word. A candidate whose length differs by more than that is skipped without comparing: the
 * length difference bounds the distance, so a 1 MB word costs no O(n·m) work (fuzz seed 1 case 71).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word || Math.abs(word.length - c.length) > limit) continue;
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
