// Schema validation, hover and completion data from the bundled JSON Schemas.
export { validateSchema, validateFragment } from './validate';
export { describeKey, keysAt, enumAt, schemaAt, resolve, type KeyDescription, type AllowedKey } from './describe';
export { definitionsOf, schemaOf, type SchemaKind, type JsonSchema } from './schemas';
export { closest, editDistance } from '../closest';
export type { PathSegment } from './locate';
