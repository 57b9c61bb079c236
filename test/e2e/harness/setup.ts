// The e2e tools (code-server, Node 24, Chromium) as scripts/e2e-setup installs them; see test/support/tools.ts.
import { join } from 'node:path';
import { chromiumOverride, ensureComponents, installedTools, needs, repoRoot, setupTimeoutMs, toolsCache } from '../../support/tools';

export { repoRoot, setupTimeoutMs };
export const outputDir = join(repoRoot, 'test-output', 'e2e');

export interface E2eTools {
  node: string;
  nodeVersion: string;
  codeServerEntry: string;
  codeServerVersion: string;
  chromium: string;
}

/** The installed tools, or an error telling the developer to run the set-up. */
export function e2eTools(cache = toolsCache): E2eTools {
  const chromium = chromiumOverride() ?? installedTools(['chromium'], cache).chromium.chromium;
  return { ...installedTools(['code-server'], cache)['code-server'], chromium };
}

/**
 * Runs scripts/e2e-setup (once, for every missing component) when the cache lacks one, then returns the tools.
 * BMS_E2E_NO_SETUP=1 turns the automatic set-up off (the tests then fail with the hint instead).
 */
export async function ensureE2eTools(): Promise<E2eTools> {
  await ensureComponents(['chromium', 'code-server']);
  return e2eTools();
}

/**
 * Mocha `before` hook for an e2e suite: `before(e2eReady)`.
 * Per suite rather than a root hook so a failed set-up fails the suites that need it, not the unit tests.
 */
export const e2eReady = needs('chromium', 'code-server');
