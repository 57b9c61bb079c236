// Which LAS a CLI command talks to, by the site's spec.activation: the workspace's simulator (`simulator`), an
// activation server over HTTP (`http`: `--las URL` or BMSLICENSE_LAS_URL, for CI), or none (`vendor-tools`). The token only ever comes from the environment
// (BMSLICENSE_LAS_TOKEN, or the variable `--las-token-env` names): a flag would show in the process list
// and the shell history.
import { HttpLas } from '../engine/las/http/client';
import type { Las } from '../engine/las/types';
import { VendorToolsLas } from '../engine/las/vendorTools';
import type { ActivationWay } from '../engine/model';
import { LasSimulator, simulatorDataDir } from '../engine/las/simulator';
import type { ParsedArgs } from './args';
import type { CliIO } from './io';
import { fail, ok, type Result } from '../engine/result';

const flag = (p: ParsedArgs, name: string) => {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
};

/** No `--token`: parsing refuses it like any unknown option, so a token never reaches a flag. */
export const LAS_OPTIONS = { las: true, 'las-token-env': true } as const;

export const TOKEN_ENV = 'BMSLICENSE_LAS_TOKEN';

/** The URL asked for, if any: `--las` wins over BMSLICENSE_LAS_URL. */
export function lasUrl(p: ParsedArgs, io: CliIO): string | undefined {
  return flag(p, 'las') ?? (io.env.BMSLICENSE_LAS_URL || undefined);
}

/** The LAS of a site: the simulator (`activation: simulator`), the HTTP server (`http`), or none that acts (`vendor-tools`). */
export function lasFor(p: ParsedArgs, io: CliIO, root: string, way: ActivationWay = 'simulator'): Result<Las> {
  if (way === 'simulator') return ok(new LasSimulator({ dataDir: simulatorDataDir(root) }));
  if (way === 'vendor-tools') return ok(new VendorToolsLas());
  const url = lasUrl(p, io);
  if (url === undefined) return fail(`This site has activation: http: give the activation server's URL with --las URL (or BMSLICENSE_LAS_URL), its token in ${TOKEN_ENV}.`);
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return fail(`--las must be an http(s) URL such as http://127.0.0.1:8471, not '${url}'.`);
  if (parsed.username || parsed.password) return fail(`Put the activation server token in ${TOKEN_ENV}, not in the --las URL.`);
  const named = flag(p, 'las-token-env');
  const variable = named ?? TOKEN_ENV;
  const token = io.env[variable] || undefined;
  if (named && !token) return fail(`The environment variable ${named} (--las-token-env) is empty or not set: put the activation server token in it.`);
  const seconds = Number(io.env.BMSLICENSE_LAS_TIMEOUT);
  const timeoutMs = io.env.BMSLICENSE_LAS_TIMEOUT && seconds > 0 ? seconds * 1000 : undefined;
  const hints = { token: `Put the activation server's token in ${variable}.`, url: 'the --las URL' };
  return ok(new HttpLas({ url, token: async () => token, timeoutMs, hints }));
}
