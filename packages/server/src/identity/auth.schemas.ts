import { Type } from 'typebox';
import { Strict, Text } from '../kernel/http/schema-types.js';
import { Language, Password, User } from './users.schemas.js';

export const LoginBody = Strict({
  username: Text(64, { minLength: 1 }),
  password: Password,
  totp: Type.Optional(Text(6, { pattern: '^[0-9]{6}$' })),
});

export const Me = Strict({
  user: User,
  secondFactorRequired: Type.Boolean({
    description: 'The roles of this user demand a second factor',
  }),
  secondFactorSatisfied: Type.Boolean({
    description: 'False until a user who needs a second factor has enrolled and used one',
  }),
  csrfToken: Type.Optional(
    Text(100, { description: 'Send as X-CSRF-Token with every state change of this session' }),
  ),
});

export const UpdateMeBody = Strict({
  displayName: Type.Optional(Text(200, { minLength: 1 })),
  language: Type.Optional(Language),
});

export const ChangePasswordBody = Strict({
  currentPassword: Password,
  newPassword: Password,
});

export const Enrolment = Strict({
  secret: Text(100, { description: 'Base32 secret, for entry by hand' }),
  otpauthUri: Text(500),
  qrSvg: Text(100_000, { description: 'The otpauth URI as a QR code (SVG)' }),
});

export const ConfirmEnrolmentBody = Strict({ code: Text(6, { pattern: '^[0-9]{6}$' }) });
