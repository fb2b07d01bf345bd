import type { KeyObject } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { Strict, Text, Timestamp } from '../kernel/http/schema-types.js';
import { compileChecker } from '../kernel/validation.js';
import { kidOf, publicKeyObject, type PublicJwk, type SigningKey } from './keys.js';
import {
  MESSAGE_TYPES,
  parseMessage,
  readHeader,
  serialiseMessage,
  signMessage,
  verifyMessage,
} from './jws.js';

/** The version of the federation protocol this implementation speaks. */
export const PROTOCOL_VERSION = 1;

export const NODE_ID_PATTERN = '^[a-z0-9][a-z0-9-]{1,39}$';
const KID = Text(43, { minLength: 43, pattern: '^[A-Za-z0-9_-]{43}$' });

export const PublicJwkSchema = Strict({
  kty: Type.Literal('OKP'),
  crv: Type.Literal('Ed25519'),
  x: Text(43, { minLength: 43, pattern: '^[A-Za-z0-9_-]{43}$' }),
});

export const RegisterKeySchema = Strict({
  kid: KID,
  jwk: PublicJwkSchema,
  validFrom: Timestamp(),
  validUntil: Type.Optional(Timestamp()),
});

export const RegisterNodeSchema = Strict({
  id: Text(40, { pattern: NODE_ID_PATTERN }),
  country: Text(2, { pattern: '^[A-Z]{2}$' }),
  name: Text(200, { minLength: 1 }),
  url: Text(500, { pattern: '^https?://[^\\s/?#]+$' }),
  keys: Type.Array(RegisterKeySchema, { minItems: 1, maxItems: 10 }),
});

export const RegisterDocumentSchema = Strict({
  federation: Text(100, { minLength: 1 }),
  protocolVersion: Type.Integer({ minimum: 1 }),
  version: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  issuedAt: Timestamp(),
  expiresAt: Timestamp(),
  nodes: Type.Array(RegisterNodeSchema, { minItems: 1, maxItems: 100 }),
});

export type RegisterKeyEntry = Static<typeof RegisterKeySchema>;
export type RegisterNode = Static<typeof RegisterNodeSchema>;
export type RegisterDocument = Static<typeof RegisterDocumentSchema>;

/** The federation authority's public key: the trust anchor a node is configured with. */
export interface AuthorityKey {
  kid: string;
  jwk: PublicJwk;
}

export interface RegisteredKey {
  kid: string;
  nodeId: string;
  key: KeyObject;
  validFrom: Date;
  validUntil: Date | null;
}

/** A register whose signature, content and dates were checked. */
export interface Register {
  document: RegisterDocument;
  /** The signed document, as loaded (flattened JWS JSON). */
  signed: string;
  version: number;
  issuedAt: Date;
  expiresAt: Date;
  node(id: string): RegisterNode | undefined;
  key(kid: string): RegisteredKey | undefined;
}

export class RegisterError extends Error {
  constructor(
    readonly code:
      | 'malformed_register'
      | 'unsigned_register'
      | 'wrong_register_signature'
      | 'invalid_register'
      | 'register_expired'
      | 'register_not_newer',
    message: string,
  ) {
    super(message);
    this.name = 'RegisterError';
  }
}

const checkDocument = compileChecker(RegisterDocumentSchema);
const checkAuthority = compileChecker(Strict({ kid: KID, jwk: PublicJwkSchema }));

