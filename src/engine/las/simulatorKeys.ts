// The simulator's Ed25519 signing key: made on first use and kept in its data folder, so the responses it
// signs today still verify tomorrow. Only the public key ever leaves the folder. Once the state records
// that a key was made, a missing or damaged key file is an error naming it: a silently new key would make
// every response signed before unverifiable.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeStateDir } from '../stateFolder';
import { writeFileAtomic } from './simulatorState';

export const PRIVATE_KEY_FILE = 'las-signing-key.pem';
export const PUBLIC_KEY_FILE = 'las-public-key.pem';

export interface SigningKey {
  privateKey: crypto.KeyObject;
  publicKeyPem: string;
  /** SHA-256 of the public key PEM, as the state records it. */
  fingerprint: string;
}

export type LoadedKey = { ok: true; key: SigningKey } | { ok: false; message: string };

export function fingerprintOf(publicKeyPem: string): string {
  return crypto.createHash('sha256').update(publicKeyPem).digest('hex');
}

/** `recorded`: the fingerprint the state holds (a key was made before), or undefined (first use). */
export function loadOrCreateSigningKey(dataDir: string, recorded: string | undefined): LoadedKey {
  const privFile = path.join(dataDir, PRIVATE_KEY_FILE);
  const pubFile = path.join(dataDir, PUBLIC_KEY_FILE);
  // Looked at before the private key is read: the public half is written after it, so when the public half
  // was there first, a missing private key was deleted (not just being made by another process).
  const madeBefore = recorded !== undefined || fs.existsSync(pubFile);
  let privatePem: string | undefined;
  try {
    privatePem = fs.readFileSync(privFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, message: `The LAS simulator signing key ${privFile} cannot be read (${(e as NodeJS.ErrnoException).code}): make it readable.` };
  }
  if (privatePem === undefined) {
    if (madeBefore) {
      return {
        ok: false,
        message: `The LAS simulator signing key ${privFile} is missing, but the simulator made a key before (its state or ${PUBLIC_KEY_FILE} says so): a new key would make those responses unverifiable. Restore the file from a backup (or move the whole folder ${dataDir} away to start the simulator afresh, then run 'bmslicense las restore --site NAME').`,
      };
    }
    privatePem = createExclusively(privFile);
  }
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(privatePem);
  } catch (e) {
    return { ok: false, message: `The LAS simulator signing key ${privFile} is damaged (${(e as Error).message}): restore it from a backup.` };
  }
  const publicKeyPem = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const fingerprint = fingerprintOf(publicKeyPem);
  if (recorded && recorded !== fingerprint) {
    return { ok: false, message: `The LAS simulator signing key ${privFile} is not the key its state recorded: it was replaced. Restore the original file from a backup.` };
  }
  if (!fs.existsSync(pubFile) || fs.readFileSync(pubFile, 'utf8') !== publicKeyPem) writeFileAtomic(pubFile, publicKeyPem);
  return { ok: true, key: { privateKey, publicKeyPem, fingerprint } };
}

/** Two processes making the first key at once both end up with the one that was linked into place first. */
function createExclusively(privFile: string): string {
  const pem = crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const tmp = `${privFile}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  makeStateDir(path.dirname(privFile));
  fs.writeFileSync(tmp, pem, { mode: 0o600 });
  try {
    fs.linkSync(tmp, privFile);
    return pem;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(privFile, 'utf8');
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
