// 500 fuzz cases through the engine and the running language server (the long run is `npm run fuzz`).
// Timing is not asserted here (a loaded machine would make it flaky): slow answers are printed, and the
// 1 s goal is measured by bench/fuzz.ts. Crashes, hangs (10 s without an answer) and memory are asserted.
import { strict as assert } from 'node:assert';
import { corpus, fuzzCase, HEAVY, MUTATIONS } from './fuzz/mutate';
import { fuzz, type FuzzReport } from './fuzz/run';

export const FUZZ_CASES = 500;
export const FUZZ_SEED = 20261123;
/** Memory bounds: the largest cases hold a 1 MB scalar or 1,000 documents, a few MB of text. */
const MAX_SERVER_RSS_MIB = 1024;
const MAX_ENGINE_RSS_MIB = 1536;

describe('hardening: fuzzing the engine and the language server', function () {
  this.timeout(240_000);
  let report: FuzzReport;
  before(async () => {
    report = await fuzz({ seed: FUZZ_SEED, cases: FUZZ_CASES });
    const { findings, ...figures } = report;
    console.log(`      ${JSON.stringify(figures)}`);
    for (const f of findings) console.log(`      ${f.kind} (${f.where}) seed ${f.seed} case ${f.n} [${f.applied.join(', ')}]: ${f.what.split('\n')[0]}${f.ms ? ` ${Math.round(f.ms)} ms` : ''}`);
  });

  it(`runs ${FUZZ_CASES} mutated plan and site files through parse, validation, diagnostics, hover and completion`, () => {
    assert.equal(report.cases, FUZZ_CASES);
    // The cases the run was given (fuzzCase rebuilds them) are damaged files of every kind: a mutator that stops
    // changing the text, or a mutation that is never drawn, would leave this run testing less than it says.
    const files = corpus();
    const cases = Array.from({ length: FUZZ_CASES }, (_, n) => fuzzCase(FUZZ_SEED, n, files));
    const unchanged = cases.filter((c) => c.text === files.find((f) => f.name === c.base)!.text).length;
    assert.ok(unchanged <= FUZZ_CASES * 0.05, `${unchanged} of ${FUZZ_CASES} cases are their seed file unchanged`);
    assert.deepEqual(files.map((f) => f.name).filter((name) => !cases.some((c) => c.base === name)), [], 'seed files never mutated');
    const applied = new Set(cases.flatMap((c) => c.applied));
    assert.deepEqual(Object.keys(MUTATIONS).filter((m) => !applied.has(m)), [], 'mutations never applied');
    assert.deepEqual(Object.keys(HEAVY).filter((m) => !applied.has(m)), [], 'heavy mutations (1 MB, 10,000 levels, 1,000 documents) never applied');
    assert.ok(new Set(cases.map((c) => c.text)).size >= FUZZ_CASES * 0.9, 'the cases are distinct texts');
  });

  it('no exception escapes the engine or a server feature', () => {
    const crashes = report.findings.filter((f) => f.kind === 'crash');
    assert.deepEqual(crashes.map((f) => `seed ${f.seed} case ${f.n}: ${f.what}`), []);
  });

  it('the server answers every request (no hang of 10 s)', () => {
    const hangs = report.findings.filter((f) => f.kind === 'hang');
    assert.deepEqual(hangs.map((f) => `seed ${f.seed} case ${f.n}: ${f.what}`), []);
  });

  it('memory stays bounded', () => {
    assert.ok(report.peakServerRssMiB > 0, 'the server RSS was read from /proc');
    assert.ok(report.peakServerRssMiB < MAX_SERVER_RSS_MIB, `server peak RSS ${report.peakServerRssMiB} MiB`);
    assert.ok(report.peakEngineRssMiB < MAX_ENGINE_RSS_MIB, `engine peak RSS ${report.peakEngineRssMiB} MiB`);
  });
});
