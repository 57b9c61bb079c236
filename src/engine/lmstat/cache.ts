// The last usage reading of each License Server, kept per site under `.bmslicense/lmstat/<site>/<ls>.json`
// with its time and source, so rules, the tree and the dashboard read it without running lmutil again.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import type { Site } from '../model';
import { makeStateDir } from '../stateFolder';
import type { LmstatText } from './source';
import { summarizeLmstat, type UsageSummary } from './summary';
import { existsOncePerPass, foldersAbove } from './siteFolders';

export const USAGE_CACHE_VERSION = 1;

export interface CachedUsage extends UsageSummary {
  version: typeof USAGE_CACHE_VERSION;
  /** ISO time of the refresh or import. */
  at: string;
  site: string;
  licenseServer: string;
  /** The License Server's address in the Site file when it was read: a reading of another address is stale. */
  address: string | null;
  source: { kind: 'lmutil'; command: string; exitCode: number | null } | { kind: 'file'; file: string };
}

/** Reads the cached usage of a site's License Server; undefined when there is none (or it is unreadable). */
export type UsageReader = (site: string, licenseServer: string) => CachedUsage | undefined;

/** A file name that cannot leave its folder whatever the id is ('..', '/', ':' are encoded). */
function fileName(id: string): string {
  return encodeURIComponent(id)
    .replace(/\*/g, '%2A')
    .replace(/^\.+$/, (dots) => '%2E'.repeat(dots.length));
}

export function usageDir(workspaceRoot: string): string {
  return path.join(workspaceRoot, '.bmslicense', 'lmstat');
}

export function usageFile(workspaceRoot: string, site: string, licenseServer: string): string {
  return path.join(usageDir(workspaceRoot), fileName(site), `${fileName(licenseServer)}.json`);
}

/** The cache entry for one reading. */
export function toCachedUsage(reading: LmstatText, target: { site: string; licenseServer: string; address?: string }, at: Date = new Date()): CachedUsage {
  const s = reading.source;
  return {
    version: USAGE_CACHE_VERSION,
    at: at.toISOString(),
    site: target.site,
    licenseServer: target.licenseServer,
    address: target.address?.trim() ?? null,
    source: s.kind === 'lmutil' ? { kind: 'lmutil', command: [s.path, ...s.args].join(' '), exitCode: s.exitCode } : { kind: 'file', file: s.file },
    ...summarizeLmstat(reading.result),
  };
}

export type WriteUsageOutcome = { ok: true; file: string } | { ok: false; error: { code: 'write-failed'; message: string } };

/** Replaces the cache entry atomically: a reader sees the old reading or the new one, never half of one. */
export async function writeUsage(workspaceRoot: string, usage: CachedUsage): Promise<WriteUsageOutcome> {
  const file = usageFile(workspaceRoot, usage.site, usage.licenseServer);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    makeStateDir(path.dirname(file));
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(`${JSON.stringify(usage)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
    return { ok: true, file };
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    return { ok: false, error: { code: 'write-failed', message: `Could not save the usage of '${usage.licenseServer}' to ${file}: ${(e as Error).message}. Check that the workspace folder is writable.` } };
  }
}

function isCachedUsage(x: unknown): x is CachedUsage {
  const u = x as Partial<CachedUsage> | null;
  return typeof u === 'object' && u !== null && u.version === USAGE_CACHE_VERSION && typeof u.at === 'string' && typeof u.state === 'string' && Array.isArray(u.features) && Array.isArray(u.servers);
}

/** The cached usage of one License Server; undefined when never refreshed, or the file is not ours. */
export function readUsage(workspaceRoot: string, site: string, licenseServer: string): CachedUsage | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(usageFile(workspaceRoot, site, licenseServer), 'utf8'));
    return isCachedUsage(parsed) && parsed.site === site && parsed.licenseServer === licenseServer ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** A reader for one workspace that re-reads a file only when it changed (validation runs on every edit). */
export function usageReader(workspaceRoot: string): UsageReader {
  const memo = new Map<string, { mtimeMs: number; size: number; usage: CachedUsage | undefined }>();
  return (site, licenseServer) => {
    const file = usageFile(workspaceRoot, site, licenseServer);
    // No exception for a missing file: most License Servers have no reading, and the rules ask on every edit.
    let stat;
    try {
      stat = statSync(file, { throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    if (!stat) {
      memo.delete(file);
      return undefined;
    }
    const seen = memo.get(file);
    if (seen && seen.mtimeMs === stat.mtimeMs && seen.size === stat.size) return seen.usage;
    const usage = readUsage(workspaceRoot, site, licenseServer);
    memo.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, usage });
    return usage;
  };
}

/** True when the reading was taken at the address the Site file gives now (else it describes another server). */
export function isReadingOf(usage: CachedUsage, address: string | undefined): boolean {
  const norm = (a: string) => a.trim().toLowerCase();
  return usage.address === null || address === undefined || norm(usage.address) === norm(address);
}

/** A reader for every site of a workspace, and a reader for one validation pass. */
export interface SitesUsageReader extends UsageReader {
  /**
   * The same answers, with each readings folder looked for once in the pass: the rules ask for every License
   * Server on every keystroke (100 License Servers, three folders above the site: 300 look-ups of absent files).
   */
  forOnePass(): UsageReader;
}

/**
 * A reader that finds each site's readings in the nearest folder above its Site file that has them: the
 * workspace folder for the extension, any folder for the CLI, without being told where the workspace is.
 */
export function usageReaderForSites(sites: { site(name: string): Site | undefined }): SitesUsageReader {
  const readers = new Map<string, UsageReader>();
  // Per site, the folders above its file and the readings' folder in each (the rules ask for every License Server on every edit).
  const places = new Map<string, { uri: string; dirs: { dir: string; readings: string }[] }>();
  const read = (siteName: string, licenseServer: string, hasFolder: (readings: string) => boolean): CachedUsage | undefined => {
    const uri = sites.site(siteName)?.uri;
    if (uri === undefined) return undefined;
    let known = places.get(siteName);
    if (known?.uri !== uri) places.set(siteName, (known = { uri, dirs: [...foldersAbove(sites, siteName)].map((dir) => ({ dir, readings: path.join(usageDir(dir), fileName(siteName)) })) }));
    const file = `${fileName(licenseServer)}.json`;
    for (const { dir, readings } of known.dirs) {
      if (!hasFolder(readings) || !existsSync(path.join(readings, file))) continue;
      let reader = readers.get(dir);
      if (!reader) readers.set(dir, (reader = usageReader(dir)));
      return reader(siteName, licenseServer);
    }
    return undefined;
  };
  const reader = ((siteName: string, licenseServer: string) => read(siteName, licenseServer, () => true)) as SitesUsageReader;
  reader.forOnePass = () => {
    const hasFolder = existsOncePerPass();
    return (siteName, licenseServer) => read(siteName, licenseServer, hasFolder);
  };
  return reader;
}
