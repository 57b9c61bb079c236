// The License Activation Server the commands talk to, from the settings: the built-in simulator (state in
// `<workspace>/.bmslicense/las-sim/`) or the HTTP adapter with its token from SecretStorage.
import { fail, ok, type Result } from '../engine/result';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { HttpLas } from '../engine/las/http/client';
import { LasSimulator, simulatorDataDir } from '../engine/las/simulator';
import type { Las } from '../engine/las/types';
import { activationOf, type Site } from '../engine/model';

/** The SecretStorage key of the HTTP activation server token. */
export const TOKEN_SECRET = 'bmsLicense.activation.token';

export interface LasConnection {
  las: Las;
  /** For messages and the log: "the built-in simulator" or the URL (never the token). */
  name: string;
  /** The key offline responses are verified with; a message when it cannot be had. */
  publicKeyPem(): Result<string>;
}

/**
 * The LAS of a site, by its `spec.activation` as the CLI chooses it (src/cli/lasChoice.ts): `simulator` the
 * built-in simulator, `http` the server of the settings; `vendor-tools` has none (the checklist records
 * instead). Without a site (older callers), the setting `bmsLicense.activation.mode` chooses.
 */
export function connectLas(root: string, secrets: vscode.SecretStorage, site?: Site): Result<LasConnection> {
  const config = vscode.workspace.getConfiguration('bmsLicense.activation');
  const way = site ? activationOf(site) : config.get<string>('mode', 'simulator') === 'http' ? 'http' : 'simulator';
  if (way === 'vendor-tools') {
    return fail(vscode.l10n.t("Site {0} is licensed with the vendor's tools (activation: vendor-tools): do it in License Administrator or Device Administrator and answer the checklist (Review and Apply).", site!.name));
  }
  if (way === 'simulator') {
    const sim = new LasSimulator({ dataDir: simulatorDataDir(root) });
    return ok({ las: sim, name: 'the built-in simulator', publicKeyPem: () => sim.publicKey() });
  }
  const url = config.get<string>('url', '').trim();
  if (!url) {
    if (site) return fail(vscode.l10n.t('Site {0} has activation: http but bmsLicense.activation.url is empty: set the activation server URL in the settings.', site.name));
    return fail(vscode.l10n.t('bmsLicense.activation.mode is "http" but bmsLicense.activation.url is empty: set the activation server URL in the settings, or set the mode back to "simulator".'));
  }
  const las = new HttpLas({ url, token: () => Promise.resolve(secrets.get(TOKEN_SECRET)) });
  if (las.displayUrl === '(invalid URL)') return fail(vscode.l10n.t('bmsLicense.activation.url is not an http(s) URL: fix it in the settings (e.g. http://127.0.0.1:8471).'));
  const keyFile = config.get<string>('publicKeyFile', '').trim();
  return ok({
    las,
    name: las.displayUrl,
    publicKeyPem: () => {
      if (!keyFile) return fail(vscode.l10n.t('To verify offline responses from an activation server, set bmsLicense.activation.publicKeyFile to its public key (PEM; the simulator exports it with "bmslicense las public-key").'));
      const file = path.resolve(root, keyFile);
      try {
        return ok(fs.readFileSync(file, 'utf8'));
      } catch (e) {
        return fail(vscode.l10n.t('Cannot read the activation server public key {0} ({1}): check bmsLicense.activation.publicKeyFile.', file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
      }
    },
  });
}
