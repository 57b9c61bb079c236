// A rule that throws is a bug to see, never a reason to lose the other findings: the language server logs it
// once per rule and file in its output channel, the CLI once on stderr, and the file keeps every other finding.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { runCli } from '../../src/cli/main';
import { uriOf } from '../../src/engine/load/files';
import { overAllocation } from '../../src/engine/rules/allocation';
import { requiredPlanned } from '../../src/engine/rules/requiredPlanned';
import { LiveWorkspace } from '../../src/engine/service/workspace';
import { DEFAULT_SETTINGS } from '../../src/server/settings';
import { ValidationQueue } from '../../src/server/validation';
import { PLAN, SITE } from './fixtures';

// The plan names a server the site lacks (BMS010) and gives es-01 no base license (BMS050 on the site).
const BROKEN_PLAN = PLAN.replace('{ server: es-01, activationId: ACT-0001', '{ server: es-09, activationId: ACT-0001');

describe('a rule that throws is logged once per rule and file, and the other rules still report', function () {
  this.timeout(30_000);
  let root: string;
  const restore: (() => void)[] = [];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'bms-failing-'));
    writeFileSync(join(root, 'site.bms.yaml'), SITE);
    writeFileSync(join(root, 'plan.bms.yaml'), BROKEN_PLAN);
    for (const rule of [overAllocation, requiredPlanned]) {
      const check = rule.check;
      rule.check = () => {
        throw new Error(`bug in ${rule.codes[0]}`);
      };
      restore.push(() => (rule.check = check as never));
    }
  });
  afterEach(() => {
    for (const r of restore.splice(0)) r();
    rmSync(root, { recursive: true, force: true });
  });

  it('the language server: one output-channel entry per rule and file over several passes; every other finding published', async () => {
    const errors: string[] = [];
    const published = new Map<string, PublishDiagnosticsParams>();
    let waiting: (() => void) | undefined;
    const connection = {
      console: { error: (m: string) => errors.push(m), log: () => undefined },
      sendDiagnostics: async (p: PublishDiagnosticsParams) => {
        published.set(p.uri, p);
        waiting?.();
      },
    } as unknown as Connection;
    const ws = new LiveWorkspace();
    const site = uriOf(join(root, 'site.bms.yaml'));
    const plan = uriOf(join(root, 'plan.bms.yaml'));
    ws.update(site, SITE);
    ws.update(plan, BROKEN_PLAN);
    const queue = new ValidationQueue(connection, ws, { open: () => undefined }, () => ({ ...DEFAULT_SETTINGS, debounceMs: 0 }));
    for (let pass = 0; pass < 3; pass++) {
      published.clear();
      const both = new Promise<void>((resolve) => (waiting = () => published.has(site) && published.has(plan) && resolve()));
      queue.publishSoon([site, plan]);
      await both;
      const codes = (uri: string) => published.get(uri)!.diagnostics.map((d) => String(d.code));
      assert.ok(codes(plan).includes('BMS010'), `pass ${pass}: ${codes(plan)}`);
      assert.ok(codes(site).includes('BMS050'), `pass ${pass}: ${codes(site)}`);
    }
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('BMS053') && e.includes(site) && e.includes('bug in BMS053')));
    assert.ok(errors.some((e) => e.includes('BMS021') && e.includes(plan)));
  });

  it('bmslicense validate: one stderr line per rule and file, the other findings printed', async () => {
    let out = '';
    let err = '';
    const code = await runCli(['validate', '.', '--format', 'json'], { cwd: root, env: {}, out: (t) => void (out += t), err: (t) => void (err += t) });
    assert.equal(code, 1);
    const codes = (JSON.parse(out).diagnostics as { code: string }[]).map((d) => d.code);
    assert.ok(codes.includes('BMS010') && codes.includes('BMS050'), codes.join(' '));
    const lines = err.split('\n').filter((l) => l.includes('internal error'));
    assert.equal(lines.length, 2, err);
    assert.ok(lines.some((l) => l.includes('BMS053') && l.includes('site.bms.yaml')));
  });
});
