// License Server usage end to end on a 50,000-line output: lmutil run (a script printing the text),
// summary, cache write and read. Run: npx tsx bench/lmstat-usage.ts   (goal: a refresh well under 1 s)
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readUsage, toCachedUsage, writeUsage } from '../src/engine/lmstat/cache';
import { runLmstat } from '../src/engine/lmstat/source';
import { summarizeLmstat } from '../src/engine/lmstat/summary';

const LINES = 50_000;

function generate(): string {
  const lines = ['lmutil - Copyright (c) 1989-2023 Flexera. All Rights Reserved.', 'Flexible License Manager status on Mon 3/16/2026 12:16', ''];
  lines.push('License server status: 27000@es01', '    License file(s) on es01: C:\\ProgramData\\bms.lic:', '', 'es01: license server UP (MASTER) v11.19.6', '');
  lines.push('Vendor daemon status (on es01):', '', '  bmsd: UP v11.19.6', '', 'Feature usage info:', '');
  for (let f = 0, h = 100; lines.length < LINES; f++) {
    lines.push(`Users of client.feature${f}:  (Total of 200 licenses issued;  Total of 150 licenses in use)`, '', `  "client.feature${f}" v7.0, vendor: bmsd, expiry: permanent`, '  floating license', '');
    for (let u = 0; u < 150 && lines.length < LINES; u++) lines.push(`    operator${u} WS-${u} WS-${u} (v7.0) (es01/27000 ${h++}), start Mon 3/16 8:${String(u % 60).padStart(2, '0')}`);
    lines.push('');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bms-bench-usage-'));
  try {
    const text = generate();
    writeFileSync(join(dir, 'out.txt'), text);
    const lmutil = join(dir, 'lmutil');
    writeFileSync(lmutil, `#!/bin/sh\ncat '${join(dir, 'out.txt')}'\n`);
    chmodSync(lmutil, 0o755);
    const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
    for (let run = 0; run < 3; run++) {
      let t = process.hrtime.bigint();
      const r = await runLmstat({ path: lmutil, address: '27000@es01' });
      if (!r.ok) throw new Error(r.error.message);
      const runMs = ms(t);
      t = process.hrtime.bigint();
      summarizeLmstat(r.value.result);
      const summaryMs = ms(t);
      t = process.hrtime.bigint();
      const usage = toCachedUsage(r.value, { site: 'plant', licenseServer: 'ls-main', address: '27000@es01' });
      const w = await writeUsage(dir, usage);
      const writeMs = ms(t);
      t = process.hrtime.bigint();
      const back = readUsage(dir, 'plant', 'ls-main');
      const readMs = ms(t);
      const users = back!.features.reduce((n, f) => n + f.users.length, 0);
      console.log(
        `run ${run + 1}: ${LINES} lines (${(text.length / 1e6).toFixed(1)} MB), ${back!.features.length} features, ${users} users: ` +
          `lmutil+parse ${runMs.toFixed(0)} ms, summary ${summaryMs.toFixed(0)} ms, summary+cache write ${writeMs.toFixed(0)} ms (${w.ok ? 'ok' : 'failed'}), read ${readMs.toFixed(0)} ms`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
