// Where a site's cached readings may be: its Site file's folder and every folder above it, nearest first
// (the workspace folder for the extension, any folder for the CLI, without being told where the workspace is).
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
