import { randomBytes } from 'node:crypto';
import { generateSecret } from 'otplib';
import type { AuditContext } from '../audit/audit-log.js';
import { createAgencyRecord } from '../identity/agencies.service.js';
import type { Agency } from '../identity/agencies.schemas.js';
import { createUserRecord } from '../identity/users.service.js';
import { createSecretBox } from '../kernel/crypto/secret-box.js';
import type { Db } from '../kernel/db/database.js';
import type { AgencyKind, Role } from '../kernel/policy/roles.js';
import { requiresSecondFactor } from '../kernel/policy/roles.js';

const SYSTEM: AuditContext = { actor: null, clientAddress: null, requestId: 'test-setup' };

const suffix = () => randomBytes(4).toString('hex');

export async function createTestAgency(
  db: Db,
  overrides: Partial<{
    code: string;
    name: string;
    country: string;
    kind: AgencyKind;
    isSpoc: boolean;
  }> = {},
): Promise<Agency> {
  return createAgencyRecord(db, SYSTEM, {
    code: `T-${suffix().toUpperCase()}`,
    name: `Test agency ${suffix()}`,
    country: 'BE',
    kind: 'police',
    ...overrides,
  });
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  roles: Role[];
  agencyId: string;
  totpSecret?: string;
}

/**
 * A user with random name and password. Users whose roles demand a second factor
 * get one enrolled (pass `enrolSecondFactor: false` to leave it out).
 */
export async function createTestUser(
  db: Db,
  dataKey: Buffer,
  options: { agencyId: string; roles: Role[]; enrolSecondFactor?: boolean; username?: string },
): Promise<TestUser> {
  const password = `pw-${randomBytes(12).toString('base64url')}`;
  const user = await createUserRecord(
    db,
    SYSTEM,
    {
      username: options.username ?? `user.${suffix()}`,
      displayName: `Test User ${suffix()}`,
      agencyId: options.agencyId,
      roles: options.roles,
      language: 'en',
      password,
    },
    'TEST',
  );
  const testUser: TestUser = {
    id: user.id,
    username: user.username,
    password,
    roles: options.roles,
    agencyId: options.agencyId,
  };
  if (options.enrolSecondFactor ?? requiresSecondFactor(options.roles)) {
    const secret = generateSecret();
    await db
      .updateTable('app_user')
      .set({
        totp_secret_sealed: createSecretBox(dataKey).seal(secret),
        totp_enrolled_at: new Date(),
      })
      .where('id', '=', user.id)
      .execute();
    testUser.totpSecret = secret;
  }
  return testUser;
}
