// The npm package as a CI job installs it: `npm pack` (its `prepack` builds the CLI), then the tarball installed
// into an empty prefix with install scripts off and no network, and `bmslicense` run from outside the repository
// (no node_modules above it, no NODE_PATH): what it needs at run time must be in the tarball.
// Note: `npm pack` leaves a production dist/cli.js in the work tree (the next `npm run build` replaces it).
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
/** The tarball may not grow past this (today about 190 KB: the CLI bundle, the schemas, README, CHANGELOG). */
const MAX_TARBALL_BYTES = 1_000_000;
/** Every file the package may hold: what runs, and what npm always adds. */
const ALLOWED = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|bin\/bmslicense\.js|dist\/cli\.js|schemas\/[a-z]+\.schema\.json)$/;
const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/bmslicense.js', 'dist/cli.js', 'schemas/bms.schema.json', 'schemas/site.schema.json', 'schemas/licenseplan.schema.json'];
/** Scripts npm runs when the package is installed: a package that needs them does not work with scripts off. */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

type Packed = { filename: string; size: number; unpackedSize: number; files: { path: string }[] };

/** npm as the test runner was started with it (npm_execpath under `npm test`/`npx`), else the one on PATH. */
function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  const cli = process.env.npm_execpath;
  const viaNode = cli !== undefined && /\.c?js$/.test(cli);
  return spawnSync(viaNode ? process.execPath : 'npm', viaNode ? [cli, ...args] : args, { cwd, env, encoding: 'utf8', shell: !viaNode && process.platform === 'win32', timeout: 120_000 });
}

