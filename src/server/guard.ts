// Every request handler runs behind this: a bug answers "nothing" and is logged, the server stays up.
import type { Connection } from 'vscode-languageserver/node';
import { canonicalUri } from '../engine/load/uri';

export type Flush = (uri: string) => void;

export function guarded<P, R>(connection: Connection, name: string, handler: (params: P) => R, empty: R): (params: P) => R {
  return (params: P) => {
    try {
      return handler(canonical(params));
    } catch (e) {
      connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
      return empty;
    }
  };
}

/** The request's document uri in its one spelling (load/uri.ts), as the workspace keys it. */
function canonical<P>(params: P): P {
  const doc = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument;
  return typeof doc?.uri === 'string' ? { ...params, textDocument: { ...doc, uri: canonicalUri(doc.uri) } } : params;
}
