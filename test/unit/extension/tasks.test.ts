import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commands } from '../../../src/cli/commands';
import { isTaskDefinition, TASK_COMMANDS, TASK_TYPE, taskCommandLine } from '../../../src/extension/tasks/commandLine';
import { installFakeVscode } from './fake-vscode';
import { manifest } from './manifest';

const ROOT = join(__dirname, '../../..');

const TODAY = ['--today', '2026-11-23'];

interface Matcher {
  name: string;
  owner: string;
  fileLocation: string[];
  pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number };
}
const matcher: Matcher = manifest.contributes.problemMatchers.find((m: Matcher) => m.name === 'bmslicense');

/** What VS Code makes of one output line with the $bmslicense pattern. */
function match(line: string) {
  const m = new RegExp(matcher.pattern.regexp).exec(line);
  if (!m) return undefined;
  const p = matcher.pattern;
  return { file: m[p.file], line: Number(m[p.line]), column: Number(m[p.column]), severity: m[p.severity], code: m[p.code], message: m[p.message] };
}

describe('tasks and the $bmslicense problem matcher', () => {
  before(function () {
    this.timeout(60_000);
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
  });

  it('reads every line validate prints as the JSON output reports it, and nothing else', () => {
    const run = (format: string[]) => spawnSync(process.execPath, ['bin/bmslicense.js', 'validate', 'examples/broken', ...TODAY, ...format], { cwd: ROOT, encoding: 'utf8' });
    const lines = run([]).stdout.trim().split('\n');
    const diagnostics = JSON.parse(run(['--format', 'json']).stdout).diagnostics as { file: string; line: number; column: number; severity: string; code: string; message: string }[];
    const matched = lines.map(match);
    assert.equal(matched.pop(), undefined, 'the summary line is no problem');
    assert.deepEqual(
      matched,
      diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity === 'information' ? 'info' : d.severity, code: d.code, message: d.message })),
    );
    assert.ok(matched.some((m) => m?.severity === 'info'), "'information' is read as VS Code's info, not the default error");
    assert.deepEqual(matcher.fileLocation, ['autoDetect', '${workspaceFolder}']);
    assert.notEqual(matcher.owner, 'bms-license', "its own owner: the task's markers never replace the language server's");
  });

  it('declares the task type the provider serves, for the CLI commands that exist', () => {
    const [definition] = manifest.contributes.taskDefinitions;
    assert.equal(definition.type, TASK_TYPE);
    assert.deepEqual(definition.properties.command.enum, [...TASK_COMMANDS]);
    for (const c of TASK_COMMANDS) assert.ok(commands.some((x) => x.name === c), c);
    assert.ok(isTaskDefinition({ type: 'bmslicense', command: 'plan', args: ['--site', 'x'] }));
    for (const bad of [{ type: 'shell', command: 'validate' }, { type: 'bmslicense', command: 'apply' }, { type: 'bmslicense', command: 'validate', args: '--strict' }]) {
      assert.ok(!isTaskDefinition(bad), JSON.stringify(bad));
    }
  });

  it('runs the bundled CLI with the given arguments and its exit code', () => {
    const line = taskCommandLine(process.execPath, join(ROOT, 'dist/cli.js'), { type: 'bmslicense', command: 'validate', args: ['examples/broken', ...TODAY] });
    const r = spawnSync(line.command, line.args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...line.env } });
    assert.equal(r.status, 1, r.stderr);
    assert.ok(match(r.stdout.split('\n')[0]), r.stdout);
    const clean = taskCommandLine(process.execPath, join(ROOT, 'dist/cli.js'), { type: 'bmslicense', command: 'validate', args: ['examples/hospital-north'] });
    assert.equal(spawnSync(clean.command, clean.args, { cwd: ROOT, env: { ...process.env, ...clean.env } }).status, 0);
  });

  it('offers validate for the workspace folder and resolves a plan task from tasks.json, both with $bmslicense', () => {
    const fake = installFakeVscode(ROOT);
    const subscriptions: unknown[] = [];
    const { registerTasks } = require('../../../src/extension/tasks/provider') as typeof import('../../../src/extension/tasks/provider');
    registerTasks({ subscriptions, asAbsolutePath: (p: string) => join('/ext', p) } as never);
    const provider = fake.taskProviders.get(TASK_TYPE);
    assert.equal(subscriptions.length, 1);
    const [offered] = provider.provideTasks();
    assert.deepEqual([offered.name, offered.definition, offered.problemMatchers], ['validate', { type: TASK_TYPE, command: 'validate' }, ['$bmslicense']]);
    assert.deepEqual(offered.execution.args.slice(2), ['/ext/dist/cli.js', 'validate']);
    assert.equal(offered.execution.options.cwd, ROOT);
    const definition = { type: TASK_TYPE, command: 'plan', args: ['--site', 'hospital-north'] };
    const resolved = provider.resolveTask({ definition, scope: { uri: { fsPath: '/w' } }, name: 'plan hospital-north' });
    assert.deepEqual(resolved.execution.args.slice(3), ['plan', '--site', 'hospital-north']);
    assert.equal(resolved.execution.options.cwd, '/w');
    assert.equal(provider.resolveTask({ definition: { type: TASK_TYPE, command: 'apply' }, name: 'x' }), undefined, 'apply is never a task');
  });
});
