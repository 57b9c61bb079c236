import { strict as assert } from 'node:assert';
import { WorkspaceIndex } from '../../src/engine/load/workspace';
import { readEntitlementItem } from '../../src/engine/load/incremental/entitlementItem';
import { readFlowItem } from '../../src/engine/load/incremental/flowItem';
import { parseItem } from '../../src/engine/load/incremental/listItem';
import { IncrementalParser, wholeText } from '../../src/engine/load/incremental/incrementalParser';
import { LiveWorkspace } from '../../src/engine/service/workspace';
import { validateFile } from '../../src/engine/validate';
import { PLAN, SITE } from './fixtures';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['- ', ': ', '{', '}', '[', ']', ', ', '\n', '\n    - ', '\n  ', ' ', '#', '"', 'as-01', 'ACT-0002', 'quantity: 2', 'server: ', 'x', '9', '---\n', '&a ', '*a'];

/** Edits that mostly keep the YAML valid: ids, numbers, whole lines. */
const SAFE = ['x', '0', '-1', 'as-0', 'ACT-000', 'es-01', ' # note', '\n'];

function edit(text: string, next: () => number, pieces = PIECES): string {
  const at = Math.floor(next() * (text.length + 1));
  const roll = next();
  if (roll < 0.35) return text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at);
  if (pieces === SAFE && roll < 0.7) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1));
  if (roll < 0.7) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 12)));
  // move a whole line elsewhere
  const lines = text.split('\n');
  const [line] = lines.splice(Math.floor(next() * lines.length), 1);
  lines.splice(Math.floor(next() * lines.length), 0, line);
  return lines.join('\n');
}

const bigPlan = PLAN.replace(
  '  assignments:\n',
  `  assignments:\n${Array.from({ length: 20 }, (_, i) => `    - server: as-0${1 + (i % 2)}\n      activationId: ACT-000${1 + (i % 3)}\n      quantity: 1\n`).join('')}`,
);

