import { strict as assert } from 'node:assert';
import { generatePlan } from '../../bench/workload/plan';
import { generateSite } from '../../bench/workload/site';
import { layoutOf } from '../../src/engine/load/incremental/layout';
import { editLayout } from '../../src/engine/load/incremental/layoutEdit';
import { commonEnds } from '../../src/engine/load/incremental/textDiff';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const PIECES = ['x', '1', ' ', '\n', '\n      ', '\n    - ', '# c', ': ', 'children:', '---\n', '-', '\n  spec:\n'];

describe('the layout of an edit from the layout before it', function () {
  this.timeout(60_000);
  it('equals a fresh cut of the new text whenever it is given, over random edits of plans and sites', () => {
    const site = generateSite({ name: 'n', servers: 120, enterpriseServers: 4, style: 'mixed', seed: 3 });
    const plan = generatePlan(site, { name: 'p', assignments: 300, products: 30, style: 'mixed', seed: 4 });
    const next = random(11);
    let given = 0;
    for (const start of [plan.text, site.text, `${site.text}---\n${plan.text}`]) {
      let text = start;
      let layouts = layoutOf(text)!;
      for (let i = 0; i < 400; i++) {
        const at = Math.floor(next() * text.length);
        const edited = next() < 0.6 ? text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 6));
        const got = editLayout(layouts, text, edited, commonEnds(text, edited));
        const fresh = layoutOf(edited, true)!;
        if (got) {
          given++;
          assert.deepEqual(got, fresh, `edit ${i} at ${at}`);
        }
        text = edited;
        layouts = fresh;
      }
    }
    assert.ok(given > 30, `${given} layouts given`);
  });

  it('is given for most keystrokes inside items, and equals a fresh cut for each', () => {
    const site = generateSite({ name: 'n', servers: 120, enterpriseServers: 4, style: 'mixed', seed: 5 });
    const plan = generatePlan(site, { name: 'p', assignments: 300, products: 30, style: 'mixed', seed: 6 });
    for (const text of [plan.text, site.text]) {
      const layouts = layoutOf(text)!;
      let given = 0;
      let tried = 0;
      for (let at = 0; at < text.length; at += 29, tried++) {
        for (const edited of [text.slice(0, at) + 'x' + text.slice(at), text.slice(0, at) + text.slice(at + 1)]) {
          const got = editLayout(layouts, text, edited, commonEnds(text, edited));
          if (!got) continue;
          given++;
          assert.deepEqual(got, layoutOf(edited, true), `at ${at}`);
        }
      }
      assert.ok(given > tried, `${given} of ${2 * tried}`);
    }
  });
});
