/**
 * Errors that reach the client. Each has an HTTP status and a stable `code` that
 * clients (and the web workspace's translations) rely on; the message is for people.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, extensions?: Record<string, unknown>) =>
  new AppError(400, code, message, extensions);

export const unauthenticated = (message = 'Authentication is required.') =>
  new AppError(401, 'unauthenticated', message);

export const forbidden = (code = 'forbidden', message = 'You may not perform this action.') =>
  new AppError(403, code, message);

/** Also the answer for an object that exists but that the actor may not see. */
export const notFound = (message = 'Not found.') => new AppError(404, 'not_found', message);

/** Well-formed input that cannot be acted on: it refers to something unknown, or breaks a rule. */
export const unprocessable = (
  code: string,
  message: string,
  extensions?: Record<string, unknown>,
) => new AppError(422, code, message, extensions);

export const conflict = (code: string, message: string) => new AppError(409, code, message);

export const tooManyRequests = (code: string, message: string, retryAfterSeconds: number) =>
  new AppError(429, code, message, { retryAfterSeconds });

/**
 * An object exists but lies outside the actor's reach. The client sees a plain
 * 404, exactly as for an object that does not exist; the refusal is audited.
 */
export class OutOfReachError extends AppError {
  constructor(
    readonly action: string,
    readonly objectType: string,
    readonly objectId: string,
  ) {
    super(404, 'not_found', 'Not found.');
    this.name = 'OutOfReachError';
  }
}

/** True for PostgreSQL's unique_violation, on either driver. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}