describe('incremental parsing equals a full parse', function () {
  this.timeout(60_000);
  for (const [name, start] of [['small plan', PLAN], ['block-style plan', bigPlan], ['site', SITE]] as const) {
    it(`${name}: 120 random edits give the diagnostics of a fresh parse`, () => {
      const next = random(name.length * 7919);
      const uri = 'file:///w/plan.bms.yaml';
      const live = new IncrementalParser(uri);
      let text = start;
      for (let i = 0; i < 120; i++) {
        text = i % 25 === 24 ? start : edit(text, next);
        const incremental = live.parse(text).diagnostics;
        const fresh = new IncrementalParser(uri).parse(text).diagnostics;
        assert.deepEqual(incremental, fresh, `edit ${i}:\n${text}`);
      }
    });
  }

  it('validateFile on an index of incrementally parsed files (the extension host) equals a fresh index: no schema findings of skeletons', () => {
    const uri = 'file:///w/site.bms.yaml';
    const parser = new IncrementalParser(uri);
    parser.parse(SITE);
    const edited = SITE.replace('as-02', 'as-22');
    const live = new WorkspaceIndex();
    live.setFile(parser.parse(edited).file);
    assert.equal(parser.parse(edited).stats.whole, false, 'the edit went through the item path');
    const fresh = new WorkspaceIndex();
    fresh.setText(uri, edited);
    const today = new Date('2026-11-23T00:00:00Z');
    assert.deepEqual(validateFile(live, uri, { today }), validateFile(fresh, uri, { today }));
  });

  it('on valid YAML, the workspace diagnostics equal the engine pipeline (whole-file parse, rules)', () => {
    const next = random(42);
    const ws = new LiveWorkspace();
    ws.update('file:///w/site.bms.yaml', SITE);
    let text = bigPlan;
    let compared = 0;
    for (let i = 0; i < 200; i++) {
      text = i % 10 === 9 ? bigPlan : edit(text, next, SAFE);
      // The site changes now and then too: cached rule results must not outlive it.
      const site = i % 30 < 15 ? SITE : SITE.replace('as-02', 'as-22');
      ws.update('file:///w/site.bms.yaml', site);
      ws.update('file:///w/plan.bms.yaml', text);
      const index = new WorkspaceIndex();
      index.setText('file:///w/site.bms.yaml', site);
      const whole = index.setText('file:///w/plan.bms.yaml', text);
      if (whole.diagnostics.length > 0) continue; // syntax errors: our per-item messages are more local by design
      const today = new Date('2026-11-23T00:00:00Z');
      const strip = (ds: { code: string; message: string; span: unknown; related?: unknown }[]) => ds.map((d) => ({ code: d.code, span: d.span, message: d.message, related: d.related }));
      const bodyOnly = (ds: ReturnType<typeof strip>) => ds.filter((d) => d.code !== 'BMS002').concat(ds.filter((d) => d.code === 'BMS002').map((d) => ({ ...d, message: '' })));
      assert.deepEqual(
        bodyOnly(strip(ws.diagnostics('file:///w/plan.bms.yaml', { today }))),
        bodyOnly(strip(validateFile(index, 'file:///w/plan.bms.yaml', { today }))),
        `edit ${i}:\n${text}`,
      );
      compared++;
    }
    assert.ok(compared > 25, `only ${compared} valid texts compared`);
  });

  it('one-line flow items read without the yaml parser equal the yaml parser reading them', () => {
    const cases: [kind: 'Site' | 'LicensePlan', list: string, line: string][] = [
      ['LicensePlan', 'assignments', '    - { server: as-01, activationId: ACT-0001, quantity: 1 }\n'],
      ['LicensePlan', 'assignments', '  - {server: "as-01",activationId: ACT-0001 , quantity: 0001}\n'],
      ['LicensePlan', 'assignments', '    - { client: ws-1, activationId: ACT-0003, quantity: -1 }\n'],
      ['LicensePlan', 'assignments', '    - { server: as-01, activationId: ACT-0002, quantity: 1, mode: sideways }\n'],
      ['LicensePlan', 'assignments', '    - { server: as-01, bogus: x }\n'],
      ['LicensePlan', 'assignments', '    - { server: Es_01, licenseServer: ls-main, activationId: ACT-1 }\n'],
      ['LicensePlan', 'assignments', '    - { server: true_x, activationId: null_y, quantity: +3 }\n'],
      ['LicensePlan', 'assignments', '    - {}\n'],
      ['Site', 'servers', '    - { id: as-01, type: as-p, host: h1.local, licenseServer: ls-1 }\n'],
      ['Site', 'clients', '    - { id: ws-1, type: workstation, host: "10.0.0.1" }\n'],
      ['Site', 'licenseServers', '    - { id: ls-1, host: es01.local, address: "@localhost" }\n'],
    ];
    for (const [kind, list, line] of cases) {
      assert.ok(readFlowItem(line), `the fast path should read ${line}`);
      // A trailing comment is beyond the fast path: the same item then goes through the yaml parser.
      const viaYaml = parseItem(kind, list, line.replace(/\n$/, ' # via yaml\n'), 'file:///x');
      assert.deepEqual(parseItem(kind, list, line, 'file:///x'), viaYaml, line);
    }
    for (const line of ['    - { server: as-01, quantity: 2.5 }\n', '    - { a: 1, a: 2 }\n', '    - { a: [1] }\n', '    - { a: "x\\"y" }\n', '    - { a: 1, }\n', '    - { a: @x }\n']) {
      assert.equal(readFlowItem(line), undefined, line);
    }
  });

  it('a flow list of words in a flow item (appliesTo: [as-p, as-b]) is read without the yaml parser, as the yaml parser reads it', () => {
    const product = (extra: string) => `        - { activationId: ACT-0004, feature: mqtt, licenseType: centralized, quantity: 3, expires: permanent${extra} }\n`;
    const entitlement = (extra: string) => `    - id: ENT-9\n      products:\n${product(', appliesTo: [as-p, as-b]')}${product(extra)}`;
    const cases = [', appliesTo: [as-p, as-p-3, as-b, edge-server]', ', appliesTo: [ as-p ,as-b ]', ', appliesTo: []', ', appliesTo: [workstation]', ', appliesTo: [bogus-type]', ', appliesTo: [as-p], quantity: 2'];
    for (const extra of cases) {
      const text = `apiVersion: bms.license/v1\nkind: LicensePlan\nmetadata: { name: p, site: s }\nspec:\n  entitlements:\n${entitlement(extra)}`;
      const fast = new IncrementalParser('file:///x').parse(text);
      const whole = wholeText('file:///x', text);
      assert.equal(fast.stats.whole, false, 'read item by item');
      // Without the yaml parser, but for the duplicate key (which it leaves to the yaml parser's words).
      assert.equal(readEntitlementItem(entitlement(extra)) !== undefined, !extra.endsWith('quantity: 2'), extra);
      const model = (r: typeof fast) => (r.file.documents[0].model as { entitlements: unknown[] }).entitlements;
      assert.deepEqual(model(fast), model(whole), extra);
      assert.deepEqual(fast.diagnostics, whole.diagnostics, extra);
    }
    assert.ok(readFlowItem(product(', appliesTo: [as-p, as-b]').slice(4)), 'the product line itself is read by the fast path');
    assert.equal(parseItem('LicensePlan', 'entitlements', entitlement(', appliesTo: [as-p, as-b]'), 'file:///x').entitlements[0].products[0].appliesTo?.join(), 'as-p,as-b');
    for (const line of ['    - { a: [b, ] }\n', '    - { a: [b c] }\n', '    - { a: [1] }\n', '    - { a: [b], }\n', '    - { a: [true] }\n']) assert.equal(readFlowItem(line), undefined, line);
  });

  it('items found again by position stay right across kind changes, duplicates and cache compaction', () => {
    const uri = 'file:///w/plan.bms.yaml';
    const live = new IncrementalParser(uri);
    const line = '    - { server: as-01, activationId: ACT-0002, quantity: 1 }\n';
    const steps: string[] = [
      PLAN.replace('  assignments:\n', `  assignments:\n${line}${line}`),
      PLAN.replace('kind: LicensePlan', 'kind: Site'),
      PLAN,
      PLAN.replace('quantity: 5 }', 'quantity: 5 }\n' + line.replace('as-01', 'Bad')),
      ...Array.from({ length: 1100 }, (_, i) => PLAN.replace('ACT-0003, quantity: 5', `ACT-0003, quantity: ${i + 1}`)),
      PLAN,
    ];
    for (const [i, text] of steps.entries()) {
      const [a, b] = [live.parse(text), new IncrementalParser(uri).parse(text)];
      assert.deepEqual(a.diagnostics, b.diagnostics, `step ${i}`);
      assert.deepEqual(a.file.documents.map((d) => d.model), b.file.documents.map((d) => d.model), `step ${i}`);
    }
  });
});
