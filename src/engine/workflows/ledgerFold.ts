// The ledger of one run, read and folded once (under the site's lock, where nobody else appends) and kept up
// to date as the run appends: a big history is not read again for every step. Read again only if the file
// is not the size this run left it (a hand edit meanwhile).
import * as fs from 'node:fs';
import { fold, foldInto, type FoldContext, type LedgerState } from '../ledger/fold';
import type { JudgedLedger } from '../ledger/judged';
import { readLedger, type LedgerEvent } from '../ledger/ledger';

export class LedgerFold {
  private folded: LedgerState;
  private size: number;
  /** The number of the ledger's last line. */
  private lines: number;

  constructor(
    private readonly file: string,
    read: Pick<JudgedLedger, 'events' | 'lineOf'> & { judgement?: Pick<JudgedLedger['judgement'], 'lines'> },
    /** How the site is licensed (its lines are given with each read). */
    private readonly context: Omit<FoldContext, 'lineOf'> = {},
  ) {
    this.folded = fold(read.events, { ...context, lineOf: read.lineOf });
    this.lines = read.judgement?.lines.at(-1)?.line ?? read.lineOf.at(-1) ?? 0;
    this.size = sizeOf(file);
  }

  state(): LedgerState {
    const now = sizeOf(this.file);
    if (now !== this.size) {
      this.reread();
      this.size = now;
    }
    return this.folded;
  }

  /** Events this run appended (whole, `bytes` long): added to the fold without reading the file again. */
  appended(events: LedgerEvent[], bytes: number): void {
    const now = sizeOf(this.file);
    if (now === this.size + bytes) {
      // Lines are numbered on from the last one (an append is whole lines: one event a line).
      const lineOf = events.map((_, i) => this.lines + i + 1);
      foldInto(this.folded, events, { ...this.context, lineOf });
      this.lines += events.length;
    } else this.reread(); // someone else wrote too: read it all again
    this.size = now;
  }

  private reread(): void {
    const read = readLedger(this.file);
    this.folded = fold(read.events, { ...this.context, lineOf: read.lineOf });
    this.lines = countLines(this.file);
  }
}

function countLines(file: string): number {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  } catch {
    return 0;
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
