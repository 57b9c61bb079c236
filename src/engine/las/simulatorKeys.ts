// The simulator's Ed25519 signing key: made on first use and kept in its data folder, so the responses it
// signs today still verify tomorrow. Only the public key ever leaves the folder.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './simulatorState';

export const PRIVATE_KEY_FILE = 'las-signing-key.pem';
export const PUBLIC_KEY_FILE = 'las-public-key.pem';

export interface SigningKey {
  privateKey: crypto.KeyObject;
  publicKeyPem: string;
}

export function loadOrCreateSigningKey(dataDir: string): SigningKey {
  const privFile = path.join(dataDir, PRIVATE_KEY_FILE);
  let privatePem: string;
  if (fs.existsSync(privFile)) {
    privatePem = fs.readFileSync(privFile, 'utf8');
  } else {
    const pair = crypto.generateKeyPairSync('ed25519');
    privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileAtomic(privFile, privatePem, 0o600);
  }
  const privateKey = crypto.createPrivateKey(privatePem);
  const publicKeyPem = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const pubFile = path.join(dataDir, PUBLIC_KEY_FILE);
  if (!fs.existsSync(pubFile) || fs.readFileSync(pubFile, 'utf8') !== publicKeyPem) writeFileAtomic(pubFile, publicKeyPem);
  return { privateKey, publicKeyPem };
}
