import { buildApp, type App } from './app.js';
import { loadDemoData } from './demo/demo-data.js';
import type { NodeConfig } from './kernel/config.js';
import { loadOrCreateDataKey } from './kernel/crypto/secret-box.js';
import { databaseTarget, openDatabase, type DatabaseHandle } from './kernel/db/database.js';
import { migrateToLatest } from './kernel/db/migrate.js';

export interface RunningNode {
  app: App;
  database: DatabaseHandle;
  url: string;
  demoLoaded: boolean;
  stop(): Promise<void>;
}

/**
 * Starts a node: opens (and, for the embedded database, locks) the database,
 * applies pending migrations, optionally loads demo data, and listens.
 */
export async function startNode(
  config: NodeConfig,
  options: { demo?: boolean; webDir?: string } = {},
): Promise<RunningNode> {
  const database = await openDatabase(databaseTarget(config));
  try {
    await migrateToLatest(database.db);
    const demoLoaded = options.demo === true ? await loadDemoData(database.db) : false;
    const app = await buildApp({
      config,
      db: database.db,
      dataKey: loadOrCreateDataKey(config.dataDir),
      ...(options.webDir !== undefined && { webDir: options.webDir }),
    });
    const address = await app.server.listen({ port: config.port, host: config.host });
    const port = new URL(address).port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      app,
      database,
      url: `http://${host}:${port}`,
      demoLoaded,
      async stop() {
        try {
          await app.close();
        } finally {
          await database.close();
        }
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
