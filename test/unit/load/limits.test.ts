import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { documentStart, longLine, MAX_DOCUMENTS, MAX_FILE_LENGTH, MAX_LINE_LENGTH, sizeLimit } from '../../../src/engine/load/limits';
import { parseBmsText } from '../../../src/engine/load/parse';
import { IncrementalParser } from '../../../src/engine/load/incremental/incrementalParser';

const PLAN = 'apiVersion: bms.license/v1\nkind: LicensePlan\nmetadata: { name: p, site: s }\nspec:\n  assignments:\n    - { server: es-01, activationId: A-1 }\n';
const documents = (n: number, lead = '') => lead + Array.from({ length: n }, () => PLAN).join('---\n');

describe('size limits before the yaml parser', () => {
  it('finds nothing in real site and plan files', () => {
    for (const f of ['site', 'plan']) assert.equal(sizeLimit('file:///x', readFileSync(`${__dirname}/../../../examples/hospital-north/${f}.bms.yaml`, 'utf8')), undefined);
  });

  it('counts documents: one before the first marker when it has content, one per marker', () => {
    assert.equal(documentStart(documents(MAX_DOCUMENTS), MAX_DOCUMENTS), -1);
    const text = documents(MAX_DOCUMENTS + 5);
    const cut = documentStart(text, MAX_DOCUMENTS);
    assert.equal(cut, MAX_DOCUMENTS * (PLAN.length + 4) - 4);
    assert.equal(text.slice(cut, cut + 4), '---\n');
    // A comment and a leading marker open no extra document.
    assert.equal(documentStart(documents(MAX_DOCUMENTS, '# plans\n---\n'), MAX_DOCUMENTS), -1);
    // A block scalar's indented '---' is no marker.
    assert.equal(documentStart('a: |\n  ---\n  ---\n', 1), -1);
  });

  it('reads the first documents of a file with too many, and says where it stopped and how to split it', () => {
    const text = documents(MAX_DOCUMENTS + 20);
    const file = parseBmsText('file:///w/p.bms.yaml', text);
    assert.equal(file.documents.length, MAX_DOCUMENTS);
    assert.equal(file.documents.filter((d) => d.model).length, MAX_DOCUMENTS);
    const guard = file.diagnostics.filter((d) => d.code === 'BMS001');
    assert.equal(guard.length, 1);
    assert.match(guard[0].message, new RegExp(`more than ${MAX_DOCUMENTS} YAML documents: only the first ${MAX_DOCUMENTS} were read.*Split it into several \\*\\.bms\\.yaml files`));
    assert.equal(guard[0].span.start, documentStart(text, MAX_DOCUMENTS));
  });

  it('refuses a file with a line past the limit, pointing at the place, before the parser', () => {
    assert.equal(longLine(`a: ${'x'.repeat(MAX_LINE_LENGTH - 3)}\nb: 1\n`), -1);
    const text = `apiVersion: bms.license/v1\nkind: LicensePlan\nspec: [${'1, '.repeat(MAX_LINE_LENGTH)}]\n`;
    const file = parseBmsText('file:///w/p.bms.yaml', text);
    assert.equal(file.documents.length, 0);
    assert.deepEqual(file.diagnostics.map((d) => d.code), ['BMS001']);
    assert.equal(file.diagnostics[0].span.start, text.indexOf('spec') + MAX_LINE_LENGTH);
    assert.match(file.diagnostics[0].message, /longer than 100,000 characters/);
    assert.match(file.diagnostics[0].message, /block style/);
  });

  it('refuses a file past 2 MiB, pointing at the line where it goes past', () => {
    const line = '    - { server: es-01, activationId: A-1 }\n';
    const text = PLAN + line.repeat(Math.ceil(MAX_FILE_LENGTH / line.length));
    const file = parseBmsText('file:///w/p.bms.yaml', text);
    assert.deepEqual([file.documents.length, file.diagnostics.length], [0, 1]);
    assert.match(file.diagnostics[0].message, /longer than 2,097,152 characters \(2 MiB\)/);
    assert.match(file.diagnostics[0].message, /several \*\.bms\.yaml files/);
    assert.ok(file.diagnostics[0].span.start <= MAX_FILE_LENGTH && file.diagnostics[0].span.start > MAX_FILE_LENGTH - line.length);
    const live = new IncrementalParser('file:///w/p.bms.yaml').parse(text);
    assert.deepEqual(live.diagnostics, file.diagnostics);
  });

  it('the language server says the same as the whole-file parse, before and after edits', () => {
    const uri = 'file:///w/p.bms.yaml';
    for (const start of [documents(MAX_DOCUMENTS + 3), documents(MAX_DOCUMENTS), `${PLAN}x: ${'y'.repeat(MAX_LINE_LENGTH + 1)}\n`]) {
      const live = new IncrementalParser(uri);
      for (const text of [start, start.replace('es-01', 'es-02'), start + '---\n' + PLAN, start.slice(0, -40)]) {
        const whole = parseBmsText(uri, text);
        const got = live.parse(text);
        assert.deepEqual(got.diagnostics.filter((d) => d.code === 'BMS001'), whole.diagnostics.filter((d) => d.code === 'BMS001'));
        assert.equal(got.file.documents.length, whole.documents.length);
        assert.deepEqual(got.diagnostics, new IncrementalParser(uri).parse(text).diagnostics);
      }
    }
  });
});
