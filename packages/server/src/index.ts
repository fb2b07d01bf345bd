// The server package's public surface, used by the CLI.
export { buildApp, type App } from './app.js';
export { startNode, runNode, type RunningNode } from './node.js';
export {
  CONFIG_SETTINGS,
  ConfigError,
  loadConfig,
  type ConfigInput,
  type ConfigName,
  type NodeConfig,
} from './kernel/config.js';
export { databaseTarget, openDatabase, type DatabaseHandle } from './kernel/db/database.js';
export { DataDirInUseError } from './kernel/db/data-dir-lock.js';
export { migrateToLatest, pendingMigrations, MigrationError } from './kernel/db/migrate.js';
export { AppError } from './kernel/http/errors.js';
export { verifyAuditLog, type AuditVerification } from './audit/verify.js';
export { AuditWriter } from './audit/audit-writer.js';
export { searchAuditEntries } from './audit/audit.queries.js';
export { presentAuditEntry, auditEntryCsvRecord, CSV_COLUMNS } from './audit/audit.presenter.js';
export { createAgencyRecord } from './identity/agencies.service.js';
export { findAgencyByCode } from './identity/agencies.queries.js';
export { createUserRecord } from './identity/users.service.js';
export {
  DEMO_COUNTRIES,
  DEMO_PASSWORD,
  DEMO_USERS,
  loadDemoData,
  type DemoCountry,
} from './demo/demo-data.js';
export { DEMO_NODES, startDemoFederation, type DemoFederation } from './demo/demo-federation.js';
export {
  loadFederation,
  loadRegister,
  readAuthority,
  readIdentity,
  RegisterStore,
  type Federation,
  type NodeIdentity,
} from './federation/federation.js';
export { nodeKeyDir, readPrivateKeyFile } from './federation/keys.js';
export {
  RegisterError,
  openRegister,
  readAuthorityKey,
  signRegister,
  checkRegisterDocument,
  type AuthorityKey,
  type RegisterDocument,
  type RegisterNode,
} from './federation/register.js';
export {
  SetupError,
  addNodeKey,
  createAuthority,
  draftRegister,
  identityEntry,
  initNode,
} from './federation/setup.js';
export { federationStatus } from './federation/federation.service.js';
export { verifyMessageLog, type LogVerification } from './federation/message-log.js';
export { enqueueEnvelopes, type OutgoingEnvelope } from './federation/outbox.js';
export { EnvelopeTypes } from './federation/envelope.js';
export { parseDuration } from './kernel/config.js';
export { AGENCY_KINDS, LANGUAGES, ROLES, isRole, type Role } from './kernel/policy/roles.js';
export { appendAuditInOwnTransaction, type AuditContext } from './audit/audit-log.js';
export { invalidatePortalCache } from './portal/page-cache.js';
