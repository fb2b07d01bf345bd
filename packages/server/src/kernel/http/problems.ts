import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

const PROBLEM_TYPE_BASE = 'urn:senningen:problem:';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
  retryAfterSeconds?: number;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Fastify's own client errors, mapped to our stable codes. */
export const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_BAD_URL: 'bad_url',
  FST_ERR_ASYNC_CONSTRAINT: 'bad_request',
};

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extensions: Partial<ProblemBody> = {},
): FastifyReply {
  const body: ProblemBody = {
    type: PROBLEM_TYPE_BASE + code,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...extensions,
  };
  if (status === 429 && body.retryAfterSeconds !== undefined) {
    void reply.header('retry-after', String(body.retryAfterSeconds));
  }
  return reply.code(status).type('application/problem+json; charset=utf-8').send(body);
}

/** One error handler for the whole node: RFC 9457 problem details, never a stack trace. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(request, reply, error.status, error.code, error.message, error.extensions);
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const errors = fastifyError.validation.map((v) => ({
        path: `${fastifyError.validationContext ?? 'body'}${v.instancePath || ''}`.slice(0, 500),
        message: describeValidationError(v).slice(0, 500),
      }));
      return sendProblem(request, reply, 400, 'validation_failed', 'The request is not valid.', {
        errors,
      });
    }
    const status = fastifyError.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      const code = FASTIFY_CODES[fastifyError.code] ?? 'bad_request';
      const detail =
        code === 'payload_too_large'
          ? 'The request body is larger than this node accepts.'
          : code === 'malformed_json'
            ? 'The request body is not valid JSON.'
            : fastifyError.message;
      return sendProblem(request, reply, status, code, detail);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      request,
      reply,
      500,
      'internal_error',
      'An unexpected error occurred. Quote the request id when reporting it.',
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, 404, 'not_found', 'There is nothing at this address.'),
  );
}

function describeValidationError(v: {
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}): string {
  if (v.keyword === 'additionalProperties') {
    return `unknown property "${String(v.params.additionalProperty)}"`;
  }
  if (v.keyword === 'required') return `missing property "${String(v.params.missingProperty)}"`;
  return v.message ?? v.keyword;
}
