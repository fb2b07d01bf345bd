import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table types, kept by hand beside the SQL migrations they describe. */
export interface Database {
  agency: AgencyTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  login_throttle: LoginThrottleTable;
  audit_entry: AuditEntryTable;
  audit_chain_head: AuditChainHeadTable;
  federation_identity: FederationIdentityTable;
  federation_authority: FederationAuthorityTable;
  federation_register: FederationRegisterTable;
  federation_outbound_sequence: FederationOutboundSequenceTable;
  federation_outbound: FederationOutboundTable;
  federation_inbound: FederationInboundTable;
  federation_peer_state: FederationPeerStateTable;
  federation_log: FederationLogTable;
  federation_log_head: AuditChainHeadTable;
  exchange_reference_counter: ExchangeReferenceCounterTable;
  exchange_request: ExchangeRequestTable;
  exchange_event: ExchangeEventTable;
  exchange_item: ExchangeItemTable;
  exchange_subject: ExchangeSubjectTable;
  exchange_blob: ExchangeBlobTable;
  exchange_attachment: ExchangeAttachmentTable;
  notification: NotificationTable;
  consultation_body: ConsultationBodyTable;
  consultation_member: ConsultationMemberTable;
  consultation_meeting: ConsultationMeetingTable;
  consultation_agenda_item: ConsultationAgendaItemTable;
  consultation_attendee: ConsultationAttendeeTable;
  consultation_document: ConsultationDocumentTable;
  consultation_decision: ConsultationDecisionTable;
  consultation_action: ConsultationActionTable;
  consultation_action_note: ConsultationActionNoteTable;
  portal_theme: PortalThemeTable;
  portal_news: PortalNewsTable;
  portal_news_theme: PortalNewsThemeTable;
  portal_text: PortalTextTable;
  portal_revision: PortalRevisionTable;
  portal_media: PortalMediaTable;
  portal_view_salt: PortalViewSaltTable;
  portal_view: PortalViewTable;
  personal_record: PersonalRecordTable;
  retention_rule: RetentionRuleTable;
  review_task: ReviewTaskTable;
  record_disclosure: RecordDisclosureTable;
  record_notice: RecordNoticeTable;
  record_notice_recipient: RecordNoticeRecipientTable;
  record_permission: RecordPermissionTable;
  consultation_reason: ConsultationReasonTable;
  access_report: AccessReportTable;
}

type Timestamp = ColumnType<Date, Date, Date>;

export interface AgencyTable {
  id: string;
  code: string;
  name: string;
  country: string;
  kind: string;
  is_spoc: boolean;
  disabled_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  agency_id: string;
  roles: string[];
  language: string;
  password_hash: string;
  totp_secret_sealed: string | null;
  totp_pending_secret_sealed: string | null;
  totp_enrolled_at: Date | null;
  totp_last_time_step: number | null;
  disabled_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserSessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  second_factor_verified: boolean;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Date | null;
}

export interface ApiTokenTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  roles: string[];
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Date | null;
}

export interface AuditEntryTable {
  seq: number;
  id: string;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_agency_id: string | null;
  actor_country: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: string;
  client_address: string | null;
  request_id: string | null;
  purpose: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  digest: string;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  singleton: Generated<boolean>;
  seq: number;
  hash: string;
}

export interface FederationIdentityTable {
  singleton: Generated<boolean>;
  node_id: string;
  country: string;
  name: string;
  url: string;
  created_at: Generated<Date>;
}

export interface FederationAuthorityTable {
  singleton: Generated<boolean>;
  kid: string;
  public_jwk: ColumnType<Record<string, string>, string, string>;
  set_at: Generated<Date>;
}

export interface FederationRegisterTable {
  version: number;
  document: string;
  issued_at: Timestamp;
  expires_at: Timestamp;
  loaded_at: Generated<Date>;
}

export interface FederationOutboundSequenceTable {
  recipient: string;
  correlation_id: string;
  last_sequence: number;
  delivered_through: Generated<number>;
}

export type OutboundState = 'pending' | 'delivered' | 'dead';

export interface FederationOutboundTable {
  envelope_id: string;
  recipient: string;
  type: string;
  correlation_id: string;
  sequence: number;
  created_at: Timestamp;
  message: string;
  message_hash: string;
  state: ColumnType<OutboundState, OutboundState | undefined, OutboundState>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Date | null;
  last_attempt_at: Date | null;
  last_error: string | null;
  retried_at: Date | null;
  delivered_at: Date | null;
  receipt: string | null;
}

export interface FederationInboundTable {
  envelope_id: string;
  position: Generated<number>;
  sender: string;
  type: string;
  correlation_id: string;
  sequence: number;
  created_at: Timestamp;
  received_at: Timestamp;
  message: string;
  message_hash: string;
  receipt: string;
}

export interface FederationPeerStateTable {
  node_id: string;
  last_attempt_at: Date | null;
  last_success_at: Date | null;
  last_failure_at: Date | null;
  last_error: string | null;
  last_latency_ms: number | null;
  last_delivery_at: Date | null;
}

