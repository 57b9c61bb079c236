// `bmslicense record <op>`: write down what was done in License Administrator or Device Administrator, one step
// at a time (or adopt / void a ledger line). Exit 0 recorded, 1 refused (nothing written), 2 bad usage.
import { RECORD_OPS, type RecordOp, type RecordRequest } from '../../engine/record/types';
import { record } from '../../engine/record/record';
import type { LicenseLine } from '../../engine/las/types';
import { UsageError, type CliCommand, type CliIO } from '../io';
import { refusalExitCode } from '../siteLock';
import { flag, parseArgs, siteWorkflow, SITE_OPTIONS } from './workflowArgs';

const USAGE =
  'bmslicense record <op> --site NAME --target ID [--activation-id A [--quantity N]]… [--vendor-ref ID]… [--at TIME] [--anyway "reason"] [--reason R] [--request OP] [--workspace DIR] [--by USER]\n' +
  `       <op>: ${RECORD_OPS.filter((o) => o !== 'adopt' && o !== 'void').join(', ')}\n` +
  '       bmslicense record adopt --site NAME (--line N | --all)\n' +
  '       bmslicense record void --site NAME --line N --reason "why"';

const { las: _las, 'las-token-env': _tokenEnv, ...SITE_ONLY } = SITE_OPTIONS;

/** record reaches no activation server: the site's options without --las. */
export const RECORD_OPTIONS = {
  ...SITE_ONLY,
  'activation-id': true,
  quantity: true,
  'vendor-ref': true,
  at: true,
  anyway: true,
  reason: true,
  request: true,
  line: true,
  all: false,
} as const;

/** The repeated options in their order: each --activation-id with the --quantity that follows it (before the next id). */
export function repeated(args: string[]): { lines: LicenseLine[]; ids: string[]; vendorRefs: string[] } {
  const out = { lines: [] as LicenseLine[], ids: [] as string[], vendorRefs: [] as string[] };
  let current: { id: string; quantity?: number } | undefined;
  const close = () => {
    if (!current) return;
    if (current.quantity === undefined) out.ids.push(current.id);
    else out.lines.push({ activationId: current.id, quantity: current.quantity });
    current = undefined;
  };
  const end = args.indexOf('--');
  const list = end === -1 ? args : args.slice(0, end);
  for (let i = 0; i < list.length; i++) {
    const [name, inline] = list[i]!.startsWith('--') ? (list[i]!.includes('=') ? [list[i]!.slice(0, list[i]!.indexOf('=')), list[i]!.slice(list[i]!.indexOf('=') + 1)] : [list[i]!, undefined]) : [undefined, undefined];
    if (name === undefined) continue;
    const value = inline ?? list[i + 1];
    if (name === '--activation-id') {
      close();
      current = { id: value ?? '' };
    } else if (name === '--quantity') {
      const q = Number(value);
      if (!current) throw new UsageError('--quantity follows the --activation-id it belongs to');
      if (current.quantity !== undefined) throw new UsageError(`--activation-id ${current.id} has two --quantity values`);
      if (!Number.isInteger(q) || q < 1) throw new UsageError(`--quantity ${value} is not a whole number of 1 or more`);
      current.quantity = q;
    } else if (name === '--vendor-ref') out.vendorRefs.push(value ?? '');
    if (inline === undefined && ['--activation-id', '--quantity', '--vendor-ref'].includes(name)) i++;
  }
  close();
  return out;
}

/** `--at`: an ISO time, or a day (taken as noon UTC). */
export function parseAt(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value;
  const t = Date.parse(day);
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}/.test(value)) throw new UsageError(`--at ${value} is not a time: give 2026-03-14 or 2026-03-14T09:30:00Z`);
  return new Date(t);
}

export function recordRequest(op: RecordOp, p: ReturnType<typeof parseArgs>, args: string[]): RecordRequest {
  const r = repeated(args);
  const lineText = flag(p, 'line');
  const line = lineText === undefined ? undefined : Number(lineText);
  if (line !== undefined && (!Number.isInteger(line) || line < 1)) throw new UsageError(`--line ${lineText} is not a line number`);
  const request = flag(p, 'request');
  if (request !== undefined && !['activate', 'return', 'reclaim', 'repair'].includes(request)) throw new UsageError('--request is activate, return, reclaim or repair');
  const anyway = flag(p, 'anyway');
  return {
    op,
    target: flag(p, 'target'),
    lines: r.lines,
    activationIds: r.ids,
    vendorRefs: r.vendorRefs,
    at: parseAt(flag(p, 'at')),
    anyway,
    line,
    all: p.flags.get('all') === true,
    reason: flag(p, 'reason'),
    ...(request ? { request: request as RecordRequest['request'] } : {}),
  };
}

export async function runRecord(op: RecordOp, args: string[], io: CliIO): Promise<number> {
  const p = parseArgs(args, RECORD_OPTIONS);
  if (p.positional.length > 0) throw new UsageError(`unexpected argument ${p.positional[0]}`);
  if (flag(p, 'anyway') !== undefined && flag(p, 'anyway')!.trim() === '') throw new UsageError('--anyway needs the reason');
  const req = recordRequest(op, p, args);
  // The target is judged by record itself: one the site does not know is a refusal (exit 1), not bad usage.
  const flags = new Map(p.flags);
  flags.delete('target');
  const w = siteWorkflow({ ...p, flags }, io);
  if (!w.ok) return io.err(`${w.error}\n`), 2;
  const result = await record(w.value.options, req);
  const refused = refusalExitCode(result);
  if (refused !== undefined) return io.err(`${result.outcome.message}\n`), refused;
  if (!result.outcome.ok) return io.err(`${result.outcome.message}\n`), 1;
  for (const warning of result.outcome.warnings) io.err(`warning ${warning}\n`);
  io.out(`${result.outcome.message}${result.outcome.lines.length > 0 ? ` (ledger line${result.outcome.lines.length === 1 ? '' : 's'} ${result.outcome.lines.join(', ')})` : ''}\n`);
  return 0;
}

export const recordCommand: CliCommand = {
  name: 'record',
  summary: "record a step done in License Administrator or Device Administrator (activate, return, repair…), or adopt / void a ledger line",
  usage: USAGE,
  async run(args, io) {
    const [op, ...rest] = args;
    if (op === undefined || op.startsWith('-')) {
      if (op === '-h' || op === '--help') parseArgs(args, RECORD_OPTIONS);
      throw new UsageError(`name what to record: ${RECORD_OPS.join(', ')}`);
    }
    if (!(RECORD_OPS as readonly string[]).includes(op)) throw new UsageError(`'${op}' is not something to record: ${RECORD_OPS.join(', ')}`);
    return runRecord(op as RecordOp, rest, io);
  },
};
