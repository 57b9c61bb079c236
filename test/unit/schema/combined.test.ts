import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import { REPOSITORY_URL } from '../../../src/engine/diagnostics';

const ROOT = join(__dirname, '../../..');
const SCHEMAS = join(ROOT, 'schemas');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const schema = (file: string) => JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8'));
/** Where a schema's `$id` says it lives: the file in this repository, on GitHub's raw host. */
const RAW = `${REPOSITORY_URL.replace('https://github.com/', 'https://raw.githubusercontent.com/')}/HEAD/schemas/`;

function compile() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, keywords: ['markdownDescription', 'defaultSnippets'] });
  for (const f of ['site.schema.json', 'licenseplan.schema.json']) ajv.addSchema(schema(f));
  return ajv.compile(schema('bms.schema.json'));
}
const documentsOf = (file: string) => parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS());

describe('schemas/bms.schema.json: one schema for every *.bms.yaml document, by kind', () => {
  const validate = compile();

  it("each schema's $id is its own file in the declared repository, and the combined one refers to them by relative path", () => {
    for (const file of readdirSync(SCHEMAS)) assert.equal(schema(file).$id, `${RAW}${file}`, file);
    const refs = JSON.stringify(schema('bms.schema.json')).match(/"\$ref":"[^"]+"/g)!.map((r) => r.slice(8, -1));
    assert.deepEqual(refs, ['site.schema.json', 'licenseplan.schema.json']);
    for (const r of refs) assert.ok(existsSync(join(SCHEMAS, r)), r);
  });

  it('is what Red Hat YAML gets for *.bms.yaml and *.bms.yml, from the files packed with the extension', () => {
    const entries: { fileMatch: string; url: string }[] = manifest.contributes.yamlValidation;
    assert.deepEqual(entries.map((e) => e.fileMatch).sort(), ['*.bms.yaml', '*.bms.yml']);
    for (const e of entries) assert.equal(e.url, './schemas/bms.schema.json');
  });

  it('accepts every document of the examples that the engine accepts', () => {
    const files = ['hospital-north/site.bms.yaml', 'hospital-north/plan.bms.yaml', 'broken/plan.bms.yaml', 'broken/orphan-plan.bms.yaml'];
    for (const f of files) {
      for (const doc of documentsOf(join(ROOT, 'examples', f))) assert.ok(validate(doc), `${f}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it("rejects the broken site's unknown key, a plan key in a Site, an unknown kind and a missing kind", () => {
    const [broken] = documentsOf(join(ROOT, 'examples/broken/site.bms.yaml'));
    assert.equal(validate(broken), false);
    assert.ok(validate.errors!.some((e) => e.keyword === 'additionalProperties' && e.params.additionalProperty === 'room'), JSON.stringify(validate.errors));

    const [site] = documentsOf(join(ROOT, 'examples/hospital-north/site.bms.yaml'));
    assert.equal(validate({ ...site, spec: { ...site.spec, assignments: [] } }), false, 'assignments belong to a plan');
    assert.equal(validate({ ...site, kind: 'Sites' }), false);
    assert.ok(validate.errors!.some((e) => e.instancePath === '/kind' && e.keyword === 'enum'));
    const { kind: _kind, ...noKind } = site;
    assert.equal(validate(noKind), false);
    assert.ok(validate.errors!.some((e) => e.keyword === 'required' && e.params.missingProperty === 'kind'));
  });
});
