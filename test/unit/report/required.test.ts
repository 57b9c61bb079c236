import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReport } from '../../../src/engine/report';
import { collectSiteReport } from '../../../src/engine/report/collect';
import type { SiteReport } from '../../../src/engine/report/types';

const EXAMPLE = join(__dirname, '../../../examples/riverside-plant');
const TODAY = new Date('2026-12-02T00:00:00Z');

function report(dir: string): SiteReport {
  const r = collectSiteReport([dir], 'riverside-plant', { today: TODAY });
  if (!r.ok) throw new Error(r.message);
  return r.report;
}

describe('report: Required computed from the site file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bms-required-'));
    cpSync(EXAMPLE, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const feature = (r: SiteReport, target: string, f: string) => r.targets.find((t) => t.id === target)!.features.find((x) => x.feature === f)!;

  it('takes Required from the devices counted and the automation servers attached, and says so', () => {
    const r = report(dir);
    const es = feature(r, 'es-01', 'connected-devices');
    assert.deepEqual([es.required, es.planned], [22, 22]);
    assert.match(es.requiredFrom!, /Enterprise Server 'es-01'/);
    assert.match(es.requiredFrom!, /\(18 BACnet devices and 4 Modbus devices\)/);
    assert.equal(feature(r, 'as-02', 'connected-devices').required, 9);
    assert.match(feature(r, 'es-01', 'automation-server-attach').requiredFrom!, /2 automation servers attached .*\(help 12865\)/);
    assert.equal(feature(r, 'es-01', 'web-services').requiredFrom, undefined, 'as planned');
    const md = renderReport(r, 'md');
    assert.match(md, /\| es-01 \| Enterprise Server \| connected-devices \| 22 \(computed\) \| 22 \|/);
    const as01 = feature(r, 'as-01', 'connected-devices');
    assert.ok(md.split('\n').includes(`- **as-01**, connected-devices: 24, ${as01.requiredFrom}.`), 'the figure and where it comes from, in the notes');
    assert.match(as01.requiredFrom!, /: 6 SE Central IO modules\)/);
    const as02 = feature(r, 'as-02', 'connected-devices');
    assert.match(as02.requiredFrom!, /\(8 Modbus devices and 1 MP controller; /);
    assert.match(as02.requiredFrom!, /not counted: 12 devices under/);
    const escaped = as02.requiredFrom!.replace(/'/g, '&#39;');
    assert.ok(renderReport(r, 'html').includes(`<span title="Computed: ${escaped}">9 (computed)</span>`), 'the computed figure says where it comes from on hover');
  });

  it('shows the computed figure, not the plan’s, when the plan assigns fewer', () => {
    const plan = join(dir, 'plan.bms.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('{ server: as-01, activationId: ACT-RP-0101, quantity: 24 }', '{ server: as-01, activationId: ACT-RP-0101, quantity: 10 }'));
    const r = report(dir);
    const as = feature(r, 'as-01', 'connected-devices');
    assert.deepEqual([as.required, as.planned], [24, 10]);
    assert.ok(r.problems.some((p) => p.code === 'BMS053' && /requires 24 connected-devices licenses/.test(p.message)));
  });
});
