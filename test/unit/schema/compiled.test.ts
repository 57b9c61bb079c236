import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { definitionsOf, schemaOf, validatorFor, type SchemaKind } from '../../../src/engine/schema/schemas';

const ROOT = join(__dirname, '../../..');

describe('the validators compiled ahead of time (npm run schemas)', () => {
  it('are those of the schemas as they are now: run `npm run schemas` after changing one', async () => {
    const { compiledSource, OUTPUT } = (await import(join(ROOT, 'scripts/compile-schemas.mjs'))) as { compiledSource(): string; OUTPUT: string };
    assert.equal(readFileSync(OUTPUT, 'utf8') === compiledSource(), true, 'src/engine/schema/validators.compiled.js is out of date: run npm run schemas');
  });

  it('judge like ajv compiling the schema at run time, errors and all, for the document and every definition', async () => {
    const { AJV_OPTIONS } = (await import(join(ROOT, 'scripts/compile-schemas.mjs'))) as { AJV_OPTIONS: object };
    const ajv = new Ajv({ ...AJV_OPTIONS });
    for (const kind of ['Site', 'LicensePlan'] as SchemaKind[]) ajv.addSchema(schemaOf(kind));
    const samples: unknown[] = [{}, { apiVersion: 'bms/v1', kind: 'Site', metadata: { name: 'x' }, spec: { servers: [{ id: 1 }] } }, { id: 'a', type: 'as-p', bogus: true }, { server: 'es-01', quantity: -1, mode: 'sideways' }, 'text', [1]];
    for (const kind of ['Site', 'LicensePlan'] as SchemaKind[]) {
      const id = (schemaOf(kind) as { $id: string }).$id;
      for (const [ref, compiled] of [[id, validatorFor(kind)], ...definitionsOf(kind).map((d) => [`${id}#/definitions/${d}`, validatorFor(kind, d)] as const)] as const) {
        const runtime = ajv.getSchema(ref)!;
        for (const data of samples) {
          assert.equal(compiled(data), runtime(data), `${ref} on ${JSON.stringify(data)}`);
          assert.deepEqual(compiled.errors ?? null, runtime.errors ?? null, `${ref} errors on ${JSON.stringify(data)}`);
        }
      }
    }
    assert.throws(() => validatorFor('Site', 'nothing'), /No definition 'nothing'/);
  });
});
