// "Did you mean 'es-01'?": the known id closest to a misspelt one (Levenshtein distance).

export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/** The closest candidate, if close enough to be a typo rather than another id (case ignored). */
export function closestId(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    // The length difference is a lower bound of the distance: skip the O(n·m) work for a 1 MB word (fuzz seed 1 case 71).
    const lc = c.toLowerCase();
    if (Math.abs(w.length - lc.length) > limit) continue;
    const d = levenshtein(w, lc);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** The sentence and quick-fix data for an unknown id. */
export function didYouMean(word: string, candidates: Iterable<string>): { hint: string; data?: { suggestion: string } } {
  const suggestion = closestId(word, candidates);
  return suggestion ? { hint: ` Did you mean '${suggestion}'?`, data: { suggestion } } : { hint: '' };
}
