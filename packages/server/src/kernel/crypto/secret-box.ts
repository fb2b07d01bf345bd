import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const VERSION = 'v1';

/**
 * Seals small secrets that must be read back (TOTP seeds) with AES-256-GCM under
 * the node's data key, so that a copy of the database alone does not reveal them.
 */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new Error('The data key must be 32 bytes');
  return {
    seal(plaintext) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, nonce, ciphertext, tag]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, nonce, ciphertext, tag] = sealed.split('.');
      if (version !== VERSION || !nonce || ciphertext === undefined || !tag) {
        throw new Error('Unrecognised sealed secret');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

/**
 * Loads the node's data key from `<dataDir>/keys/data.key`, creating it (readable
 * by the owner only) on first use. Processes that share one PostgreSQL database
 * must share this file too.
 */
export function loadOrCreateDataKey(dataDir: string): Buffer {
  const keyDir = path.join(dataDir, 'keys');
  const keyPath = path.join(keyDir, 'data.key');
  fs.mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(keyPath, randomBytes(KEY_BYTES).toString('base64'), {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from(fs.readFileSync(keyPath, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`The data key at ${keyPath} is damaged`);
  return key;
}
