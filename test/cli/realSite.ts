// A copy of examples/hospital-north in a temporary folder, licensed one of the three ways (`spec.activation`),
// with the CLI run in it: for the tests of real sites (record, apply's checklist, via, reports).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { capturedCli, type CapturedCli } from './captured';

const ROOT = path.resolve(__dirname, '../..');

export interface RealSite {
  dir: string;
  cli: CapturedCli;
  ledger: string;
  /** The ledger's events, parsed. */
  events(): Record<string, unknown>[];
  /** Appends raw JSON lines to the ledger (e.g. a line written by an earlier version). */
  append(...events: Record<string, unknown>[]): void;
  remove(): void;
}

/** `way` undefined: the line is taken out (a site written before spec.activation existed). */
export function realSite(way: 'vendor-tools' | 'simulator' | 'http' | undefined, env: NodeJS.ProcessEnv = {}): RealSite {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bms-real-'));
  fs.cpSync(path.join(ROOT, 'examples/hospital-north'), dir, { recursive: true });
  const site = path.join(dir, 'site.bms.yaml');
  const text = fs.readFileSync(site, 'utf8');
  fs.writeFileSync(site, way === undefined ? text.replace(/\n *activation: simulator.*/, '') : text.replace(/activation: simulator.*/, `activation: ${way}`));
  const ledger = path.join(dir, 'hospital-north.ledger.jsonl');
  const cli = capturedCli(() => dir, { BMSLICENSE_INTERACTIVE: '0', BMSLICENSE_LOCK_TIMEOUT: '5', ...env });
  const read = () => (fs.existsSync(ledger) ? fs.readFileSync(ledger, 'utf8') : '');
  return {
    dir,
    cli,
    ledger,
    events: () => read().split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>),
    append: (...events) => fs.appendFileSync(ledger, events.map((e) => `${JSON.stringify(e)}\n`).join('')),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
