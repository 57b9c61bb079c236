// `bmslicense las serve`: the workspace's LAS simulator over HTTP on loopback, for tests and demos.
import * as path from 'node:path';
import { parseRequest } from '../offline/format';
import { answerRequest } from '../offline/respond';
import { LasSimulator, simulatorDataDir } from '../simulator';
import type { OfflineResponder } from './server';
import { createLasServer } from './server';

/** What the command needs from the outside (the CLI's `CliIO` fits). */
export interface ServeIO {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export const serveUsage = 'bmslicense las serve [--port P] [--data DIR] [--token-env VAR] [--quiet]';

interface ServeOptions {
  port: number;
  dataDir: string;
  tokenEnv?: string;
  quiet: boolean;
}

/**
 * Serves until SIGINT/SIGTERM (or `stop` aborts). The first stdout line is `listening on URL`, so a
 * script can start it with `--port 0` and read the port.
 */
export async function serveCommand(args: string[], io: ServeIO, stop?: AbortSignal): Promise<number> {
  const parsed = parseServeArgs(args, io.cwd);
  if (typeof parsed === 'string') {
    io.err(`bmslicense las serve: ${parsed}\nUsage: ${serveUsage}\n`);
    return 2;
  }
  let token: string | undefined;
  if (parsed.tokenEnv) {
    token = io.env[parsed.tokenEnv];
    if (!token) {
      io.err(`bmslicense las serve: the environment variable ${parsed.tokenEnv} is empty or not set; put the token clients must send in it.\n`);
      return 2;
    }
  }
  const las = new LasSimulator({ dataDir: parsed.dataDir });
  const server = createLasServer(las, { token, offlineRespond: offlineResponder(las), log: parsed.quiet ? undefined : (l) => io.err(`${l}\n`) });
  let url: string;
  try {
    url = await server.listen(parsed.port);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'EADDRINUSE'
      ? `bmslicense las serve: port ${parsed.port} is already in use. Choose another --port (0 picks a free one).\n`
      : `bmslicense las serve: cannot listen on 127.0.0.1:${parsed.port} (${code ?? (e as Error).message}).\n`);
    return 1;
  }
  io.out(`listening on ${url}\n`);
  io.err(`LAS simulator state in ${parsed.dataDir}${token ? `; clients must send the bearer token from $${parsed.tokenEnv}` : ''}. Ctrl-C stops.\n`);
  await new Promise<void>((resolve) => {
    const done = () => {
      process.removeListener('SIGINT', done);
      process.removeListener('SIGTERM', done);
      stop?.removeEventListener('abort', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    if (stop?.aborted) done();
    else stop?.addEventListener('abort', done);
  });
  await server.close();
  io.err('LAS server stopped.\n');
  return 0;
}

/** The name `src/cli/commands/las.ts` dispatches to. */
export const runServe = (args: string[], io: ServeIO): Promise<number> => serveCommand(args, io);

function parseServeArgs(args: string[], cwd: string): ServeOptions | string {
  const o: ServeOptions = { port: 0, dataDir: simulatorDataDir(cwd), quiet: false };
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split(/=(.*)/s, 2);
    if (name === '--quiet') {
      o.quiet = true;
      continue;
    }
    if (!['--port', '--data', '--token-env'].includes(name)) return `unknown option ${args[i]}`;
    const value = inline ?? args[++i];
    if (!value) return `${name} needs a value`;
    if (name === '--port') {
      if (!/^\d+$/.test(value) || Number(value) > 65535) return `--port must be a number from 0 to 65535 (0 picks a free one), not '${value}'`;
      o.port = Number(value);
    } else if (name === '--data') o.dataDir = path.resolve(cwd, value);
    else o.tokenEnv = value;
  }
  return o;
}

/** `POST /v1/offline/respond`: the body is a request file's JSON; the answer is the signed response. */
function offlineResponder(las: LasSimulator): OfflineResponder {
  return async (body) => {
    const { request, problem } = parseRequest(JSON.stringify(body));
    if (!request) return { ok: false, error: { code: 'bad-request', message: `The offline request was refused: ${problem}.` } };
    return { ok: true, value: await answerRequest(las, request) };
  };
}
