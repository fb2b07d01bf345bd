import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../kernel/http/context.js';
import { AppError } from '../kernel/http/errors.js';
import { CALENDAR_FILE_NAME, meetingsCalendar, nodeHost } from './calendar.js';
import {
  ActionCreate,
  Action,
  ActionList,
  ActionListQuery,
  ActionUpdate,
  BodyCreate,
  BodyDetail,
  BodyList,
  BodyUpdate,
  CalendarQuery,
  DecisionCreate,
  DecisionCreated,
  DecisionList,
  DOCUMENT_TYPES,
  DocumentInfo,
  IdParams,
  MAX_DOCUMENT_BYTES,
  MeetingCreate,
  MeetingDetail,
  MeetingList,
  MeetingListQuery,
  MeetingUpdate,
  Member,
  MemberCreate,
  MemberParams,
  Monitoring,
  NewsDraftCreate,
  NewsDraftCreated,
  NoteCreate,
  type DocumentType,
} from './consultation.schemas.js';
import { checkFileName, type ConsultationService } from './consultation.service.js';

const tags = ['consultation'];

/** A file name for content-disposition (RFC 6266): an ASCII fallback and the exact UTF-8 name. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const exact = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

const isDocumentType = (value: string): value is DocumentType =>
  (DOCUMENT_TYPES as readonly string[]).includes(value);

/** Consultation bodies: their members, meetings, documents, decisions and action items. */
export const consultationRoutes: FastifyPluginAsyncTypebox<{
  consultation: ConsultationService;
  /** The node's public address; its host names the node in calendar UIDs. */
  publicUrl: string;
}> = async (app, { consultation, publicUrl }) => {
  const host = nodeHost(publicUrl);

  // Meeting documents arrive as raw bytes in their own media type (in this plugin only).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    [...DOCUMENT_TYPES],
    { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES },
    (_request, body: Buffer, done) => done(null, body),
  );

  // ---------------------------------------------------------- bodies and members

  app.get(
    '/api/v1/consultation/bodies',
    {
      config: { action: 'consultation.read' },
      schema: {
        tags,
        summary: 'The consultation bodies the user is a member of (every body for editors)',
        response: { 200: BodyList },
      },
    },
    async (request) => consultation.listBodies(actorContext(request)),
  );

  app.post(
    '/api/v1/consultation/bodies',
    {
      config: { action: 'consultation.manage' },
      schema: {
        tags,
        summary: 'Create a consultation body',
        body: BodyCreate,
        response: { 201: BodyDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await consultation.createBody(actorContext(request), request.body)),
  );

  app.get(
    '/api/v1/consultation/bodies/:id',
    {
      config: { action: 'consultation.read' },
      schema: {
        tags,
        summary: 'A consultation body with its members',
        params: IdParams,
        response: { 200: BodyDetail },
      },
    },
    async (request) => consultation.getBody(actorContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/consultation/bodies/:id',
    {
      config: { action: 'consultation.manage' },
      schema: {
        tags,
        summary: 'Change a consultation body',
        params: IdParams,
        body: BodyUpdate,
        response: { 200: BodyDetail },
      },
    },
    async (request) =>
      consultation.updateBody(actorContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/consultation/bodies/:id/members',
    {
      config: { action: 'consultation.manage' },
      schema: {
        tags,
        summary: 'Add a member (with an account on this node, or by name only)',
        params: IdParams,
        body: MemberCreate,
        response: { 201: Member },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await consultation.addMember(actorContext(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/consultation/bodies/:id/members/:memberId',
    {
      config: { action: 'consultation.manage' },
      schema: { tags, summary: 'Remove a member', params: MemberParams },
    },
    async (request, reply) => {
      await consultation.removeMember(
        actorContext(request),
        request.params.id,
        request.params.memberId,
      );
      return reply.code(204).send();
    },
  );

  // ---------------------------------------------------------- meetings

  app.get(
    '/api/v1/consultation/bodies/:id/meetings',
    {
      config: { action: 'consultation.read' },
      schema: {
        tags,
        summary: "A body's meetings: upcoming (soonest first), past (latest first) or all",
        params: IdParams,
        querystring: MeetingListQuery,
        response: { 200: MeetingList },
      },
    },
    async (request) =>
      consultation.listMeetings(actorContext(request), request.params.id, request.query.when),
  );

  app.post(
    '/api/v1/consultation/bodies/:id/meetings',
    {
      config: { action: 'consultation.manage' },
      schema: {
        tags,
        summary: 'Plan a meeting; 422 place_required unless it is digital only',
        params: IdParams,
        body: MeetingCreate,
        response: { 201: MeetingDetail },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await consultation.createMeeting(actorContext(request), request.params.id, request.body),
        ),
  );

  app.get(
    '/api/v1/consultation/meetings/:id',
    {
      config: { action: 'consultation.read' },
      schema: {
        tags,
        summary: 'A meeting with its agenda, minutes, attendees, documents and decisions',
        params: IdParams,
        response: { 200: MeetingDetail },
      },
    },
    async (request) => consultation.getMeeting(actorContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/consultation/meetings/:id',
    {
      config: { action: 'consultation.manage' },
      schema: {
        tags,
        summary: 'Change a meeting; agenda and attendeeIds replace the lists',
        params: IdParams,
        body: MeetingUpdate,
        response: { 200: MeetingDetail },
      },
    },
    async (request) =>
      consultation.updateMeeting(actorContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/consultation/meetings/:id/news-draft',
    {
      config: { action: 'consultation.manage' },
      schema: {
        tags,
        summary:
          'Draft the public news item about the meeting (unpublished, Dutch and French; needs portal.edit too)',
        params: IdParams,
        body: NewsDraftCreate,
        response: { 201: NewsDraftCreated },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await consultation.draftNews(
            actorContext(request),
            request.params.id,
            request.body.themeId,
          ),
        ),
  );

  // ---------------------------------------------------------- documents

  app.post(
    '/api/v1/consultation/meetings/:id/documents',
    {
      config: { action: 'consultation.manage' },
      schema: {
        tags,
        summary:
          'Attach a document: the raw file in its media type, its name URI-encoded in x-file-name (max 10 MiB)',
        params: IdParams,
        response: { 201: DocumentInfo },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!isDocumentType(mediaType) || !Buffer.isBuffer(request.body)) {
        throw new AppError(
          415,
          'unsupported_media_type',
          `A document must be sent raw as one of: ${DOCUMENT_TYPES.join(', ')}.`,
        );
      }
      const fileName = checkFileName(
        typeof request.headers['x-file-name'] === 'string'
          ? request.headers['x-file-name']
          : undefined,
      );
      const info = await consultation.uploadDocument(ctx, request.params.id, {
        fileName,
        mediaType,
        content: request.body,
      });
      return reply.code(201).send(info);
    },
  );

  app.get(
    '/api/v1/consultation/documents/:id',
    {
      config: { action: 'consultation.read' },
      schema: { tags, summary: 'A meeting document (every download is logged)', params: IdParams },
    },
    async (request, reply) => {
      const file = await consultation.readDocument(actorContext(request), request.params.id);
      return reply
        .header(
          'content-type',
          file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType,
        )
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );

  // ---------------------------------------------------------- decisions and actions

  app.post(
    '/api/v1/consultation/meetings/:id/decisions',
    {
      config: { action: 'consultation.manage' },
      schema: {
        tags,
        summary: 'Record a decision of the meeting, with the action items it gives',
        params: IdParams,
        body: DecisionCreate,
        response: { 201: DecisionCreated },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await consultation.createDecision(actorContext(request), request.params.id, request.body),
        ),
  );

  app.get(
    '/api/v1/consultation/bodies/:id/decisions',
    {
      config: { action: 'consultation.read' },
      schema: {
        tags,
        summary: "A body's decisions, latest first",
        params: IdParams,
        response: { 200: DecisionList },
      },
    },
    async (request) => consultation.listDecisions(actorContext(request), request.params.id),
  );

  app.get(
    '/api/v1/consultation/actions',
    {
      config: { action: 'consultation.read' },
      schema: {
        tags,
        summary:
          'Action items of the bodies in reach; open = open or in progress, overdue = unfinished and past due',
        querystring: ActionListQuery,
        response: { 200: ActionList },
      },
    },
    async (request) => consultation.listActions(actorContext(request), request.query),
  );

  app.post(
    '/api/v1/consultation/bodies/:id/actions',
    {
      config: { action: 'consultation.manage' },
      schema: {
        tags,
        summary: 'Add an action item to a body (optionally under one of its decisions)',
        params: IdParams,
        body: ActionCreate,
        response: { 201: Action },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await consultation.createAction(actorContext(request), request.params.id, request.body),
        ),
  );

  app.get(
    '/api/v1/consultation/actions/:id',
    {
      config: { action: 'consultation.read' },
      schema: {
        tags,
        summary: 'An action item with its progress notes',
        params: IdParams,
        response: { 200: Action },
      },
    },
    async (request) => consultation.getAction(actorContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/consultation/actions/:id',
    {
      config: { action: 'consultation.manage' },
      schema: {
        tags,
        summary: 'Change an action item',
        params: IdParams,
        body: ActionUpdate,
        response: { 200: Action },
      },
    },
    async (request) =>
      consultation.updateAction(actorContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/consultation/actions/:id/notes',
    {
      config: { action: 'consultation.follow-up' },
      schema: {
        tags,
        summary: "A progress note; a status moves the action ('done' records the day)",
        params: IdParams,
        body: NoteCreate,
        response: { 201: Action },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await consultation.addNote(actorContext(request), request.params.id, request.body)),
  );

  // ---------------------------------------------------------- monitoring and calendar

  app.get(
    '/api/v1/consultation/monitoring',
    {
      config: { action: 'consultation.read' },
      schema: {
        tags,
        summary: 'Open, in-progress, overdue and recently done action items per body and country',
        response: { 200: Monitoring },
      },
    },
    async (request) => consultation.monitoring(actorContext(request)),
  );

  app.get(
    '/api/v1/consultation/calendar.ics',
    {
      config: { action: 'consultation.read' },
      schema: {
        tags,
        summary: 'The meetings of the bodies in reach (or of one), as iCalendar',
        querystring: CalendarQuery,
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      const meetings = await consultation.calendarMeetings(ctx, request.query.bodyId);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${CALENDAR_FILE_NAME}"`)
        .send(meetingsCalendar(meetings, { host, language: ctx.actor.language }));
    },
  );
};
