import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { Federation } from '../federation/federation.js';
import type { Db } from '../kernel/db/database.js';
import { actorContext } from '../kernel/http/context.js';
import {
  AnomalyList,
  AnomalyQuery,
  ConsultationPage,
  ConsultationQuery,
  DisclosurePage,
  DisclosureQuery,
  OverdueReviewList,
  ProcessingRecord,
  RestrictedRecordList,
  UnconfirmedNoticeList,
} from './oversight.schemas.js';
import { createOversightService } from './oversight.service.js';

const tags = ['dpo'];

/** The data protection officer's oversight of the node: overdue work, logs, anomalies, register. */
export const oversightRoutes: FastifyPluginAsyncTypebox<{
  db: Db;
  audit: AuditWriter;
  federation: Federation | null;
  clock?: () => Date;
}> = async (app, deps) => {
  const oversight = createOversightService(deps);
  const config = { action: 'dpo.oversee' } as const;

  app.get(
    '/api/v1/dpo/reviews/overdue',
    {
      config,
      schema: {
        tags,
        summary:
          'Retention reviews still undecided when the decision time after their due date ran out',
        response: { 200: OverdueReviewList },
      },
    },
    async (request) => oversight.overdueReviews(actorContext(request)),
  );

  app.get(
    '/api/v1/dpo/notices/unconfirmed',
    {
      config,
      schema: {
        tags,
        summary: 'Rectification, erasure and restriction notices a recipient has not confirmed',
        response: { 200: UnconfirmedNoticeList },
      },
    },
    async (request) => oversight.unconfirmedNotices(actorContext(request)),
  );

  app.get(
    '/api/v1/dpo/records/restricted',
    {
      config,
      schema: {
        tags,
        summary: 'Records whose processing is restricted (audited)',
        response: { 200: RestrictedRecordList },
      },
    },
    async (request) => oversight.restrictedRecords(actorContext(request)),
  );

  app.get(
    '/api/v1/dpo/disclosures',
    {
      config,
      schema: {
        tags,
        summary: 'Records disclosed to other nodes, newest first (audited)',
        querystring: DisclosureQuery,
        response: { 200: DisclosurePage },
      },
    },
    async (request) => oversight.disclosures(actorContext(request), request.query),
  );

  app.get(
    '/api/v1/dpo/consultations',
    {
      config,
      schema: {
        tags,
        summary: 'The consultation log: who read which record, when and why (audited)',
        querystring: ConsultationQuery,
        response: { 200: ConsultationPage },
      },
    },
    async (request) => oversight.consultations(actorContext(request), request.query),
  );

  app.get(
    '/api/v1/dpo/anomalies',
    {
      config,
      schema: {
        tags,
        summary:
          'Consultation patterns worth a look: volume, outside any context, unusual hours (audited)',
        querystring: AnomalyQuery,
        response: { 200: AnomalyList },
      },
    },
    async (request) => oversight.anomalies(actorContext(request), request.query),
  );

  app.get(
    '/api/v1/dpo/processing-record',
    {
      config,
      schema: {
        tags,
        summary: 'The record of processing activities (LED art. 24), generated from configuration',
        response: { 200: ProcessingRecord },
      },
    },
    async (request) => oversight.processingRecord(actorContext(request)),
  );
};
