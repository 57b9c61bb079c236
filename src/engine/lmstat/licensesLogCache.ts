// The last imported licenses log of each License Server, kept per site under
// `.bmslicense/licenses-log/<site>/<ls>.json`, so the tree and the dashboard show its denials without
// reading the log again. Written atomically (temp file + rename), read tolerantly.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Site } from '../model';
import { makeStateDir } from '../stateFolder';
import type { LicensesLogSummary } from './licensesLogSummary';
import { existsOncePerPass, foldersAbove } from './siteFolders';

export const LICENSES_LOG_CACHE_VERSION = 1;

export interface CachedLicensesLog extends LicensesLogSummary {
  version: typeof LICENSES_LOG_CACHE_VERSION;
  /** ISO time of the import. */
  at: string;
  site: string;
  licenseServer: string;
  /** The log file as it was named at the import. */
  file: string;
}

export type LicensesLogReader = (site: string, licenseServer: string) => CachedLicensesLog | undefined;

function part(id: string): string {
  return encodeURIComponent(id).replace(/\*/g, '%2A').replace(/^\.+$/, (dots) => '%2E'.repeat(dots.length));
}

export function licensesLogFile(workspaceRoot: string, site: string, licenseServer: string): string {
  return path.join(logsFolder(workspaceRoot), part(site), `${part(licenseServer)}.json`);
}

function logsFolder(workspaceRoot: string): string {
  return path.join(workspaceRoot, '.bmslicense', 'licenses-log');
}

export function writeLicensesLog(workspaceRoot: string, entry: CachedLicensesLog): { ok: true; file: string } | { ok: false; message: string } {
  const file = licensesLogFile(workspaceRoot, entry.site, entry.licenseServer);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    makeStateDir(path.dirname(file));
    writeFileSync(tmp, `${JSON.stringify(entry)}\n`);
    renameSync(tmp, file);
    return { ok: true, file };
  } catch (e) {
    rmSync(tmp, { force: true });
    return { ok: false, message: `Could not save the licenses log of '${entry.licenseServer}' to ${file}: ${(e as Error).message}. Check that the workspace folder is writable.` };
  }
}

export function readLicensesLog(workspaceRoot: string, site: string, licenseServer: string): CachedLicensesLog | undefined {
  try {
    const v = JSON.parse(readFileSync(licensesLogFile(workspaceRoot, site, licenseServer), 'utf8')) as Partial<CachedLicensesLog>;
    const ok = v?.version === LICENSES_LOG_CACHE_VERSION && v.site === site && v.licenseServer === licenseServer && Array.isArray(v.problems) && Array.isArray(v.features);
    return ok ? (v as CachedLicensesLog) : undefined;
  } catch {
    return undefined;
  }
}

/** A reader for every site of a workspace, and a reader for one pass over them (a tree build). */
export interface SitesLicensesLogReader extends LicensesLogReader {
  /** The same answers, each folder's `.bmslicense/licenses-log` looked for once in the pass (most have none). */
  forOnePass(): LicensesLogReader;
}

/** Finds each site's entries in the nearest folder above its Site file that has them (like the lmstat cache). */
export function licensesLogReaderForSites(sites: { site(name: string): Site | undefined }): SitesLicensesLogReader {
  // The tree is rebuilt on every edit: a file is read again only when it changed.
  const memo = new Map<string, { mtimeMs: number; size: number; entry: CachedLicensesLog | undefined }>();
  const read = (siteName: string, licenseServer: string, hasLogs: (dir: string) => boolean): CachedLicensesLog | undefined => {
    for (const dir of foldersAbove(sites, siteName)) {
      if (!hasLogs(dir)) continue;
      const file = licensesLogFile(dir, siteName, licenseServer);
      // Most License Servers have no log imported: a miss without an exception (a 200-site tree asks 1,000 times).
      let stat;
      try {
        stat = statSync(file, { throwIfNoEntry: false });
      } catch {
        continue;
      }
      if (!stat) continue;
      const seen = memo.get(file);
      if (seen && seen.mtimeMs === stat.mtimeMs && seen.size === stat.size) return seen.entry;
      const entry = readLicensesLog(dir, siteName, licenseServer);
      memo.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, entry });
      return entry;
    }
    return undefined;
  };
  const reader = ((siteName: string, licenseServer: string) => read(siteName, licenseServer, () => true)) as SitesLicensesLogReader;
  reader.forOnePass = () => {
    const exists = existsOncePerPass();
    return (siteName, licenseServer) => read(siteName, licenseServer, (dir) => exists(logsFolder(dir)));
  };
  return reader;
}
