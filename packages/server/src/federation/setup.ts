import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../kernel/db/database.js';
import { readIdentity, type NodeIdentity } from './federation.js';
import {
  createNodeKey,
  generateSigningKey,
  readNodeKeys,
  writePrivateKeyFile,
  type SigningKey,
} from './keys.js';
import {
  NODE_ID_PATTERN,
  PROTOCOL_VERSION,
  checkRegisterDocument,
  type AuthorityKey,
  type RegisterDocument,
  type RegisterNode,
} from './register.js';

export class SetupError extends Error {
  override name = 'SetupError';
}

/**
 * Gives the node its federation identity and a first signing key (a file in
 * the key folder, readable by the owner only). Returns the node's public entry
 * for the federation register.
 */
export async function initNode(
  db: Db,
  keyDir: string,
  identity: NodeIdentity,
): Promise<RegisterNode> {
  if (!new RegExp(NODE_ID_PATTERN).test(identity.nodeId)) {
    throw new SetupError(
      `node id "${identity.nodeId}": use 2 to 40 lower-case letters, digits and hyphens`,
    );
  }
  if (!/^[A-Z]{2}$/.test(identity.country)) {
    throw new SetupError(`country "${identity.country}": use an ISO 3166 code such as BE`);
  }
  if (!/^https?:\/\/[^\s/?#]+$/.test(identity.url)) {
    throw new SetupError(
      `url "${identity.url}": give the origin peers reach the node at, e.g. https://senningen.example.be`,
    );
  }
  if (identity.name.trim() === '' || identity.name.length > 200) {
    throw new SetupError('name: give the node a name of at most 200 characters');
  }
  const existing = await readIdentity(db);
  if (existing) {
    throw new SetupError(`this node is already initialised as ${existing.nodeId}`);
  }
  await createNodeKey(keyDir);
  await db
    .insertInto('federation_identity')
    .values({
      node_id: identity.nodeId,
      country: identity.country,
      name: identity.name,
      url: identity.url,
    })
    .execute();
  return identityEntry(db, keyDir);
}

/** Adds a signing key, for a rotation: list it in the register before it is used. */
export async function addNodeKey(db: Db, keyDir: string): Promise<RegisterNode> {
  if (!(await readIdentity(db))) throw new SetupError('run `senningen node init` first');
  await createNodeKey(keyDir);
  return identityEntry(db, keyDir);
}

/** The node's public entry for the register: identity and every key it holds. */
export async function identityEntry(db: Db, keyDir: string): Promise<RegisterNode> {
  const identity = await readIdentity(db);
  if (!identity)
    throw new SetupError('this node has no federation identity: run `senningen node init`');
  const keys = await readNodeKeys(keyDir);
  return {
    id: identity.nodeId,
    country: identity.country,
    name: identity.name,
    url: identity.url,
    keys: keys
      .map((key) => ({
        kid: key.kid,
        jwk: key.publicJwk,
        // a key file is written once, so its time is the key's birth
        validFrom: fs.statSync(path.join(keyDir, `${key.kid}.pem`)).mtime.toISOString(),
      }))
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom)),
  };
}

/** Creates the federation authority's key pair: the private key file and the public key. */
export async function createAuthority(
  dir: string,
): Promise<{ key: SigningKey; privateFile: string; publicFile: string; authority: AuthorityKey }> {
  const privateFile = path.join(dir, 'authority.key.pem');
  const publicFile = path.join(dir, 'authority.pub.json');
  if (fs.existsSync(privateFile)) throw new SetupError(`${privateFile} exists already`);
  const key = await generateSigningKey();
  writePrivateKeyFile(privateFile, key.privateKey);
  const authority: AuthorityKey = { kid: key.kid, jwk: key.publicJwk };
  fs.writeFileSync(publicFile, `${JSON.stringify(authority, null, 2)}\n`, { flag: 'wx' });
  return { key, privateFile, publicFile, authority };
}

/** A register draft for the given nodes, issued now, to be signed by the authority. */
export async function draftRegister(options: {
  federation: string;
  version: number;
  validForDays: number;
  nodes: RegisterNode[];
  now?: Date;
}): Promise<RegisterDocument> {
  const now = options.now ?? new Date();
  return checkRegisterDocument({
    federation: options.federation,
    protocolVersion: PROTOCOL_VERSION,
    version: options.version,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + options.validForDays * 86_400_000).toISOString(),
    nodes: options.nodes,
  });
}
