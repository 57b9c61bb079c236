// A seeded mutation fuzzer for `*.bms.yaml` text: case (seed, n) always yields the same text, so any
// failure is reproduced from its seed and case number alone.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** mulberry32: a tiny deterministic PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** One valid (or deliberately broken) example file the mutations start from. */
export interface SeedFile {
  name: string;
  text: string;
}

export function corpus(): SeedFile[] {
  const files = ['examples/hospital-north/site.bms.yaml', 'examples/hospital-north/plan.bms.yaml', 'examples/broken/site.bms.yaml', 'examples/broken/plan.bms.yaml', 'examples/broken/orphan-plan.bms.yaml', 'examples/broken/syntax-error.bms.yaml'];
  return files.map((f) => ({ name: f, text: fs.readFileSync(path.join(ROOT, f), 'utf8') }));
}

type Mutation = (text: string, r: Rng) => string;

const utf8 = new TextDecoder('utf-8', { fatal: false });
const splice = (text: string, at: number, cut: number, insert: string) => text.slice(0, at) + insert + text.slice(at + cut);
const pos = (text: string, r: Rng) => r.int(text.length + 1);
const lines = (text: string) => text.split('\n');
/** A value position: just after the first ': ' of a random line that has one. */
function valueAt(text: string, r: Rng): number {
  const ls = lines(text);
  const start = r.int(ls.length);
  for (let k = 0; k < ls.length; k++) {
    const i = (start + k) % ls.length;
    const col = ls[i]!.indexOf(': ');
    if (col >= 0) return ls.slice(0, i).join('\n').length + (i > 0 ? 1 : 0) + col + 2;
  }
  return text.length;
}
function replaceValue(text: string, r: Rng, value: string): string {
  const at = valueAt(text, r);
  const end = text.indexOf('\n', at);
  return splice(text, at, (end === -1 ? text.length : end) - at, value);
}

/** The cheap mutations; several may apply to one case. */
export const MUTATIONS: Record<string, Mutation> = {
  byteFlip(text, r) {
    const bytes = Buffer.from(text, 'utf8');
    for (let k = 1 + r.int(8); k > 0 && bytes.length > 0; k--) bytes[r.int(bytes.length)] ^= 1 << r.int(8);
    return utf8.decode(bytes);
  },
  truncate: (text, r) => text.slice(0, pos(text, r)),
  deleteLines(text, r) {
    const ls = lines(text);
    for (let k = 1 + r.int(3); k > 0 && ls.length > 0; k--) ls.splice(r.int(ls.length), 1 + r.int(3));
    return ls.join('\n');
  },
  duplicateLines(text, r) {
    const ls = lines(text);
    const i = r.int(ls.length);
    ls.splice(i, 0, ...ls.slice(i, i + 1 + r.int(4)));
    return ls.join('\n');
  },
  indentation(text, r) {
    const ls = lines(text);
    for (let k = 1 + r.int(4); k > 0; k--) {
      const i = r.int(ls.length);
      ls[i] = r.chance(0.5) ? ' '.repeat(1 + r.int(3)) + ls[i] : ls[i]!.replace(/^ {1,3}/, '');
    }
    return ls.join('\n');
  },
  tabs(text, r) {
    const ls = lines(text);
    for (let k = 1 + r.int(4); k > 0; k--) {
      const i = r.int(ls.length);
      ls[i] = ls[i]!.replace(/^( +)/, (s) => (r.chance(0.5) ? '\t'.repeat(Math.ceil(s.length / 2)) : `${s.slice(1)}\t`));
    }
    return ls.join('\n');
  },
  unclosedQuote: (text, r) => splice(text, r.chance(0.6) ? valueAt(text, r) : pos(text, r), 0, r.pick(['"', "'", '"\\', '"\\u12'])),
  unclosedBracket: (text, r) => splice(text, r.chance(0.6) ? valueAt(text, r) : pos(text, r), 0, r.pick(['[', '{', '[{', '{ a: [', ']', '}'])),
  duplicateKeys(text, r) {
    const ls = lines(text);
    const keyed = ls.map((l, i) => [l, i] as const).filter(([l]) => /^\s*[\w.-]+:/.test(l));
    if (keyed.length === 0) return text;
    const [line, i] = r.pick(keyed);
    ls.splice(i + 1, 0, line);
    // Also a duplicate key inside a flow mapping.
    return ls.join('\n').replace(/\{ (\w+): ([^,}]+)/, (m, k: string, v: string) => (r.chance(0.5) ? `${m}, ${k}: ${v}` : m));
  },
  nul: (text, r) => splice(text, pos(text, r), 0, '\0'.repeat(1 + r.int(3))),
  invalidUtf8(text, r) {
    const bytes = Buffer.from(text, 'utf8');
    const at = r.int(bytes.length + 1);
    const junk = Buffer.from(r.pick([[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xf0, 0x9f, 0x92], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]));
    return utf8.decode(Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]));
  },
  loneSurrogate: (text, r) => splice(text, pos(text, r), 0, r.pick(['\ud800', '\udfff', '\udbff', 'x\ud83d'])),
  lineEndings(text, r) {
    return text.replace(/\n/g, () => r.pick(['\n', '\n', '\r\n', '\r', '\r\r\n']));
  },
  bom: (text) => `\ufeff${text}`,
};

