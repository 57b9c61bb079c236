// The external programs the webview and end-to-end tests need. All of them come from one set-up,
// scripts/e2e-setup, which a harness runs for what it needs whenever a component is missing, so
// whatever order mocha picks, the first suite that needs a component installs it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');
export const setupScript = join(repoRoot, 'scripts', 'e2e-setup');
/** Where the set-up caches what it installs, and stamps each component once it is complete. */
export const toolsCache = process.env.BMS_E2E_CACHE ?? join(repoRoot, '.cache', 'e2e');
/** The first set-up compiles code-server's native modules: minutes, not seconds. */
export const setupTimeoutMs = 15 * 60_000;
export const setupHint = 'Run `npm run e2e:setup` (scripts/e2e-setup) and read its message';

/** What scripts/e2e-setup installs: `chromium` (Debian's), `code-server` (with Node 24 and the build libraries). */
export type Component = 'chromium' | 'code-server';

export interface ChromiumStamp {
  chromium: string;
  version: string;
}

export interface CodeServerStamp {
  node: string;
  nodeVersion: string;
  codeServerEntry: string;
  codeServerVersion: string;
}

interface Stamps {
  chromium: ChromiumStamp;
  'code-server': CodeServerStamp;
}

export interface ToolsOptions {
  /** The set-up's cache (BMS_E2E_CACHE); default .cache/e2e. */
  cache?: string;
  /** Where the harness says what it does, and the set-up's output goes; default stderr. */
  log?: (text: string) => void;
  /** Fail with the hint instead of running the set-up (BMS_E2E_NO_SETUP=1). */
  noSetup?: boolean;
}

const stampFiles: { [C in Component]: (stamp: Stamps[C]) => string[] } = {
  chromium: (s) => [s.chromium],
  'code-server': (s) => [s.node, s.codeServerEntry],
};

/** The component as the set-up stamped it, or why it is not there. */
function readStamp<C extends Component>(component: C, cache: string): Stamps[C] | string {
  const file = join(cache, `${component}.json`);
  if (!existsSync(file)) return `${file} is missing`;
  const stamp = JSON.parse(readFileSync(file, 'utf8')) as Stamps[C];
  const gone = stampFiles[component](stamp).find((f) => !existsSync(f));
  return gone === undefined ? stamp : `${gone} (named in ${file}) is missing`;
}

/** The installed components' stamps; throws, with the hint, when one is not installed. */
export function installedTools<C extends Component>(components: C[], cache = toolsCache): Pick<Stamps, C> {
  const tools = {} as Pick<Stamps, C>;
  for (const c of components) {
    const stamp = readStamp(c, cache);
    if (typeof stamp === 'string') throw new Error(`Test tool ${c} is not set up: ${stamp}. ${setupHint}.`);
    tools[c] = stamp;
  }
  return tools;
}

const running = new Map<string, Promise<void>>();

/**
 * Makes sure the components are installed: when one is missing, runs scripts/e2e-setup for the missing
 * ones (once per cache and set of components while it runs), says so, and returns their stamps.
 */
export async function ensureTools<C extends Component>(components: C[], options: ToolsOptions = {}, why?: string): Promise<Pick<Stamps, C>> {
  const cache = options.cache ?? toolsCache;
  const log = options.log ?? ((text: string) => process.stderr.write(text));
  const missing = components.filter((c) => typeof readStamp(c, cache) === 'string');
  if (missing.length > 0 && !(options.noSetup ?? process.env.BMS_E2E_NO_SETUP === '1')) {
    const key = `${cache}\0${missing.join(' ')}`;
    let setup = running.get(key);
    if (!setup) {
      const reasons = [why, ...missing.map((c) => `${c}: ${readStamp(c, cache) as string}`)].filter(Boolean).join('; ');
      log(`[tools] ${reasons}: running scripts/e2e-setup ${missing.join(' ')} (the first time: a few minutes)\n`);
      setup = runSetup(missing, cache, log).finally(() => running.delete(key));
      running.set(key, setup);
    }
    await setup;
  }
  return installedTools(components, cache);
}

function runSetup(components: Component[], cache: string, log: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [setupScript, ...components], { cwd: repoRoot, env: { ...process.env, BMS_E2E_CACHE: cache }, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => log(text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      errors += text;
      log(text);
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), setupTimeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      const last = errors.trim().split('\n').slice(-5).join('\n');
      reject(new Error(`scripts/e2e-setup ${components.join(' ')} failed (${signal ?? `exit ${code}`}):\n${last}\n${setupHint}.`));
    });
  });
}

/** CHROMIUM_PATH when that file exists: the tests then use it, and need no Chromium from the set-up. */
export function chromiumOverride(override = process.env.CHROMIUM_PATH): string | undefined {
  return override && existsSync(override) ? override : undefined;
}

/**
 * Makes sure the components are installed, by one set-up run for all that are missing; Chromium counts
 * as installed when CHROMIUM_PATH exists.
 */
export async function ensureComponents(components: Component[], options: ToolsOptions & { override?: string } = {}): Promise<void> {
  const override = options.override ?? process.env.CHROMIUM_PATH;
  const given = chromiumOverride(override);
  const why = override && !given && components.includes('chromium') ? `CHROMIUM_PATH=${override} does not exist` : undefined;
  await ensureTools(components.filter((c) => !(c === 'chromium' && given)), options, why);
}

/**
 * Chromium for a test: CHROMIUM_PATH when that file exists, else the one scripts/e2e-setup installs
 * (run now if the cache has no Chromium yet).
 */
export async function chromiumPath(options: ToolsOptions & { override?: string } = {}): Promise<string> {
  await ensureComponents(['chromium'], options);
  return chromiumOverride(options.override ?? process.env.CHROMIUM_PATH) ?? installedTools(['chromium'], options.cache).chromium.chromium;
}

/** A mocha `before` hook that installs the components if missing, with the set-up's time allowed: `before(needs('chromium'))`. */
export function needs(...components: Component[]): (this: Mocha.Context) => Promise<void> {
  return async function (this: Mocha.Context) {
    this.timeout(setupTimeoutMs);
    await ensureComponents(components);
  };
}
