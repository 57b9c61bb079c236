// The packaged extension under test: built once per test run by scripts/package.mjs.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './setup';

let built: Promise<string> | undefined;

/**
 * Path of the .vsix for this checkout, packaged on first call (`npm run package`).
 * BMS_E2E_VSIX=path tests a given .vsix instead of building one.
 */
export function packagedVsix(): Promise<string> {
  const given = process.env.BMS_E2E_VSIX;
  if (given) {
    return existsSync(given) ? Promise.resolve(given) : Promise.reject(new Error(`BMS_E2E_VSIX=${given} does not exist`));
  }
  built ??= build();
  return built;
}

function build(): Promise<string> {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = join(repoRoot, '.cache', 'vsix', `${manifest.name}-${manifest.version}.vsix`);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(repoRoot, 'scripts', 'package.mjs')], { cwd: repoRoot, timeout: 5 * 60_000 }, (error, stdout, stderr) => {
      if (error || !existsSync(vsix)) {
        reject(new Error(`npm run package failed, so there is no .vsix to test:\n${stdout}\n${stderr}`));
      } else {
        resolve(vsix);
      }
    });
  });
}
