import { createHash, type KeyObject } from 'node:crypto';
import { FlattenedSign, base64url, flattenedVerify } from 'jose';
import { canonicalJson } from '../kernel/crypto/canonical-json.js';

/** A JWS in the flattened JSON serialisation (RFC 7515 §7.2.2), without unprotected header. */
export interface SignedMessage {
  protected: string;
  payload: string;
  signature: string;
}

/** The media types that say what a signed message is; they travel in the `typ` header. */
export const MESSAGE_TYPES = {
  envelope: 'senningen-envelope+jws',
  receipt: 'senningen-receipt+jws',
  register: 'senningen-register+jws',
} as const;
export type MessageType = (typeof MESSAGE_TYPES)[keyof typeof MESSAGE_TYPES];

export interface ProtectedHeader {
  alg: 'EdDSA';
  kid: string;
  typ: MessageType;
}

/** Signs the canonical JSON of `content` with EdDSA (Ed25519). */
export async function signMessage(
  typ: MessageType,
  content: unknown,
  key: { kid: string; privateKey: KeyObject },
): Promise<SignedMessage> {
  const jws = await new FlattenedSign(new TextEncoder().encode(canonicalJson(content)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ })
    .sign(key.privateKey);
  return { protected: jws.protected!, payload: jws.payload, signature: jws.signature };
}

/**
 * The message's hash: SHA-256 (hex) over its JWS compact serialisation
 * `protected.payload.signature`, which is what the signature covers plus the
 * signature itself. It names a message exactly, however it is stored.
 */
export function messageHash(message: SignedMessage): string {
  return createHash('sha256')
    .update(`${message.protected}.${message.payload}.${message.signature}`, 'ascii')
    .digest('hex');
}

/** Storage form: the three members, in a fixed order. */
export function serialiseMessage(message: SignedMessage): string {
  return JSON.stringify({
    protected: message.protected,
    payload: message.payload,
    signature: message.signature,
  });
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Reads a stored or received message; null when it is not a flattened JWS. */
export function parseMessage(value: unknown): SignedMessage | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v);
  if (keys.length !== 3) return null;
  for (const key of ['protected', 'payload', 'signature'] as const) {
    const part = v[key];
    if (typeof part !== 'string' || part.length === 0 || !BASE64URL.test(part)) return null;
  }
  return {
    protected: v.protected as string,
    payload: v.payload as string,
    signature: v.signature as string,
  };
}

export function parseStoredMessage(text: string): SignedMessage {
  const message = parseMessage(JSON.parse(text));
  if (!message) throw new Error('stored message is not a flattened JWS');
  return message;
}

/** Decodes the protected header without trusting it; null when it is not ours. */
export function readHeader(message: SignedMessage): ProtectedHeader | null {
  const header = decodeJson(message.protected);
  if (header === null || typeof header !== 'object' || Array.isArray(header)) return null;
  const h = header as Record<string, unknown>;
  const typs: readonly string[] = Object.values(MESSAGE_TYPES);
  if (Object.keys(h).length !== 3) return null;
  if (h.alg !== 'EdDSA' || typeof h.kid !== 'string' || h.kid.length > 100) return null;
  if (typeof h.typ !== 'string' || !typs.includes(h.typ)) return null;
  return { alg: 'EdDSA', kid: h.kid, typ: h.typ as MessageType };
}

/** Verifies the signature; returns the decoded payload, or null when it does not verify. */
export async function verifyMessage(message: SignedMessage, key: KeyObject): Promise<unknown> {
  try {
    const { payload } = await flattenedVerify(message, key, { algorithms: ['EdDSA'] });
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload)) as unknown;
  } catch {
    return null;
  }
}

/** The payload, decoded without verifying: for display of what is already verified. */
export function decodePayload(message: SignedMessage): unknown {
  return decodeJson(message.payload);
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(part)));
  } catch {
    return null;
  }
}
