import { strict as assert } from 'node:assert';
import { isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { generatePlan } from '../../bench/workload/plan';
import { generateSite } from '../../bench/workload/site';
import { readBlockItem } from '../../src/engine/load/incremental/blockItem';
import { readPlainItem } from '../../src/engine/load/incremental/listItem';
import { layoutOf } from '../../src/engine/load/incremental/layout';
import { cutText } from '../../src/engine/load/incremental/nestedServers';
import { plainAssignment, plainLicenseServer, plainServer } from '../../src/engine/load/incremental/plainItem';
import { extractAssignment, extractEntitlement, extractLicenseServer, extractServers } from '../../src/engine/load/extract';
import { plainEntitlement } from '../../src/engine/load/incremental/entitlementItem';
import { generateSpreadPlan } from '../../bench/workload/spreadPlan';
import type { Server } from '../../src/engine/model';

/** What the engine reads of a mapping node: keys, values, their types and ranges (start and value end; the end past trailing space is not read). */
function shape(node: Node | null): unknown {
  if (isScalar(node)) return [node.value, node.type, node.range?.slice(0, 2)];
  if (isSeq(node)) return { seq: node.range?.slice(0, 2), flow: !!node.flow, items: node.items.map((x) => shape(x as Node)) };
  assert.ok(isMap(node));
  return { range: node.range?.slice(0, 2), items: node.items.map((p) => [isScalar(p.key) && [p.key.value, p.key.range?.slice(0, 2)], shape(p.value as Node)]) };
}

function yamlItem(text: string): Node | undefined {
  const [doc] = parseAllDocuments(text);
  const seq = doc && !Array.isArray(doc) ? doc.contents : undefined;
  return isSeq(seq) && doc.errors.length === 0 ? (seq.items[0] as Node) : undefined;
}

describe('block-style items read without the yaml parser', () => {
  it('equal the yaml parser reading them: every generated assignment and server it takes', () => {
    const site = generateSite({ name: 'n', servers: 300, enterpriseServers: 6, style: 'block', seed: 1 });
    const plan = generatePlan(site, { name: 'p', assignments: 800, products: 80, style: 'block', seed: 2 });
    let fast = 0;
    let assignments = 0;
    let servers = 0;
    let entitlements = 0;
    let licenseServers = 0;
    const spread = generateSpreadPlan(site, { name: 's', products: 200, assignments: 300, seed: 4 });
    const flow = generatePlan(site, { name: 'f', assignments: 300, products: 30, style: 'mixed', seed: 3 });
    const mixedSite = generateSite({ name: 'm', servers: 200, enterpriseServers: 4, style: 'mixed', seed: 9, version: '6.2' });
    for (const text of [plan.text, flow.text, spread.text, site.text, mixedSite.text]) {
      for (const chunk of layoutOf(text)![0].items) {
        // A server whose children are items of their own is read as `children: []` (nestedServers.ts).
        const item = { ...chunk, text: chunk.cut ? cutText(chunk.text) : chunk.text };
        const got = readPlainItem(item.list, item.text);
        if (!got) continue;
        fast++;
        assert.deepEqual(shape(got.node), shape(yamlItem(item.text)!), item.text);
        assert.deepEqual(got.data, (yamlItem(item.text) as { toJSON(): unknown }).toJSON(), item.text);
        // An assignment is made straight from what was read: the same as extracted from the yaml nodes.
        if (item.list === 'assignments') {
          assert.deepEqual(plainAssignment(got.plain!), extractAssignment(yamlItem(item.text)!, item.text, 0), item.text);
          assignments++;
        }
        // An entitlement and its products likewise (flow and block products, `appliesTo` lists).
        if (item.list === 'entitlements' && got.entitlement) {
          assert.deepEqual(plainEntitlement(got.entitlement, 0), extractEntitlement(yamlItem(item.text)!, item.text), item.text);
          entitlements++;
        }
        if (item.list === 'licenseServers' && got.plain) {
          assert.deepEqual(plainLicenseServer(got.plain, 0), extractLicenseServer(yamlItem(item.text)!, item.text), item.text);
          licenseServers++;
        }
        // A server likewise, before nestServers wires it into the hierarchy.
        if (item.list === 'servers') {
          const extracted: Server[] = [];
          extractServers([yamlItem(item.text)!], item.text, undefined, extracted);
          assert.deepEqual(plainServer(got.plain!), extracted[0], item.text);
          servers++;
        }
      }
    }
    assert.ok(fast > 700, `${fast} items read fast`);
    assert.ok(assignments > 500, `${assignments} assignments made from the record`);
    assert.ok(servers > 250, `${servers} servers made from the record`);
    assert.ok(licenseServers >= 4, `${licenseServers} License Servers made from the record`);
    assert.ok(entitlements >= 15, `${entitlements} entitlements made from the records`);
    assert.ok(layoutOf(plan.text)![0].items.some((i) => i.list === 'entitlements' && readPlainItem(i.list, i.text)), 'an entitlement read fast');
  });

  it('leave anything less plain to the yaml parser', () => {
    for (const text of [
      '    - server: es-01\n      # a comment line\n      quantity: 1\n',
      '    - server: es-01#not-a-comment\n',
      '    - server: es-01\n\n      quantity: 1\n',
      '    - server: es-01\r\n      quantity: 1\r\n',
      '    - server: es-01\n        quantity: 1\n',
      '    - server: es-01\n      server: es-02\n',
      '    - server: es-01, es-02\n',
      '    - server: "a\\"b"\n',
      '    - children:\n        - id: x\n',
      '    - server: true\n',
      '    - server: &a x\n',
    ]) {
      assert.equal(readBlockItem(text), undefined, text);
    }
    assert.ok(readBlockItem('    - server: "es-01"\n      quantity: 2'));
    assert.ok(readBlockItem('    - server: es-01\n      quantity: 1   # per quote\n'));
  });
});
