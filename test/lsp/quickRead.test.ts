import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePlan } from '../../bench/workload/plan';
import { generateSite } from '../../bench/workload/site';
import { writeWorkspace } from '../../bench/workload/workspace';
import { loadWorkspace } from '../../src/engine/load/files';
import { IncrementalParser, wholeText } from '../../src/engine/load/incremental/incrementalParser';
import { parseBmsText } from '../../src/engine/load/parse';
import { validateWorkspace } from '../../src/engine/validate';
import { generateWorkspace, Seeded } from './generatedWorkspace';

describe('bmslicense validate reads clean files item by item', function () {
  this.timeout(60_000);
  it('and reports exactly what the whole-file parse reports, for clean and broken files', () => {
    const root = mkdtempSync(join(tmpdir(), 'bms-quick-'));
    try {
      writeWorkspace(root, 12, 3);
      writeFileSync(join(root, 'broken.bms.yaml'), 'apiVersion: bms.license/v1\nkind: LicensePlan\nmetadata: { name: b, site: nowhere }\nspec:\n  assignments:\n    - { server: "x, quantity: 1 }\n    - server: [\n');
      writeFileSync(join(root, 'schema.bms.yaml'), 'apiVersion: bms.license/v1\nkind: LicensePlan\nmetadata: { name: c, site: nowhere }\nspec:\n  assignments:\n    - { server: es-01, quantity: many }\n');
      const today = new Date(2026, 11, 2);
      const quick = validateWorkspace(loadWorkspace([root]).index, { today });
      const whole = validateWorkspace(loadWorkspace([root], parseBmsText).index, { today });
      assert.deepEqual([...quick], [...whole]);
      assert.ok([...whole.values()].flat().some((d) => d.code === 'BMS001') && [...whole.values()].flat().some((d) => d.code === 'BMS002'));
      assert.ok([...whole.values()].flat().length > 20);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the item parse and the whole-file parse give the same schema findings', function () {
  this.timeout(60_000);
  it('message for message, on generated sites and plans with one value, key or line broken', () => {
    const texts: string[] = [];
    for (const style of ['block', 'flow', 'mixed'] as const) {
      const site = generateSite({ name: 'n', servers: 60, enterpriseServers: 3, style, seed: 3, version: '6.1' });
      texts.push(site.text, generatePlan(site, { name: 'p', assignments: 150, products: 30, style, seed: 4 }).text);
    }
    for (const seed of [11, 23]) texts.push(...[...generateWorkspace(seed, 6).files.values()].filter((t) => t.startsWith('apiVersion')));
    const r = new Seeded(9);
    const breaks: ((line: string) => string)[] = [
      (l) => l.replace(/quantity: \d+/, 'quantity: many'),
      (l) => l.replace(/quantity: \d+/, 'quantity: -3'),
      (l) => l.replace(/type: [a-z-]+/, 'type: toaster'),
      (l) => l.replace(/licenseType: [a-z]+/, 'licenseType: forever'),
      (l) => l.replace(/(\bid|server|activationId): [^,}\s]+/, '$1: 12'),
      (l) => l.replace(/host: [^,}\s]+/, 'hots: x'),
      (l) => l.replace(/expires: [^,}\s]+/, 'expires: soon'),
      (l) => l.replace(/count: \d+/, 'count: lots'),
      (l) => l.replace(/- \{ /, '- { extra: 1, '),
      (l) => l.replace(/version: "[0-9.]+"/, 'version: 6'),
      (l) => l.replace(/^(\s*)- id: /, '$1- ident: '),
      (l) => (/^\s+\w+: \S/.test(l) ? '' : l),
    ];
    let withFindings = 0;
    for (let k = 0; k < 1500; k++) {
      const text = r.pick(texts);
      const lines = text.split('\n');
      const i = r.int(lines.length);
      const broken = r.pick(breaks)(lines[i]);
      if (broken === lines[i]) continue;
      lines[i] = broken;
      const edited = lines.join('\n');
      const parser = new IncrementalParser('file:///w/x.bms.yaml');
      parser.parse(text);
      const items = parser.parse(edited);
      if (items.stats.whole || items.diagnostics.some((d) => d.code === 'BMS001')) continue; // read.ts takes the whole-file parse then
      const whole = wholeText('file:///w/x.bms.yaml', edited);
      const key = (ds: typeof whole.diagnostics) => ds.map((d) => JSON.stringify([d.code, d.span, d.severity, d.message])).sort();
      assert.deepEqual(key(items.diagnostics), key(whole.diagnostics), `line ${i + 1}: ${broken.trim()}`);
      if (whole.diagnostics.length) withFindings++;
    }
    assert.ok(withFindings > 100, `only ${withFindings} broken texts compared`);
  });
});
