// ajv errors → one engineer-worded finding per problem, on the YAML node it is about.
import type { ErrorObject } from 'ajv';
import { isMap, isScalar, type Node } from 'yaml';
import type { Span } from '../model';
import { closest } from '../closest';
import { keyText as keyOf, locate, pairOf, pointerSegments, spanOf, type Located } from './locate';
import { resolve } from './describe';
import type { JsonSchema, SchemaKind } from './schemas';
import { MERGE_KEY } from '../load/yamlFeatures';

export interface SchemaFinding {
  span: Span;
  message: string;
  data?: Record<string, unknown>;
}

/** How messages name the object a key lives in, by the title of its schema. */
const OBJECT_NOUNS: Record<string, string> = {
  Server: 'a server',
  'License Server': 'a License Server',
  Client: 'a client',
  Entitlement: 'an entitlement',
  Product: 'a product',
  Assignment: 'an assignment',
};

/** Pattern failures, worded by the title of the definition that holds the pattern. */
const PATTERN_WORDING: Record<string, (value: string, key: string) => string> = {
  name: (v) => `'${v}' is not a valid name: use lowercase letters, digits and '-', starting with a letter or digit (e.g. hospital-north).`,
  id: (v) => `'${v}' is not a valid id: use lowercase letters, digits and '-', starting with a letter or digit (e.g. es-01).`,
  'vendor id': (v, key) =>
    `'${v}' is not a valid ${key === 'id' ? 'Entitlement ID' : 'Activation ID'}: copy it from the entitlement e-mail (letters, digits, '.', '_' and '-').`,
  'expiry date': (v) => `'${v}' is not a date: write yyyy-mm-dd or permanent.`,
  version: (v) => `'${v}' is not a version: write digits and dots, quoted, e.g. "6.0" or "7.0", or a release name (2022, 2023, 2024).`,
};

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping (key: value lines)',
  array: 'a list',
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  'string,number': 'a version such as "6.0" or 2024',
};

/** Turns a validator's errors into findings: branch noise dropped, one finding per node and problem. */
export function findingsOf(
  errors: readonly ErrorObject[],
  root: Node | null,
  kind: SchemaKind,
  /** False when `root` is one list item (fragment validation), not the document's top mapping. */
  wholeDocument = true,
): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  const seen = new Set<string>();
  // a document of another kind breaks every other rule too: say only that
  const wrongKind = wholeDocument ? errors.find((e) => e.instancePath === '/kind' && e.keyword === 'const') : undefined;
  const missing = new Map<string, SchemaFinding>();
  for (const error of wrongKind ? [wrongKind] : errors) {
    // the errors inside oneOf/anyOf branches are summed up by the oneOf/anyOf error itself
    if (/\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath) || error.keyword === 'if') continue;
    // A merge key is BMS003 (load/yamlFeatures.ts), not an unknown key.
    if (error.keyword === 'additionalProperties' && (error.params as { additionalProperty?: unknown }).additionalProperty === MERGE_KEY) continue;
    const finding = word(error, root, kind, wholeDocument);
    if (error.keyword === 'required') {
      // several keys missing from one mapping are one problem: list them in one message
      const earlier = missing.get(error.instancePath);
      if (earlier) {
        mergeMissing(earlier, finding);
        continue;
      }
      missing.set(error.instancePath, finding);
    }
    const id = `${finding.span.start}:${finding.span.end}:${finding.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(finding);
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function word(error: ErrorObject, root: Node | null, kind: SchemaKind, wholeDocument: boolean): SchemaFinding {
  const segments = pointerSegments(error.instancePath);
  const here = locate(root, segments);
  const parent = (error.parentSchema ?? {}) as JsonSchema;
  const key = lastKey(segments);
  const value = error.data;
  const noun = nounOf(parent);
  const where = noun ? `in ${noun}` : segments.length === 0 ? `at the top of the ${kind}` : `in '${key}'`;
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const allowed = Object.keys((parent.properties as JsonSchema | undefined) ?? {});
      const suggestion = closest(unknown, allowed);
      const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
      return {
        span: spanOf(pairOf(here.node, unknown)?.key as Node | null) ?? nodeSpan(here, root),
        message: `Unknown key '${unknown}' ${where}.${hint} Allowed keys: ${allowed.join(', ')}.`,
        data: { key: unknown, suggestion, allowed },
      };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const property = resolve(kind, (parent.properties as Record<string, JsonSchema> | undefined)?.[missing]);
      const choices = Array.isArray(property?.enum) ? ` with one of: ${property.enum.join(', ')}` : '';
      return {
        span: missingSpan(here, root, wholeDocument),
        message: `Missing '${missing}' ${where}: add '${missing}:'${choices}.`,
        data: { missing: [missing], where },
      };
    }
    case 'type': {
      const expected = String(params.type);
      const label = key === undefined ? 'This document' : `'${key}'`;
      let message = `${label} must be ${TYPE_NAMES[expected] ?? expected}, not ${shape(value)}.`;
      if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        const source = isScalar(here.node) && here.node.source ? here.node.source : String(value);
        const item = /^\d+$/.test(segments[segments.length - 1] ?? '');
        message = `${label} must be text, not ${shape(value)}: quote it, e.g. ${item || !key ? '' : `${key}: `}"${source}".`;
      } else if ((expected === 'integer' || expected === 'number') && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
        message += ' Remove the quotes.';
      }
      return { span: nodeSpan(here, root), message };
    }
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      const title = typeof parent.title === 'string' ? parent.title : undefined;
      const what = title ? `${article(title)} ${title}` : `allowed for '${key}'`;
      return {
        span: nodeSpan(here, root),
        message: `${value === null ? `'${key}' is empty` : `${show(value)} is not ${what}`}. Use one of: ${allowed.join(', ')}.`,
        data: { allowed },
      };
    }
    case 'const': {
      const allowed = String(params.allowedValue);
      const message =
        key === 'kind'
          ? `This document is read as a ${kind}, so kind must be ${allowed} (found ${show(value)}).`
          : `${show(value)} is not a supported ${key}: write ${key}: ${allowed}.`;
      return { span: nodeSpan(here, root), message, data: { allowed } };
    }
    case 'pattern': {
      const wording = PATTERN_WORDING[String(parent.title)];
      const text = String(value);
      return {
        span: nodeSpan(here, root),
        message: wording ? wording(text, key ?? '') : `'${text}' is not a valid ${key}: it must match ${String(params.pattern)}.`,
      };
    }
    case 'minimum':
      return { span: nodeSpan(here, root), message: `'${key}' must be at least ${String(params.limit)} (found ${show(value)}).` };
    case 'minItems':
      return { span: nodeSpan(here, root), message: `'${key}' is empty: list at least ${params.limit === 1 ? 'one entry' : `${String(params.limit)} entries`}.` };
    case 'minLength':
      return { span: nodeSpan(here, root), message: `'${key}' must not be empty.` };
    case 'not':
      if (parent.title === 'tier below 7.0') {
        return { span: nodeSpan(here, root), message: `'tier' is set, but the site's version is below 7.0: tiers (essential, advanced, advanced-plus) come with EBO 7.0 (community KB 523934). Remove 'tier', or set version to "7.0" or later.` };
      }
      return fallback(error, here, root, key);
    case 'oneOf':
      return oneTarget(error, here, parent, root) ?? fallback(error, here, root, key);
    default:
      return fallback(error, here, root, key);
  }
}

