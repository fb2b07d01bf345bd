import type { Role } from './roles.js';

/** Who is acting: a signed-in user, or a machine client with an API token. */
export interface Actor {
  kind: 'session' | 'token';
  userId: string;
  username: string;
  displayName: string;
  agencyId: string;
  country: string;
  roles: readonly Role[];
  language: string;
  /** False while a user whose roles demand a second factor has not yet passed one. */
  secondFactorSatisfied: boolean;
  sessionId?: string;
  tokenId?: string;
}

/** Where an object lives, as far as visibility is concerned. */
export interface ObjectScope {
  agencyId: string;
  country: string;
}

/**
 * How far an allowed action reaches:
 * - `all`: every object on the node;
 * - `country`: objects of the actor's country;
 * - `agency`: objects of the actor's own agency;
 * - `self`: only the actor's own account.
 */
export type Reach = 'all' | 'country' | 'agency' | 'self';

interface ActionRule {
  /** Roles that may perform the action, with the reach each gets. */
  grants: Partial<Record<Role, Reach>> | 'every-role';
  /** Allowed while a mandatory second factor is still missing (to enrol it, or leave). */
  beforeSecondFactor?: boolean;
}

const SELF: ActionRule = { grants: 'every-role' };

/** The secretariat (editors) reaches every consultation body; anyone else only their own. */
const BODY_MEMBERS: ActionRule = {
  grants: {
    editor: 'all',
    officer: 'self',
    spoc: 'self',
    analyst: 'self',
    supervisor: 'self',
    dpo: 'self',
    admin: 'self',
  },
};

/**
 * The one table of who may do what. A route names its action; nothing else
 * grants access. An action missing here cannot be declared by a route.
 */
