import { databaseTarget, loadDemoData, migrateToLatest, openDatabase } from '@senningen/server';
import { Command } from 'commander';
import { withDatabase } from '../database.js';
import { writeLine, type CliIo } from '../io.js';
import { configFrom, withDatabaseOptions } from '../options.js';

export function migrateCommand(io: CliIo): Command {
  return withDatabaseOptions(new Command('migrate'))
    .description('Apply pending database migrations')
    .action(async (options: Record<string, unknown>) => {
      const config = configFrom(options, io);
      const handle = await openDatabase(databaseTarget(config));
      try {
        const applied = await migrateToLatest(handle.db);
        writeLine(
          io.stdout,
          applied.length === 0 ? 'The database is up to date.' : `Applied: ${applied.join(', ')}`,
        );
      } finally {
        await handle.close();
      }
    });
}

export function demoCommand(io: CliIo): Command {
  return withDatabaseOptions(new Command('demo'))
    .description('Load the demo agencies and users into an empty node')
    .action(async (options: Record<string, unknown>) => {
      const loaded = await withDatabase(configFrom(options, io), ({ db }) => loadDemoData(db));
      writeLine(
        io.stdout,
        loaded ? 'Demo data loaded.' : 'The node already has agencies; nothing loaded.',
      );
    });
}
