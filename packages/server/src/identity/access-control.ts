import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditWriter } from '../audit/audit-writer.js';
import { anonymousContext } from '../kernel/http/context.js';
import { AppError, OutOfReachError, forbidden, unauthenticated } from '../kernel/http/errors.js';
import { findLooseSchemaParts } from '../kernel/http/schema-types.js';
import { decide, isAction, type Action } from '../kernel/policy/policy.js';
import type { Authenticator } from './authenticate.js';
import type { UserView } from './users.queries.js';
import type { AuthService } from './auth.service.js';
import { readSessionToken, type SessionCookieSettings } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The action this route performs; the policy decides who may perform it. */
    action?: Action;
    /** Open to everybody; no actor is resolved. */
    public?: boolean;
  }
  interface FastifyRequest {
    /** The acting user's record, as loaded with the session or token. */
    actorUser: UserView | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** An API route and the action it declares. */
export interface RouteAccess {
  method: string;
  url: string;
  action: Action | 'public';
}

/**
 * Deny by default. Every route must either name its action or say it is public;
 * a route that does neither, or whose schemas accept unbounded strings or unknown
 * properties, stops the node from starting. Before a handler runs, the actor is
 * resolved (session cookie or API token), a cookie-borne state change must carry
 * the session's CSRF token, and the policy must allow the action.
 */
export function registerAccessControl(
  app: FastifyInstance,
  deps: {
    authenticator: Authenticator;
    auth: AuthService;
    audit: AuditWriter;
    cookie: SessionCookieSettings;
  },
): RouteAccess[] {
  const routes: RouteAccess[] = [];
  app.decorateRequest('actor', null);
  app.decorateRequest('actorUser', null);

  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { action?: string; public?: boolean };
    const where = `${String(route.method)} ${route.url}`;
    if (route.url.startsWith('/api/') || route.url.startsWith('/federation/')) {
      if (config.public !== true && (config.action === undefined || !isAction(config.action))) {
        throw new Error(`Route ${where} must declare a known action or be marked public`);
      }
      const schema = (route.schema ?? {}) as Record<string, unknown>;
      for (const part of ['body', 'querystring', 'params'] as const) {
        const loose = findLooseSchemaParts(schema[part] as never);
        if (loose.length > 0) throw new Error(`Route ${where} ${part}: ${loose.join('; ')}`);
      }
      for (const method of [route.method].flat()) {
        routes.push({
          method,
          url: route.url,
          action: config.public === true ? 'public' : (config.action as Action),
        });
      }
    }
  });

  // onRequest: decided before the body is even read, so that nobody learns more
  // about a route than that it exists.
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (config.public === true || config.action === undefined) return;

    const authenticated = await resolveActor(request);
    if (authenticated === null) throw unauthenticated();
    const { actor } = authenticated;
    request.actor = actor;
    request.actorUser = authenticated.user;

    if (actor.kind === 'session' && !SAFE_METHODS.has(request.method)) {
      const sessionToken = readSessionToken(request, deps.cookie);
      const sent = request.headers['x-csrf-token'];
      if (
        sessionToken === undefined ||
        !deps.auth.csrfTokenMatches(sessionToken, typeof sent === 'string' ? sent : undefined)
      ) {
        throw forbidden('csrf_token_invalid', 'The request lacks a valid X-CSRF-Token header.');
      }
    }

    const decision = decide(actor, config.action);
    if (!decision.allowed) {
      await deps.audit.record(
        { actor, clientAddress: request.ip, requestId: request.id },
        { action: config.action, outcome: 'denied', details: { reason: decision.reason } },
      );
      throw decision.reason === 'second_factor_required'
        ? new AppError(
            403,
            'second_factor_required',
            'Enrol and use a second factor before doing this.',
          )
        : forbidden();
    }
  });

  // An object outside the actor's reach is answered like a missing one, but the
  // attempt is on record.
  app.addHook('onError', async (request, _reply, error) => {
    if (error instanceof OutOfReachError && request.actor !== null) {
      await deps.audit.record(
        { actor: request.actor, clientAddress: request.ip, requestId: request.id },
        {
          action: error.action,
          objectType: error.objectType,
          objectId: error.objectId,
          outcome: 'denied',
          details: { reason: 'outside_reach' },
        },
      );
    }
  });

  async function resolveActor(request: FastifyRequest) {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer (snt_[A-Za-z0-9_-]{43})$/.exec(authorization);
      const authenticated = match?.[1] ? await deps.authenticator.fromApiToken(match[1]) : null;
      if (authenticated === null) {
        await deps.audit.record(anonymousContext(request), {
          action: 'auth.token',
          outcome: 'failure',
          details: { reason: 'invalid_token' },
        });
      }
      return authenticated;
    }
    const sessionToken = readSessionToken(request, deps.cookie);
    return sessionToken === undefined ? null : deps.authenticator.fromSessionToken(sessionToken);
  }

  return routes;
}
