import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../kernel/http/context.js';
import {
  AccessibilityBody,
  AnswerBody,
  AssignBody,
  AttachmentParams,
  ClarificationBody,
  CloseBody,
  DelayBody,
  HandlerList,
  MessageBody,
  PeerList,
  ProvisionBody,
  RefuseBody,
  RequestContent,
  RequestDetail,
  RequestList,
  RequestListQuery,
  RequestParams,
  Statistics,
  StatisticsQuery,
} from './exchange.schemas.js';
import type { ExchangeService } from './exchange.service.js';
import { statisticsCsv, type StatisticsService } from './exchange.statistics.js';

const tags = ['exchange'];

/** Cross-border information requests: the API behind the SPOC workflow. */
export const exchangeRoutes: FastifyPluginAsyncTypebox<{
  exchange: ExchangeService;
  statistics: StatisticsService;
}> = async (app, { exchange, statistics }) => {
  app.get(
    '/api/v1/exchange/peers',
    {
      config: { action: 'exchange.read' },
      schema: {
        tags,
        summary: 'The nodes a request can be addressed to',
        response: { 200: PeerList },
      },
    },
    async () => exchange.peers(),
  );

  app.get(
    '/api/v1/exchange/handlers',
    {
      config: { action: 'exchange.handle' },
      schema: {
        tags,
        summary: 'Users of this country an incoming request can be assigned to',
        response: { 200: HandlerList },
      },
    },
    async (request) => exchange.handlers(actorContext(request)),
  );

  app.get(
    '/api/v1/exchange/requests',
    {
      config: { action: 'exchange.read' },
      schema: {
        tags,
        summary:
          'Requests of the own agency, copied to it or assigned to the user (no personal data)',
        querystring: RequestListQuery,
        response: { 200: RequestList },
      },
    },
    async (request) => exchange.list(actorContext(request), request.query),
  );

  app.post(
    '/api/v1/exchange/requests',
    {
      config: { action: 'exchange.send' },
      schema: {
        tags,
        summary: 'Start a request (a draft; it may be incomplete until it is sent)',
        body: RequestContent,
        response: { 201: RequestDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await exchange.create(actorContext(request), request.body)),
  );

  app.post(
    '/api/v1/exchange/provisions',
    {
      config: { action: 'exchange.send' },
      schema: {
        tags,
        summary: 'Supply information without a request (art. 7), sent at once',
        body: ProvisionBody,
        response: { 201: RequestDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await exchange.provide(actorContext(request), request.body)),
  );

  app.get(
    '/api/v1/exchange/requests/:id',
    {
      config: { action: 'exchange.read' },
      schema: {
        tags,
        summary: 'A request with its subjects and timeline (logged as a consultation)',
        params: RequestParams,
        response: { 200: RequestDetail },
      },
    },
    async (request) => exchange.get(actorContext(request), request.params.id),
  );

  app.put(
    '/api/v1/exchange/requests/:id',
    {
      config: { action: 'exchange.send' },
      schema: {
        tags,
        summary: 'Change a draft',
        params: RequestParams,
        body: RequestContent,
        response: { 200: RequestDetail },
      },
    },
    async (request) => exchange.update(actorContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/exchange/requests/:id/send',
    {
      config: { action: 'exchange.send' },
      schema: {
        tags,
        summary: 'Send a draft; 422 request_incomplete lists what art. 4 still requires',
        params: RequestParams,
        response: { 200: RequestDetail },
      },
    },
    async (request) => exchange.send(actorContext(request), request.params.id),
  );

  app.post(
    '/api/v1/exchange/requests/:id/accessibility',
    {
      config: { action: 'exchange.handle' },
      schema: {
        tags,
        summary:
          'Record whether the information is directly or indirectly accessible (sets the deadline of an urgent request)',
        params: RequestParams,
        body: AccessibilityBody,
        response: { 200: RequestDetail },
      },
    },
    async (request) =>
      exchange.setAccessibility(
        actorContext(request),
        request.params.id,
        request.body.accessibility,
      ),
  );

  app.post(
    '/api/v1/exchange/requests/:id/assign',
    {
      config: { action: 'exchange.handle' },
      schema: {
        tags,
        summary: 'Assign an incoming request to a handler of this country',
        params: RequestParams,
        body: AssignBody,
        response: { 200: RequestDetail },
      },
    },
    async (request) =>
      exchange.assign(actorContext(request), request.params.id, request.body.userId),
  );

  app.post(
    '/api/v1/exchange/requests/:id/answer',
    {
      config: { action: 'exchange.handle' },
      schema: {
        tags,
        summary: 'Answer (fully or partly) with items carrying handling codes and evaluations',
        params: RequestParams,
        body: AnswerBody,
        response: { 200: RequestDetail },
      },
    },
    async (request) => exchange.answer(actorContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/exchange/requests/:id/clarification',
    {
      config: { action: 'exchange.handle' },
      schema: {
        tags,
        summary: 'Ask the requester to clarify; the deadline pauses until they answer',
        params: RequestParams,
        body: ClarificationBody,
        response: { 200: RequestDetail },
      },
    },
    async (request) =>
      exchange.askClarification(actorContext(request), request.params.id, request.body.text),
  );

  app.post(
    '/api/v1/exchange/requests/:id/clarify',
    {
      config: { action: 'exchange.send' },
      schema: {
        tags,
        summary: 'Answer a request for clarification',
        params: RequestParams,
        body: ClarificationBody,
        response: { 200: RequestDetail },
      },
    },
    async (request) =>
      exchange.clarify(actorContext(request), request.params.id, request.body.text),
  );

  app.post(
    '/api/v1/exchange/requests/:id/refuse',
    {
      config: { action: 'exchange.handle' },
      schema: {
        tags,
        summary: 'Refuse on one of the grounds of art. 6',
        params: RequestParams,
        body: RefuseBody,
        response: { 200: RequestDetail },
      },
    },
    async (request) =>
      exchange.refuse(
        actorContext(request),
        request.params.id,
        request.body.ground,
        request.body.text,
      ),
  );

  app.post(
    '/api/v1/exchange/requests/:id/delay',
    {
      config: { action: 'exchange.handle' },
      schema: {
        tags,
        summary:
          'Tell the requester that a judicial authorisation delays the answer, and until when',
        params: RequestParams,
        body: DelayBody,
        response: { 200: RequestDetail },
      },
    },
    async (request) =>
      exchange.delay(
        actorContext(request),
        request.params.id,
        request.body.text,
        request.body.expectedAt,
      ),
  );

  app.post(
    '/api/v1/exchange/requests/:id/close',
    {
      config: { action: 'exchange.read' },
      schema: {
        tags,
        summary: 'Close an answered or refused request',
        params: RequestParams,
        body: CloseBody,
        response: { 200: RequestDetail },
      },
    },
    async (request) => exchange.close(actorContext(request), request.params.id, request.body.text),
  );

  app.post(
    '/api/v1/exchange/requests/:id/messages',
    {
      config: { action: 'exchange.read' },
      schema: {
        tags,
        summary: 'A follow-up message, with attachments, in the thread of the request',
        params: RequestParams,
        body: MessageBody,
        response: { 200: RequestDetail },
      },
    },
    async (request) => exchange.message(actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/exchange/requests/:id/attachments/:attachmentId',
    {
      config: { action: 'exchange.read' },
      schema: { tags, summary: 'An attachment of the request', params: AttachmentParams },
    },
    async (request, reply) => {
      const file = await exchange.attachment(
        actorContext(request),
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .header('content-type', file.media_type)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );

  app.get(
    '/api/v1/exchange/statistics',
    {
      config: { action: 'exchange.statistics' },
      schema: {
        tags,
        summary: 'The figures of art. 18 for a year',
        querystring: StatisticsQuery,
        response: { 200: Statistics },
      },
    },
    async (request) => statistics.forYear(actorContext(request), request.query.year),
  );

  app.get(
    '/api/v1/exchange/statistics.csv',
    {
      config: { action: 'exchange.statistics' },
      schema: {
        tags,
        summary: 'The figures of art. 18 for a year, as CSV',
        querystring: StatisticsQuery,
      },
    },
    async (request, reply) => {
      const figures = await statistics.forYear(actorContext(request), request.query.year);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="senningen-statistics-${figures.country}-${figures.year}.csv"`,
        )
        .send(statisticsCsv(figures));
    },
  );
};