/** Checks a draft register's content (schema and consistency); throws a RegisterError. */
export async function checkRegisterDocument(value: unknown): Promise<RegisterDocument> {
  const checked = checkDocument(value);
  if (!checked.ok) throw new RegisterError('invalid_register', `register ${checked.error}`);
  const document = checked.value;
  if (document.protocolVersion !== PROTOCOL_VERSION) {
    throw new RegisterError(
      'invalid_register',
      `the register is for protocol version ${document.protocolVersion}; this node speaks ${PROTOCOL_VERSION}`,
    );
  }
  if (Date.parse(document.expiresAt) <= Date.parse(document.issuedAt)) {
    throw new RegisterError('invalid_register', 'the register expires before it is issued');
  }
  const ids = new Set<string>();
  const kids = new Set<string>();
  for (const node of document.nodes) {
    if (ids.has(node.id)) throw new RegisterError('invalid_register', `node ${node.id} twice`);
    ids.add(node.id);
    for (const key of node.keys) {
      if (kids.has(key.kid)) throw new RegisterError('invalid_register', `key ${key.kid} twice`);
      kids.add(key.kid);
      if ((await kidOf(key.jwk)) !== key.kid) {
        throw new RegisterError(
          'invalid_register',
          `key ${key.kid} of node ${node.id}: the kid is not the thumbprint of the key`,
        );
      }
      if (key.validUntil !== undefined && Date.parse(key.validUntil) <= Date.parse(key.validFrom)) {
        throw new RegisterError(
          'invalid_register',
          `key ${key.kid} of node ${node.id} ends before it starts`,
        );
      }
    }
  }
  return document;
}

export async function readAuthorityKey(value: unknown): Promise<AuthorityKey> {
  const checked = checkAuthority(value);
  if (!checked.ok) throw new Error(`not an authority public key: ${checked.error}`);
  if ((await kidOf(checked.value.jwk)) !== checked.value.kid) {
    throw new Error('not an authority public key: the kid is not the thumbprint of the key');
  }
  return checked.value;
}

export async function signRegister(document: RegisterDocument, authority: SigningKey) {
  const checked = await checkRegisterDocument(document);
  return serialiseMessage(await signMessage(MESSAGE_TYPES.register, checked, authority));
}

/**
 * Opens a signed register: it must be a flattened JWS signed by the authority,
 * with valid content, not expired at `now`. Throws a RegisterError that says why not.
 */
export async function openRegister(
  signed: string,
  authority: AuthorityKey,
  now: Date,
): Promise<Register> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(signed);
  } catch {
    throw new RegisterError('malformed_register', 'the register is not JSON');
  }
  const message = parseMessage(parsed);
  if (!message) {
    const isDraft = parsed !== null && typeof parsed === 'object' && 'nodes' in parsed;
    throw new RegisterError(
      isDraft ? 'unsigned_register' : 'malformed_register',
      isDraft
        ? 'the register is not signed: sign it with the federation authority key first'
        : 'the register is not a signed document (flattened JWS)',
    );
  }
  const header = readHeader(message);
  if (!header || header.typ !== MESSAGE_TYPES.register) {
    throw new RegisterError('malformed_register', 'the signed document is not a register');
  }
  if (header.kid !== authority.kid) {
    throw new RegisterError(
      'wrong_register_signature',
      `the register is signed by key ${header.kid}, not by the federation authority ${authority.kid}`,
    );
  }
  const content = await verifyMessage(message, publicKeyObject(authority.jwk));
  if (content === null) {
    throw new RegisterError('wrong_register_signature', 'the register signature is not valid');
  }
  const document = await checkRegisterDocument(content);
  const expiresAt = new Date(document.expiresAt);
  if (expiresAt <= now) {
    throw new RegisterError(
      'register_expired',
      `register version ${document.version} expired at ${document.expiresAt}`,
    );
  }
  return registerFrom(document, serialiseMessage(message));
}

function registerFrom(document: RegisterDocument, signed: string): Register {
  const nodes = new Map(document.nodes.map((node) => [node.id, node]));
  const keys = new Map<string, RegisteredKey>();
  for (const node of document.nodes) {
    for (const entry of node.keys) {
      keys.set(entry.kid, {
        kid: entry.kid,
        nodeId: node.id,
        key: publicKeyObject(entry.jwk),
        validFrom: new Date(entry.validFrom),
        validUntil: entry.validUntil === undefined ? null : new Date(entry.validUntil),
      });
    }
  }
  return {
    document,
    signed,
    version: document.version,
    issuedAt: new Date(document.issuedAt),
    expiresAt: new Date(document.expiresAt),
    node: (id) => nodes.get(id),
    key: (kid) => keys.get(kid),
  };
}

/** Whether a registered key may have signed something at `at`. */
export function keyValidAt(key: RegisteredKey, at: Date): boolean {
  return key.validFrom <= at && (key.validUntil === null || at < key.validUntil);
}
