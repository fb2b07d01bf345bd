import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../kernel/http/context.js';
import {
  ApiToken,
  ApiTokenList,
  ApiTokenParams,
  CreateApiTokenBody,
  CreatedApiToken,
  UserParams,
} from './api-tokens.schemas.js';
import type { ApiTokenService } from './api-tokens.service.js';

export const apiTokenRoutes: FastifyPluginAsyncTypebox<{ tokens: ApiTokenService }> = async (
  app,
  { tokens },
) => {
  app.get(
    '/api/v1/users/:userId/tokens',
    {
      config: { action: 'token.list' },
      schema: {
        tags: ['api tokens'],
        summary: "List a user's API tokens",
        params: UserParams,
        response: { 200: ApiTokenList },
      },
    },
    async (request) => ({ items: await tokens.list(actorContext(request), request.params.userId) }),
  );

  app.post(
    '/api/v1/users/:userId/tokens',
    {
      config: { action: 'token.create' },
      schema: {
        tags: ['api tokens'],
        summary: 'Issue an API token for a machine client acting as this user',
        params: UserParams,
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await tokens.create(actorContext(request), request.params.userId, request.body)),
  );

  app.post(
    '/api/v1/tokens/:tokenId/revoke',
    {
      config: { action: 'token.revoke' },
      schema: {
        tags: ['api tokens'],
        summary: 'Revoke an API token',
        params: ApiTokenParams,
        response: { 200: ApiToken },
      },
    },
    async (request) => tokens.revoke(actorContext(request), request.params.tokenId),
  );
};