function mergeMissing(into: SchemaFinding, next: SchemaFinding): void {
  const keys = [...(into.data!.missing as string[]), ...(next.data!.missing as string[])];
  into.data!.missing = keys;
  into.message = `Missing ${list(keys.map((k) => `'${k}'`), 'and')} ${String(into.data!.where)}: add ${list(keys.map((k) => `'${k}:'`), 'and')}.`;
}

/** The assignment rule: `oneOf` branches that each only require one key mean "exactly one of these keys". */
function oneTarget(error: ErrorObject, here: Located, parent: JsonSchema, root: Node | null): SchemaFinding | undefined {
  const branches = parent.oneOf as JsonSchema[] | undefined;
  const keys = branches?.map((b) => (Object.keys(b).length === 1 && Array.isArray(b.required) && b.required.length === 1 ? String(b.required[0]) : undefined));
  if (!keys || keys.some((k) => k === undefined)) return undefined;
  const targets = keys as string[];
  // An item that is a string, not a mapping, names no target (`in` would throw: fuzz seed 2 case 191).
  const data = (typeof error.data === 'object' && error.data !== null ? error.data : {}) as Record<string, unknown>;
  const present = targets.filter((k) => k in data);
  const noun = nounOf(parent) ?? 'this item';
  const names = present.length === 0 ? 'none' : present.length === 2 ? `both ${present[0]} and ${present[1]}` : list(present, 'and');
  // underline the target written second: that is the one to remove or move to its own assignment
  const written = isMap(here.node) ? here.node.items.filter((p) => present.includes(String(keyOf(p)))) : [];
  const extra = written.length > 1 ? written[1].key : undefined;
  return {
    span: spanOf(extra as Node | null | undefined) ?? nodeSpan(here, root),
    message: `${capitalise(noun)} names exactly one target: ${list(targets, 'or')} (this one names ${names}).`,
    data: { targets: present },
  };
}

function fallback(error: ErrorObject, here: Located, root: Node | null, key: string | undefined): SchemaFinding {
  return { span: nodeSpan(here, root), message: `${key ? `'${key}' ` : ''}${error.message ?? 'does not match the schema'}.` };
}

/** The value node; its key when the value is empty; never more than one node. */
function nodeSpan(here: Located, root: Node | null): Span {
  const span = spanOf(here.node);
  if (span && span.end > span.start) return span;
  return spanOf(here.pair?.key as Node | null | undefined) ?? span ?? rootSpan(root);
}

/** A missing key: the key of the mapping's own pair, the list item itself, or `kind:` at the top. */
function missingSpan(here: Located, root: Node | null, wholeDocument: boolean): Span {
  if (here.pair) return spanOf(here.pair.key as Node | null) ?? nodeSpan(here, root);
  if (here.node === root && wholeDocument) return rootSpan(root);
  return nodeSpan(here, root);
}

function rootSpan(root: Node | null): Span {
  const first = pairOf(root, 'kind') ?? (root && 'items' in root ? (root.items as unknown[])[0] : undefined);
  const key = first && typeof first === 'object' && 'key' in first ? (first.key as Node | null) : null;
  return spanOf(key) ?? { start: root?.range?.[0] ?? 0, end: root?.range?.[0] ?? 0 };
}

function nounOf(schema: JsonSchema): string | undefined {
  return typeof schema.title === 'string' ? OBJECT_NOUNS[schema.title] : undefined;
}

function lastKey(segments: readonly string[]): string | undefined {
  for (let i = segments.length - 1; i >= 0; i--) if (!/^\d+$/.test(segments[i])) return segments[i];
  return undefined;
}

function shape(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return `the text '${String(value)}'`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? 'nothing';
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function list(items: readonly string[], conjunction: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
