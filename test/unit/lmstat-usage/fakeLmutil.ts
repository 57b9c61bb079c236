// A stand-in for FlexNet's lmutil: a small shell script that records its arguments and pid, prints a
// real fixture, and exits with the code lmutil would (1 when a server is down).
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve(__dirname, '../lmstat/fixtures');

export interface FakeLmutil {
  /** The script to set as bmsLicense.lmstat.path. */
  path: string;
  /** One line per argument of the last run. */
  argsFile: string;
  pidFile: string;
  dir: string;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** `print`: a fixture file name (or `text`) to print; `exitCode`; `hang`: sleep instead of exiting; `folder`: the script's folder name. */
export function fakeLmutil(options: { print?: string; text?: string; exitCode?: number; hang?: boolean; folder?: string; stderr?: string } = {}): FakeLmutil {
  const dir = mkdtempSync(join(tmpdir(), 'bms-lmutil-'));
  const bin = join(dir, options.folder ?? 'bin');
  mkdirSync(bin, { recursive: true });
  const path = join(bin, 'lmutil');
  const argsFile = join(dir, 'args.txt');
  const pidFile = join(dir, 'pid.txt');
  const lines = ['#!/bin/sh', `echo $$ > ${quote(pidFile)}`, `: > ${quote(argsFile)}`, `for a in "$@"; do printf '%s\\n' "$a" >> ${quote(argsFile)}; done`];
  if (options.print) lines.push(`cat ${quote(join(FIXTURES, options.print))}`);
  if (options.text !== undefined) {
    writeFileSync(join(dir, 'output.txt'), options.text);
    lines.push(`cat ${quote(join(dir, 'output.txt'))}`);
  }
  if (options.stderr) lines.push(`echo ${quote(options.stderr)} >&2`);
  if (options.hang) lines.push('exec sleep 30');
  lines.push(`exit ${options.exitCode ?? 0}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  chmodSync(path, 0o755);
  return { path, argsFile, pidFile, dir };
}
