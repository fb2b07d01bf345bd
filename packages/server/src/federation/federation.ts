import type { Db, DbOrTrx } from '../kernel/db/database.js';
import { AppError } from '../kernel/http/errors.js';
import { FederationRefusal, type EnvelopeTypes } from './envelope.js';
import { readNodeKeys, type SigningKey } from './keys.js';
import {
  RegisterError,
  keyValidAt,
  openRegister,
  readAuthorityKey,
  type AuthorityKey,
  type Register,
} from './register.js';

/** Who this node is in the federation. */
export interface NodeIdentity {
  nodeId: string;
  country: string;
  name: string;
  url: string;
}

/** A node's federation equipment: identity, signing keys, the register in force, envelope types. */
export interface Federation {
  identity: NodeIdentity;
  keys: NodeKeys;
  registers: RegisterStore;
  types: EnvelopeTypes;
}

export async function readIdentity(db: DbOrTrx): Promise<NodeIdentity | null> {
  const row = await db
    .selectFrom('federation_identity')
    .select(['node_id', 'country', 'name', 'url'])
    .executeTakeFirst();
  return row ? { nodeId: row.node_id, country: row.country, name: row.name, url: row.url } : null;
}

/** Loads the node's federation equipment; null when `node init` has not run. */
export async function loadFederation(
  db: Db,
  keyDir: string,
  types: EnvelopeTypes,
): Promise<Federation | null> {
  const identity = await readIdentity(db);
  if (!identity) return null;
  const keys = new NodeKeys(identity.nodeId, keyDir);
  await keys.reload();
  return { identity, keys, registers: new RegisterStore(db), types };
}

/**
 * The node's signing keys, read from its key folder, and read again whenever
 * another register comes into force: a key added for a rotation is used as soon
 * as the register lists it as valid, without a restart.
 */
export class NodeKeys {
  private keys: SigningKey[] = [];
  private readFor: number | null = null;

  constructor(
    private readonly nodeId: string,
    private readonly keyDir: string,
  ) {}

  async reload(): Promise<void> {
    const keys = await readNodeKeys(this.keyDir);
    if (keys.length === 0) {
      throw new Error(`node ${this.nodeId} has no signing key in ${this.keyDir}`);
    }
    this.keys = keys;
  }

  /**
   * The key to sign with now: of this node's keys, those the register lists for
   * it as valid now; the most recent of them.
   */
  async current(register: Register, now: Date): Promise<SigningKey> {
    if (this.readFor !== register.version) {
      await this.reload();
      this.readFor = register.version;
    }
    let best: { key: SigningKey; from: Date } | undefined;
    for (const key of this.keys) {
      const registered = register.key(key.kid);
      if (!registered || registered.nodeId !== this.nodeId) continue;
      if (!keyValidAt(registered, now)) continue;
      if (!best || registered.validFrom > best.from) best = { key, from: registered.validFrom };
    }
    if (!best) {
      throw new AppError(
        503,
        'no_signing_key',
        `None of this node's keys is valid now in register version ${register.version}.`,
      );
    }
    return best.key;
  }
}

export async function readAuthority(db: DbOrTrx): Promise<AuthorityKey | null> {
  const row = await db
    .selectFrom('federation_authority')
    .select(['kid', 'public_jwk'])
    .executeTakeFirst();
  return row ? readAuthorityKey({ kid: row.kid, jwk: row.public_jwk }) : null;
}

/**
 * The register in force, read from the database and kept for a few seconds, so
 * that a register loaded by another process (or the CLI) takes effect soon.
 */
export class RegisterStore {
  private cache: { at: number; register: Register | null; problem: string } | null = null;
  /** The read under way, shared by every caller that finds the cache stale meanwhile. */
  private reading: Promise<void> | null = null;
  /** The last register opened, kept (with its parsed keys) while the stored one is unchanged. */
  private last: { source: string; register: Register } | null = null;

