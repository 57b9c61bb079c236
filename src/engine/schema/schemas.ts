// The two bundled JSON Schemas and their ajv validators, compiled once on first use and shared.
import Ajv, { type ValidateFunction } from 'ajv';
import siteSchema from '../../../schemas/site.schema.json';
import planSchema from '../../../schemas/licenseplan.schema.json';

export type SchemaKind = 'Site' | 'LicensePlan';

/** A JSON Schema as read from `schemas/` (plain JSON, walked by hover and completion). */
export type JsonSchema = { [keyword: string]: unknown };

const SCHEMAS: Record<SchemaKind, JsonSchema & { $id: string }> = {
  Site: siteSchema as JsonSchema & { $id: string },
  LicensePlan: planSchema as JsonSchema & { $id: string },
};

export function schemaOf(kind: SchemaKind): JsonSchema {
  return SCHEMAS[kind];
}

/** Names of the sub-schemas a single list item can be validated against. */
export function definitionsOf(kind: SchemaKind): string[] {
  return Object.keys((SCHEMAS[kind].definitions as Record<string, unknown> | undefined) ?? {});
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function compiler(): Ajv {
  if (!ajv) {
    ajv = new Ajv({
      allErrors: true,
      // parentSchema and data on each error: the wording needs titles, allowed keys and the bad value
      verbose: true,
      strict: true,
      // the assignment's oneOf branches only say which target key is present
      strictRequired: false,
      // editor-only keywords (VS Code / yaml-language-server) that ajv would otherwise reject
      keywords: ['markdownDescription', 'defaultSnippets'],
    });
    for (const schema of Object.values(SCHEMAS)) ajv.addSchema(schema);
  }
  return ajv;
}

/** The validator of a whole document, or of one definition (`server`, `assignment`, …) when given. */
export function validatorFor(kind: SchemaKind, definition?: string): ValidateFunction {
  const ref = definition === undefined ? SCHEMAS[kind].$id : `${SCHEMAS[kind].$id}#/definitions/${definition}`;
  let validate = validators.get(ref);
  if (!validate) {
    if (definition !== undefined && !definitionsOf(kind).includes(definition)) {
      throw new Error(`No definition '${definition}' in the ${kind} schema`);
    }
    validate = compiler().getSchema(ref);
    if (!validate) throw new Error(`Schema ${ref} did not compile`);
    validators.set(ref, validate);
  }
  return validate;
}
