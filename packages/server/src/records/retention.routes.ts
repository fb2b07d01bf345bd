import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../kernel/http/context.js';
import {
  IdParams,
  RetentionRuleList,
  RetentionRulesUpdate,
  ReviewDecisionBody,
  ReviewListQuery,
  ReviewTask,
  ReviewTaskList,
} from './retention.schemas.js';
import type { RetentionService } from './retention.service.js';

const tags = ['records'];

/** Reviews raised by the retention schedule, and the node's retention rules. */
export const retentionRoutes: FastifyPluginAsyncTypebox<{ retention: RetentionService }> = async (
  app,
  { retention },
) => {
  app.get(
    '/api/v1/records/reviews',
    {
      config: { action: 'record.review' },
      schema: {
        tags,
        summary:
          "Review tasks of the actor's agency (the DPO: of the country); open ones soonest due first",
        querystring: ReviewListQuery,
        response: { 200: ReviewTaskList },
      },
    },
    async (request) => retention.listReviews(actorContext(request), request.query),
  );

  app.post(
    '/api/v1/records/reviews/:id',
    {
      config: { action: 'record.review' },
      schema: {
        tags,
        summary:
          'Decide a review: keep the record until its next review, or erase it (409 review_decided)',
        params: IdParams,
        body: ReviewDecisionBody,
        response: { 200: ReviewTask },
      },
    },
    async (request) =>
      retention.decideReview(actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/records/retention-rules',
    {
      config: { action: 'retention.read' },
      schema: {
        tags,
        summary: 'How long records are kept, per data-subject category and purpose',
        response: { 200: RetentionRuleList },
      },
    },
    async () => retention.listRules(),
  );

  app.put(
    '/api/v1/records/retention-rules',
    {
      config: { action: 'retention.manage' },
      schema: {
        tags,
        summary:
          'Replace the retention rules (422 default_rule_required, duplicate_rule, review_after_retention); they apply to records held from then on',
        body: RetentionRulesUpdate,
        response: { 200: RetentionRuleList },
      },
    },
    async (request) => retention.replaceRules(actorContext(request), request.body),
  );
};
