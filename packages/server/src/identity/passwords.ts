import { hash, verify, type Options } from '@node-rs/argon2';
import { badRequest } from '../kernel/http/errors.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// OWASP's recommended argon2id settings: 19 MiB, 2 passes, 1 lane.
// (algorithm 2 is Argon2id; the enum is a const enum that cannot be imported here)
const ARGON2_OPTIONS: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function assertPasswordAcceptable(password: string): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    throw badRequest(
      'password_too_short',
      `A password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
    );
  }
}

export function hashPassword(password: string): Promise<string> {
  assertPasswordAcceptable(password);
  return hash(password, ARGON2_OPTIONS);
}

// Verified when the account does not exist, so that the answer takes as long.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(
  passwordHash: string | undefined,
  password: string,
): Promise<boolean> {
  if (passwordHash === undefined) {
    dummyHash ??= hash('not-a-real-password-for-timing', ARGON2_OPTIONS);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
