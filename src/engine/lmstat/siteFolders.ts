// Where a site's cached readings may be: its Site file's folder and every folder above it, nearest first
// (the workspace folder for the extension, any folder for the CLI, without being told where the workspace is).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Site } from '../model';

export function* foldersAbove(sites: { site(name: string): Site | undefined }, siteName: string): Generator<string> {
  const site = sites.site(siteName);
  if (!site || !site.uri.startsWith('file:')) return;
  let dir: string;
  try {
    dir = path.dirname(fileURLToPath(site.uri));
  } catch {
    return;
  }
  for (;;) {
    yield dir;
    const up = path.dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

/**
 * `existsSync` asked once per path for one pass over the sites (a validation run, a tree build): most readings
 * and logs folders are absent, and every License Server of every site asks about them. A folder made during the
 * pass shows in the next one.
 */
export function existsOncePerPass(): (folder: string) => boolean {
  const seen = new Map<string, boolean>();
  return (folder) => {
    let found = seen.get(folder);
    if (found === undefined) seen.set(folder, (found = existsSync(folder)));
    return found;
  };
}
