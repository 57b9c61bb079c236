// The two bundled JSON Schemas and their ajv validators, compiled ahead of time (validators.compiled.js).
import type { ValidateFunction } from 'ajv';
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

/**
 * The validators, compiled from the schemas by `npm run schemas` (scripts/compile-schemas.mjs) with
 * ajv: every error carries its parentSchema and data (`verbose`, the wording needs titles, allowed keys
 * and the bad value), all errors are reported, and the editor-only keywords are allowed. Compiling them
 * here took ~80 ms of each process's first validation.
 */
const COMPILED = require('./validators.compiled.js') as Record<string, ValidateFunction | undefined>;

const FOUND = new Map<SchemaKind, Map<string, ValidateFunction>>();

/** The validator of a whole document, or of one definition (`server`, `assignment`, …) when given. */
export function validatorFor(kind: SchemaKind, definition?: string): ValidateFunction {
  // Asked once per list item (52,000 times on a 200-site workspace): the reference made and looked up once
  // (the kind and definition names are the same few strings each time, their hashes kept by the engine).
  let ofKind = FOUND.get(kind);
  if (!ofKind) FOUND.set(kind, (ofKind = new Map()));
  const name = definition ?? '';
  let validate = ofKind.get(name);
  if (validate) return validate;
  const ref = definition === undefined ? SCHEMAS[kind].$id : `${SCHEMAS[kind].$id}#/definitions/${definition}`;
  validate = COMPILED[ref];
  if (!validate) throw new Error(definition === undefined ? `Schema ${ref} is not compiled: run npm run schemas` : `No definition '${definition}' in the ${kind} schema`);
  ofKind.set(name, validate);
  return validate;
}