/** An environment with nothing from this repository or the parent npm: no npm_* variables, no NODE_PATH, its own cache and npmrc. */
function cleanEnv(tmp: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_|^node_path$|^node_options$/i.test(k)) env[k] = v;
  fs.writeFileSync(path.join(tmp, 'npmrc'), '');
  return {
    ...env,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${env.PATH ?? ''}`,
    npm_config_userconfig: path.join(tmp, 'npmrc'),
    npm_config_cache: path.join(tmp, 'npm-cache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

function binIn(folder: string): string {
  return path.join(folder, process.platform === 'win32' ? 'bmslicense.cmd' : 'bmslicense');
}

describe('npm package bms-license-workbench: packed, installed with scripts off, run offline', function () {
  this.timeout(240_000);
  let tmp: string;
  let packed: Packed;
  let tgz: string;
  let env: NodeJS.ProcessEnv;
  let work: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bms-npm-package-'));
    const r = npm(['pack', '--json', '--pack-destination', tmp], ROOT);
    assert.equal(r.status, 0, `npm pack failed:\n${r.stderr}`);
    [packed] = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as Packed[];
    tgz = path.join(tmp, packed.filename);
    env = cleanEnv(tmp);
    // The examples as a CI job would have them: in its own checkout, far from this repository.
    work = path.join(tmp, 'work');
    for (const example of ['hospital-north', 'broken']) fs.cpSync(path.join(ROOT, 'examples', example), path.join(work, example), { recursive: true });
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const run = (bin: string, args: string[]) => spawnSync(bin, args, { cwd: work, env, encoding: 'utf8', shell: process.platform === 'win32', timeout: 60_000 });

  it('holds what runs and nothing else, under the size limit', () => {
    const files = packed.files.map((f) => f.path).sort();
    assert.deepEqual(files.filter((f) => !ALLOWED.test(f)), [], 'files a user does not run');
    assert.deepEqual(files.filter((f) => /^(test|src|bench|webview|examples|scripts|docs|node_modules)\//.test(f)), []);
    assert.deepEqual(REQUIRED.filter((f) => !files.includes(f)), [], 'missing from the tarball');
    assert.ok(fs.statSync(tgz).size < MAX_TARBALL_BYTES, `tarball ${fs.statSync(tgz).size} bytes > ${MAX_TARBALL_BYTES}`);
    assert.equal(packed.filename, `${manifest.name}-${manifest.version}.tgz`);
  });

  it('installs globally into an empty prefix with --ignore-scripts --offline; --version and validate work', () => {
    const prefix = path.join(tmp, 'prefix');
    fs.mkdirSync(prefix);
    const install = npm(['install', '--global', '--ignore-scripts', '--offline', '--prefix', prefix, tgz], tmp, env);
    assert.equal(install.status, 0, `npm install --global failed:\n${install.stderr}`);
    const bin = binIn(process.platform === 'win32' ? prefix : path.join(prefix, 'bin'));

    const version = run(bin, ['--version']);
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout, `${manifest.version}\n`);

    const clean = run(bin, ['validate', 'hospital-north']);
    assert.equal(clean.status, 0, clean.stderr);
    assert.match(clean.stdout, /^2 files checked: 0 errors, 0 warnings/m);

    const broken = run(bin, ['validate', 'broken', '--today', '2026-11-23', '--format', 'json']);
    assert.equal(broken.status, 1, broken.stderr);
    const report = JSON.parse(broken.stdout) as { version: number; summary: { errors: number }; diagnostics: { file: string; line: number; code: string; severity: string }[] };
    assert.equal(report.version, 1);
    assert.ok(report.summary.errors > 0);
    const syntax = report.diagnostics.find((d) => d.code === 'BMS001');
    assert.deepEqual(syntax && { file: path.basename(syntax.file), line: syntax.line, severity: syntax.severity }, { file: 'syntax-error.bms.yaml', line: 11, severity: 'error' });

    const text = run(bin, ['validate', 'broken', '--today', '2026-11-23']);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /syntax-error\.bms\.yaml:11:3: error BMS001 /);

    const installed = path.join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', manifest.name);
    const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    assert.equal(pkg.dependencies, undefined, 'runtime dependencies are bundled into dist/cli.js');
    assert.equal(pkg.optionalDependencies, undefined);
    assert.equal(pkg.bin?.bmslicense, 'bin/bmslicense.js');
    assert.equal(pkg.engines?.node, '>=20');
    assert.deepEqual(INSTALL_SCRIPTS.filter((s) => pkg.scripts?.[s] !== undefined), [], 'no script runs at install');
    assert.deepEqual(fs.readdirSync(installed).filter((f) => f === 'node_modules'), [], 'nothing installed beside it');
    assert.doesNotMatch(fs.readFileSync(path.join(installed, 'dist', 'cli.js'), 'utf8').slice(-200), /sourceMappingURL/, 'a production build (no source map to miss)');
  });

  it('installs into a project with npm install --offline <tgz>; node_modules/.bin/bmslicense validates', () => {
    const project = path.join(tmp, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), '{ "private": true }\n');
    const install = npm(['install', '--offline', tgz], project, env);
    assert.equal(install.status, 0, `npm install --offline failed:\n${install.stderr}`);
    assert.deepEqual(fs.readdirSync(path.join(project, 'node_modules')).filter((f) => !f.startsWith('.')), [manifest.name], 'no dependency came with it');
    const r = run(binIn(path.join(project, 'node_modules', '.bin')), ['validate', 'hospital-north']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^2 files checked: 0 errors/m);
  });

  it("the README's CI recipes install the released package at package.json's version", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const pins = [...readme.matchAll(/\bbms-license-workbench@([0-9A-Za-z.+-]+)/g)].map((m) => m[1]);
    assert.ok(pins.length >= 3, `the GitHub, GitLab and Azure recipes pin a version; found ${pins.length}`);
    assert.deepEqual([...new Set(pins)], [manifest.version]);
    assert.match(readme, /npx --yes -p bms-license-workbench@\S+ bmslicense validate/);
    assert.match(readme, /npm install --global bms-license-workbench@/);
    assert.doesNotMatch(readme, /npm install --global github:/, 'installs from git need a build on the user machine');
  });
});
