import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses JSON bodies strictly: invalid UTF-8 is refused rather than silently
 * replaced, and so are strings PostgreSQL cannot store (NUL) or that are not
 * well-formed Unicode (lone surrogates).
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    /^application\/([a-z0-9.+-]+\+)?json\s*(;.*)?$/i,
    { parseAs: 'buffer' },
    (_request, body: Buffer, done) => {
      let text: string;
      try {
        text = strictUtf8.decode(body);
      } catch {
        done(badRequest('invalid_utf8', 'The request body is not valid UTF-8.'), undefined);
        return;
      }
      if (text.trim() === '') {
        done(badRequest('malformed_json', 'The request body is empty.'), undefined);
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        done(badRequest('malformed_json', 'The request body is not valid JSON.'), undefined);
        return;
      }
      const bad = findUnstorableString(value);
      if (bad !== undefined) {
        done(
          badRequest(
            'invalid_text',
            `The text at ${bad} contains characters that are not allowed.`,
          ),
          undefined,
        );
        return;
      }
      done(null, value);
    },
  );
}

/** Returns the JSON path of the first string with a NUL or a lone surrogate. */
export function findUnstorableString(value: unknown, at = ''): string | undefined {
  if (typeof value === 'string') {
    return value.includes('\u0000') || !value.isWellFormed() ? at || '/' : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableString(value[i], `${at}/${i}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found =
        findUnstorableString(key, `${at}/${key}`) ?? findUnstorableString(child, `${at}/${key}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
