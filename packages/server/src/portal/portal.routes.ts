import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorContext } from '../kernel/http/context.js';
import { AppError } from '../kernel/http/errors.js';
import { isMediaType, MAX_MEDIA_BYTES, MEDIA_TYPES } from './media.js';
import {
  EmptyBody,
  IdParams,
  MediaInfo,
  NewsCreate,
  NewsDetail,
  NewsList,
  NewsListQuery,
  NewsUpdate,
  OWNERS,
  PortalText,
  PublishBody,
  RevisionList,
  RevisionParams,
  TextParams,
  TextSave,
  ThemeCreate,
  ThemeDetail,
  ThemeList,
} from './portal.schemas.js';
import type { PortalService } from './portal.service.js';

const tags = ['portal'];
/** A body that may be left out altogether. */
const Optional = <T extends typeof EmptyBody | typeof PublishBody>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** The editing side of the public portal: themes, news items, their texts and revisions. */
export const portalRoutes: FastifyPluginAsyncTypebox<{ portal: PortalService }> = async (
  app,
  { portal },
) => {
  // Images arrive as raw bytes in their own media type (in this plugin only).
  app.addContentTypeParser(
    [...MEDIA_TYPES],
    { parseAs: 'buffer', bodyLimit: MAX_MEDIA_BYTES },
    (_request, body: Buffer, done) => done(null, body),
  );

  app.post(
    '/api/v1/portal/media',
    {
      config: { action: 'portal.edit' },
      schema: {
        tags,
        summary:
          'Upload an image (PNG, JPEG or WebP, at most 5 MiB) as the raw body; 422 media_type_mismatch when the bytes are not of the declared type',
        response: { 201: MediaInfo },
      },
    },
    async (request, reply) => {
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
      if (!isMediaType(mediaType) || !Buffer.isBuffer(request.body)) {
        throw new AppError(
          415,
          'unsupported_media_type',
          'Send a PNG, JPEG or WebP image as the request body.',
        );
      }
      return reply
        .code(201)
        .send(await portal.uploadMedia(actorContext(request), mediaType, request.body));
    },
  );

  app.get(
    '/api/v1/portal/themes',
    {
      config: { action: 'portal.edit' },
      schema: {
        tags,
        summary: 'The themes, with their titles and states',
        response: { 200: ThemeList },
      },
    },
    async (request) => portal.listThemes(actorContext(request)),
  );

  app.post(
    '/api/v1/portal/themes',
    {
      config: { action: 'portal.edit' },
      schema: {
        tags,
        summary: 'Create a theme (409 slug_taken)',
        body: ThemeCreate,
        response: { 201: ThemeDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await portal.createTheme(actorContext(request), request.body)),
  );

  app.get(
    '/api/v1/portal/themes/:id',
    {
      config: { action: 'portal.edit' },
      schema: {
        tags,
        summary: 'A theme with its texts',
        params: IdParams,
        response: { 200: ThemeDetail },
      },
    },
    async (request) => portal.getTheme(actorContext(request), request.params.id),
  );

  app.get(
    '/api/v1/portal/news',
    {
      config: { action: 'portal.edit' },
      schema: {
        tags,
        summary: 'News items, newest first',
        querystring: NewsListQuery,
        response: { 200: NewsList },
      },
    },
    async (request) => portal.listNews(actorContext(request), request.query),
  );

  app.post(
    '/api/v1/portal/news',
    {
      config: { action: 'portal.edit' },
      schema: {
        tags,
        summary: 'Create a news item, with texts if given (none published)',
        body: NewsCreate,
        response: { 201: NewsDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await portal.createNews(actorContext(request), request.body)),
  );

  app.get(
    '/api/v1/portal/news/:id',
    {
      config: { action: 'portal.edit' },
      schema: {
        tags,
        summary: 'A news item with its texts',
        params: IdParams,
        response: { 200: NewsDetail },
      },
    },
    async (request) => portal.getNews(actorContext(request), request.params.id),
  );

  app.patch(
    '/api/v1/portal/news/:id',
    {
      config: { action: 'portal.edit' },
      schema: {
        tags,
        summary: 'Change the themes or the consultation body of a news item',
        params: IdParams,
        body: NewsUpdate,
        response: { 200: NewsDetail },
      },
    },
    async (request) => portal.updateNews(actorContext(request), request.params.id, request.body),
  );

  for (const owner of OWNERS) {
    const text = `/api/v1/portal/${owner}/:id/texts/:language`;

    app.put(
      text,
      {
        config: { action: 'portal.edit' },
        schema: {
          tags,
          summary: 'Save the text in a language as a new revision (409 revision_conflict)',
          params: TextParams,
          body: TextSave,
          response: { 200: PortalText },
        },
      },
      async (request) =>
        portal.saveText(
          actorContext(request),
          owner,
          request.params.id,
          request.params.language,
          request.body,
        ),
    );

    app.post(
      `${text}/publish`,
      {
        config: { action: 'portal.publish' },
        schema: {
          tags,
          summary: 'Publish the latest revision now, or schedule it at a later time',
          params: TextParams,
          body: Optional(PublishBody),
          response: { 200: PortalText },
        },
      },
      async (request) =>
        portal.publish(
          actorContext(request),
          owner,
          request.params.id,
          request.params.language,
          request.body ?? {},
        ),
    );

    app.post(
      `${text}/unpublish`,
      {
        config: { action: 'portal.publish' },
        schema: {
          tags,
          summary: 'Withdraw the text from the public (or cancel its scheduled publication)',
          params: TextParams,
          body: Optional(EmptyBody),
          response: { 200: PortalText },
        },
      },
      async (request) =>
        portal.unpublish(actorContext(request), owner, request.params.id, request.params.language),
    );

    app.get(
      `${text}/revisions`,
      {
        config: { action: 'portal.edit' },
        schema: {
          tags,
          summary: 'The revisions of the text, newest first',
          params: TextParams,
          response: { 200: RevisionList },
        },
      },
      async (request) =>
        portal.revisions(actorContext(request), owner, request.params.id, request.params.language),
    );

    app.post(
      `${text}/revisions/:number/restore`,
      {
        config: { action: 'portal.edit' },
        schema: {
          tags,
          summary: 'Copy a revision into a new one (not published)',
          params: RevisionParams,
          body: Optional(EmptyBody),
          response: { 200: PortalText },
        },
      },
      async (request) =>
        portal.restore(
          actorContext(request),
          owner,
          request.params.id,
          request.params.language,
          request.params.number,
        ),
    );

    app.get(
      `${text}/preview`,
      {
        config: { action: 'portal.edit' },
        schema: {
          tags,
          summary: 'The public page rendered from the working copy, marked as a preview (HTML)',
          params: TextParams,
        },
      },
      async (request, reply) => {
        const html = await portal.preview(
          actorContext(request),
          owner,
          request.params.id,
          request.params.language,
        );
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('x-robots-tag', 'noindex')
          .send(html);
      },
    );
  }
};
