// Every request handler runs behind this: a bug answers "nothing" and is logged, the server stays up.
import type { Connection } from 'vscode-languageserver/node';

export type Flush = (uri: string) => void;

export function guarded<P, R>(connection: Connection, name: string, handler: (params: P) => R, empty: R): (params: P) => R {
  return (params: P) => {
    try {
      return handler(params);
    } catch (e) {
      connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
      return empty;
    }
  };
}