  constructor(
    private readonly db: Db,
    private readonly refreshMs = 5000,
  ) {}

  /**
   * The register in force; refuses (503) when there is none or it expired.
   * Inside a transaction, pass it: the embedded database has one connection.
   */
  async current(now = new Date(), db: DbOrTrx = this.db): Promise<Register> {
    if (this.cache === null || Date.now() - this.cache.at > this.refreshMs) {
      this.reading ??= this.read(db)
        .then((read) => {
          this.cache = { at: Date.now(), ...read };
        })
        .finally(() => {
          this.reading = null;
        });
      await this.reading;
    }
    const { register, problem } = this.cache!;
    if (register === null) throw new FederationRefusal(503, 'register_unavailable', problem);
    if (register.expiresAt <= now) {
      throw new FederationRefusal(
        503,
        'register_expired',
        `Register version ${register.version} expired at ${register.expiresAt.toISOString()}; load a newer one.`,
      );
    }
    return register;
  }

  /** Forgets the cached register, so that the next call reads the database. */
  invalidate(): void {
    this.cache = null;
  }

  private async read(db: DbOrTrx): Promise<{ register: Register | null; problem: string }> {
    const [authority, row] = await Promise.all([
      readAuthority(db),
      db
        .selectFrom('federation_register')
        .select(['document'])
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ]);
    if (!authority || !row) {
      return { register: null, problem: 'No federation register is loaded on this node.' };
    }
    try {
      // Signature and content are checked here; expiry is judged on every use.
      const source = `${authority.kid} ${row.document}`;
      if (this.last?.source !== source) {
        this.last = { source, register: await openRegister(row.document, authority, new Date(0)) };
      }
      return { register: this.last.register, problem: '' };
    } catch (error) {
      const reason = error instanceof RegisterError ? error.message : String(error);
      return { register: null, problem: `The stored register does not hold: ${reason}` };
    }
  }
}

/**
 * Loads a signed register into the node: it must verify against the trusted
 * authority (set or replaced with `trust`), not be expired, and be newer than
 * the one in force (the same version again is accepted only unchanged).
 */
export async function loadRegister(
  db: Db,
  signed: string,
  options: { trust?: AuthorityKey; now?: Date } = {},
): Promise<{ register: Register; replaced: number | null; unchanged: boolean }> {
  const now = options.now ?? new Date();
  const authority = options.trust ?? (await readAuthority(db));
  if (!authority) {
    throw new RegisterError(
      'wrong_register_signature',
      'No federation authority is trusted yet: give its public key with the register.',
    );
  }
  const register = await openRegister(signed, authority, now);
  return db.transaction().execute(async (trx) => {
    const latest = await trx
      .selectFrom('federation_register')
      .select(['version', 'document'])
      .orderBy('version', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (latest && latest.version === register.version) {
      if (latest.document !== register.signed) {
        throw new RegisterError(
          'register_not_newer',
          `A different register with version ${register.version} is already loaded.`,
        );
      }
      return { register, replaced: null, unchanged: true };
    }
    if (latest && latest.version > register.version) {
      throw new RegisterError(
        'register_not_newer',
        `Register version ${register.version} is older than version ${latest.version} in force.`,
      );
    }
    if (options.trust) {
      await trx
        .insertInto('federation_authority')
        .values({ kid: authority.kid, public_jwk: JSON.stringify(authority.jwk) })
        .onConflict((oc) =>
          oc.column('singleton').doUpdateSet({
            kid: authority.kid,
            public_jwk: JSON.stringify(authority.jwk),
            set_at: now,
          }),
        )
        .execute();
    }
    await trx
      .insertInto('federation_register')
      .values({
        version: register.version,
        document: register.signed,
        issued_at: register.issuedAt,
        expires_at: register.expiresAt,
      })
      .execute();
    return { register, replaced: latest?.version ?? null, unchanged: false };
  });
}
