import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../kernel/http/context.js';
import {
  CreateUserBody,
  UpdateUserBody,
  User,
  UserList,
  UserListQuery,
  UserParams,
} from './users.schemas.js';
import type { UserService } from './users.service.js';

export const userRoutes: FastifyPluginAsyncTypebox<{ users: UserService }> = async (
  app,
  { users },
) => {
  app.get(
    '/api/v1/users',
    {
      config: { action: 'user.list' },
      schema: {
        tags: ['users'],
        summary: 'List users',
        querystring: UserListQuery,
        response: { 200: UserList },
      },
    },
    async (request) => users.list(actorContext(request), request.query),
  );

  app.get(
    '/api/v1/users/:userId',
    {
      config: { action: 'user.read' },
      schema: {
        tags: ['users'],
        summary: 'Read a user',
        params: UserParams,
        response: { 200: User },
      },
    },
    async (request) => users.get(actorContext(request), request.params.userId),
  );

  app.post(
    '/api/v1/users',
    {
      config: { action: 'user.create' },
      schema: {
        tags: ['users'],
        summary: 'Create a user',
        body: CreateUserBody,
        response: { 201: User },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await users.create(actorContext(request), request.body)),
  );

  app.patch(
    '/api/v1/users/:userId',
    {
      config: { action: 'user.update' },
      schema: {
        tags: ['users'],
        summary: 'Change, disable or enable a user, or set a new password',
        params: UserParams,
        body: UpdateUserBody,
        response: { 200: User },
      },
    },
    async (request) => users.update(actorContext(request), request.params.userId, request.body),
  );

  app.post(
    '/api/v1/users/:userId/second-factor/reset',
    {
      config: { action: 'user.reset-second-factor' },
      schema: {
        tags: ['users'],
        summary: "Remove a user's second factor so that it is enrolled anew",
        params: UserParams,
        response: { 200: User },
      },
    },
    async (request) => users.resetSecondFactor(actorContext(request), request.params.userId),
  );
};
