import { strict as assert } from 'node:assert';
import { generatePlan } from '../../bench/workload/plan';
import { generateSite, type Style } from '../../bench/workload/site';
import { LiveRuleContext } from '../../src/engine/rules/incremental/keptLookups';
import { LiveWorkspace } from '../../src/engine/service/workspace';

const SITE = 'file:///w/site.bms.yaml';
const PLAN = 'file:///w/plan.bms.yaml';
const today = new Date(2026, 11, 2);

/** Every affected file's diagnostics after each edit, from the live workspace and from a fresh one. */
function replay(site: string, plan: string, edits: ((files: { site: string; plan: string }) => void)[], codes: string[][] = []): number {
  const live = new LiveWorkspace();
  live.update(SITE, site);
  live.update(PLAN, plan);
  const files = { site, plan };
  let findings = 0;
  edits.forEach((edit, i) => {
    const before = { ...files };
    edit(files);
    const affected = [...(files.site !== before.site ? live.update(SITE, files.site) : []), ...(files.plan !== before.plan ? live.update(PLAN, files.plan) : [])];
    const ctx = new LiveRuleContext(live.index, { today });
    const fresh = new LiveWorkspace();
    fresh.update(SITE, files.site);
    fresh.update(PLAN, files.plan);
    const freshCtx = new LiveRuleContext(fresh.index, { today });
    for (const uri of new Set([...affected, SITE, PLAN])) {
      const got = live.diagnostics(uri, {}, ctx);
      assert.deepEqual(got, fresh.diagnostics(uri, {}, freshCtx), `edit ${i}, ${uri}`);
      findings += got.length;
      (codes[i] ??= []).push(...got.map((d) => d.code));
    }
  });
  return findings;
}

const line = (text: string, n: number, f: (l: string) => string) => text.split('\n').map((l, i) => (i === n ? f(l) : l)).join('\n');

function workload(style: Style) {
  const site = generateSite({ name: 'north', servers: 300, enterpriseServers: 12, style: 'mixed', seed: 5 });
  const plan = generatePlan(site, { name: 'p', assignments: 1500, products: 150, style, seed: 9, inapplicable: 30, unplannedBase: 4 });
  return { site, plan };
}

describe('incremental rules equal a whole re-check', function () {
  this.timeout(60_000);
  for (const style of ['block', 'flow', 'mixed'] as const) {
    it(`${style}-style plan: assignment and entitlement edits (quantity, activation id, feature, removal)`, () => {
      const { site, plan } = workload(style);
      const q = plan.quantityLines;
      const t = plan.targetLines;
      const findings = replay(site.text, plan.text, [
        (f) => (f.plan = line(f.plan, t[40], (l) => l.replace('server: ', 'server: x'))),
        (f) => (f.plan = line(f.plan, q[7].line, (l) => l.replace(/quantity: \d+/, `quantity: ${q[7].assigned - 1}`))),
        (f) => (f.plan = line(f.plan, q[7].line, (l) => l.replace(/quantity: \d+/, `quantity: ${q[7].assigned}`))),
        (f) => (f.plan = line(f.plan, q[9].line - (style === 'flow' ? 0 : 3), (l) => l.replace('activationId: ', 'activationId: X'))),
        (f) => (f.plan = line(f.plan, t[41], (l) => l.replace(/server: [a-z0-9-]+/, 'server: ec-01'))),
        (f) => (f.plan = f.plan.replace(/licenseType: centralized/, 'licenseType: local')),
        (f) => (f.plan = f.plan.split('\n').filter((_, i) => i !== t[100]).join('\n')),
        (f) => (f.plan = line(f.plan, t[40], (l) => l.replace('server: x', 'server: '))),
        (f) => (f.plan = f.plan.replace('  site: north', '  site: north\n  expiryWarningDays: 4000')),
      ]);
      assert.ok(findings > 0);
    });
  }

  it('site edits: a server renamed, its host and type changed, a server removed, the site renamed', () => {
    const { site, plan } = workload('mixed');
    const named = new Set(plan.text.match(/server: [a-z0-9-]+/g)!.map((s) => s.slice(8)));
    const [a, b, c] = site.servers.filter((s) => s.type.startsWith('as-') && named.has(s.id));
    const es = site.servers.find((s) => s.type === 'enterprise-server')!;
    replay(site.text, plan.text, [
      (f) => (f.site = f.site.replace(`id: ${a.id}`, `id: ${a.id}-old`)),
      (f) => (f.site = f.site.replace(`id: ${a.id}-old`, `id: ${a.id}`)),
      (f) => (f.site = line(f.site, b.line + (f.site.split('\n')[b.line].includes('type:') ? 0 : 1), (l) => l.replace(/type: [a-z0-9-]+/, 'type: enterprise-server'))),
      (f) => (f.site = line(f.site, c.line + (f.site.split('\n')[c.line].includes('host:') ? 0 : 2), (l) => l.replace('host: ', 'host: h'))),
      (f) => (f.site = f.site.replace(`id: ${es.id}`, `id: ${es.id}x`)),
      (f) => (f.site = f.site.replace('name: north', 'name: south')),
      (f) => (f.site = f.site.replace('name: south', 'name: north')),
    ]);
  });

  it('site version edits: the products of an unchanged plan are judged again (BMS024 comes and goes)', () => {
    const { site, plan } = workload('mixed');
    const version = /version: "?([\d.]+)"?/.exec(site.text)![0];
    const codes: string[][] = [];
    replay(
      site.text,
      plan.text,
      [
        (f) => (f.site = f.site.replace(version, 'version: "6.2"')),
        (f) => (f.site = f.site.replace('version: "6.2"', 'version: "3.3"')),
        (f) => (f.site = f.site.replace('version: "3.3"', version)),
        (f) => (f.site = f.site.replace(version, 'version: "6.2"')),
      ],
      codes,
    );
    const bms024 = codes.map((c) => c.filter((x) => x === 'BMS024').length);
    // The generated plan's centralized products exist from 7.0 on: BMS024 on 6.2 and 3.3, none on its own 7.x.
    assert.ok(bms024[0] > 0 && bms024[1] > 0 && bms024[3] === bms024[0], bms024.join());
    assert.equal(bms024[2], 0);
  });
});