export const ACTIONS = {
  'self.read': { ...SELF, beforeSecondFactor: true },
  'self.update': SELF,
  'self.change-password': { ...SELF, beforeSecondFactor: true },
  'self.enrol-second-factor': { ...SELF, beforeSecondFactor: true },
  'auth.logout': { ...SELF, beforeSecondFactor: true },
  'agency.list': { grants: 'every-role' },
  'agency.read': { grants: 'every-role' },
  'agency.create': { grants: { admin: 'country' } },
  'agency.update': { grants: { admin: 'country' } },
  'user.list': { grants: { admin: 'country', supervisor: 'agency' } },
  'user.read': { grants: { admin: 'country', supervisor: 'agency' } },
  'user.create': { grants: { admin: 'country' } },
  'user.update': { grants: { admin: 'country' } },
  'user.reset-second-factor': { grants: { admin: 'country' } },
  'token.list': { grants: { admin: 'country' } },
  'token.create': { grants: { admin: 'country' } },
  'token.revoke': { grants: { admin: 'country' } },
  'audit.search': { grants: { dpo: 'agency' } },
  'audit.export': { grants: { dpo: 'agency' } },
  // The federation is the node's, not an agency's: its administrators run it.
  'federation.read': { grants: { admin: 'all' } },
  'federation.inspect': { grants: { admin: 'all' } },
  'federation.retry': { grants: { admin: 'all' } },
  'federation.ping': { grants: { admin: 'all' } },
  // Information exchange (Directive 2023/977). Which requests an actor sees is
  // decided per request: those of their agency, copied to it, or assigned to them.
  'exchange.read': { grants: { officer: 'agency', spoc: 'agency', supervisor: 'agency' } },
  'exchange.send': { grants: { officer: 'agency', spoc: 'agency' } },
  // The SPOC handles what its agency receives; an officer only what is assigned to them.
  'exchange.handle': { grants: { spoc: 'agency', officer: 'self' } },
  'exchange.statistics': { grants: { spoc: 'country', supervisor: 'country', dpo: 'country' } },
  'notification.read': { grants: 'every-role' },
  // The public portal is the node's: its editors write, schedule and publish it.
  'portal.edit': { grants: { editor: 'all' } },
  'portal.publish': { grants: { editor: 'all' } },
  // Consultation bodies: editors (the secretariat) keep every body; anyone else
  // reaches only the bodies they are a member of ('self', decided per body).
  'consultation.read': BODY_MEMBERS,
  'consultation.manage': { grants: { editor: 'all' } },
  // Progress notes and status on action items: the body's members and the secretariat.
  'consultation.follow-up': BODY_MEMBERS,
  // Personal-data records (LED). Reading one needs, besides this grant, a context
  // of the actor's agency or a stated reason; a restricted record is shown only to
  // the SPOCs of the agency that holds it and to the DPO (decided per record).
  'record.search': {
    grants: { officer: 'country', spoc: 'country', supervisor: 'country', dpo: 'country' },
  },
  'record.read': {
    grants: { officer: 'country', spoc: 'country', supervisor: 'country', dpo: 'country' },
  },
  // Rectify, erase, restrict, mark inaccurate, pass on, ask permission: the holder agency.
  'record.manage': { grants: { officer: 'agency', spoc: 'agency', dpo: 'country' } },
  // Answer another node's request to pass on an H2 item: the holder agency's SPOC, the DPO.
  'record.permission': { grants: { spoc: 'agency', dpo: 'country' } },
  // Review tasks raised by the retention schedule.
  'record.review': { grants: { officer: 'agency', spoc: 'agency', dpo: 'country' } },
  'retention.read': { grants: { dpo: 'country', admin: 'country', supervisor: 'country' } },
  'retention.manage': { grants: { dpo: 'country' } },
  // The DPO's workspace: logs, overdue work, anomalies, access reports, register.
  'dpo.oversee': { grants: { dpo: 'country' } },
  'dpo.report': { grants: { dpo: 'country' } },
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof ACTIONS;

export function isAction(value: string): value is Action {
  return Object.hasOwn(ACTIONS, value);
}

export type Decision =
  | { allowed: true; reach: Reach }
  | { allowed: false; reason: 'forbidden' | 'second_factor_required' };

const REACH_ORDER: readonly Reach[] = ['self', 'agency', 'country', 'all'];

/** Decides whether the actor may perform the action at all, and how far it reaches. */
export function decide(actor: Actor, action: Action): Decision {
  const rule: ActionRule = ACTIONS[action];
  let reach: Reach | undefined;
  if (rule.grants === 'every-role') {
    reach = 'all';
  } else {
    for (const role of actor.roles) {
      const granted = rule.grants[role];
      if (
        granted &&
        (reach === undefined || REACH_ORDER.indexOf(granted) > REACH_ORDER.indexOf(reach))
      ) {
        reach = granted;
      }
    }
  }
  if (reach === undefined) return { allowed: false, reason: 'forbidden' };
  if (!actor.secondFactorSatisfied && rule.beforeSecondFactor !== true) {
    return { allowed: false, reason: 'second_factor_required' };
  }
  return { allowed: true, reach };
}

/** Whether an object lies within the reach the actor has for the action. */
export function canReach(
  actor: Actor,
  action: Action,
  object: ObjectScope & { userId?: string },
): boolean {
  const decision = decide(actor, action);
  if (!decision.allowed) return false;
  switch (decision.reach) {
    case 'all':
      return true;
    case 'country':
      return object.country === actor.country;
    case 'agency':
      return object.agencyId === actor.agencyId;
    case 'self':
      return object.userId === actor.userId;
  }
}

/** The filter a listing applies so that it shows only what the actor may see. */
export function reachFilter(
  actor: Actor,
  action: Action,
): { country?: string; agencyId?: string; userId?: string } | null {
  const decision = decide(actor, action);
  if (!decision.allowed) return null;
  switch (decision.reach) {
    case 'all':
      return {};
    case 'country':
      return { country: actor.country };
    case 'agency':
      return { agencyId: actor.agencyId };
    case 'self':
      return { userId: actor.userId };
  }
}
