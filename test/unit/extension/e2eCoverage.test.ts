// Every command package.json contributes runs at least once in the real VS Code suite (test/e2e), under the
// watch of the extension host: checked here without starting code-server, so a new command without an
// end-to-end run fails the fast suite too.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawManifest } from './manifest';

const E2E = join(__dirname, '../../e2e');

describe('end-to-end coverage of the contributed commands', () => {
  it('each contributed command is run by an e2e suite under watch.command(id, …)', () => {
    const sources = readdirSync(E2E)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(E2E, f), 'utf8'))
      .join('\n');
    const watched = new Set([...sources.matchAll(/watch\.command\(\s*'([\w.]+)'/g)].map((m) => m[1]));
    const contributed: string[] = rawManifest.contributes.commands.map((c: { command: string }) => c.command);
    assert.ok(contributed.length > 15);
    assert.deepEqual(contributed.filter((id) => !watched.has(id)), [], 'contributed commands no e2e suite runs');
  });
});
