import { OutOfReachError } from '../http/errors.js';
import type { ActorContext } from '../http/context.js';
import { canReach, type Action, type ObjectScope } from './policy.js';

/**
 * Used by services once they have loaded an object: if the actor may not reach it,
 * the answer is the same 404 as for a missing object.
 */
export function assertReach(
  ctx: ActorContext,
  action: Action,
  objectType: string,
  objectId: string,
  scope: ObjectScope & { userId?: string },
): void {
  if (!canReach(ctx.actor, action, scope)) throw new OutOfReachError(action, objectType, objectId);
}
