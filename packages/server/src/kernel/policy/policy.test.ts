import { describe, expect, it } from 'vitest';
import { ACTIONS, canReach, decide, reachFilter, type Action, type Actor } from './policy.js';
import { ROLES, type Role } from './roles.js';

function actor(roles: Role[], overrides: Partial<Actor> = {}): Actor {
  return {
    kind: 'session',
    userId: 'u1',
    username: 'someone',
    displayName: 'Someone',
    agencyId: 'a1',
    country: 'BE',
    roles,
    language: 'nl',
    secondFactorSatisfied: true,
    ...overrides,
  };
}

describe('policy', () => {
  it('denies an actor without roles every action that is not open to all', () => {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      const rule = ACTIONS[action] as { grants: unknown };
      expect(decide(actor([]), action).allowed).toBe(rule.grants === 'every-role');
    }
  });

  it('lets only administrators manage users, and only in their own country', () => {
    for (const role of ROLES) {
      expect(decide(actor([role]), 'user.create').allowed).toBe(role === 'admin');
    }
    const admin = actor(['admin']);
    expect(canReach(admin, 'user.read', { agencyId: 'other', country: 'BE' })).toBe(true);
    expect(canReach(admin, 'user.read', { agencyId: 'other', country: 'NL' })).toBe(false);
  });

  it('keeps a supervisor inside the own agency', () => {
    const supervisor = actor(['supervisor']);
    expect(reachFilter(supervisor, 'user.list')).toEqual({ agencyId: 'a1' });
    expect(canReach(supervisor, 'user.read', { agencyId: 'a2', country: 'BE' })).toBe(false);
  });

  it('takes the widest reach among the roles', () => {
    expect(reachFilter(actor(['supervisor', 'admin']), 'user.list')).toEqual({ country: 'BE' });
  });

  it('lets a user who still owes a second factor do nothing but enrol and leave', () => {
    const pending = actor(['admin'], { secondFactorSatisfied: false });
    expect(decide(pending, 'user.create')).toEqual({
      allowed: false,
      reason: 'second_factor_required',
    });
    expect(decide(pending, 'self.enrol-second-factor').allowed).toBe(true);
    expect(decide(pending, 'auth.logout').allowed).toBe(true);
    expect(decide(pending, 'agency.list').allowed).toBe(false);
  });
});
