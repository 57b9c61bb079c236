// Debian's Chromium, driven by playwright-core, showing a code-server workbench.
import { mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { ensureE2eTools } from './setup';

export interface Workbench {
  page: Page;
  context: BrowserContext;
  server: CodeServer;
  /** Browser console errors and page errors, one a line. */
  consoleLogPath: string;
  /** Closes the browser and removes its profile; safe to call twice. */
  close(): Promise<void>;
}

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The workbench needs longer than a unit test to load, but a hung UI must still fail in time. */
export const uiTimeoutMs = 30_000;

export async function openWorkbench(server: CodeServer): Promise<Workbench> {
  const tools = await ensureE2eTools();
  // Inside the server's temp folder, so server.stop() removes it too.
  const profileDir = mkdtempSync(join(server.tempDir, 'chromium-'));
  const consoleLogPath = join(server.tempDir, 'browser-console.log');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: tools.chromium,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1400, height: 900 },
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    context.setDefaultTimeout(uiTimeoutMs);
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') appendFileSync(consoleLogPath, `console: ${message.text()}\n`);
    });
    page.on('pageerror', (error) => appendFileSync(consoleLogPath, `pageerror: ${error.message}\n`));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer shows the folder once the remote file system answers.
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ state: 'attached', timeout: 60_000 });
    return { page, context, server, consoleLogPath, close };
  } catch (error) {
    await close();
    throw error;
  }
}
