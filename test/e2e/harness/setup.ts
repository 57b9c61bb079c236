// Where the cached e2e tools live, and the once-per-run call of scripts/e2e-setup that fills the cache.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..');
export const e2eCache = process.env.BMS_E2E_CACHE ?? join(repoRoot, '.cache', 'e2e');
export const outputDir = join(repoRoot, 'test-output', 'e2e');
/** The first setup compiles code-server's native modules: minutes, not seconds. */
export const setupTimeoutMs = 15 * 60_000;

/** What scripts/e2e-setup wrote to .cache/e2e/ready.json once everything was installed. */
export interface E2eTools {
  node: string;
  nodeVersion: string;
  codeServerEntry: string;
  codeServerVersion: string;
  chromium: string;
}

const readyFile = join(e2eCache, 'ready.json');
export const setupHint = 'Run `npm run e2e:setup` (scripts/e2e-setup) and read its message';

/** The cached tools, or an error telling the developer to run the setup. */
export function e2eTools(cache = e2eCache): E2eTools {
  const ready = join(cache, 'ready.json');
  if (!existsSync(ready)) {
    throw new Error(`End-to-end tools are not set up (${ready} is missing). ${setupHint}.`);
  }
  const tools = JSON.parse(readFileSync(ready, 'utf8')) as E2eTools;
  for (const file of [tools.node, tools.codeServerEntry, tools.chromium]) {
    if (!existsSync(file)) throw new Error(`End-to-end tools are incomplete: ${file} is missing. ${setupHint}.`);
  }
  return tools;
}

let setup: Promise<E2eTools> | undefined;

/**
 * Runs scripts/e2e-setup once per test run when the cache is missing, then returns the tools.
 * BMS_E2E_NO_SETUP=1 turns the automatic setup off (the tests then fail with the hint instead).
 */
export function ensureE2eTools(): Promise<E2eTools> {
  setup ??= existsSync(readyFile) || process.env.BMS_E2E_NO_SETUP === '1'
    ? Promise.resolve().then(() => e2eTools())
    : runSetup().then(() => e2eTools());
  return setup;
}

function runSetup(): Promise<void> {
  const script = join(repoRoot, 'scripts', 'e2e-setup');
  process.stderr.write(`[e2e] ${readyFile} missing: running ${script} (a few minutes the first time)\n`);
  return new Promise((resolve, reject) => {
    execFile('bash', [script], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024, timeout: setupTimeoutMs }, (error, stdout, stderr) => {
      process.stderr.write(stdout);
      if (!error) return resolve();
      reject(new Error(`scripts/e2e-setup failed (${error.message.split('\n')[0]}):\n${stderr.trim()}\n${setupHint}.`));
    });
  });
}

/**
 * Mocha `before` hook body for an e2e suite: `before(e2eReady)`.
 * Per-suite rather than a root hook so a failed setup fails the e2e suites, not the unit tests.
 */
export async function e2eReady(this: Mocha.Context): Promise<void> {
  this.timeout(setupTimeoutMs);
  await ensureE2eTools();
}
