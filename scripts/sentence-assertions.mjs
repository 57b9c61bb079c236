// Counts test assertions that compare with a whole sentence: an equality or match assertion whose expected
// value is a string literal or regular expression of six words or more. Such a test breaks on a wording fix
// while a wrong finding code would pass; assert codes, fields, ranges and one key phrase instead.
// Usage: node scripts/sentence-assertions.mjs [--list] [--max N] [--root DIR]   (exit 1 when more than N are found)
// A test whose subject IS the wording (the schema wording, a translation) may keep a whole message: put a
// `// sentence: <why>` comment on the line before the assertion (or at the end of its first line); it is not
// counted, and `--list` shows it under "allowed".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
/** The repository (or, for the script's own test, `--root DIR`): its `test/` folder is read. */
const root = args.includes('--root') ? args[args.indexOf('--root') + 1] : join(fileURLToPath(new URL('.', import.meta.url)), '..');
const max = args.includes('--max') ? Number(args[args.indexOf('--max') + 1]) : Infinity;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.test\.ts$/.test(name)) yield path;
  }
}

const ASSERTION = /\b(?:assert\.(?:equal|strictEqual|deepEqual|deepStrictEqual|match|doesNotMatch|notEqual|throws|rejects)|expect\([^)]*\)\.(?:toBe|toEqual|toMatch|toContain))\s*\(/g;
/** A string literal ('…', "…", `…` without ${}) or a regex literal, as written in the source. */
const LITERAL = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.)*`|\/(?![*/\s])(?:[^/\\\n[]|\\.|\[(?:[^\]\\\n]|\\.)*\])+\/[dgimsuy]*/g;

/** The words of a literal: regex escapes and operators read as spaces; a group of alternative words (`(the|was|with)`) is one word. */
function words(literal) {
  const body = literal.startsWith('/')
    ? literal
        .slice(1, literal.lastIndexOf('/'))
        .replace(/\((?:\?:)?[\w-]+(?:\|[\w-]+)+\)/g, ' alternatives ')
        .replace(/\\[sdwbSDWB]|\\.|[()[\]{}|*+?^$]/g, ' ')
    : literal.slice(1, -1);
  return body.split(/\s+/).filter((w) => /[A-Za-z]{2,}/.test(w));
}

/** The argument list of the call that starts at `open` (the index of its '('). */
function callArgs(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    // An escaped bracket (`\(` in a regular expression or a string) does not open or close anything.
    if (c === '\\') i++;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') if (--depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

const found = [];
const allowed = [];
const ALLOW = /\/\/\s*sentence:/;
for (const file of files(join(root, 'test'))) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(ASSERTION)) {
    const call = callArgs(text, m.index + m[0].length - 1);
    // The first argument is what is tested; the expected value and the message follow. A message (the last
    // string argument of equal/match) is for the reader, so only the second argument counts.
    const parts = splitTopLevel(call);
    const expected = parts[1] ?? '';
    for (const lit of expected.match(LITERAL) ?? []) {
      if (words(lit).length >= 6) {
        const lines = text.slice(0, m.index).split('\n');
        const line = lines.length;
        const lineText = text.split('\n')[line - 1] ?? '';
        const where = `${relative(root, file)}:${line}: ${lit.slice(0, 90)}`;
        (ALLOW.test(lines[line - 2] ?? '') || ALLOW.test(lineText) ? allowed : found).push(where);
        break;
      }
    }
  }
}

/** The index of the '/' that closes the regular expression literal opening at `open`. */
function regexEnd(s, open) {
  let inClass = false;
  for (let i = open + 1; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return i;
    else if (c === '\n') break;
  }
  return open;
}

function splitTopLevel(s) {
  const parts = [];
  let depth = 0, start = 0, quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    // A regular expression literal (a '/' where an expression starts): its commas, quotes and brackets are text.
    if (c === '/' && s[i + 1] !== '/' && s[i + 1] !== '*' && /(?:^|[(,=:[!&|?{};])\s*$/.test(s.slice(Math.max(0, i - 40), i))) {
      i = regexEnd(s, i);
      continue;
    }
    if (c === '\\') i++;
    else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

if (args.includes('--list')) {
  for (const f of found) console.log(f);
  for (const f of allowed) console.log(`allowed ${f}`);
}
console.log(`${found.length} assertion(s) compare with a sentence of six words or more (${allowed.length} allowed by a \`// sentence:\` comment)`);
if (Number.isNaN(max)) {
  console.error('--max takes a number');
  process.exit(2);
}
if (found.length > max) {
  console.error(`more than --max ${max}: assert codes, JSON fields, ranges and one key phrase instead (or mark a test whose subject is the wording with a \`// sentence:\` comment)`);
  process.exit(1);
}
