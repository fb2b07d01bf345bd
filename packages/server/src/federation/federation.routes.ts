import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../kernel/http/errors.js';
import { FASTIFY_CODES } from '../kernel/http/problems.js';
import { Problem } from '../kernel/http/schema-types.js';
import { MAX_MESSAGE_BYTES } from './envelope.js';
import type { Federation } from './federation.js';
import type { FederationMetrics } from './federation.metrics.js';
import { NodeInfo, SignedMessageBody } from './federation.schemas.js';
import { notConfigured } from './federation.service.js';
import type { Inbox } from './inbox.js';
import { PROTOCOL_VERSION } from './register.js';

/**
 * The endpoint peers post envelopes to. It needs no session: every envelope
 * proves its sender with its signature, checked against the register.
 */
export const federationPeerRoutes: FastifyPluginAsyncTypebox<{
  federation: Federation | null;
  inbox: Inbox | null;
  metrics: FederationMetrics;
}> = async (app, { federation, inbox, metrics }) => {
  app.post(
    '/federation/v1/envelopes',
    {
      config: { public: true },
      bodyLimit: MAX_MESSAGE_BYTES,
      schema: {
        tags: ['federation'],
        summary: 'Receive a signed envelope from a peer; answers with a signed receipt',
        body: SignedMessageBody,
        response: {
          200: SignedMessageBody,
          201: SignedMessageBody,
          '4xx': Problem,
          '5xx': Problem,
        },
      },
      // Every refusal is logged and counted; the node's problem handler answers it.
      onError: async (request, _reply, error) => {
        const code =
          error instanceof AppError
            ? error.code
            : error.validation
              ? 'validation_failed'
              : (FASTIFY_CODES[error.code] ?? 'bad_request');
        metrics.refused(code);
        request.log.warn({ code }, `envelope refused: ${error.message.slice(0, 300)}`);
      },
    },
    async (request, reply) => {
      if (!inbox) throw notConfigured();
      const accepted = await inbox.receive(request.body);
      if (!accepted.duplicate) metrics.received(accepted.envelope.sender, accepted.envelope.type);
      request.log.info(
        {
          envelopeId: accepted.envelope.id,
          sender: accepted.envelope.sender,
          type: accepted.envelope.type,
          duplicate: accepted.duplicate,
        },
        'envelope accepted',
      );
      return reply.code(accepted.duplicate ? 200 : 201).send(accepted.receipt);
    },
  );

  app.get(
    '/federation/v1/node',
    {
      config: { public: true },
      schema: {
        tags: ['federation'],
        summary: 'Who this node is, and the register version it holds',
        response: { 200: NodeInfo, 503: Problem },
      },
    },
    async () => {
      if (!federation) throw notConfigured();
      const registerVersion = await federation.registers.current().then(
        (register) => register.version,
        () => null,
      );
      return {
        nodeId: federation.identity.nodeId,
        country: federation.identity.country,
        name: federation.identity.name,
        protocolVersion: PROTOCOL_VERSION,
        registerVersion,
      };
    },
  );
};
