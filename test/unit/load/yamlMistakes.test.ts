// YAML that hides a mistake, from the user's side: an unclosed quote, bracket or brace is reported on its
// opening character with what is unclosed and no follow-on noise; anchors, aliases and merge keys are
// refused (BMS003). The same in `bmslicense validate` and in the language service, fresh or after an edit.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { Diagnostic } from '../../../src/engine/diagnostics';
import { LiveWorkspace } from '../../../src/engine/service/workspace';
import { LineIndex } from '../../../src/engine/text';

const ROOT = path.resolve(__dirname, '../../..');
const SITE = fs.readFileSync(path.join(ROOT, 'examples/hospital-north/site.bms.yaml'), 'utf8');
const PLAN = fs.readFileSync(path.join(ROOT, 'examples/hospital-north/plan.bms.yaml'), 'utf8');
const TODAY = new Date(2026, 10, 23);

/** `bmslicense validate` on a folder holding these files: its diagnostic lines. */
async function validate(files: Record<string, string>): Promise<{ code: number; lines: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaml-mistakes-'));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    let out = '';
    const code = await runCli(['validate', '.', '--today', '2026-11-23'], { cwd: dir, env: {}, out: (t) => void (out += t), err: () => undefined });
    return { code, lines: out.trim().split('\n').slice(0, -1) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The language service's diagnostics of `name`, as `line:col CODE` (1-based); with `before`, after an edit from it. */
function served(files: Record<string, string>, name: string, before?: string): string[] {
  const ws = new LiveWorkspace();
  const uri = (n: string) => `file:///w/${n}`;
  for (const [n, text] of Object.entries(files)) ws.update(uri(n), n === name && before !== undefined ? before : text);
  if (before !== undefined) ws.update(uri(name), files[name]!);
  const lines = new LineIndex(files[name]!);
  return ws.diagnostics(uri(name), { today: TODAY }).map((d: Diagnostic) => {
    const p = lines.positionAt(d.span.start);
    return `${p.line + 1}:${p.character + 1} ${d.code}`;
  });
}

/** Line and column (1-based) of the first occurrence of `needle` in `text`, plus `offset` characters. */
function at(text: string, needle: string, offset = 0): string {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `fixture holds ${needle}`);
  const p = new LineIndex(text).positionAt(i + offset);
  return `${p.line + 1}:${p.character + 1}`;
}

describe('unclosed quotes, brackets and braces are reported where they open', () => {
  const small = (line: string) => `apiVersion: bms.license/v1\nkind: Site\nmetadata:\n${line}\n  customer: Acme\nspec:\n  version: "7.0"\n  connectivity: online\n`;

  it('the issue\'s 7-line file: one BMS001 on the opening quote of line 4, not past the end, and no BMS002 noise', async () => {
    const r = await validate({ 's.bms.yaml': small('  name: "unterminated') });
    assert.equal(r.code, 1);
    assert.deepEqual(r.lines.map((l) => l.split(' ').slice(0, 3).join(' ')), ['s.bms.yaml:4:9: error BMS001']);
    assert.match(r.lines[0]!, /double-quoted value is never closed/);
  });

  for (const [what, line, message] of [
    ['single quote', "  name: 'unterminated", /this single-quoted value is never closed.*Add the closing '/],
    ['bracket', '  name: [a, b', /the list opened with \[ here is not closed\. Add the closing \]/],
    ['brace', '  name: { a: b', /the mapping opened with \{ here is not closed\. Add the closing \}/],
  ] as const) {
    it(`an unclosed ${what}: the BMS001 is on line 4, column 9, and says what is unclosed`, async () => {
      const r = await validate({ 's.bms.yaml': small(line) });
      const syntax = r.lines.filter((l) => l.includes(' BMS001 '));
      assert.equal(syntax.length, 1, r.lines.join('\n'));
      assert.match(syntax[0]!, /^s\.bms\.yaml:4:9: error BMS001 /);
      assert.match(syntax[0]!, message);
    });
  }

  it('a quote opened inside a flow item of a plan: one BMS001 on it (the brace it swallowed is not reported), in the CLI and the language service, fresh and after the edit', async () => {
    const broken = PLAN.replace('{ server: as-02, activationId: ACT-9C21-0001, quantity: 1 }', '{ server: "as-02, activationId: ACT-9C21-0001, quantity: 1 }');
    const where = at(broken, '"as-02');
    const r = await validate({ 'site.bms.yaml': SITE, 'plan.bms.yaml': broken });
    assert.deepEqual(r.lines.map((l) => l.replace(/ YAML syntax error.*/, '')), [`plan.bms.yaml:${where}: error BMS001`]);
    const files = { 'site.bms.yaml': SITE, 'plan.bms.yaml': broken };
    assert.deepEqual(served(files, 'plan.bms.yaml').filter((d) => d.endsWith('BMS001')), [`${where} BMS001`]);
    assert.deepEqual(served(files, 'plan.bms.yaml', PLAN).filter((d) => d.endsWith('BMS001')), [`${where} BMS001`]);
  });

  it('the language service puts the quote of the site file where the CLI does, with no other finding', () => {
    const files = { 's.bms.yaml': small('  name: "unterminated') };
    assert.deepEqual(served(files, 's.bms.yaml'), ['4:9 BMS001']);
    assert.deepEqual(served(files, 's.bms.yaml', small('  name: terminated')), ['4:9 BMS001']);
  });
});

describe('anchors, aliases and merge keys are refused (BMS003)', () => {
  const aliased = SITE.replace('            - { id: as-01, type: as-p, host: 10.0.1.21 }', '            - &as01 { id: as-01, type: as-p, host: 10.0.1.21 }\n            - *as01');
  const merged = SITE.replace('    - id: ls-eng\n', '    - <<: { host: eng01.hospital.local }\n      id: ls-eng\n');

  it('an alias that copies a server: BMS003 on the alias, which the CLI and the language service agree on', async () => {
    const r = await validate({ 'site.bms.yaml': aliased, 'plan.bms.yaml': PLAN });
    assert.equal(r.code, 1);
    assert.deepEqual(r.lines, [`site.bms.yaml:${at(aliased, '*as01')}: error BMS003 The alias *as01 copies the node anchored as &as01: site and plan files spell out every server, License Server, client, product and assignment, so that a reviewer reads what the tools act on. Write the copy out in full, with its own id.`]);
    const files = { 'site.bms.yaml': aliased, 'plan.bms.yaml': PLAN };
    assert.deepEqual(served(files, 'site.bms.yaml'), [`${at(aliased, '*as01')} BMS003`]);
    assert.deepEqual(served(files, 'site.bms.yaml', SITE), [`${at(aliased, '*as01')} BMS003`]);
  });

  it('a merge key: one BMS003 on the << (not also an unknown-key BMS002)', async () => {
    const r = await validate({ 'site.bms.yaml': merged, 'plan.bms.yaml': PLAN });
    assert.deepEqual(r.lines.map((l) => l.split(' ').slice(0, 3).join(' ')), [`site.bms.yaml:${at(merged, '<<')}: error BMS003`]);
    assert.match(r.lines[0]!, /merge key \(<<\) mixes/);
    const files = { 'site.bms.yaml': merged, 'plan.bms.yaml': PLAN };
    assert.deepEqual(served(files, 'site.bms.yaml', SITE), [`${at(merged, '<<')} BMS003`]);
  });

  it('an alias in a plan (a repeated assignment): BMS003 in the CLI and after an edit in the language service', async () => {
    const plan = PLAN.replace('    - { server: as-01, activationId: ACT-9C21-0001, quantity: 2 }', '    - &twice { server: as-01, activationId: ACT-9C21-0001, quantity: 2 }\n    - *twice');
    const r = await validate({ 'site.bms.yaml': SITE, 'plan.bms.yaml': plan });
    assert.ok(r.lines.some((l) => l.startsWith(`plan.bms.yaml:${at(plan, '*twice')}: error BMS003 The alias *twice`)), r.lines.join('\n'));
    assert.ok(served({ 'site.bms.yaml': SITE, 'plan.bms.yaml': plan }, 'plan.bms.yaml', PLAN).includes(`${at(plan, '*twice')} BMS003`));
  });
});
