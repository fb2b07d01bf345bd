// @ts-check
// What the benchmark servers start from: the database under test (PostgreSQL
// at BENCH_TARGET_URL, else the embedded one in memory), migrated, with one
// agency and one user (an officer unless told otherwise) who signs in with
// BENCH_PASSWORD.
import {
  createAgencyRecord,
  createUserRecord,
  migrateToLatest,
  openDatabase,
} from '@senningen/server';

export const BENCH_PASSWORD = 'benchmark password';

/**
 * @param {{ username: string; displayName: string }} user
 * @param {import('@senningen/server').Role[]} [roles]
 */
export async function openBenchData(user, roles = ['officer']) {
  const url = process.env.BENCH_TARGET_URL;
  const database = url
    ? await openDatabase({ kind: 'postgres', url, poolSize: 10 })
    : await openDatabase({ kind: 'pglite-memory' });
  await migrateToLatest(database.db);
  const operator = { actor: null, clientAddress: null, requestId: 'bench' };
  const agency = await createAgencyRecord(database.db, operator, {
    code: 'BENCH',
    name: 'Benchmark agency',
    country: 'BE',
    kind: 'police',
  });
  await createUserRecord(
    database.db,
    operator,
    { ...user, agencyId: agency.id, roles, language: 'en', password: BENCH_PASSWORD },
    agency.code,
  );
  return database;
}
