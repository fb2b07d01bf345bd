import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/http/errors.js';
import {
  REQUEST_KINDS,
  REQUEST_STATES,
  type RequestKind,
  type RequestState,
} from './exchange.model.js';
import { COMMANDS, allowedCommands, nextState, type Command, type Side } from './lifecycle.js';

const SIDES: readonly Side[] = ['requester', 'requested'];

/** The outcome of an allowed command: a state, or one per value of `context.assigned`. */
type Outcome = RequestState | { assigned: RequestState; unassigned: RequestState };
type Expected = Record<
  RequestKind,
  Record<Side, Partial<Record<Command, Partial<Record<RequestState, Outcome>>>>>
>;

/**
 * Every allowed transition, written out by hand. Anything not listed here must be
 * refused with `invalid_transition`.
 */
const EXPECTED: Expected = {
  request: {
    requester: {
      send: { draft: 'sent' },
      clarify: { clarification_requested: { assigned: 'assigned', unassigned: 'received' } },
      close: { answered: 'closed', partially_answered: 'closed', refused: 'closed' },
      message: {
        sent: 'sent',
        received: 'received',
        assigned: 'assigned',
        clarification_requested: 'clarification_requested',
        delayed: 'delayed',
        partially_answered: 'partially_answered',
        answered: 'answered',
        refused: 'refused',
      },
    },
    requested: {
      receive: { sent: 'received' },
      assign: {
        received: 'assigned',
        assigned: 'assigned',
        clarification_requested: 'clarification_requested',
        delayed: 'delayed',
        partially_answered: 'partially_answered',
      },
      set_accessibility: {
        received: 'received',
        assigned: 'assigned',
        clarification_requested: 'clarification_requested',
        delayed: 'delayed',
        partially_answered: 'partially_answered',
      },
      ask_clarification: {
        received: 'clarification_requested',
        assigned: 'clarification_requested',
        delayed: 'clarification_requested',
      },
      answer_partially: {
        received: 'partially_answered',
        assigned: 'partially_answered',
        delayed: 'partially_answered',
        partially_answered: 'partially_answered',
      },
      answer: {
        received: 'answered',
        assigned: 'answered',
        delayed: 'answered',
        partially_answered: 'answered',
      },
      refuse: {
        received: 'refused',
        assigned: 'refused',
        clarification_requested: 'refused',
        delayed: 'refused',
        partially_answered: 'refused',
      },
      delay: {
        received: 'delayed',
        assigned: 'delayed',
        delayed: 'delayed',
        partially_answered: 'delayed',
      },
      close: { answered: 'closed', refused: 'closed' },
      message: {
        sent: 'sent',
        received: 'received',
        assigned: 'assigned',
        clarification_requested: 'clarification_requested',
        delayed: 'delayed',
        partially_answered: 'partially_answered',
        answered: 'answered',
        refused: 'refused',
      },
    },
  },
  spontaneous: {
    requester: {
      send: { draft: 'sent' },
      message: {
        sent: 'sent',
        received: 'received',
        assigned: 'assigned',
        clarification_requested: 'clarification_requested',
        delayed: 'delayed',
        partially_answered: 'partially_answered',
        answered: 'answered',
        refused: 'refused',
      },
    },
    requested: {
      receive: { sent: 'received' },
      close: { received: 'closed' },
      message: {
        sent: 'sent',
        received: 'received',
        assigned: 'assigned',
        clarification_requested: 'clarification_requested',
        delayed: 'delayed',
        partially_answered: 'partially_answered',
        answered: 'answered',
        refused: 'refused',
      },
    },
  },
};

function expectedOutcome(
  kind: RequestKind,
  side: Side,
  command: Command,
  state: RequestState,
  assigned: boolean,
): RequestState | undefined {
  const outcome = EXPECTED[kind][side][command]?.[state];
  if (outcome === undefined || typeof outcome === 'string') return outcome;
  return assigned ? outcome.assigned : outcome.unassigned;
}

