import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import type { Site } from '../../../src/engine/model';
import { RuleContext, runRules, type RuleFailure } from '../../../src/engine/rules';
import { validateWorkspace } from '../../../src/engine/validate';
import { PLAN, SITE, TODAY } from './fixtures';

/** Validates every cut of the texts (a file being typed) and every mangled line; no rule may throw. */
function survives(site: string, plan: string, step: number): number {
  let runs = 0;
  const variants: [string, string][] = [];
  for (let n = 0; n <= site.length; n += step) variants.push([site.slice(0, n), plan]);
  for (let n = 0; n <= plan.length; n += step) variants.push([site, plan.slice(0, n)]);
  const mangle = (text: string, i: number) => text.split('\n').map((l, j) => (j === i ? l.replace(/: /, ': [').replace(/- /, '') : l)).join('\n');
  for (let i = 0; i < plan.split('\n').length; i++) variants.push([site, mangle(plan, i)]);
  for (let i = 0; i < site.split('\n').length; i++) variants.push([mangle(site, i), plan]);
  for (const [s, p] of variants) {
    const index = new WorkspaceIndex();
    index.setText('file:///s.bms.yaml', s);
    index.setText('file:///p.bms.yaml', p);
    const failures: RuleFailure[] = [];
    const byFile = validateWorkspace(index, { today: TODAY, repairsOf: () => 4 }, { failures });
    assert.deepEqual(failures, [], `no rule throws on:\n${s}\n---\n${p}`);
    for (const [uri, ds] of byFile) {
      const len = index.file(uri)!.text.length;
      for (const d of ds) assert.ok(d.span.start >= 0 && d.span.end <= Math.max(len, 1) && d.span.start <= d.span.end, `${d.code} span within its file`);
    }
    runs++;
  }
  return runs;
}

describe('validation never throws', () => {
  it('on every cut and mangled line of the test site and plan', () => {
    assert.ok(survives(SITE, PLAN, 7) > 200);
  });

  it('on every cut of the examples', () => {
    const site = readFileSync('examples/hospital-north/site.bms.yaml', 'utf8');
    const plan = readFileSync('examples/hospital-north/plan.bms.yaml', 'utf8');
    assert.ok(survives(site, plan, 53) > 50);
  });

  it('keeps the other rules running when one throws', () => {
    const index = new WorkspaceIndex();
    index.setText('file:///s.bms.yaml', SITE);
    const site = index.sites()[0];
    // A model no loader produces (servers missing) makes rules that walk servers throw.
    const broken = { ...site, servers: undefined, customer: 'Zoë' } as unknown as Site;
    const failures: RuleFailure[] = [];
    const diagnostics = runRules(broken, new RuleContext(index, { today: TODAY }), failures);
    assert.ok(failures.length > 0, 'the failing rules are reported');
    assert.deepEqual(diagnostics.map((d) => d.code), ['BMS034'], 'the other rules still report');
  });
});
