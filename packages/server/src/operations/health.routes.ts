import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { Registry } from 'prom-client';
import { Type } from 'typebox';
import type { Db } from '../kernel/db/database.js';
import { pendingMigrations } from '../kernel/db/migrate.js';
import { AppError } from '../kernel/http/errors.js';
import { Strict, Text } from '../kernel/http/schema-types.js';

const Health = Strict({ status: Text(20) });
const Readiness = Strict({
  status: Text(20),
  database: Text(20),
  pendingMigrations: Type.Array(Text(200)),
});

export const healthRoutes: FastifyPluginAsyncTypebox<{ db: Db; metrics: Registry }> = async (
  app,
  { db, metrics },
) => {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: { tags: ['operations'], summary: 'The process is up', response: { 200: Health } },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: ['operations'],
        summary: 'The database is reachable and fully migrated',
        response: { 200: Readiness },
      },
    },
    async (request) => {
      let pending: string[];
      try {
        await sql`select 1`.execute(db);
        pending = await pendingMigrations(db);
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check: database unreachable');
        throw new AppError(503, 'database_unavailable', 'The database cannot be reached.');
      }
      if (pending.length > 0) {
        throw new AppError(503, 'migrations_pending', `Pending migrations: ${pending.join(', ')}.`);
      }
      return { status: 'ready', database: 'ok', pendingMigrations: [] };
    },
  );

  app.get(
    '/metrics',
    {
      config: { public: true },
      schema: { tags: ['operations'], summary: 'Metrics in the Prometheus text format' },
    },
    async (_request, reply) => reply.type(metrics.contentType).send(await metrics.metrics()),
  );
};
