import { v7 as uuidv7 } from 'uuid';
import { hashToken, newSecretToken } from '../kernel/crypto/tokens.js';
import type { Db } from '../kernel/db/database.js';
import type { RunningNode } from '../node.js';

/** The demo users' API tokens live this long, and are revoked as soon as a seed ends. */
const TOKEN_LIFETIME_MS = 10 * 60_000;

export type DemoMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** A demo user at work on a node, through its API, with their own roles. */
export interface DemoCaller {
  username: string;
  userId: string;
  /** Answers the JSON of a 2xx answer (undefined for 204); throws on any other. */
  call<T>(method: DemoMethod, url: string, body?: unknown): Promise<T>;
}

/**
 * A node of the demo federation, worked by its demo users through its own API, as
 * people would: each user signs in with a short-lived API token carrying their roles,
 * and every call goes through the same routes, policy and audit as theirs would.
 */
export class DemoDesk {
  private readonly callers = new Map<string, Promise<DemoCaller>>();
  private readonly tokenIds: string[] = [];
  private calls = 0;

  /** `label` names the seed in token names, request ids and messages. */
  constructor(
    private readonly member: { nodeId: string; node: RunningNode },
    private readonly label: string,
  ) {}

  get nodeId(): string {
    return this.member.nodeId;
  }

  get db(): Db {
    return this.member.node.database.db;
  }

  get log() {
    return this.member.node.app.server.log;
  }

  /** A demo user, signed in once per seed. */
  as(username: string): Promise<DemoCaller> {
    let caller = this.callers.get(username);
    if (!caller) {
      caller = this.issue(username);
      this.callers.set(username, caller);
    }
    return caller;
  }

  async userId(username: string): Promise<string> {
    const user = await this.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (!user) throw new Error(`demo user ${username} is missing on ${this.nodeId}`);
    return user.id;
  }

  /** Ends every token the seed issued on this node; never throws. */
  async revokeTokens(): Promise<void> {
    if (this.tokenIds.length === 0) return;
    try {
      await this.db
        .updateTable('api_token')
        .set({ revoked_at: new Date() })
        .where('id', 'in', this.tokenIds)
        .where('revoked_at', 'is', null)
        .execute();
    } catch (error) {
      this.log.warn({ err: error }, `${this.label}: could not revoke its API tokens`);
    }
  }

  private async issue(username: string): Promise<DemoCaller> {
    const user = await this.db
      .selectFrom('app_user')
      .select(['id', 'roles'])
      .where('username', '=', username)
      .executeTakeFirst();
    if (!user) throw new Error(`demo user ${username} is missing on ${this.nodeId}`);
    const token = newSecretToken('snt');
    const now = new Date();
    const id = uuidv7();
    await this.db
      .insertInto('api_token')
      .values({
        id,
        token_hash: hashToken(token),
        user_id: user.id,
        name: this.label.replace(/ /g, '-'),
        roles: [...user.roles],
        created_by: user.id,
        created_at: now,
        expires_at: new Date(now.getTime() + TOKEN_LIFETIME_MS),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    this.tokenIds.push(id);
    const app = this.member.node.app;
    return {
      username,
      userId: user.id,
      call: async <T>(method: DemoMethod, url: string, body?: unknown) => {
        this.calls += 1;
        const response = await app.server.inject({
          method,
          url,
          headers: {
            authorization: `Bearer ${token}`,
            'x-request-id': `${this.label.replace(/ /g, '-')}-${this.nodeId}-${this.calls}`,
          },
          ...(body !== undefined && { payload: body as object }),
        });
        if (response.statusCode >= 300) {
          throw new Error(
            `${this.label}: ${username} on ${this.nodeId}: ${method} ${url} → ${response.statusCode} ${response.body.slice(0, 500)}`,
          );
        }
        return response.statusCode === 204 ? (undefined as T) : response.json<T>();
      },
    };
  }
}
