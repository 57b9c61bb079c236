import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { RULES } from '../../../src/engine/diagnostics';

const readme = readFileSync(`${__dirname}/../../../README.md`, 'utf8');

describe('README', () => {
  it('starts with exactly two set-up commands', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = block.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    assert.equal(commands.length, 2);
    assert.match(commands[1], /^npm test\b/);
    assert.ok(readme.indexOf('```sh') < readme.indexOf('\n## '), 'the commands come before the first section');
  });

  it('says at the test command what its first run installs, and names a fast-suites script that exists', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const testLine = block.split('\n').find((l) => l.startsWith('npm test')) ?? '';
    assert.match(testLine, /installs Chromium and code-server/);
    assert.match(testLine, /apt-get/, 'what it needs');
    const fast = /npm run (test:[a-z]+)/.exec(block)?.[1];
    assert.ok(fast, 'the set-up block names the fast suites\' script');
    const scripts = JSON.parse(readFileSync(`${__dirname}/../../../package.json`, 'utf8')).scripts as Record<string, string>;
    assert.ok(scripts[fast], `package.json has the ${fast} script`);
    assert.doesNotMatch(scripts[fast], /test\/(webview|e2e)/, `${fast} runs no suite that needs Chromium or code-server`);
  });

  it('documents every rule code with its severity and an anchor the diagnostics link to', () => {
    for (const [code, info] of Object.entries(RULES)) {
      const row = readme.split('\n').find((l) => l.includes(`<a id="${code.toLowerCase()}"></a>${code}`));
      assert.ok(row, `README has a row for ${code}`);
      assert.ok(row.includes(`| ${info.severity} |`), `${code} is documented as ${info.severity}`);
    }
  });
});
