// 500 fuzz cases through the engine and the running language server (the long run is `npm run fuzz`).
// Timing is not asserted here (a loaded machine would make it flaky): slow answers are printed, and the
// 1 s goal is measured by bench/fuzz.ts. Crashes, hangs (10 s without an answer) and memory are asserted.
import { strict as assert } from 'node:assert';
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
