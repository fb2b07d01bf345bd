import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../kernel/db/database.js';
import { actorContext } from '../kernel/http/context.js';
import { notFound } from '../kernel/http/errors.js';
import {
  type Notification,
  NotificationList,
  NotificationParams,
  NotificationQuery,
} from '../exchange/exchange.schemas.js';

const tags = ['notifications'];

/** In-app notifications: each user sees and marks only their own. */
export const notificationRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/notifications',
    {
      config: { action: 'notification.read' },
      schema: {
        tags,
        summary: 'The signed-in user’s notifications, newest first',
        querystring: NotificationQuery,
        response: { 200: NotificationList },
      },
    },
    async (request) => {
      const { actor } = actorContext(request);
      let query = db
        .selectFrom('notification')
        .selectAll()
        .where('user_id', '=', actor.userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(request.query.limit ?? 50);
      if (request.query.unreadOnly) query = query.where('read_at', 'is', null);
      const [rows, unread] = await Promise.all([
        query.execute(),
        db
          .selectFrom('notification')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', actor.userId)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((row) => ({
          id: row.id,
          kind: row.kind as Notification['kind'],
          requestId: row.request_id,
          reference: row.reference,
          createdAt: row.created_at.toISOString(),
          readAt: row.read_at?.toISOString() ?? null,
        })),
        unread: Number(unread.n),
      };
    },
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      config: { action: 'notification.read' },
      schema: { tags, summary: 'Mark a notification read', params: NotificationParams },
    },
    async (request, reply) => {
      const { actor } = actorContext(request);
      const result = await db
        .updateTable('notification')
        .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(new Date())) }))
        .where('id', '=', request.params.id)
        .where('user_id', '=', actor.userId)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw notFound('No such notification.');
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      config: { action: 'notification.read' },
      schema: { tags, summary: 'Mark all notifications read' },
    },
    async (request, reply) => {
      const { actor } = actorContext(request);
      await db
        .updateTable('notification')
        .set({ read_at: new Date() })
        .where('user_id', '=', actor.userId)
        .where('read_at', 'is', null)
        .execute();
      return reply.code(204).send();
    },
  );
};
