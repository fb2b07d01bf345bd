import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../../audit/audit-log.js';
import type { Actor } from '../policy/policy.js';
import { unauthenticated } from './errors.js';

/** What a service needs to know about the request it serves. */
export interface ActorContext extends AuditContext {
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function actorContext(request: FastifyRequest): ActorContext {
  if (request.actor === null) throw unauthenticated();
  return { actor: request.actor, clientAddress: request.ip, requestId: request.id };
}

export function anonymousContext(request: FastifyRequest): AuditContext {
  return { actor: null, clientAddress: request.ip, requestId: request.id };
}
