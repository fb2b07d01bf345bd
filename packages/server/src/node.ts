import { buildApp, type App } from './app.js';
import { loadDemoData, type DemoCountry } from './demo/demo-data.js';
import { nodeKeyDir } from './federation/keys.js';
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

export interface NodeOptions {
  /** Load the demo data of this country (true: Belgium) into an empty node. */
  demo?: boolean | DemoCountry;
  webDir?: string;
}

/**
 * Starts a node: opens (and, for the embedded database, locks) the database,
 * applies pending migrations, optionally loads demo data, and listens.
 */
export async function startNode(
  config: NodeConfig,
  options: NodeOptions = {},
): Promise<RunningNode> {
  const database = await openDatabase(databaseTarget(config));
  try {
    await migrateToLatest(database.db);
    return await runNode(config, database, options);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Runs a node over a database that is open and migrated; stopping the node closes it. */
export async function runNode(
  config: NodeConfig,
  database: DatabaseHandle,
  options: NodeOptions = {},
): Promise<RunningNode> {
  const demo = options.demo === true ? 'BE' : options.demo || undefined;
  const demoLoaded = demo ? await loadDemoData(database.db, demo) : false;
  const app = await buildApp({
    config,
    db: database.db,
    dataKey: loadOrCreateDataKey(config.dataDir),
    federation: {
      keyDir: nodeKeyDir(config.dataDir),
      delivery: { deadLetterAfterMs: config.deadLetterAfterMs },
      ...(config.federationRegisterUrl !== undefined && {
        registerUrl: config.federationRegisterUrl,
      }),
      ...(config.federationClientTls && { clientTls: config.federationClientTls }),
    },
    exchange: { warnBefore: config.exchangeWarnBefore },
    ...(options.webDir !== undefined && { webDir: options.webDir }),
  });
  try {
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
    await app.close();
    throw error;
  }
}
