import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import { preparingPool } from './prepared-statements.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DbOrTrx = Db | Trx;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a folder or a URL without its password. */
  location: string;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' };

export function databaseTarget(config: {
  databaseUrl: string | undefined;
  dataDir: string;
}): DatabaseTarget {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: config.dataDir };
}

const INT8_OID = 20;
const DATE_OID = 1082;
/** Calendar dates stay text ('2026-11-29'): a Date would shift them by the time zone. */
const keepText = (value: string) => value;

/**
 * Opens the node's database. PGlite in a data folder is locked against a second
 * process; PostgreSQL is reached through a connection pool.
 */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      // bigint columns (sequence numbers, counts) as numbers, as PGlite returns them
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8_OID) return (value: string) => Number(value);
          if (oid === DATE_OID) return keepText;
          return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
        }) as typeof pg.types.getTypeParser,
      },
    });
    // A connection that breaks while idle (a database restart, a terminated
    // backend) is dropped by the pool and replaced on next use; without this
    // listener the error would end the process.
    pool.on('error', (error) => {
      const line = {
        level: 'warn',
        time: Date.now(),
        msg: 'database connection lost',
        err: error.message,
      };
      process.stderr.write(`${JSON.stringify(line)}\n`);
    });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: preparingPool(pool) }),
    });
    return {
      db,
      kind: 'postgres',
      location: redactUrl(target.url),
      close: () => db.destroy(),
    };
  }

  let lock: DataDirLock | undefined;
  let pglite: PGlite;
  let location: string;
  if (target.kind === 'pglite') {
    lock = lockDataDir(target.dataDir);
    location = path.join(target.dataDir, 'pglite');
    try {
      pglite = await PGlite.create(location, { parsers: { [DATE_OID]: keepText } });
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    location = 'memory';
    pglite = await PGlite.create({ parsers: { [DATE_OID]: keepText } });
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    location,
    async close() {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}
