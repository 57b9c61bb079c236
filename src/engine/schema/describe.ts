// Reading the bundled schemas for hover and completion: what a key means, which keys and values fit.
import type { PathSegment } from './locate';
import { schemaOf, type JsonSchema, type SchemaKind } from './schemas';

export interface KeyDescription {
  description: string;
  title?: string;
  type?: string;
  enum?: string[];
}

export interface AllowedKey {
  key: string;
  description: string;
  required: boolean;
}

/** Follows `$ref` (within the kind's own file); keywords written beside the `$ref` win over the target's. */
export function resolve(kind: SchemaKind, schema: JsonSchema | undefined): JsonSchema | undefined {
  let current = schema;
  const seen = new Set<string>();
  while (current && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (seen.has(ref) || !ref.startsWith('#/')) break;
    seen.add(ref);
    const { $ref: _ref, ...siblings } = current;
    current = { ...targetOf(kind, ref), ...siblings };
  }
  return current;
}

function targetOf(kind: SchemaKind, ref: string): JsonSchema | undefined {
  let node: unknown = schemaOf(kind);
  for (const part of ref.slice(2).split('/')) {
    node = node && typeof node === 'object' ? (node as JsonSchema)[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return node as JsonSchema | undefined;
}

/** The schema of the value at `path` (keys for mappings, indexes for list items), `$ref`s resolved. */
export function schemaAt(kind: SchemaKind, path: readonly PathSegment[]): JsonSchema | undefined {
  let here = resolve(kind, schemaOf(kind));
  for (const segment of path) {
    if (!here) return undefined;
    const index = typeof segment === 'number' || /^\d+$/.test(segment);
    here = branch(kind, here, index);
    if (index) {
      here = here.type === 'array' ? resolve(kind, here.items as JsonSchema | undefined) : undefined;
    } else {
      here = resolve(kind, (here.properties as Record<string, JsonSchema> | undefined)?.[segment]);
    }
  }
  return here;
}

/** `if: {type: object}, then: mapping, else: list` (a server's `devices`): the branch the next segment goes into. */
function branch(kind: SchemaKind, schema: JsonSchema, intoList: boolean): JsonSchema {
  if (schema.type !== undefined || schema.properties || !schema.if) return schema;
  return resolve(kind, (intoList ? schema.else : schema.then) as JsonSchema | undefined) ?? schema;
}

/** What the key (or list item) at `path` means, for hover. */
export function describeKey(kind: SchemaKind, path: readonly PathSegment[]): KeyDescription | undefined {
  const schema = schemaAt(kind, path);
  if (!schema) return undefined;
  const values = enumOf(schema);
  return {
    description: String(schema.description ?? schema.title ?? ''),
    title: typeof schema.title === 'string' ? schema.title : undefined,
    type: typeof schema.type === 'string' ? schema.type : values ? typeof values[0] : undefined,
    enum: values,
  };
}

/** The keys a mapping at `path` may hold (a list at `path` means its items), for completion. */
export function keysAt(kind: SchemaKind, path: readonly PathSegment[]): AllowedKey[] {
  let schema = schemaAt(kind, path);
  if (schema) schema = branch(kind, schema, false);
  if (schema?.type === 'array') schema = resolve(kind, schema.items as JsonSchema | undefined);
  const properties = (schema?.properties as Record<string, JsonSchema> | undefined) ?? {};
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([key, property]) => ({
    key,
    description: String(resolve(kind, property)?.description ?? ''),
    required: required.has(key),
  }));
}

/** The values allowed at `path` (for a list of enum values, those of its items), for completion. */
export function enumAt(kind: SchemaKind, path: readonly PathSegment[]): string[] | undefined {
  const schema = schemaAt(kind, path);
  if (!schema) return undefined;
  return enumOf(schema) ?? (schema.type === 'array' ? enumOf(resolve(kind, schema.items as JsonSchema | undefined)) : undefined);
}

function enumOf(schema: JsonSchema | undefined): string[] | undefined {
  if (!schema) return undefined;
  if (Array.isArray(schema.enum)) return schema.enum.map(String);
  if (schema.const !== undefined) return [String(schema.const)];
  return undefined;
}
