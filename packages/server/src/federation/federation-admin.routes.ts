import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../kernel/http/context.js';
import {
  EnvelopeParams,
  FederationStatus,
  InboxPage,
  InboxQuery,
  OutboxDetail,
  OutboxItem,
  OutboxPage,
  OutboxQuery,
  PeerParams,
  PingBody,
  PingResult,
} from './federation.schemas.js';
import type { FederationService } from './federation.service.js';

/** The operations view of the federation, for the node's administrators. */
export const federationAdminRoutes: FastifyPluginAsyncTypebox<{
  federation: FederationService;
}> = async (app, { federation }) => {
  app.get(
    '/api/v1/federation/status',
    {
      config: { action: 'federation.read' },
      schema: {
        tags: ['federation'],
        summary: 'This node, the register in force and every peer with its state',
        response: { 200: FederationStatus },
      },
    },
    async () => federation.status(),
  );

  app.get(
    '/api/v1/federation/outbox',
    {
      config: { action: 'federation.read' },
      schema: {
        tags: ['federation'],
        summary: 'Outgoing envelopes, newest first (filter by state for the dead letters)',
        querystring: OutboxQuery,
        response: { 200: OutboxPage },
      },
    },
    async (request) => federation.outbox(request.query),
  );

  app.get(
    '/api/v1/federation/outbox/:envelopeId',
    {
      config: { action: 'federation.inspect' },
      schema: {
        tags: ['federation'],
        summary: 'One outgoing envelope as signed, with its receipt',
        params: EnvelopeParams,
        response: { 200: OutboxDetail },
      },
    },
    async (request) => federation.inspect(actorContext(request), request.params.envelopeId),
  );

  app.post(
    '/api/v1/federation/outbox/:envelopeId/retry',
    {
      config: { action: 'federation.retry' },
      schema: {
        tags: ['federation'],
        summary: 'Send a dead letter again',
        params: EnvelopeParams,
        response: { 200: OutboxItem },
      },
    },
    async (request) => federation.retry(actorContext(request), request.params.envelopeId),
  );

  app.get(
    '/api/v1/federation/inbox',
    {
      config: { action: 'federation.read' },
      schema: {
        tags: ['federation'],
        summary: 'Envelopes received from peers, newest first',
        querystring: InboxQuery,
        response: { 200: InboxPage },
      },
    },
    async (request) => federation.inbox(request.query),
  );

  app.post(
    '/api/v1/federation/peers/:nodeId/ping',
    {
      config: { action: 'federation.ping' },
      schema: {
        tags: ['federation'],
        summary: 'Send a ping envelope to a peer; its receipt proves the path end to end',
        params: PeerParams,
        body: PingBody,
        response: { 202: PingResult },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          await federation.ping(actorContext(request), request.params.nodeId, request.body.note),
        ),
  );
};
