import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../kernel/http/context.js';
import {
  AnswerPermissionBody,
  AskPermissionBody,
  ConsultBody,
  Forwarded,
  ForwardBody,
  NoteBody,
  Permission,
  PermissionList,
  PermissionParams,
  ReasonBody,
  ReasonList,
  RecordDetail,
  RecordList,
  RecordParams,
  RecordSearchQuery,
  RectifyBody,
} from './records.schemas.js';
import type { RecordsService } from './records.service.js';

const tags = ['records'];

/** Personal-data records: search, purpose-bound reading, and their life under the LED. */
export const recordsRoutes: FastifyPluginAsyncTypebox<{ records: RecordsService }> = async (
  app,
  { records },
) => {
  app.get(
    '/api/v1/records',
    {
      config: { action: 'record.search' },
      schema: {
        tags,
        summary: 'Find records; each result shows only what is needed to choose it',
        querystring: RecordSearchQuery,
        response: { 200: RecordList },
      },
    },
    async (request) => records.search(actorContext(request), request.query),
  );

  app.get(
    '/api/v1/records/reasons',
    {
      config: { action: 'record.read' },
      schema: {
        tags,
        summary: 'The reasons that may be stated to consult a record outside any context',
        response: { 200: ReasonList },
      },
    },
    async () => records.reasons(),
  );

  app.get(
    '/api/v1/records/permission-requests',
    {
      config: { action: 'record.permission' },
      schema: {
        tags,
        summary: 'Requests of other nodes to pass on H2 items they got from this node',
        response: { 200: PermissionList },
      },
    },
    async (request) => records.permissionRequests(actorContext(request)),
  );

  app.post(
    '/api/v1/records/permission-requests/:id/answer',
    {
      config: { action: 'record.permission' },
      schema: {
        tags,
        summary: 'Grant or refuse passing on an H2 item',
        params: PermissionParams,
        body: AnswerPermissionBody,
        response: { 200: Permission },
      },
    },
    async (request) =>
      records.answerPermission(actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/records/:id',
    {
      config: { action: 'record.read' },
      schema: {
        tags,
        summary:
          'A record read in a context of the own agency (logged with its purpose); 404 without one',
        params: RecordParams,
        response: { 200: RecordDetail },
      },
    },
    async (request) => records.read(actorContext(request), request.params.id),
  );

  app.post(
    '/api/v1/records/:id/consultations',
    {
      config: { action: 'record.read' },
      schema: {
        tags,
        summary: 'Consult a record for a stated reason (logged with the reason and note)',
        params: RecordParams,
        body: ConsultBody,
        response: { 200: RecordDetail },
      },
    },
    async (request) => records.consult(actorContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/records/:id/rectification',
    {
      config: { action: 'record.manage' },
      schema: {
        tags,
        summary: 'Rectify a record here and on every node it went to',
        params: RecordParams,
        body: RectifyBody,
        response: { 200: RecordDetail },
      },
    },
    async (request) => records.rectify(actorContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/records/:id/erasure',
    {
      config: { action: 'record.manage' },
      schema: {
        tags,
        summary: 'Erase a record (a tombstone stays) here and on every node it went to',
        params: RecordParams,
        body: ReasonBody,
        response: { 200: RecordDetail },
      },
    },
    async (request) => records.erase(actorContext(request), request.params.id, request.body.reason),
  );

  app.post(
    '/api/v1/records/:id/restriction',
    {
      config: { action: 'record.manage' },
      schema: {
        tags,
        summary: 'Restrict a record instead of erasing it; it can no longer be sent',
        params: RecordParams,
        body: ReasonBody,
        response: { 200: RecordDetail },
      },
    },
    async (request) =>
      records.restrict(actorContext(request), request.params.id, request.body.reason),
  );

  app.delete(
    '/api/v1/records/:id/restriction',
    {
      config: { action: 'record.manage' },
      schema: {
        tags,
        summary: 'Lift the restriction of a record',
        params: RecordParams,
        response: { 200: RecordDetail },
      },
    },
    async (request) => records.liftRestriction(actorContext(request), request.params.id),
  );

  app.post(
    '/api/v1/records/:id/inaccuracy',
    {
      config: { action: 'record.manage' },
      schema: {
        tags,
        summary: 'Mark a record as known to be inaccurate; it can no longer be sent',
        params: RecordParams,
        body: NoteBody,
        response: { 200: RecordDetail },
      },
    },
    async (request) =>
      records.markInaccurate(actorContext(request), request.params.id, request.body.note),
  );

  app.post(
    '/api/v1/records/:id/forward',
    {
      config: { action: 'record.manage' },
      schema: {
        tags,
        summary: 'Pass a record on to another node as information supplied without a request',
        params: RecordParams,
        body: ForwardBody,
        response: { 201: Forwarded },
      },
    },
    async (request, reply) => {
      const forwarded = await records.forward(
        actorContext(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(forwarded);
    },
  );

  app.post(
    '/api/v1/records/:id/permissions',
    {
      config: { action: 'record.manage' },
      schema: {
        tags,
        summary: 'Ask the provider of an H2 item for permission to pass it on',
        params: RecordParams,
        body: AskPermissionBody,
        response: { 201: Permission },
      },
    },
    async (request, reply) => {
      const permission = await records.askPermission(
        actorContext(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(permission);
    },
  );
};
