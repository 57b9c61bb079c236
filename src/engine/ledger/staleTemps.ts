// Temp files a killed process left behind (`.state.json.<pid>.<ms>.tmp` up to the state's size,
// `<ledger>.lock.<pid>.<token>.tmp`): the next run removes those whose process is gone from this computer.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Older than this, a temp file is stale even if its pid is alive again (a pid reused by another program). */
const STALE_MS = 60 * 60_000;

/** Removes `<prefix>.<pid>.<anything>.tmp` files in `dir` whose process is gone; returns how many. */
export function removeStaleTemps(dir: string, prefix: string, processAlive: (pid: number) => boolean): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\.takeover)?\\.(\\d+)\\.[0-9a-zA-Z]+\\.tmp$`);
  let removed = 0;
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    const file = path.join(dir, name);
    if (pid === process.pid) continue;
    try {
      if (processAlive(pid) && Date.now() - fs.statSync(file).mtimeMs < STALE_MS) continue;
      fs.rmSync(file, { force: true });
      removed++;
    } catch {
      /* gone meanwhile, or not ours to remove: left alone */
    }
  }
  return removed;
}
