// Renders the dashboard bundle in headless Chromium: the real page HTML and CSP (served on loopback), a
// stub `acquireVsCodeApi` that records what the webview posts and keeps its state, and VS Code's theme
// variables set the way VS Code sets them.
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dashboardHtml, makeNonce } from '../../src/extension/dashboard/html';
import type { SiteReport } from '../../src/engine/report/types';
import { chromiumPath, type ToolsOptions } from '../support/tools';
import { THEMES } from './themes';

const ROOT = join(__dirname, '../..');
export const OUTPUT = join(ROOT, 'test-output/webview');
const BUNDLE = join(ROOT, 'dist/webview.js');

export type Theme = keyof typeof THEMES;

/** Builds `dist/webview.js` from `webview/main.ts` exactly as esbuild.mjs does, so the test never sees a stale bundle. */
export async function buildWebview(): Promise<void> {
  await esbuild.build({ entryPoints: [join(ROOT, 'webview/main.ts')], outfile: BUNDLE, bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: true, logLevel: 'warning' });
}

function stubScript(theme: Theme): string {
  const t = THEMES[theme];
  return `(() => {
  const vars = ${JSON.stringify(t.vars)};
  for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
  document.body.classList.add(${JSON.stringify(t.bodyClass)});
  window.__posted = []; window.__csp = []; let state = window.__initialState;
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))), getState: () => state, setState: (s) => { state = s; window.__state = JSON.parse(JSON.stringify(s)); } });
})();`;
}

export interface Harness {
  browser: Browser;
  origin: string;
  open(theme: Theme): Promise<DashboardPage>;
  close(): Promise<void>;
}

export interface DashboardPage {
  page: Page;
  dialogs: string[];
  errors: string[];
  show(report: SiteReport): Promise<void>;
  posted(): Promise<unknown[]>;
  cspViolations(): Promise<string[]>;
  screenshot(name: string): Promise<string>;
}

/** `tools`: where the set-up caches Chromium and which CHROMIUM_PATH to try (default: the environment's). */
export async function startHarness(tools: ToolsOptions & { override?: string } = {}): Promise<Harness> {
  // Installs Chromium (scripts/e2e-setup chromium) if this is the first suite of the run to need it.
  const executablePath = await chromiumPath(tools);
  await buildWebview();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (url.pathname === '/') {
      const theme = (url.searchParams.get('theme') ?? 'light') as Theme;
      const html = dashboardHtml({ cspSource: origin, scriptUri: `${origin}/webview.js`, preludeScriptUri: `${origin}/stub.js?theme=${theme}`, nonce: makeNonce(), title: 'License dashboard' });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else if (url.pathname === '/stub.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(stubScript((url.searchParams.get('theme') ?? 'light') as Theme));
    } else if (url.pathname === '/webview.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(BUNDLE));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  mkdirSync(OUTPUT, { recursive: true });
  return {
    browser,
    origin,
    async open(theme) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('pageerror', (e) => errors.push(e.message));
      // Anything but the page itself would be a resource the data smuggled in: refuse and record it.
      await page.route('**/*', (route) => {
        const u = route.request().url();
        if (u.startsWith(origin)) return route.continue();
        errors.push(`request to ${u}`);
        return route.abort();
      });
      await page.goto(`${origin}/?theme=${theme}`);
      await page.waitForFunction(() => (window as unknown as { __posted?: unknown[] }).__posted?.length);
      return {
        page,
        dialogs,
        errors,
        async show(report) {
          await page.evaluate((r) => window.postMessage({ type: 'report', report: r }, '*'), report);
          await page.waitForSelector('#dashboard');
          await page.evaluate(() => customElements.whenDefined('vscode-tabs'));
        },
        posted: () => page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted),
        cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
        async screenshot(name) {
          const file = join(OUTPUT, `${name}.png`);
          await page.screenshot({ path: file, fullPage: true });
          return file;
        },
      };
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
