/**
 * The life cycle of a request for information under Directive (EU) 2023/977, as a
 * pure state machine: which command each side may give in which state, and the
 * state that follows. Persistence, authorisation of the individual user and the
 * messages that travel between the nodes are handled elsewhere; this module only
 * answers "is this step allowed, and where does it lead?".
 *
 * Both nodes hold the same state for a request, so both run the same table: the
 * requesting SPOC's node for its own commands, and for the requested side's
 * commands as they arrive, and vice versa.
 */
import { conflict } from '../kernel/http/errors.js';
import { REQUEST_STATES, type RequestKind, type RequestState } from './exchange.model.js';

/**
 * The side of the exchange a command comes from. For information supplied without
 * a request (art. 7), the provider is the 'requester' side and the recipient the
 * 'requested' side.
 */
export type Side = 'requester' | 'requested';

/** Every command, in the order {@link allowedCommands} lists them. */
export const COMMANDS = [
  'send',
  'receive',
  'assign',
  'set_accessibility',
  'ask_clarification',
  'clarify',
  'answer_partially',
  'answer',
  'refuse',
  'delay',
  'close',
  'message',
] as const;
export type Command = (typeof COMMANDS)[number];

/** What, besides the state, a transition may depend on. */
export interface TransitionContext {
  kind: RequestKind;
  /** Whether the requested side has assigned the request to a handler. */
  assigned: boolean;
}

/**
 * Where a transition leads: a fixed state, the state it started from, or a state
 * that depends on the context.
 */
type Target = RequestState | 'unchanged' | ((context: TransitionContext) => RequestState);

/** One or more source states and where the command leads from them. */
interface Edge {
  from: readonly RequestState[];
  to: Target;
}

type Rules = Readonly<Partial<Record<Command, readonly Edge[]>>>;

/** A message may be exchanged once the request exists on both nodes, until it is closed. */
const MESSAGE: readonly Edge[] = [
  {
    from: REQUEST_STATES.filter((state) => state !== 'draft' && state !== 'closed'),
    to: 'unchanged',
  },
];

/** Requests for information (art. 4 and 5). */
const REQUEST_RULES: Readonly<Record<Side, Rules>> = {
  requester: {
    /** The requesting SPOC submits its request (art. 4). */
    send: [{ from: ['draft'], to: 'sent' }],
    /**
     * The requesting SPOC provides the clarification asked for; the suspended time
     * limits run again (art. 6) and the request returns to where it was.
     */
    clarify: [
      {
        from: ['clarification_requested'],
        to: (context) => (context.assigned ? 'assigned' : 'received'),
      },
    ],
    /** The requesting SPOC closes the file once it has had its answer or refusal. */
    close: [{ from: ['answered', 'partially_answered', 'refused'], to: 'closed' }],
    message: MESSAGE,
  },
  requested: {
    /** The requested SPOC receives the request; the time limits start (art. 5(1)). */
    receive: [{ from: ['sent'], to: 'received' }],
    /** The requested SPOC assigns the request to a handler, or reassigns it. */
    assign: [
      { from: ['received'], to: 'assigned' },
      {
        from: ['assigned', 'clarification_requested', 'delayed', 'partially_answered'],
        to: 'unchanged',
      },
    ],
    /**
     * The requested SPOC records whether it can reach the information directly or
     * only indirectly, which decides an urgent request's time limit (art. 5(1)).
     */
    set_accessibility: [
      {
        from: ['received', 'assigned', 'clarification_requested', 'delayed', 'partially_answered'],
        to: 'unchanged',
      },
    ],
    /**
     * The requested SPOC asks for the clarification it needs instead of refusing;
     * the time limits are suspended until it is provided (art. 6).
     */
    ask_clarification: [
      { from: ['received', 'assigned', 'delayed'], to: 'clarification_requested' },
    ],
    /** Part of the information is provided; the rest may follow (art. 5). */
    answer_partially: [
      { from: ['received', 'assigned', 'delayed', 'partially_answered'], to: 'partially_answered' },
    ],
    /** The information is provided in full (art. 5). */
    answer: [{ from: ['received', 'assigned', 'delayed', 'partially_answered'], to: 'answered' }],
    /**
     * The request is refused on one of the grounds of art. 6(1), including while a
     * clarification is awaited, and for the remainder after a partial answer.
     */
    refuse: [
      {
        from: ['received', 'assigned', 'clarification_requested', 'delayed', 'partially_answered'],
        to: 'refused',
      },
    ],
    /** The requested SPOC reports that it cannot meet the time limit, and why (art. 5). */
    delay: [{ from: ['received', 'assigned', 'delayed', 'partially_answered'], to: 'delayed' }],
    /** The requested SPOC closes its file once it has answered or refused. */
    close: [{ from: ['answered', 'refused'], to: 'closed' }],
    message: MESSAGE,
  },
};

/**
 * Information supplied on the provider's own initiative (art. 7). There is nothing
 * to answer, refuse or clarify, and no time limit: it is sent, received, and closed
 * by the recipient once dealt with.
 */
const SPONTANEOUS_RULES: Readonly<Record<Side, Rules>> = {
  requester: {
    send: [{ from: ['draft'], to: 'sent' }],
    message: MESSAGE,
  },
  requested: {
    receive: [{ from: ['sent'], to: 'received' }],
    close: [{ from: ['received'], to: 'closed' }],
    message: MESSAGE,
  },
};

const RULES: Readonly<Record<RequestKind, Readonly<Record<Side, Rules>>>> = {
  request: REQUEST_RULES,
  spontaneous: SPONTANEOUS_RULES,
};

/** The state `command` leads to, or undefined when it is not allowed. */
function transition(
  state: RequestState,
  command: Command,
  side: Side,
  context: TransitionContext,
): RequestState | undefined {
  const rules = RULES[context.kind]?.[side];
  // Own properties only: the command may come from untyped input.
  if (!rules || !Object.hasOwn(rules, command)) return undefined;
  const edge = rules[command]?.find((candidate) => candidate.from.includes(state));
  if (!edge) return undefined;
  if (edge.to === 'unchanged') return state;
  return typeof edge.to === 'function' ? edge.to(context) : edge.to;
}

/**
 * The state that follows when `side` gives `command` in `state`.
 *
 * @throws AppError 409 `invalid_transition` when the command is not allowed.
 */
export function nextState(
  state: RequestState,
  command: Command,
  side: Side,
  context: TransitionContext,
): RequestState {
  const next = transition(state, command, side, context);
  if (next === undefined) {
    const subject = context.kind === 'spontaneous' ? 'spontaneous information' : 'a request';
    throw conflict(
      'invalid_transition',
      `The ${side} side may not '${command}' ${subject} in state '${state}'.`,
    );
  }
  return next;
}

/** The commands `side` may give in `state`, in {@link COMMANDS} order. */
export function allowedCommands(
  state: RequestState,
  side: Side,
  context: TransitionContext,
): Command[] {
  return COMMANDS.filter((command) => transition(state, command, side, context) !== undefined);
}
