// `bmslicense lmstat FILE`: read a saved `lmutil lmstat -a` / `-i` output and show what the License Server reports.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeLmstatBytes, explainFlexNetError, parseLmstat, type FlexNetError, type LmstatResult } from '../../engine/lmstat';
import { flag, parseArgs, type ParsedArgs } from '../args';
import { toCachedUsage, writeUsage } from '../../engine/lmstat/cache';
import type { LmstatText } from '../../engine/lmstat/source';
import { compareSeats } from '../../engine/ledger/seats';
import { readLedger } from '../../engine/ledger/ledger';
import { foldSite } from '../../engine/ledger/siteLedger';
import { recordVerified, seatsAgree } from '../../engine/record/verified';
import { activationOf } from '../../engine/model';
import { clockOf, siteWorkflow } from './workflowArgs';
import { UsageError, type CliCommand, type CliIO } from '../io';

const noStdin = async (): Promise<Buffer> => {
  throw new Error('standard input is not available here');
};

/** Text output lists at most this many users; the JSON output has them all. */
const MAX_USERS_SHOWN = 200;

function errorText(e: FlexNetError): string {
  const code = e.codeFull ? ` (${e.codeFull}${e.detail ? ` "${e.detail}"` : ''})` : '';
  return `${e.message}${code}`;
}

/** The explanation of a code, once per output: 11 features failing with -5 need one hint, not 11. */
function explained(e: FlexNetError, indent: string, seen: Set<string>): string[] {
  if (!e.code || seen.has(e.code)) return [];
  seen.add(e.code);
  const x = explainFlexNetError(e.code);
  return [`${indent}→ ${x.title} ${x.action}`];
}

/** True when the output reports a License Server, vendor daemon or status error. */
function reportsTrouble(r: LmstatResult): boolean {
  return !!r.error || r.blocks.some((b) => b.servers.some((s) => s.status === 'DOWN') || b.vendorDaemons.some((d) => d.status === 'DOWN'));
}

export function lmstatSummary(file: string, r: LmstatResult): string {
  const out: string[] = [];
  const seen = new Set<string>();
  const when = r.header.statusTime ? `, status on ${r.header.statusTime}` : '';
  out.push(`lmstat output ${file}${r.header.tool ? ` (${r.header.tool}${when})` : ''}`);
  if (r.error) out.push(`Error getting status: ${errorText(r.error)}`, ...explained(r.error, '  ', seen));
  let usersShown = 0;
  let usersHidden = 0;
  r.blocks.forEach((b, i) => {
    out.push('', `License Server ${b.statusList ?? `(section ${i + 1}, no address printed)`}`);
    for (const s of b.servers) {
      const state = s.status === 'UP' ? `UP${s.master ? ' (MASTER)' : ''}${s.version ? ` v${s.version}` : ''}` : `DOWN${s.error ? `  ${errorText(s.error)}` : ''}`;
      out.push(`  ${s.address}  ${state}`);
      if (s.error) out.push(...explained(s.error, '    ', seen));
    }
    for (const d of b.vendorDaemons) {
      out.push(`  vendor daemon ${d.name}: ${d.status}${d.version ? ` v${d.version}` : ''}${d.error ? `  ${errorText(d.error)}` : ''}`);
      if (d.error) out.push(...explained(d.error, '    ', seen));
    }
    if (b.features.length > 0) out.push('  Features (in use / issued):');
    const width = Math.min(40, Math.max(0, ...b.features.map((f) => f.name.length)));
    for (const f of b.features) {
      const expiries = [...new Set(f.licenseGroups.map((g) => g.expiry ?? g.expiryRaw).filter((e) => e))];
      const expiry = expiries.length > 0 ? `  expires ${expiries.join(', ')}` : '';
      let seats: string;
      if (f.error) seats = `error: ${errorText(f.error)}`;
      else if (f.uncounted) seats = `uncounted, ${f.users.length} user${f.users.length === 1 ? '' : 's'}`;
      else seats = `${f.inUse} / ${f.issued}`;
      out.push(`    ${f.name.padEnd(width)}  ${seats}${expiry}`);
      if (f.error) out.push(...explained(f.error, '      ', seen));
      for (const u of f.users) {
        if (usersShown >= MAX_USERS_SHOWN) {
          usersHidden++;
          continue;
        }
        usersShown++;
        const who = [u.user, u.host && `on ${u.host}`, u.display && `(${u.display})`].filter(Boolean).join(' ');
        const count = u.licenses > 1 ? `, ${u.licenses} licenses` : '';
        out.push(`      ${who}  since ${u.start}${count}${u.linger ? `, linger ${u.linger}` : ''}`);
      }
      for (const q of f.queued) out.push(`      queued: ${q.user}${q.host ? ` on ${q.host}` : ''} for ${q.licenses} license${q.licenses === 1 ? '' : 's'}`);
      for (const res of f.reservations) out.push(`      reserved: ${res.count} for ${res.for} ${res.name}`);
    }
  });
  if (usersHidden > 0) out.push(`  … ${usersHidden} more users (use --format json for all of them)`);
  if (r.expiryTable.length > 0) {
    out.push('', 'License file features (lmstat -i):');
    for (const e of r.expiryTable) out.push(`  ${e.feature} v${e.version}  ${e.licenses} license${e.licenses === 1 ? '' : 's'}  expires ${e.expiry ?? e.expiryRaw}  (${e.vendor})`);
  }
  if (r.blocks.length === 0 && r.expiryTable.length === 0 && !r.error) out.push('', 'No License Server status, feature or expiry line was found in this file.');
  if (r.warnings.length > 0) {
    out.push('', `${r.warnings.length} line${r.warnings.length === 1 ? ' was' : 's were'} not lmstat output and ${r.warnings.length === 1 ? 'was' : 'were'} skipped:`);
    for (const w of r.warnings.slice(0, 5)) out.push(`  line ${w.line}: ${w.text}`);
  }
  return `${out.join('\n')}\n`;
}

