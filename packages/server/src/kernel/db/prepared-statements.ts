import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Only reads of bounded size are prepared; their shapes are few and fixed by the code. */
const PREPARABLE = /^\s*select\b/i;
const MAX_PREPARED_SQL_LENGTH = 4000;
const MAX_NAMES = 2000;

/**
 * A pool whose clients run parameterised SELECTs as named prepared statements.
 * PostgreSQL then parses and plans each query shape once per connection instead
 * of on every execution, which on a busy node is most of the database's CPU for
 * short lookups (sessions, users). The statement name is derived from the SQL
 * text, so two shapes can never share a name.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();

  const nameFor = (text: string): string => {
    let name = names.get(text);
    if (name === undefined) {
      name = `k${createHash('sha1').update(text).digest('base64url')}`;
      if (names.size >= MAX_NAMES) names.clear();
      names.set(text, name);
    }
    return name;
  };

  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let wrapper = wrappers.get(client);
    if (wrapper === undefined) {
      wrapper = {
        query: ((textOrCursor: unknown, values?: readonly unknown[]) => {
          if (
            typeof textOrCursor === 'string' &&
            values !== undefined &&
            values.length > 0 &&
            textOrCursor.length <= MAX_PREPARED_SQL_LENGTH &&
            PREPARABLE.test(textOrCursor)
          ) {
            return client.query({
              name: nameFor(textOrCursor),
              text: textOrCursor,
              values: [...values],
            });
          }
          return client.query(textOrCursor as string, values as unknown[]);
        }) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
      wrappers.set(client, wrapper);
    }
    return wrapper;
  };

  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}