export interface FederationLogTable {
  seq: number;
  logged_at: Timestamp;
  direction: 'sent' | 'received';
  kind: 'envelope' | 'receipt';
  peer: string;
  envelope_id: string;
  message: string;
  message_hash: string;
  digest: string;
  prev_hash: string;
  hash: string;
}

export interface ExchangeReferenceCounterTable {
  year: number;
  last_number: number;
}

export interface ExchangeRequestTable {
  id: string;
  reference: string;
  kind: 'request' | 'spontaneous';
  side: 'requester' | 'requested';
  state: string;
  counterpart_node: string | null;
  requesting_country: string;
  requesting_agency_code: string;
  requesting_agency_name: string;
  requesting_officer: string;
  requested_node: string | null;
  requested_country: string | null;
  owner_agency_id: string;
  copy_agency_id: string | null;
  created_by: string | null;
  assignee_id: string | null;
  content: ColumnType<Record<string, unknown>, string, string>;
  urgent: Generated<boolean>;
  offence_category: string | null;
  subject_count: Generated<number>;
  accessibility: 'direct' | 'indirect' | null;
  refusal_ground: string | null;
  judicial_delay: Generated<boolean>;
  delay_expected_at: Date | null;
  sent_at: Date | null;
  received_at: Date | null;
  deadline_class: 'urgent_direct' | 'urgent_indirect' | 'standard' | null;
  due_at: Date | null;
  warn_at: Date | null;
  paused_ms: Generated<number>;
  paused_since: Date | null;
  warned_at: Date | null;
  overdue_notified_at: Date | null;
  answered_at: Date | null;
  closed_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExchangeEventTable {
  id: string;
  request_id: string;
  kind: string;
  side: 'requester' | 'requested';
  occurred_at: Timestamp;
  actor: string | null;
  agency: string | null;
  country: string;
  state_after: string | null;
  text: string | null;
  refusal_ground: string | null;
  accessibility: string | null;
  due_at: Date | null;
  expected_at: Date | null;
}

export interface ExchangeItemTable {
  id: string;
  request_id: string;
  event_id: string;
  position: number;
  body: string;
  handling_code: string;
  handling_note: string | null;
  source_reliability: string;
  information_accuracy: string;
}

export interface ExchangeSubjectTable {
  id: string;
  /** The record this row is an occurrence of: one id on every node that holds it. */
  record_id: string;
  request_id: string;
  item_id: string | null;
  position: number;
  kind: string;
  category: string | null;
  statement: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
}

export interface ExchangeBlobTable {
  sha256: string;
  media_type: string;
  size: number;
  content: ColumnType<Uint8Array, Buffer, never>;
  created_at: Timestamp;
}

export interface ExchangeAttachmentTable {
  id: string;
  request_id: string;
  event_id: string;
  position: number;
  name: string;
  sha256: string;
  media_type: string;
  size: number;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  request_id: string | null;
  reference: string | null;
  created_at: Timestamp;
  read_at: Date | null;
}

/** A calendar date, as text: '2021-01-15'. */
type CalendarDate = string;
/** A timestamp the database fills in when none is given. */
type Defaulted = ColumnType<Date, Date | undefined, Date>;

export interface ConsultationBodyTable {
  id: string;
  code: string;
  names: ColumnType<Partial<Record<string, string>>, string, string>;
  level: string;
  countries: string[];
  description: Generated<string>;
  created_at: Defaulted;
  updated_at: Defaulted;
}

export interface ConsultationMemberTable {
  id: string;
  body_id: string;
  user_id: string | null;
  name: string;
  country: string;
  organisation: string;
  function: string;
  created_at: Defaulted;
}

export interface ConsultationMeetingTable {
  id: string;
  body_id: string;
  title: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  mode: string;
  place: string | null;
  minutes: string | null;
  created_at: Defaulted;
  updated_at: Defaulted;
}

export interface ConsultationAgendaItemTable {
  meeting_id: string;
  position: number;
  title: string;
  notes: Generated<string>;
}

export interface ConsultationAttendeeTable {
  meeting_id: string;
  member_id: string;
}

export interface ConsultationDocumentTable {
  id: string;
  meeting_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: ColumnType<Uint8Array, Buffer, never>;
  uploaded_by: string | null;
  uploaded_at: Defaulted;
}

export interface ConsultationDecisionTable {
  id: string;
  body_id: string;
  meeting_id: string | null;
  reference: string;
  text: string;
  decided_on: CalendarDate;
  created_at: Defaulted;
}

export interface ConsultationActionTable {
  id: string;
  body_id: string;
  decision_id: string | null;
  title: string;
  description: Generated<string>;
  owner_country: string;
  owner_agency: string;
  due_on: CalendarDate;
  status: string;
  completed_on: CalendarDate | null;
  created_at: Defaulted;
  updated_at: Defaulted;
}

export interface ConsultationActionNoteTable {
  id: string;
  action_id: string;
  author_id: string | null;
  author_name: string;
  text: string;
  status: string | null;
  created_at: Defaulted;
}

export interface PortalThemeTable {
  id: string;
  slug: string;
  position: Generated<number>;
  created_at: Defaulted;
}

export interface PortalNewsTable {
  id: string;
  slug: string;
  body_id: string | null;
  meeting_id: string | null;
  view_count: Generated<number>;
  created_by: string | null;
  created_at: Defaulted;
}

export interface PortalNewsThemeTable {
  news_id: string;
  theme_id: string;
}

export interface PortalTextTable {
  id: string;
  theme_id: string | null;
  news_id: string | null;
  language: string;
  title: string;
  summary: Generated<string>;
  body: string;
  revision: number;
  published_revision_id: string | null;
  publish_at: Date | null;
  updated_by: string | null;
  updated_at: Defaulted;
}

export interface PortalRevisionTable {
  id: string;
  text_id: string;
  number: number;
  title: string;
  summary: string;
  body: string;
  origin: string;
  restored_from: number | null;
  created_by: string | null;
  created_at: Defaulted;
}

export interface PortalMediaTable {
  sha256: string;
  media_type: string;
  size: number;
  content: ColumnType<Uint8Array, Buffer, never>;
  created_by: string | null;
  created_at: Defaulted;
}

export interface PortalViewSaltTable {
  day: CalendarDate;
  salt: ColumnType<Uint8Array, Buffer, never>;
}

export interface PortalViewTable {
  day: CalendarDate;
  news_id: string;
  visitor: ColumnType<Uint8Array, Buffer, never>;
}

type Json<T = unknown> = ColumnType<T, string, string>;

export interface PersonalRecordTable {
  id: string;
  kind: string;
  category: string | null;
  statement: string | null;
  origin_node: string | null;
  source_node: string | null;
  handling_code: string | null;
  holder_agency_id: string;
  purpose: string | null;
  held_since: Timestamp;
  review_at: Timestamp;
  expires_at: Timestamp;
  last_reviewed_at: Timestamp | null;
  restricted_at: Timestamp | null;
  restriction_reason: string | null;
  inaccurate_at: Timestamp | null;
  inaccuracy_note: string | null;
  rectified_at: Timestamp | null;
  erased_at: Timestamp | null;
  erasure_reason: string | null;
  name_key: string | null;
  name_key_bare: string | null;
  given_key: string | null;
  birth_date: string | null;
}

export interface RetentionRuleTable {
  id: string;
  category: string | null;
  purpose: string | null;
  review_months: number;
  retention_months: number;
  updated_at: Timestamp;
}

export interface ReviewTaskTable {
  id: string;
  record_id: string;
  agency_id: string;
  due_at: Timestamp;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision: 'keep' | 'erase' | null;
  note: string | null;
}

export interface RecordDisclosureTable {
  id: string;
  record_id: string;
  request_id: string;
  reference: string;
  recipient_node: string;
  recipient_country: string | null;
  recipient_agency: string | null;
  disclosed_at: Timestamp;
  handling_code: string | null;
  fields: string[];
}

export type RecordNoticeKind = 'rectification' | 'erasure' | 'restriction' | 'restriction_lifted';

export interface RecordNoticeTable {
  id: string;
  record_id: string;
  kind: RecordNoticeKind;
  origin_node: string;
  from_node: string | null;
  issued_at: Timestamp;
  issued_by: string | null;
  reason: string;
  received_at: Timestamp | null;
  applied_at: Timestamp;
}

export interface RecordNoticeRecipientTable {
  notice_id: string;
  node: string;
  via_node: string | null;
  sent_at: Timestamp;
  due_at: Timestamp;
  confirmed_at: Timestamp | null;
  applied_at: Timestamp | null;
}

export interface RecordPermissionTable {
  id: string;
  record_id: string;
  side: 'asking' | 'answering';
  asking_node: string;
  answering_node: string;
  recipient_node: string;
  reason: string;
  asked_at: Timestamp;
  asked_by: string;
  state: 'pending' | 'granted' | 'refused';
  answered_at: Timestamp | null;
  answered_by: string | null;
  answer_note: string | null;
}

export interface ConsultationReasonTable {
  code: string;
  labels: Json<Record<string, string>>;
  active: Generated<boolean>;
  position: number;
}

export interface AccessReportTable {
  id: string;
  created_at: Timestamp;
  created_by: string;
  query: Json<Record<string, unknown>>;
  requested_via: 'data_subject' | 'supervisory_authority';
  content: Json<Record<string, unknown>>;
  withheld: Json<unknown[]>;
}

export type PersonalRecordRow = Selectable<PersonalRecordTable>;

export type AgencyRow = Selectable<AgencyTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type AuditEntryRow = Selectable<AuditEntryTable>;
