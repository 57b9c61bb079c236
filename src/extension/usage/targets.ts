// Which License Servers a usage command acts on, and what it says afterwards. Plain TypeScript (no
// vscode) so the choices and the wording are unit-tested.
import type { CachedUsage } from '../../engine/lmstat/cache';
import { readingTime } from '../../engine/rules/usage';
import type { Site } from '../../engine/model';
import type { TreeNode } from '../../engine/tree/types';
import { t } from '../../engine/l10n';

export interface UsageTarget {
  site: string;
  licenseServer: string;
  /** The FlexNet address in the Site file; undefined when it has none. */
  address?: string;
}

export interface UsagePick {
  label: string;
  description?: string;
  value: UsageTarget[];
}

function targetsOf(site: Site, only?: string): UsageTarget[] {
  return site.licenseServers.filter((ls) => only === undefined || ls.id === only).map((ls) => ({ site: site.name, licenseServer: ls.id, address: ls.address }));
}

/**
 * The License Servers a tree node stands for: itself, or every one of its site (site node, License
 * Servers group); undefined when the argument is no such node (the command then asks).
 */
export function targetsFromArgument(arg: unknown, siteOf: (name: string) => Site | undefined): UsageTarget[] | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const node = arg as Partial<TreeNode>;
  if (typeof node.site !== 'string' || node.site === '') return undefined;
  const site = siteOf(node.site);
  if (!site) return undefined;
  if (node.kind === 'licenseServer' && typeof node.target === 'string') return targetsOf(site, node.target);
  if (node.kind === 'site' || node.kind === 'licenseServers') return targetsOf(site);
  return undefined;
}

/** One row per License Server, and one for all of a site's when it has several. */
export function usagePicks(sites: Site[], options: { allOfSite: boolean }): UsagePick[] {
  const picks: UsagePick[] = [];
  for (const site of sites) {
    if (!site.name || site.licenseServers.length === 0) continue;
    if (options.allOfSite && site.licenseServers.length > 1) picks.push({ label: t('All License Servers of {0}', site.name), description: t('{0} License Servers', site.licenseServers.length), value: targetsOf(site) });
    for (const one of targetsOf(site)) picks.push({ label: one.licenseServer, description: `${one.address ?? t('no address')} · ${t('site {0}', site.name)}`, value: [one] });
  }
  return picks;
}

/** One line about a reading: 'ls-main: up, 3 features, 5 seats in use' or 'ls-main: DOWN (-15 …)'. */
export function readingSummary(u: CachedUsage): string {
  const seats = u.features.reduce((n, f) => n + (f.inUse ?? 0), 0);
  const features = u.features.length === 1 ? t('1 feature') : t('{0} features', u.features.length);
  switch (u.state) {
    case 'up':
      return `${u.licenseServer}: ${t('up, {0}, {1} in use', features, seats === 1 ? t('1 seat') : t('{0} seats', seats))}`;
    case 'degraded':
      return `${u.licenseServer}: ${t('partly down ({0}), {1}', u.error ? `${u.error.code ?? ''} ${u.error.title}`.trim() : t('a server or vendor daemon is down'), features)}`;
    case 'down':
      return `${u.licenseServer}: ${t('DOWN ({0})', u.error ? `${u.error.code ?? ''} ${u.error.title}`.trim() : t('no License Server status'))} ${u.error?.action ?? ''}`.trim();
    case 'unknown':
      return `${u.licenseServer}: ${t('license file only (lmstat -i), {0}', features)}`;
  }
}

/** The message after a refresh or an import: what each License Server said, and when. */
export function outcomeMessage(readings: CachedUsage[], failures: string[]): { severity: 'information' | 'warning'; text: string } {
  const lines = readings.map(readingSummary);
  const bad = failures.length > 0 || readings.some((u) => u.state === 'down' || u.state === 'degraded');
  const usage = readings.length > 0 ? t('License Server usage at {0}: {1}.', readingTime(readings[0]!), lines.join('; ')) : t('License Server usage: {0}.', lines.join('; '));
  const text = [lines.length > 0 ? usage : '', ...failures].filter(Boolean).join(' ');
  return { severity: bad ? 'warning' : 'information', text };
}
