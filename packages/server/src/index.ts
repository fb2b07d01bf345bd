// The server package's public surface, used by the CLI.
export { buildApp, type App } from './app.js';
export { startNode, type RunningNode } from './node.js';
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
export { DEMO_PASSWORD, DEMO_USERS, loadDemoData } from './demo/demo-data.js';
export { AGENCY_KINDS, LANGUAGES, ROLES, isRole, type Role } from './kernel/policy/roles.js';
export { appendAuditInOwnTransaction, type AuditContext } from './audit/audit-log.js';
