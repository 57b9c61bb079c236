// package.json as VS Code shows it in English: every `%key%` replaced by its text from package.nls.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/** The raw manifest and its English strings. */
export const rawManifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
export const nls: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));

function resolve(value: unknown): unknown {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (!m) return value;
    if (!(m[1]! in nls)) throw new Error(`package.json names %${m[1]}%, which package.nls.json does not hold`);
    return nls[m[1]!];
  }
  if (Array.isArray(value)) return value.map(resolve);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  return value;
}

/** The manifest with the English strings filled in. */
export const manifest = resolve(rawManifest) as typeof rawManifest;
