import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../kernel/http/context.js';
import {
  Agency,
  AgencyList,
  AgencyParams,
  CreateAgencyBody,
  UpdateAgencyBody,
} from './agencies.schemas.js';
import type { AgencyService } from './agencies.service.js';

export const agencyRoutes: FastifyPluginAsyncTypebox<{ agencies: AgencyService }> = async (
  app,
  { agencies },
) => {
  app.get(
    '/api/v1/agencies',
    {
      config: { action: 'agency.list' },
      schema: { tags: ['agencies'], summary: 'List agencies', response: { 200: AgencyList } },
    },
    async () => ({ items: await agencies.list() }),
  );

  app.get(
    '/api/v1/agencies/:agencyId',
    {
      config: { action: 'agency.read' },
      schema: {
        tags: ['agencies'],
        summary: 'Read an agency',
        params: AgencyParams,
        response: { 200: Agency },
      },
    },
    async (request) => agencies.get(request.params.agencyId),
  );

  app.post(
    '/api/v1/agencies',
    {
      config: { action: 'agency.create' },
      schema: {
        tags: ['agencies'],
        summary: 'Create an agency',
        body: CreateAgencyBody,
        response: { 201: Agency },
      },
    },
    async (request, reply) => {
      const agency = await agencies.create(actorContext(request), request.body);
      return reply.code(201).send(agency);
    },
  );

  app.patch(
    '/api/v1/agencies/:agencyId',
    {
      config: { action: 'agency.update' },
      schema: {
        tags: ['agencies'],
        summary: 'Change or disable an agency',
        params: AgencyParams,
        body: UpdateAgencyBody,
        response: { 200: Agency },
      },
    },
    async (request) =>
      agencies.update(actorContext(request), request.params.agencyId, request.body),
  );
};
