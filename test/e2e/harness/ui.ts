// What a user does in the workbench, as functions that wait on what the UI shows.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { outputDir } from './setup';

/** A quick-input row whose label is exactly `label` (the palette also lists near matches). */
export function quickPickRow(page: Page, label: string): Locator {
  return page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) });
}

/** Runs a command by its palette title, e.g. `BMS: Refresh Sites`, via F1. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await page.locator('.monaco-workbench').focus();
  await page.keyboard.press('F1');
  await widget.locator('input').waitFor();
  await widget.locator('input').fill(`>${title}`);
  const row = quickPickRow(page, title).first();
  await row.waitFor();
  await row.click();
  await widget.waitFor({ state: 'hidden' });
}

/** Opens a workspace file via Ctrl+P quick open and waits for its editor tab to be active. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await page.locator('.monaco-workbench').focus();
  await page.keyboard.press('Control+P');
  await widget.locator('input').waitFor();
  await widget.locator('input').fill(relativePath);
  const name = basename(relativePath);
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: name }) })
    .first();
  await row.waitFor();
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden' });
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
}

/** The activity bar entry of a view container, found by its title (its `aria-label` starts with it). */
export function activityBarItem(page: Page, title: string): Locator {
  return page.locator(`.activitybar .action-item [aria-label^="${cssString(title)}"], .activitybar .action-item[aria-label^="${cssString(title)}"]`).first();
}

/** A view in the side bar or panel, by its title as shown in its header. */
export function view(page: Page, title: string): Locator {
  return page.locator('.pane').filter({ has: page.locator(`.pane-header[aria-label^="${cssString(title)}"]`) }).first();
}

/** The rows of a tree view (all visible side bar rows when no view title is given). */
export function treeRowLocator(page: Page, viewTitle?: string): Locator {
  const scope = viewTitle ? view(page, viewTitle) : page.locator('#workbench\\.parts\\.sidebar');
  return scope.locator('.monaco-list-row');
}

export interface TreeItemView {
  label: string;
  description: string;
  /** What a screen reader hears; extensions may set it apart from the label. */
  ariaLabel: string;
  /** 1 for roots. */
  level: number;
  /** Undefined for leaves. */
  expanded?: boolean;
}

/** The rendered rows of a tree view, top to bottom, split into label and description. */
export async function treeItems(page: Page, viewTitle?: string): Promise<TreeItemView[]> {
  // Runs in the browser: no named inner functions (tsx would wrap them in a helper the page lacks).
  return treeRowLocator(page, viewTitle).evaluateAll((rows) =>
    rows.map((row) => {
      const [name, highlighted, description] = ['.label-name', '.monaco-highlighted-label', '.label-description'].map((selector) =>
        (row.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      );
      const expanded = row.getAttribute('aria-expanded');
      return {
        label: name || highlighted || (row as HTMLElement).innerText.trim(),
        description,
        ariaLabel: row.getAttribute('aria-label') ?? '',
        level: Number(row.getAttribute('aria-level') ?? '1'),
        expanded: expanded === null ? undefined : expanded === 'true',
      };
    }),
  );
}

/** The rows of a tree view as `label description` texts, top to bottom. */
export async function treeRows(page: Page, viewTitle?: string): Promise<string[]> {
  return (await treeItems(page, viewTitle)).map((item) => [item.label, item.description].filter(Boolean).join(' '));
}

/** Waits until a tree view shows a row containing `text`, and returns that row. */
export async function waitForTreeRow(page: Page, text: string | RegExp, viewTitle?: string): Promise<Locator> {
  const row = treeRowLocator(page, viewTitle).filter({ hasText: text }).first();
  await row.waitFor();
  return row;
}

export interface Problem {
  /** The row's accessible label: severity, message, position and source as VS Code words them. */
  label: string;
  /** The row's visible text. */
  text: string;
}

/** Opens the Problems panel and returns its marker rows (file header rows left out). */
export async function problems(page: Page): Promise<Problem[]> {
  const panel = await openProblems(page);
  const rows = panel.locator('.monaco-list-row');
  const result: Problem[] = [];
  for (const row of await rows.all()) {
    if ((await row.locator('.marker-icon, .codicon-error, .codicon-warning, .codicon-info').count()) === 0) continue;
    result.push({ label: (await row.getAttribute('aria-label')) ?? '', text: (await row.innerText()).replace(/\s+/g, ' ').trim() });
  }
  return result;
}

/** Waits until the Problems panel lists a marker containing `text`, and returns it. */
export async function waitForProblem(page: Page, text: string | RegExp): Promise<Problem> {
  const panel = await openProblems(page);
  const row = panel.locator('.monaco-list-row').filter({ hasText: text }).first();
  await row.waitFor();
  return { label: (await row.getAttribute('aria-label')) ?? '', text: (await row.innerText()).replace(/\s+/g, ' ').trim() };
}

async function openProblems(page: Page): Promise<Locator> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.locator('.monaco-workbench').focus();
    await page.keyboard.press('Control+Shift+M');
  }
  await panel.waitFor();
  return panel;
}

/** Waits for a notification toast containing `text`, and returns it. */
export async function waitForNotification(page: Page, text: string | RegExp): Promise<Locator> {
  const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }).first();
  await toast.waitFor();
  return toast;
}

/** Saves a full-page PNG to test-output/e2e/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(outputDir, { recursive: true });
  const path = join(outputDir, `${fileName(name)}.png`);
  await page.screenshot({ path });
  return path;
}

/** A test title made safe to use as a file name. */
export function fileName(title: string): string {
  return title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function cssString(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}