function readArgs(args: string[]): { file: string; format: 'json' | 'text'; p: ParsedArgs } {
  const p = parseArgs(args, { format: true, site: true, 'license-server': true, workspace: true, by: true });
  const format = flag(p, 'format') ?? 'text';
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text (got '${format}')`);
  const [file, extra] = p.positional;
  if (extra !== undefined) throw new UsageError(`one FILE only (got '${file}' and '${extra}')`);
  if (!file) throw new UsageError('missing FILE: the saved output of `lmutil lmstat -a` (or `-i`), or - for standard input');
  if ((flag(p, 'site') === undefined) !== (flag(p, 'license-server') === undefined)) throw new UsageError('--site and --license-server go together: the License Server of the site this output comes from');
  return { file, format, p };
}

export const lmstatCommand: CliCommand = {
  name: 'lmstat',
  summary: 'read a saved `lmutil lmstat -a` / `-i` output: servers, seats in use, users, errors explained',
  usage: 'bmslicense lmstat FILE|- [--format json|text] [--site NAME --license-server ID [--workspace DIR]]   (exit 1 when a License Server or vendor daemon is down)',
  async run(args: string[], io: CliIO): Promise<number> {
    const { file, format, p } = readArgs(args);
    let bytes: Buffer;
    try {
      bytes = file === '-' ? await (io.stdin ?? noStdin)() : readFileSync(resolve(io.cwd, file));
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
      io.err(`bmslicense lmstat: cannot read '${file}': ${reason}. Save the output first, e.g. \`lmutil lmstat -a -c 27000@localhost > lmstat.txt\`.\n`);
      return 2;
    }
    const result = parseLmstat(decodeLmstatBytes(bytes));
    io.out(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : lmstatSummary(file === '-' ? 'standard input' : file, result));
    if (flag(p, 'site') !== undefined) {
      const checked = await checkAgainstLedger(p, io, { text: '', result, source: { kind: 'file', file: file === '-' ? 'standard input' : file } });
      if (checked !== 0) return checked;
    }
    return reportsTrouble(result) ? 1 : 0;
  },
};

/** `--site --license-server`: keep the reading for the tree and the rules, compare it with the ledger, and append `verified` when they agree. */
async function checkAgainstLedger(p: ParsedArgs, io: CliIO, reading: LmstatText): Promise<number> {
  const w = siteWorkflow(p, io);
  if (!w.ok) return io.err(`${w.error}\n`), 2;
  const { options, root } = w.value;
  const lsId = flag(p, 'license-server')!;
  const ls = options.site.licenseServers.find((l) => l.id === lsId);
  if (!ls) return io.err(`bmslicense lmstat: site '${options.site.name}' has no License Server '${lsId}' (it has: ${options.site.licenseServers.map((l) => l.id).join(', ') || 'none'}).\n`), 2;
  const clock = clockOf(io);
  if (!clock.ok) return io.err(`${clock.error}\n`), 2;
  const usage = toCachedUsage(reading, { site: options.site.name, licenseServer: ls.id, address: ls.address }, clock.value());
  const written = await writeUsage(root, usage);
  if (!written.ok) return io.err(`${written.error.message}\n`), 1;
  if (activationOf(options.site) === 'simulator') {
    io.out(`\nKept as the usage of ${ls.id}. Site ${options.site.name} is a simulator site: its simulated activations are not compared with a real License Server.\n`);
    return 0;
  }
  const state = foldSite(options.site, readLedger(options.ledgerPath), options.ledgerPath);
  const check = compareSeats(options.site, options.plans, state, ls, usage);
  const out = ['', `Network seats of ${ls.id}: issued (lmstat) against recorded (ledger):`];
  for (const c of check.comparisons) {
    const included = c.included > 0 ? ` + ${c.included} included with the ES/EC it serves` : '';
    const verdict = { agrees: 'agrees', 'fewer-issued': 'FEWER issued than recorded (BMS084)', 'more-issued': 'served but not recorded (BMS085)', 'not-known': 'not reported by lmstat' }[c.kind];
    out.push(`  ${c.feature}: issued ${c.issued ?? '—'}, recorded ${c.recorded}${included}${c.lines.length ? ` (ledger lines ${c.lines.join(', ')})` : ''} — ${verdict}`);
  }
  if (check.comparisons.length === 0) out.push('  no network license recorded or planned on it');
  if (check.notVisible > 0) out.push(`  ${check.notVisible} centralized license(s) of the site: not visible to lmstat (Device Administrator shows them)`);
  if (seatsAgree(check)) {
    const r = await recordVerified(options, check, usage.at.replace(/\.\d{3}Z$/, 'Z'));
    if (!r.ok) return io.err(`${r.notDone[0]?.message ?? 'not recorded'}\n`), 1;
    out.push(`Verified: the ledger agrees with ${ls.id}; recorded in ${options.ledgerPath.split(/[\\/]/).pop()}.`);
  } else out.push('Not verified: bmslicense validate shows each difference on the License Server (BMS084, BMS085).');
  io.out(`${out.join('\n')}\n`);
  return 0;
}