/** Every combination of kind, side, command, state and assignment. */
function* everyCase() {
  for (const kind of REQUEST_KINDS) {
    for (const side of SIDES) {
      for (const command of COMMANDS) {
        for (const state of REQUEST_STATES) {
          for (const assigned of [false, true]) {
            yield { kind, side, command, state, assigned };
          }
        }
      }
    }
  }
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

function describeError(error: unknown): string {
  if (error === undefined) return 'no error';
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : JSON.stringify(error);
}

describe('nextState', () => {
  it('follows the expected table for every state, command, side and kind', () => {
    const mismatches: string[] = [];
    let allowed = 0;
    let refused = 0;
    for (const { kind, side, command, state, assigned } of everyCase()) {
      const expected = expectedOutcome(kind, side, command, state, assigned);
      const label = `${kind}/${side}/${command}/${state}/assigned=${assigned}`;
      const error = thrownBy(() => nextState(state, command, side, { kind, assigned }));
      if (expected === undefined) {
        refused += 1;
        if (!(error instanceof AppError) || error.code !== 'invalid_transition') {
          mismatches.push(`${label}: expected invalid_transition, got ${describeError(error)}`);
        }
      } else {
        allowed += 1;
        if (error !== undefined) {
          mismatches.push(`${label}: expected ${expected}, got ${describeError(error)}`);
        } else {
          const actual = nextState(state, command, side, { kind, assigned });
          if (actual !== expected) mismatches.push(`${label}: expected ${expected}, got ${actual}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(allowed + refused).toBe(
      REQUEST_KINDS.length * SIDES.length * COMMANDS.length * REQUEST_STATES.length * 2,
    );
    // Guard against an accidentally empty table.
    expect(allowed).toBe(2 * 73);
  });

  it('refuses with a 409 that names the state, the command and the side', () => {
    const error = thrownBy(() =>
      nextState('draft', 'answer', 'requester', { kind: 'request', assigned: false }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 409, code: 'invalid_transition' });
    const message = (error as AppError).message;
    expect(message).toContain('draft');
    expect(message).toContain('answer');
    expect(message).toContain('requester');
  });

  it('returns a clarified request to where it was before the question', () => {
    const context = { kind: 'request', assigned: true } as const;
    let state: RequestState = 'draft';
    state = nextState(state, 'send', 'requester', context);
    state = nextState(state, 'receive', 'requested', context);
    state = nextState(state, 'assign', 'requested', context);
    state = nextState(state, 'ask_clarification', 'requested', context);
    expect(state).toBe('clarification_requested');
    state = nextState(state, 'clarify', 'requester', context);
    expect(state).toBe('assigned');
    state = nextState(state, 'answer_partially', 'requested', context);
    state = nextState(state, 'answer', 'requested', context);
    state = nextState(state, 'close', 'requester', context);
    expect(state).toBe('closed');
  });

  it('lets nothing leave the closed state', () => {
    for (const kind of REQUEST_KINDS) {
      for (const side of SIDES) {
        expect(allowedCommands('closed', side, { kind, assigned: true })).toEqual([]);
      }
    }
  });

  it('refuses a command that is not in the vocabulary', () => {
    const error = thrownBy(() =>
      nextState('received', 'toString' as Command, 'requested', {
        kind: 'request',
        assigned: false,
      }),
    );
    expect(error).toMatchObject({ status: 409, code: 'invalid_transition' });
  });
});

describe('allowedCommands', () => {
  it('lists exactly the commands nextState accepts, in COMMANDS order', () => {
    for (const kind of REQUEST_KINDS) {
      for (const side of SIDES) {
        for (const state of REQUEST_STATES) {
          for (const assigned of [false, true]) {
            const context = { kind, assigned };
            const accepted = COMMANDS.filter(
              (command) => thrownBy(() => nextState(state, command, side, context)) === undefined,
            );
            expect(allowedCommands(state, side, context)).toEqual(accepted);
          }
        }
      }
    }
  });

  it('offers the requested side the full set of replies on a received request', () => {
    expect(allowedCommands('received', 'requested', { kind: 'request', assigned: false })).toEqual([
      'assign',
      'set_accessibility',
      'ask_clarification',
      'answer_partially',
      'answer',
      'refuse',
      'delay',
      'message',
    ]);
    expect(
      allowedCommands('received', 'requested', { kind: 'spontaneous', assigned: false }),
    ).toEqual(['close', 'message']);
  });
});
