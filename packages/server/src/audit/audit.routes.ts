import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../kernel/http/context.js';
import { AuditExportQuery, AuditPage, AuditSearchQuery } from './audit.schemas.js';
import type { AuditService } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncTypebox<{ auditService: AuditService }> = async (
  app,
  { auditService },
) => {
  app.get(
    '/api/v1/audit/entries',
    {
      config: { action: 'audit.search' },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log (newest first)',
        querystring: AuditSearchQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => auditService.search(actorContext(request), request.query),
  );

  app.get(
    '/api/v1/audit/export',
    {
      config: { action: 'audit.export' },
      schema: {
        tags: ['audit'],
        summary: 'Export matching audit entries, oldest first, as CSV or JSON Lines',
        querystring: AuditExportQuery,
      },
    },
    async (request, reply) => {
      const stream = await auditService.export(actorContext(request), request.query);
      const { format } = request.query;
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8')
        .header('content-disposition', `attachment; filename="senningen-audit-${stamp}.${format}"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
};
