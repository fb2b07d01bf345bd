import {
  databaseTarget,
  migrateToLatest,
  openDatabase,
  type DatabaseHandle,
  type NodeConfig,
} from '@senningen/server';

/** Opens the configured database, migrated, for the length of one command. */
export async function withDatabase<T>(
  config: NodeConfig,
  work: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const handle = await openDatabase(databaseTarget(config));
  try {
    await migrateToLatest(handle.db);
    return await work(handle);
  } finally {
    await handle.close();
  }
}
