import { Type } from 'typebox';
import { Strict, Text } from '../kernel/http/schema-types.js';
import type { EnvelopeType } from './envelope.js';

const PingPayload = Strict({
  /** The administrator who sent it. */
  sentBy: Text(100, { minLength: 1 }),
  note: Type.Optional(Text(2000)),
});

/**
 * `ping`: an administrator checks a peer end to end. Accepting it changes
 * nothing beyond the inbox and the message log; the signed receipt that comes
 * back is the proof that the path works.
 */
export const pingType: EnvelopeType<typeof PingPayload> = {
  payload: PingPayload,
  handle: async () => {},
};
