// lmstat outputs of a BMS License Server for the usage tests, and cache entries built from them.
import { parseLmstat } from '../../../src/engine/lmstat';
import { toCachedUsage, type CachedUsage } from '../../../src/engine/lmstat/cache';

export const AT = new Date('2026-01-15T10:20:00Z');

const HEADER = `lmutil - Copyright (c) 1989-2019 Flexera Software LLC. All Rights Reserved.
Flexible License Manager status on Thu 1/15/2026 10:20
`;

/** A License Server up, serving `features` (name → [issued, in use, users]). */
export function upOutput(host: string, features: Record<string, [number, number, string[]?]>): string {
  const lines = [HEADER, `License server status: 27000@${host}`, `    License file(s) on ${host}: C:\\ProgramData\\Schneider Electric\\License Server\\licenses:`, '', `${host}: license server UP (MASTER) v11.16.2`, '', `Vendor daemon status (on ${host}):`, '', '  SEBLDGAUT: UP v11.16.2', '', 'Feature usage info:', ''];
  for (const [name, [issued, inUse, users = []]] of Object.entries(features)) {
    lines.push(`Users of ${name}:  (Total of ${issued} licenses issued;  Total of ${inUse} licenses in use)`, '');
    if (users.length === 0) continue;
    lines.push(`  "${name}" v1.0, vendor: SEBLDGAUT, expiry: permanent`, '  floating license', '');
    users.forEach((u, i) => lines.push(`    ${u} ws0${i + 1} ws0${i + 1} (v1.0) (${host}/27000 ${101 + i}), start Thu 1/15 9:0${i}`));
    lines.push('');
  }
  return lines.join('\n');
}

export const DOWN_15 = `${HEADER}
Error getting status: Cannot connect to license server system. (-15,570:10061 "WinSock: Connection refused")
`;

export function usage(text: string, site: string, licenseServer: string, address: string | undefined = '@localhost'): CachedUsage {
  return toCachedUsage({ text, result: parseLmstat(text), source: { kind: 'lmutil', path: 'lmutil', args: ['lmstat', '-a', '-c', address ?? ''], exitCode: 0 } }, { site, licenseServer, address }, AT);
}

/** A usageOf reader over fixed readings keyed `site/ls`. */
export function readerOf(readings: CachedUsage[]): (site: string, ls: string) => CachedUsage | undefined {
  const m = new Map(readings.map((u) => [`${u.site}/${u.licenseServer}`, u]));
  return (site, ls) => m.get(`${site}/${ls}`);
}
