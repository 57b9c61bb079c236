// Every failure the fuzzer found, replayed from its seed and case number (see fuzz/mutate.ts), plus the
// smallest input that shows the same bug.
import { strict as assert } from 'node:assert';
import { MAX_NESTING } from '../../src/engine/load/depth';
import { MAX_DOCUMENTS, MAX_FILE_LENGTH } from '../../src/engine/load/limits';
import { MAX_SYNTAX_ERRORS, parseBmsText } from '../../src/engine/load/parse';
import { closest as closestId } from '../../src/engine/closest';
import { caretContext } from '../../src/engine/service/caret';
import { IncrementalParser } from '../../src/engine/load/incremental/incrementalParser';
import { LiveWorkspace } from '../../src/engine/service/workspace';
import { fuzzCase } from './fuzz/mutate';
import { engineCase } from './fuzz/run';

const crashesOf = (seed: number, n: number) => engineCase(fuzzCase(seed, n)).findings.filter((f) => f.kind === 'crash');

describe('hardening: fuzz regressions', () => {
  it('seed 1 case 71: a 1 MB id is not compared letter by letter with every known id (did-you-mean)', function () {
    this.timeout(10_000); // the quadratic version took minutes on this input, the fix takes microseconds
    const ids = Array.from({ length: 300 }, (_, i) => `ACT-7F3A-${String(i).padStart(4, '0')}`);
    assert.equal(closestId('ACT-7F3A-0'.repeat(104_858), ids), undefined);
    assert.equal(closestId('ACT-7F3A-O001', ids), 'ACT-7F3A-0001', 'a real typo is still found');
    assert.deepEqual(crashesOf(1, 71), []);
  });

  it('seed 2 cases 16, 20, 23: hover and completion on a line with a lone CR (old Mac line ends) do not throw', () => {
    for (const text of ['spec:\r  servers:\r    - id: |', 'a: b\u2028c: d\n  e: |', '- x\r- |']) {
      for (let offset = 0; offset <= text.length; offset++) assert.doesNotThrow(() => caretContext(text, offset), JSON.stringify(text));
    }
    for (const n of [16, 20, 23]) {
      const { text } = fuzzCase(2, n);
      for (let offset = 0; offset <= text.length; offset += 7) caretContext(text, offset);
    }
  });

  it('seed 2 case 118: 1,000 broken documents stop at the error budget and say the rest was not checked', () => {
    const c = fuzzCase(2, 118);
    // The case is past the file length limit (limits.ts) now: its first 2 MB still shows the budget at work.
    assert.match(parseBmsText('file:///w/plan.bms.yaml', c.text).diagnostics[0].message, /longer than .* characters/);
    const text = c.text.slice(0, c.text.lastIndexOf('\n', MAX_FILE_LENGTH - 1) + 1);
    const file = parseBmsText('file:///w/plan.bms.yaml', text);
    assert.ok(file.diagnostics.length <= MAX_SYNTAX_ERRORS + 1, `${file.diagnostics.length} diagnostics`);
    assert.ok(file.diagnostics.some((d) => /More than 200 YAML syntax errors: the rest of the file was not checked/.test(d.message)));
    assert.ok(file.documents.length < 1000);
    // A file under the budget is read to the end, every document (up to the document limit, limits.ts).
    const clean = Array.from({ length: MAX_DOCUMENTS }, () => 'kind: LicensePlan\n').join('---\n');
    assert.equal(parseBmsText('file:///w/p.bms.yaml', clean).documents.length, MAX_DOCUMENTS);
  });

  it('seed 3 case 143: the language server stops 1,000 broken documents at the same error budget (47,000 syntax errors among 74,000 diagnostics before)', () => {
    const whole = fuzzCase(3, 143).text;
    const text = whole.slice(0, whole.lastIndexOf('\n', MAX_FILE_LENGTH - 1) + 1); // under the file length limit
    const uri = 'file:///w/case.bms.yaml';
    const ws = new LiveWorkspace();
    const t = performance.now();
    ws.update(uri, text);
    const ds = ws.diagnostics(uri);
    console.log(`      seed 3 case 143: ${ds.length} diagnostics in ${Math.round(performance.now() - t)} ms`);
    const syntax = ds.filter((d) => d.code === 'BMS001');
    assert.ok(syntax.length <= MAX_SYNTAX_ERRORS + 1, `${syntax.length} syntax diagnostics`);
    assert.ok(syntax.some((d) => /the rest of the file was not checked/.test(d.message)));
    // The few documents read before the budget ran out still get their schema and rule findings, nothing more.
    assert.ok(ds.length <= 2 * MAX_SYNTAX_ERRORS, `${ds.length} diagnostics`);
    assert.ok(ws.documents(uri).length < 1000);
    // An edit before or after the cut gives what a fresh parse of the new text gives.
    const live = new IncrementalParser(uri);
    live.parse(text);
    for (const at of [200, Math.floor(text.length / 2)]) {
      const edited = text.slice(0, at) + 'x' + text.slice(at);
      assert.deepEqual(live.parse(edited).diagnostics, new IncrementalParser(uri).parse(edited).diagnostics, `edit at ${at}`);
    }
  });

  it('seed 2 case 191: an assignment that is a string, not a mapping, gets a schema diagnostic instead of a rule failure', () => {
    assert.deepEqual(crashesOf(2, 191), []);
    const plan = 'apiVersion: bms.license/v1\nkind: LicensePlan\nmetadata: { name: p, site: s }\nspec:\n  entitlements: []\n  assignments:\n    - "es-01 ACT-1"\n';
    const r = engineCase({ seed: 0, n: 0, base: 'plan.bms.yaml', applied: [], text: plan });
    assert.deepEqual(r.findings.filter((f) => f.kind === 'crash'), []);
  });

  it('seed 1 case 7456: 10,000-deep flow nesting is refused before the yaml parser (the server did not answer within 10 s)', () => {
    const { text } = fuzzCase(1, 7456);
    const t = performance.now();
    const file = parseBmsText('file:///w/case.bms.yaml', text);
    const ws = new LiveWorkspace();
    ws.update('file:///w/case.bms.yaml', text);
    const ds = ws.diagnostics('file:///w/case.bms.yaml');
    console.log(`      seed 1 case 7456: ${ds.length} diagnostics in ${Math.round(performance.now() - t)} ms`);
    assert.equal(file.documents.length, 0);
    assert.deepEqual(file.diagnostics.map((d) => d.code), ['BMS001']);
    assert.match(file.diagnostics[0].message, new RegExp(`deeper than ${MAX_NESTING} levels`));
    assert.deepEqual(ds.map((d) => d.message), file.diagnostics.map((d) => d.message), 'the language server says the same');
  });
});
