import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint } from 'jose';

/** An Ed25519 public key as a JWK (RFC 8037): `{ kty: "OKP", crv: "Ed25519", x }`. */
export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
}

export interface SigningKey {
  /** The key id: the RFC 7638 thumbprint of the public JWK. */
  kid: string;
  privateKey: KeyObject;
  publicJwk: PublicJwk;
}

const KEY_FILE = /^([A-Za-z0-9_-]{43})\.pem$/;

export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey } = generateKeyPairSync('ed25519');
  return signingKeyFrom(privateKey);
}

async function signingKeyFrom(privateKey: KeyObject): Promise<SigningKey> {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 private key');
  const publicJwk = toPublicJwk(createPublicKey(privateKey).export({ format: 'jwk' }));
  return { kid: await kidOf(publicJwk), privateKey, publicJwk };
}

export function kidOf(jwk: PublicJwk): Promise<string> {
  return calculateJwkThumbprint(jwk, 'sha256');
}

export function toPublicJwk(jwk: JsonWebKey): PublicJwk {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new Error('not an Ed25519 public key');
  }
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}

export function publicKeyObject(jwk: PublicJwk): KeyObject {
  return createPublicKey({ key: { ...jwk }, format: 'jwk' });
}

/**
 * Writes a private key as PKCS#8 PEM, readable and writable by the owner only,
 * in a folder only the owner may enter. Never overwrites a file.
 */
export function writePrivateKeyFile(file: string, key: KeyObject): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const pem = key.export({ format: 'pem', type: 'pkcs8' });
  fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
}

/**
 * Reads a private key file, refusing one that others may read: a signing key
 * that leaked is a key anybody can sign in this node's name with.
 */
export async function readPrivateKeyFile(file: string): Promise<SigningKey> {
  const stat = fs.statSync(file);
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new Error(
      `${file} may be read by others (mode ${(stat.mode & 0o777).toString(8)}); allow the owner only (chmod 600)`,
    );
  }
  return signingKeyFrom(createPrivateKey(fs.readFileSync(file)));
}

/** The node's signing keys: every `<kid>.pem` in its key folder. */
export async function readNodeKeys(keyDir: string): Promise<SigningKey[]> {
  if (!fs.existsSync(keyDir)) return [];
  const keys: SigningKey[] = [];
  for (const name of fs.readdirSync(keyDir).sort()) {
    const match = KEY_FILE.exec(name);
    if (!match) continue;
    const key = await readPrivateKeyFile(path.join(keyDir, name));
    if (key.kid !== match[1]) {
      throw new Error(`${name} holds the key ${key.kid}, not the one its name says`);
    }
    keys.push(key);
  }
  return keys;
}

/** Creates a new node signing key in the key folder and returns it. */
export async function createNodeKey(keyDir: string): Promise<SigningKey> {
  const key = await generateSigningKey();
  writePrivateKeyFile(path.join(keyDir, `${key.kid}.pem`), key.privateKey);
  return key;
}

/** Where a node keeps its signing keys. */
export function nodeKeyDir(dataDir: string): string {
  return path.join(dataDir, 'keys');
}
