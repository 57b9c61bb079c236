import { strict as assert } from 'node:assert';
import { closest, editDistance } from '../../../src/engine/closest';
import { didYouMean } from '../../../src/engine/rules/suggest';

/** The textbook full-matrix optimal-string-alignment distance, to check the two-row one against. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('closest: one edit distance for keys and ids', () => {
  it('agrees with the full-matrix distance on random words', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: Math.floor(random() * 9) }, () => 'ab-01'[Math.floor(random() * 5)]).join('');
    for (let n = 0; n < 500; n++) {
      const [a, b] = [word(), word()];
      assert.equal(editDistance(a, b), reference(a, b), `${a} / ${b}`);
    }
  });

  it('finds the same candidate as comparing every full distance, asked once or again', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: 1 + Math.floor(random() * 9) }, () => 'aB-01x'[Math.floor(random() * 6)]).join('');
    const brute = (w: string, cs: string[]) => {
      const limit = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
      let best: string | undefined;
      let bestDistance = Infinity;
      for (const c of cs) {
        if (c === w) continue;
        const d = reference(w.toLowerCase(), c.toLowerCase());
        if (d < bestDistance) [best, bestDistance] = [c, d];
      }
      return bestDistance <= limit ? best : undefined;
    };
    for (let n = 0; n < 300; n++) {
      const candidates = Array.from({ length: 1 + Math.floor(random() * 40) }, word);
      const w = word();
      const expected = brute(w, candidates);
      assert.equal(closest(w, candidates), expected, `${w} in ${candidates.join(',')}`);
      assert.equal(closest(w, candidates), expected, 'the remembered answer');
      assert.equal(closest(w, new Set(candidates)), expected, 'not an array');
    }
  });

  it('counts a swap of two neighbours once and ignores case, for ids as for keys', () => {
    assert.equal(editDistance('as-10', 'as-01'), 1);
    assert.equal(editDistance('ES-01', 'es-01'), 0);
    assert.equal(closest('as-10', ['as-01', 'as-11x']), 'as-01');
    assert.equal(closest('licenceServer', ['licenseServer', 'licenseServers']), 'licenseServer');
  });

  it('never suggests the word itself, nor a different word', () => {
    assert.equal(closest('es-01', ['es-01', 'es-02']), 'es-02');
    assert.equal(closest('ws-eng', ['ls-main', 'as-01']), undefined);
    assert.deepEqual(didYouMean('es-1', ['es-01', 'ec-01']), { hint: " Did you mean 'es-01'?", data: { suggestion: 'es-01' } });
    assert.deepEqual(didYouMean('phone', ['name', 'customer']), { hint: '' });
  });
});
