// Schema validation of a whole document or of one list item, as BMS002 diagnostics on exact nodes.
import type { Document, Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { validatorFor, type SchemaKind } from './schemas';
import { findingsOf } from './wording';

/**
 * Validates a parsed document against the schema of its kind. `value` may be passed when the caller
 * already holds `doc.toJS()`, to skip converting the document again.
 */
export function validateSchema(doc: Document, kind: SchemaKind, uri: string, value?: unknown): Diagnostic[] {
  const root = (doc.contents as Node | null) ?? null;
  let data = value;
  if (data === undefined) {
    try {
      data = doc.toJS();
    } catch {
      return []; // e.g. an alias bomb: the parse diagnostics already say what is wrong
    }
  }
  return run(kind, undefined, data, root, uri, true);
}

/**
 * Validates one list item (a `server`, `licenseServer`, `client`, `entitlement`, `product` or
 * `assignment`) on its own, so an edit re-checks only the items it touched. Pass `doc` when the item
 * may contain aliases.
 */
export function validateFragment(kind: SchemaKind, definition: string, node: Node, uri: string, doc?: Document): Diagnostic[] {
  let data: unknown;
  try {
    data = doc ? node.toJS(doc) : node.toJSON();
  } catch {
    return [];
  }
  return run(kind, definition, data, node, uri, false);
}

function run(kind: SchemaKind, definition: string | undefined, data: unknown, root: Node | null, uri: string, whole: boolean): Diagnostic[] {
  const validate = validatorFor(kind, definition);
  if (validate(data)) return [];
  return findingsOf(validate.errors ?? [], root, kind, whole).map((f) =>
    diagnostic('BMS002', uri, f.span, f.message, f.data ? { data: f.data } : {}),
  );
}
