// The count that `npm run lint` keeps from growing: what it counts as a sentence, what it leaves alone.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '../../../scripts/sentence-assertions.mjs');
// The sources below are built from these, so that this file does not itself hold the assertions it writes.
const SIX = ['one', 'two', 'three', 'four', 'five', 'six'].join(' ');
const FIVE = SIX.slice(0, SIX.lastIndexOf(' '));

describe('scripts/sentence-assertions.mjs', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'bms-sentences-'));
    mkdirSync(join(root, 'test'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const run = (source: string, ...args: string[]) => {
    writeFileSync(join(root, 'test', 'x.test.ts'), source);
    const r = spawnSync(process.execPath, [SCRIPT, '--root', root, '--list', ...args], { encoding: 'utf8' });
    const listed = r.stdout.split('\n').filter((l) => l.startsWith('test/'));
    const allowed = r.stdout.split('\n').filter((l) => l.startsWith('allowed test/'));
    return { status: r.status, listed: listed.map((l) => Number(l.split(':')[1])), allowed: allowed.length };
  };

  it('counts a string or a regular expression of six words or more as the expected value, not five or fewer, not the message', () => {
    const r = run(
      [
        `assert.equal(a, '${SIX}');`,
        `assert.equal(a, '${FIVE}');`,
        `assert.match(a, /${SIX}/);`,
        `assert.match(a, /short/, '${SIX}');`,
        `assert.deepEqual(a, ['x', '${SIX}']);`,
      ].join('\n'),
    );
    assert.deepEqual(r.listed, [1, 3, 5]);
  });

  it("reads a regular expression's commas, quotes and escaped brackets as its text", () => {
    const words = ['the', "site's", 'files,', "plan's", '\\(lines\\)', 'more'].join(' ');
    const r = run([`assert.match(a, /${words}/);`, 'assert.match(a, /one, two \\(x/);'].join('\n'));
    assert.deepEqual(r.listed, [1]);
  });

  it('a group of alternative words is one word', () => {
    assert.deepEqual(run('assert.doesNotMatch(a, /\\b(the|was|with|first|nothing|Validated)\\b/);').listed, []);
  });

  it('a `// sentence:` comment on the line before allows one assertion, and --max fails only above the count', () => {
    const source = ['// sentence: the wording is the subject', `assert.equal(a, '${SIX}');`, `assert.equal(b, '${SIX}');`].join('\n');
    const r = run(source, '--max', '1');
    assert.deepEqual([r.listed, r.allowed, r.status], [[3], 1, 0]);
    assert.equal(run(source, '--max', '0').status, 1);
  });
});
