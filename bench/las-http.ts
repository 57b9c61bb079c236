// Round-trip time of the HTTP adapter on loopback, in front of the real simulator (state on disk).
// Run: npx tsx bench/las-http.ts   (goal: a call well under 50 ms, so a 200-server site activates in seconds)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HttpLas } from '../src/engine/las/http/client';
import { createLasServer } from '../src/engine/las/http/server';
import { LasSimulator } from '../src/engine/las/simulator';

const CALLS = 300;

async function timed(label: string, run: (i: number) => Promise<unknown>): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    await run(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(2);
  console.log(`${label.padEnd(28)} ${CALLS} calls  p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms`);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'las-bench-'));
  const server = createLasServer(new LasSimulator({ dataDir: dir }), { token: 'bench-token' });
  const las = new HttpLas({ url: await server.listen(), token: async () => 'bench-token' });
  try {
    await las.syncEntitlements([{ entitlementId: 'E', activationId: 'ACT-ASP', quantity: CALLS, appliesTo: ['as-p'] }]);
    await timed('activate (new target each)', (i) => las.activate({ site: 'bench', id: `as-${i}`, type: 'as-p' }, [{ activationId: 'ACT-ASP', quantity: 1 }]));
    await timed('activations (one target)', (i) => las.activations('bench', `as-${i}`));
    await timed('activations (whole site)', () => las.activations('bench'));
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
