// A service company's repository: many sites of different sizes and shapes, each with one to three
// plans and, for some, a ledger; written into folders per customer like a real repository.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePlan } from './plan';
import { Random } from './random';
import { generateSite, type Style } from './site';

const WORDS = ['harbor', 'clinic', 'campus', 'depot', 'tower', 'plant', 'museum', 'arena', 'school', 'hotel', 'lab', 'mall'];
const STYLES: Style[] = ['block', 'flow', 'mixed'];

/** Writes `sites` sites under `root`; returns the number of files and bytes written. */
export function writeWorkspace(root: string, sites: number, seed = 1): { files: number; bytes: number; servers: number; assignments: number } {
  const r = new Random(seed);
  let files = 0;
  let bytes = 0;
  let servers = 0;
  let assignments = 0;
  const write = (path: string, text: string) => {
    writeFileSync(path, text);
    files++;
    bytes += text.length;
  };
  for (let i = 0; i < sites; i++) {
    const name = `${r.pick(WORDS)}-${i}`;
    const dir = join(root, `customer-${i % 37}`, name);
    mkdirSync(dir, { recursive: true });
    // Mostly small and medium buildings, a few campuses: 10-40 servers (70 %), 40-150 (25 %), 150-400 (5 %).
    const size = r.next();
    const count = size < 0.7 ? 10 + r.int(30) : size < 0.95 ? 40 + r.int(110) : 150 + r.int(250);
    const site = generateSite({ name, servers: count, enterpriseServers: 1 + Math.floor(count / 40), style: r.pick(STYLES), seed: seed * 1000 + i, version: r.pick(['7.0', '7.1', '6.0', '5.1']) });
    write(join(dir, r.chance(0.5) ? 'site.bms.yaml' : `${name}.bms.yaml`), site.text);
    servers += count;
    const plans = 1 + r.int(3);
    for (let p = 0; p < plans; p++) {
      const n = Math.max(5, Math.floor((count * (2 + r.int(4))) / plans));
      const findings = r.chance(0.3);
      // Later plans of a site take other products (no activation id twice across its plans).
      const plan = generatePlan(site, { name: `${name}-${2024 + p}`, assignments: n, products: Math.max(1, Math.floor(n / (5 + r.int(10)))), style: r.pick(STYLES), seed: seed * 7919 + i * 31 + p, inapplicable: findings ? r.int(5) : 0, unplannedBase: 0, idPrefix: p === 0 ? '' : `P${p}` });
      write(join(dir, `plan-${2024 + p}.bms.yaml`), plan.text);
      assignments += n;
    }
    if (r.chance(0.3)) {
      const events = site.servers.slice(0, 10).map((s, k) => JSON.stringify({ at: `2026-0${1 + (k % 9)}-1${k % 10}T10:00:00Z`, op: 'activate', site: name, target: s.id, activationId: `ACT-X-${k}`, quantity: 1, transaction: `T-${i}-${k}`, mode: 'online', by: 'bench' }));
      write(join(dir, `${name}.ledger.jsonl`), events.join('\n') + '\n');
    }
  }
  return { files, bytes, servers, assignments };
}