/** The heavy mutations: at most one per case, and only in some cases. */
export const HEAVY: Record<string, Mutation> = {
  deepFlowNesting: (text, r) => replaceValue(text, r, '['.repeat(10_000) + (r.chance(0.5) ? ']'.repeat(10_000) : '')),
  deepMapNesting: (text, r) => replaceValue(text, r, '{a: '.repeat(10_000) + (r.chance(0.5) ? '}'.repeat(10_000) : '')),
  deepBlockNesting(text, r) {
    // 10,000 levels of block sequences: `- - - - …` on one line (the indentation grows with each dash).
    return replaceValue(text, r, `\n${'  '}${'- '.repeat(10_000)}x`);
  },
  megabyteScalar: (text, r) => replaceValue(text, r, r.pick(['x', 'ACT-', '"é', "'\\"]).repeat(Math.ceil(1_048_576 / 4)).slice(0, 1_048_576)),
  megabyteComment: (text) => `#${'c'.repeat(1_048_576)}\n${text}`,
  aliasBomb(text, r) {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const p = String.fromCharCode(96 + i);
      const c = String.fromCharCode(97 + i);
      bomb.push(`${c}: &${c} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    return r.chance(0.5) ? `${bomb.join('\n')}\n${text}` : `${text}\nbomb: &z\n  ${bomb.join('\n  ')}\nother: *z\n`;
  },
  thousandDocuments(text, r) {
    const doc = r.chance(0.5) ? text : lines(text).slice(0, 12).join('\n');
    return Array.from({ length: 1000 }, () => doc).join('\n---\n');
  },
};

export interface FuzzCase {
  seed: number;
  n: number;
  base: string;
  /** The mutations applied, in order. */
  applied: string[];
  text: string;
}

/** The n-th case of a run with this seed; each case has its own PRNG stream, so cases reproduce alone. */
export function fuzzCase(seed: number, n: number, files: SeedFile[] = corpus()): FuzzCase {
  const r = new Rng((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b)) >>> 0);
  const base = r.pick(files);
  let text = base.text;
  const applied: string[] = [];
  const cheap = Object.keys(MUTATIONS);
  for (let k = 1 + r.int(3); k > 0; k--) {
    const name = r.pick(cheap);
    text = MUTATIONS[name]!(text, r);
    applied.push(name);
  }
  if (r.chance(0.08)) {
    const name = r.pick(Object.keys(HEAVY));
    text = HEAVY[name]!(text, r);
    applied.push(name);
  }
  return { seed, n, base: base.name, applied, text };
}

/** A random position in the text (line, UTF-16 column), the way an editor counts lines. */
export function randomPosition(text: string, r: Rng): { line: number; character: number } {
  const ls = text.split(/\r\n|\r|\n/);
  const line = r.int(ls.length);
  return { line, character: r.int(Math.min(ls[line]!.length, 100_000) + 1) };
}
