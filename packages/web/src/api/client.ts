/** A problem document (RFC 9457) from the API, with its stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly requestId?: string,
    readonly errors: { path: string; message: string }[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;
let onUnauthenticated: (() => void) | undefined;
let onSecondFactorRequired: (() => void) | undefined;

/** The CSRF token of the current session, from the sign-in or /me answer. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when the API says the session is gone (401). */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

/** Called when the API says a second factor must be set up first (403). */
export function setSecondFactorRequiredHandler(handler: (() => void) | undefined): void {
  onSecondFactorRequired = handler;
}

export function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  return send<T>(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
}

/**
 * Sends a file as the raw request body, with its media type and its name (URI-encoded, in
 * x-file-name); answers like `api`.
 */
export function upload<T>(path: string, file: Blob, name: string, mediaType: string): Promise<T> {
  return send<T>(
    'POST',
    path,
    { 'content-type': mediaType, 'x-file-name': encodeURIComponent(name) },
    file,
  );
}

async function send<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  extraHeaders: Record<string, string>,
  body: BodyInit | undefined,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body }),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The node cannot be reached.');
  }
  if (response.status === 204) return undefined as T;
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const payload: unknown = isJson ? await response.json().catch(() => undefined) : undefined;
  if (!response.ok) {
    const problem = (payload ?? {}) as {
      code?: string;
      detail?: string;
      requestId?: string;
      errors?: { path: string; message: string }[];
      retryAfterSeconds?: number;
    };
    const error = new ApiError(
      response.status,
      problem.code ?? 'unknown_error',
      problem.detail ?? response.statusText,
      problem.requestId,
      problem.errors ?? [],
      problem.retryAfterSeconds,
    );
    if (response.status === 401 && error.code === 'unauthenticated') onUnauthenticated?.();
    if (response.status === 403 && error.code === 'second_factor_required') {
      onSecondFactorRequired?.();
    }
    throw error;
  }
  return payload as T;
}

/** Builds a query string from the filled-in values only. */
export function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
