import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random bearer secret: 256 bits, URL-safe, with a prefix that says what it is. */
export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Bearer secrets are stored only as their SHA-256; they have enough entropy for that. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A keyed digest, for values derived from a secret (such as a session's CSRF token). */
export function hmac(key: Buffer, label: string, value: string): string {
  return createHmac('sha256', key).update(`${label}\u0000${value}`, 'utf8').digest('base64url');
}
