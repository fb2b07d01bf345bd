import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { Db } from '../kernel/db/database.js';
import { actorContext } from '../kernel/http/context.js';
import {
  AccessReport,
  AccessReportCreate,
  AccessReportList,
  AccessReportParams,
  PersonMatchList,
  PersonSearchQuery,
} from './access-report.schemas.js';
import { createAccessReportService } from './access-report.service.js';

const tags = ['dpo'];

/**
 * Access reports for data subjects (LED art. 14–15): the DPO finds the records of
 * a person, chooses those that are theirs, withholds what art. 15(1) allows, and
 * hands over the report (JSON or PDF). The service is made here so that the
 * composition root needs only this one registration.
 */
export const accessReportRoutes: FastifyPluginAsyncTypebox<{
  db: Db;
  audit: AuditWriter;
  publicUrl: string;
}> = async (app, deps) => {
  const reports = createAccessReportService(deps);

  app.get(
    '/api/v1/dpo/persons',
    {
      config: { action: 'dpo.report' },
      schema: {
        tags,
        summary:
          'Person records matching a name (case, diacritics, particles and hyphens ignored); logged',
        querystring: PersonSearchQuery,
        response: { 200: PersonMatchList },
      },
    },
    async (request) => reports.searchPersons(actorContext(request), request.query),
  );

  app.post(
    '/api/v1/dpo/access-reports',
    {
      config: { action: 'dpo.report' },
      schema: {
        tags,
        summary: 'Produce and keep an access report on the chosen records of one person',
        body: AccessReportCreate,
        response: { 201: AccessReport },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await reports.createReport(actorContext(request), request.body)),
  );

  app.get(
    '/api/v1/dpo/access-reports',
    {
      config: { action: 'dpo.report' },
      schema: {
        tags,
        summary: 'Access reports produced on this node, newest first',
        response: { 200: AccessReportList },
      },
    },
    async (request) => reports.listReports(actorContext(request)),
  );

  app.get(
    '/api/v1/dpo/access-reports/:id',
    {
      config: { action: 'dpo.report' },
      schema: {
        tags,
        summary: 'A stored access report, as it was produced (every reading is logged)',
        params: AccessReportParams,
        response: { 200: AccessReport },
      },
    },
    async (request) => reports.readReport(actorContext(request), request.params.id),
  );

  app.get(
    '/api/v1/dpo/access-reports/:id/pdf',
    {
      config: { action: 'dpo.report' },
      schema: {
        tags,
        summary: 'A stored access report as a printable PDF (every download is logged)',
        params: AccessReportParams,
      },
    },
    async (request, reply) => {
      const { fileName, pdf } = await reports.reportPdf(actorContext(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};
