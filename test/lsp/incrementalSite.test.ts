import { strict as assert } from 'node:assert';
import { generatePlan } from '../../bench/workload/plan';
import { generateSite } from '../../bench/workload/site';
import { parseBmsText } from '../../src/engine/load/parse';
import { WorkspaceIndex } from '../../src/engine/load/workspace';
import { layoutOf } from '../../src/engine/load/incremental/layout';
import { readPlainItem } from '../../src/engine/load/incremental/listItem';
import { cutText } from '../../src/engine/load/incremental/nestedServers';
import { IncrementalParser, wholeText } from '../../src/engine/load/incremental/incrementalParser';
import { LiveWorkspace } from '../../src/engine/service/workspace';
import { validateFile } from '../../src/engine/validate';

const SITE = 'file:///w/site.bms.yaml';
const PLAN = 'file:///w/plan.bms.yaml';
const today = new Date(2026, 11, 2);

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Edits a site engineer makes: an id, a host, a type, a comment, a line removed or duplicated. */
function edit(text: string, next: () => number): string {
  const lines = text.split('\n');
  const i = Math.floor(next() * lines.length);
  const roll = next();
  if (roll < 0.25) lines[i] = lines[i].replace(/id: ([a-z0-9-]+)/, (_m, id: string) => `id: ${id}${Math.floor(next() * 9)}`);
  else if (roll < 0.4) lines[i] = lines[i].replace(/host: /, 'host: h');
  else if (roll < 0.55) lines[i] = lines[i].replace(/type: [a-z0-9-]+/, next() < 0.5 ? 'type: enterprise-server' : 'type: as-b');
  else if (roll < 0.65) lines.splice(i, 0, `${' '.repeat(lines[i].length - lines[i].trimStart().length)}# note ${i}`);
  else if (roll < 0.8) lines.splice(i, 1);
  else lines.splice(i, 0, lines[i]);
  return lines.join('\n');
}

describe('site files parse incrementally, server by server, at every depth', function () {
  this.timeout(120_000);

  it('cuts a nested hierarchy into one item per server, and reads the same servers as a whole-file parse', () => {
    for (const style of ['block', 'flow', 'mixed'] as const) {
      const site = generateSite({ name: 'north', servers: 400, enterpriseServers: 8, style, seed: 4, version: style === 'flow' ? '6.1' : '7.0' });
      assert.equal(layoutOf(site.text)![0].items.filter((i) => i.list === 'servers').length, 400, style);
      const whole = parseBmsText(SITE, site.text).documents[0].model;
      const live = new IncrementalParser(SITE).parse(site.text).file.documents[0].model;
      assert.ok(whole?.kind === 'Site' && live?.kind === 'Site');
      assert.deepEqual(live.servers, whole.servers, style);
    }
  });

  it('reads the same servers when comment lines head the children (the cut item is read without the parser)', () => {
    const site = generateSite({ name: 'north', servers: 400, enterpriseServers: 16, style: 'block', seed: 6 }).text;
    // `children:` then `# Building 1` (deeper, at the children's dash, or at the key), `children:   # …`, blank lines.
    let n = 0;
    const text = site.replace(/^( +)children:\n/gm, (line, indent: string) => {
      const k = n++ % 4;
      if (k === 0) return `${line}${indent}  # Building ${n}, level 2\n`;
      if (k === 1) return `${indent}children:   # the automation servers\n${indent}    # Building ${n}\n\n`;
      if (k === 2) return `${line}${indent}# at the key\n`;
      return `${line}\n${indent}      #deeper still\n`;
    });
    assert.ok(n > 10);
    const whole = parseBmsText(SITE, text).documents[0].model;
    const parsed = new IncrementalParser(SITE).parse(text);
    const live = parsed.file.documents[0].model;
    assert.ok(whole?.kind === 'Site' && live?.kind === 'Site');
    assert.deepEqual(live.servers, whole.servers);
    assert.deepEqual(parsed.diagnostics, wholeText(SITE, text).diagnostics);
    // And every server item, the cut ones with their comment lines included, is plain enough to read without the parser.
    const slow = layoutOf(text)![0].items.filter((i) => i.list === 'servers' && !readPlainItem('servers', i.cut ? cutText(i.text) : i.text));
    assert.deepEqual(slow.map((i) => i.text), []);
  });

  it('keeps a server whole when a key follows its children, and its children when it has no id', () => {
    const site = generateSite({ name: 'north', servers: 60, enterpriseServers: 2, style: 'block', seed: 2 }).text;
    for (const text of [site.replace(/( +)children:\n/, '$1children:\n'), site.replace(/(\n( +)- id: es-b001\n(?:\2 .*\n)*?)(\2 {2}children:\n)/, '$1$2  host: moved\n$3'), site.replace('- id: es-b002', '- name: es-b002')]) {
      const whole = parseBmsText(SITE, text).documents[0].model;
      const live = new IncrementalParser(SITE).parse(text).file.documents[0].model;
      assert.ok(whole?.kind === 'Site' && live?.kind === 'Site');
      assert.deepEqual(live.servers, whole.servers);
    }
  });

  it('random edits of a nested site: the workspace diagnostics of site and plan equal the engine pipeline', () => {
    const start = generateSite({ name: 'north', servers: 250, enterpriseServers: 6, style: 'mixed', seed: 8, version: '6.1' });
    const plan = generatePlan(start, { name: 'p', assignments: 600, products: 60, style: 'mixed', seed: 3, inapplicable: 20, unplannedBase: 2 }).text;
    const next = random(7);
    const ws = new LiveWorkspace();
    ws.update(PLAN, plan);
    let text = start.text;
    let compared = 0;
    for (let i = 0; i < 60; i++) {
      text = i % 20 === 19 ? start.text : edit(text, next);
      ws.update(SITE, text);
      const index = new WorkspaceIndex();
      index.setText(PLAN, plan);
      const whole = index.setText(SITE, text);
      if (whole.diagnostics.length > 0) continue; // syntax errors: our per-item messages are more local by design
      const strip = (ds: { code: string; message: string; span: unknown; related?: unknown }[]) => ds.map((d) => ({ code: d.code, span: d.span, related: d.related, message: d.code === 'BMS002' ? '' : d.message }));
      for (const uri of [SITE, PLAN]) assert.deepEqual(strip(ws.diagnostics(uri, { today })), strip(validateFile(index, uri, { today })), `edit ${i}, ${uri}`);
      assert.deepEqual((ws.documents(SITE)[0] as { servers: unknown }).servers, (index.file(SITE)!.documents[0].model as { servers: unknown }).servers, `edit ${i}`);
      compared++;
    }
    assert.ok(compared > 15, `only ${compared} valid texts compared`);
  });
});
