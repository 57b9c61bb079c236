import { strict as assert } from 'node:assert';
import type { CompletionItem, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { range, TestClient } from './harness';
import { PLAN, SITE } from './fixtures';

const MALFORMED: Record<string, string> = {
  empty: '',
  'only a comment': '# nothing yet\n',
  'syntax error': 'apiVersion: bms.license/v1\nkind: LicensePlan\nspec: [\n  assignments: {\n',
  'binary bytes': Buffer.from([0, 1, 2, 0xff, 0xfe, 0x1b, 0x7f, 0x80, 10, 0, 0x9b]).toString('latin1'),
  'a huge line': `apiVersion: bms.license/v1\nkind: LicensePlan\nmetadata: { name: ${'x'.repeat(300_000)} }\n`,
  'deep nesting': `kind: LicensePlan\nspec: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
  'deep block nesting': `kind: Site\nspec:\n  servers:\n${Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i + 2)}- id: s${i}\n${'  '.repeat(i + 3)}children:`).join('\n')}\n`,
  'alias bomb': `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nkind: Site\n`,
  'a list item cut in half': PLAN.replace('site: north', 'site: elsewhere').replace('quantity: 5 }', 'quan'),
  'tabs and directives': `%YAML 1.2\n---\nkind: Site\n\tspec: x\n`,
  'many documents': Array.from({ length: 200 }, () => '---\nkind: LicensePlan\n').join(''),
  'wrong types everywhere': 'apiVersion: 1\nkind: Site\nmetadata: []\nspec:\n  servers: 5\n  licenseServers: [1, [2], {x: 3}]\n  clients: ~\n',
};

describe('lsp: malformed input never kills the server', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ 'site.bms.yaml': SITE });
    await client.start(['site.bms.yaml']);
  });
  after(() => client.stop());

  for (const [what, text] of Object.entries(MALFORMED)) {
    it(`${what}: diagnostics come back and every feature still answers`, async () => {
      const name = `${what.replace(/\W+/g, '-')}.bms.yaml`;
      const ds = await client.open(name, text);
      // Each finding has a stable code and a range inside the text (never past its end).
      const within = (t: string, list: typeof ds) => {
        const lines = t.split('\n');
        for (const d of list) {
          assert.match(String(d.code), /^BMS\d{3}$/, JSON.stringify(d));
          assert.ok(d.range.end.line < lines.length || (d.range.end.line === lines.length && d.range.end.character === 0), `${what}: ${JSON.stringify(d.range)} within ${lines.length} lines`);
          assert.ok(d.range.start.line < d.range.end.line || d.range.start.character <= d.range.end.character, `${what}: an ordered range`);
        }
      };
      within(text, ds);
      if (text.trim().length > 0 && !text.trim().startsWith('#')) assert.ok(ds.length > 0, `${what}: a malformed file gets at least one finding`);
      const uri = client.uri(name);
      const position = { line: 2, character: 3 };
      await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
      await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      await client.request('textDocument/definition', { textDocument: { uri }, position });
      await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      // An edit on top of the malformed text is parsed too.
      const after = await client.change(name, [{ range: range(0, 0, 0, 0), text: 'x' }]);
      within(`x${text}`, after);
      assert.equal(client.exited, false, client.stderr);
    });
  }

  it('still validates a good file after all that', async () => {
    const ds = await client.open('plan.bms.yaml', PLAN.replace('as-01, activationId', 'as-0x, activationId'));
    assert.deepEqual(ds.map((d) => d.code), ['BMS010']);
  });
});
