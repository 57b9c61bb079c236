// Scenario 2: the language server in a real VS Code. The plan's one known problem shows in Problems; an
// unknown server id typed over `as-01` raises BMS010 on that line and fixing it clears it; completion
// after `server: ` offers the site's server ids.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openFile, problems, screenshot, waitForProblem } from './harness';
import { useFixtureWorkbench } from './fixtures/workspace';
import { SERVER_NODE_FLAGS } from '../../src/server/nodeFlags';

/** The command lines of the running language servers (node processes of our dist/server.js). */
function serverCommandLines(): string[][] {
  const out: string[][] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      continue; // gone meanwhile
    }
    if (args.some((a) => a.endsWith('/dist/server.js'))) out.push(args);
  }
  return out;
}

/** Line and column (1-based) of `as-01` in the first `as-01` assignment of fixtures/diagnostics/plan.bms.yaml. */
const AS01 = { line: 37, column: 17 };

/** Moves the cursor with Go to Line (Ctrl+G accepts `line:column`). */
async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`); // the ':' prefix keeps the picker in Go to Line mode
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
}

/** Selects `length` characters to the right of line:column. */
async function select(page: Page, line: number, column: number, length: number): Promise<void> {
  await goTo(page, line, column);
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
}

/** Waits until the Problems panel lists the fixture's BMS021 and no other BMS code (edits settle key by key). */
async function onlyKnownProblem(page: Page): Promise<void> {
  await page.waitForFunction(`(() => {
    const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.textContent || '');
    const codes = rows.flatMap((t) => t.match(/BMS0\\d\\d/g) || []);
    return codes.length > 0 && codes.every((c) => c === 'BMS021');
  })()`);
}

describe('e2e: language server diagnostics and completion (plan with one known problem)', function () {
  this.timeout(120_000);
  const { session } = useFixtureWorkbench('diagnostics');

  it('opening the plan shows its one known problem (BMS021) in the Problems panel', async () => {
    const { page } = session;
    await openFile(page, 'plan.bms.yaml');
    const problem = await waitForProblem(page, 'BMS021');
    assert.match(problem.text, /ACT-7F3A-0004 holds 2 .*assigns 3/);
    assert.match(problem.text, /Ln 16/, problem.text);
    const all = await problems(page);
    assert.equal(all.length, 1, `exactly the fixture's problem: ${JSON.stringify(all)}`);
    await screenshot(page, 'diagnostics-1-known-problem');
  });

  it('the extension starts its language server with the node flags the benchmarks measure', () => {
    const servers = serverCommandLines();
    assert.ok(servers.length > 0, 'a language server process is running');
    for (const args of servers) for (const flag of SERVER_NODE_FLAGS) assert.ok(args.includes(flag), `${flag} in ${args.join(' ')}`);
  });

  it('typing an unknown server id over as-01 raises BMS010 on that line', async () => {
    const { page } = session;
    await page.locator('.editor-group-container.active .monaco-editor').first().click({ position: { x: 200, y: 100 } });
    await select(page, AS01.line, AS01.column, 'as-01'.length);
    await page.keyboard.type('as-99');
    // Typing goes key by key: the server may first answer for 'a', 'as', … so wait for the whole id.
    const problem = await waitForProblem(page, /no server 'as-99'.*BMS010/);
    assert.match(problem.text, new RegExp(`Ln ${AS01.line}, Col ${AS01.column}`), problem.text);
    await screenshot(page, 'diagnostics-2-unknown-server');
  });

  it('fixing the id clears BMS010 and leaves the known problem', async () => {
    const { page } = session;
    await select(page, AS01.line, AS01.column, 'as-99'.length);
    await page.keyboard.type('as-01');
    await onlyKnownProblem(page);
    const all = await problems(page);
    assert.deepEqual(all.map((p) => /BMS0\d\d/.exec(p.text)?.[0]), ['BMS021']);
    await screenshot(page, 'diagnostics-3-fixed');
  });

  it('completion after `server: ` lists the server ids, and accepting one clears the empty value', async () => {
    const { page } = session;
    await select(page, AS01.line, AS01.column, 'as-01'.length);
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.editor-widget.suggest-widget.visible');
    await suggest.locator('.monaco-list-row', { hasText: 'as-01' }).first().waitFor();
    const labels = await suggest.locator('.monaco-list-row .label-name').allInnerTexts();
    for (const id of ['as-01', 'es-01', 'ec-01']) assert.ok(labels.some((l) => l.trim() === id), `${id} offered: ${labels.join(', ')}`);
    await screenshot(page, 'diagnostics-4-completion');
    // Accepting the focused suggestion (as-01, the first) brings the plan back to its one known problem.
    await suggest.locator('.monaco-list-row.focused', { hasText: 'as-01' }).waitFor();
    await page.keyboard.press('Enter');
    await onlyKnownProblem(page);
    assert.deepEqual((await problems(page)).map((p) => /BMS0\d\d/.exec(p.text)?.[0]), ['BMS021']);
  });
});
