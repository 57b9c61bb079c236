// Parse time of a generated 50,000-line `lmstat -a` output (several daemons, many features and users).
// Run: npx tsx bench/lmstat.ts   (goal: under 1 s)
import { parseLmstat } from '../src/engine/lmstat';

const TARGET_LINES = 50_000;
const RUNS = 5;

function generate(): string {
  const lines = [
    'lmutil - Copyright (c) 1989-2023 Flexera. All Rights Reserved.',
    'Flexible License Manager status on Mon 3/16/2026 12:16',
    '',
  ];
  let block = 0;
  let feature = 0;
  let handle = 100;
  while (lines.length < TARGET_LINES) {
    const hosts = [`ls${block}a.site.local`, `ls${block}b.site.local`, `ls${block}c.site.local`];
    lines.push(`License server status: ${hosts.map((h) => `27000@${h}`).join(',')}`, `    License file(s) on ${hosts[0]}: C:\\Program Files\\Schneider Electric\\License Server\\bms.lic:`, '');
    lines.push(`  ${hosts[0]}: license server UP (MASTER) v11.19.6`, `  ${hosts[1]}: license server UP v11.19.6`);
    lines.push(`  ${hosts[2]}: Cannot connect to license server system. (-15,570:115 "Operation now in progress")`, '');
    lines.push(`Vendor daemon status (on ${hosts[0]}):`, '', '    bmsd: UP v11.19.6', '    other: UP v11.18.0', '', 'Feature usage info:', '');
    for (let f = 0; f < 60 && lines.length < TARGET_LINES; f++, feature++) {
      const users = (feature * 7) % 90;
      lines.push(`Users of client.feature${feature}:  (Total of ${users + 10} licenses issued;  Total of ${users} licenses in use)`, '');
      lines.push(`  "client.feature${feature}" v7.0, vendor: bmsd, expiry: ${feature % 3 === 0 ? '1-jan-0' : '31-dec-2027'}`, '  floating license', '');
      if (feature % 11 === 0) lines.push(`\t2 RESERVATIONs for GROUP OPERATORS (${hosts[0]}/27000)`);
      for (let u = 0; u < users && lines.length < TARGET_LINES; u++) {
        const pid = u % 4 === 0 ? `, PID: ${4000 + u}` : '';
        const count = u % 9 === 0 ? ', 2 licenses' : '';
        lines.push(`    operator${u} WS-${u} WS-${u}:0.0 (v7.0) (${hosts[0]}/27000 ${handle++}), start Mon 3/16 8:${String(u % 60).padStart(2, '0')}${count}${pid}`);
      }
      if (users % 13 === 0) lines.push(`    waiting WS-1 WS-1 (v7.0) (${hosts[0]}/27000 ${handle++}) queued for 1 license`);
      lines.push('');
    }
    block++;
  }
  return lines.slice(0, TARGET_LINES).join('\r\n');
}

const text = generate();
const times: number[] = [];
let result = parseLmstat(text);
for (let i = 0; i < RUNS; i++) {
  const start = process.hrtime.bigint();
  result = parseLmstat(text);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(RUNS / 2)];
const features = result.blocks.reduce((n, b) => n + b.features.length, 0);
const users = result.blocks.reduce((n, b) => n + b.features.reduce((m, f) => m + f.users.length, 0), 0);
console.log(JSON.stringify({
  bench: 'lmstat parse',
  lines: result.lineCount,
  bytes: text.length,
  blocks: result.blocks.length,
  features,
  users,
  warnings: result.warnings.length,
  medianMs: Math.round(median * 10) / 10,
  runsMs: times.map((t) => Math.round(t * 10) / 10),
  linesPerSecond: Math.round(result.lineCount / (median / 1000)),
  targetMs: 1000,
  withinTarget: median < 1000,
}, null, 2));
