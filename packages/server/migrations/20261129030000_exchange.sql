-- Cross-border information exchange under Directive (EU) 2023/977: requests,
-- their timelines, the information supplied, attachments and notifications
-- (see docs/information-exchange.md). Both nodes of an exchange keep their own
-- copy of a request under the same id; `side` says which one this node is.

create table exchange_reference_counter (
  year integer primary key,
  last_number integer not null
);

create table exchange_request (
  id uuid primary key,
  -- Given by the requesting node: country, year, number (BE-2026-00042).
  reference text not null unique,
  kind text not null check (kind in ('request', 'spontaneous')),
  side text not null check (side in ('requester', 'requested')),
  state text not null check (state in (
    'draft', 'sent', 'received', 'assigned', 'clarification_requested', 'delayed',
    'partially_answered', 'answered', 'refused', 'closed')),
  -- The peer node on the other side (null only for a draft not yet addressed).
  counterpart_node text,
  requesting_country char(2) not null,
  requesting_agency_code text not null,
  requesting_agency_name text not null,
  requesting_officer text not null,
  requested_node text,
  requested_country char(2),
  -- The agency of this node that owns the request: the requesting agency on the
  -- requesting side; the designated agency or the SPOC on the requested side.
  owner_agency_id uuid not null references agency (id),
  -- The requesting agency's own SPOC, copied (art. 4(1)); null when the agency
  -- is the SPOC or an exception was chosen.
  copy_agency_id uuid references agency (id),
  created_by uuid references app_user (id),
  assignee_id uuid references app_user (id),
  content jsonb not null,
  urgent boolean not null default false,
  offence_category text,
  subject_count integer not null default 0,
  accessibility text check (accessibility in ('direct', 'indirect')),
  refusal_ground text,
  judicial_delay boolean not null default false,
  delay_expected_at timestamptz,
  sent_at timestamptz,
  received_at timestamptz,
  -- The deadline (kept by the requested side, mirrored on the requesting side);
  -- null while paused for a clarification.
  deadline_class text check (deadline_class in ('urgent_direct', 'urgent_indirect', 'standard')),
  due_at timestamptz,
  warn_at timestamptz,
  paused_ms bigint not null default 0,
  paused_since timestamptz,
  warned_at timestamptz,
  overdue_notified_at timestamptz,
  answered_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (side = 'requester' or (counterpart_node is not null and received_at is not null))
);
create index exchange_request_owner on exchange_request (owner_agency_id, updated_at desc);
create index exchange_request_copy on exchange_request (copy_agency_id, updated_at desc)
  where copy_agency_id is not null;
create index exchange_request_assignee on exchange_request (assignee_id)
  where assignee_id is not null;
create index exchange_request_due on exchange_request (due_at)
  where due_at is not null and state in (
    'received', 'assigned', 'clarification_requested', 'delayed', 'partially_answered');

-- What happened, in order, on either side: the timeline both nodes show.
create table exchange_event (
  id uuid primary key,
  request_id uuid not null references exchange_request (id),
  kind text not null,
  side text not null check (side in ('requester', 'requested')),
  occurred_at timestamptz not null,
  actor text,
  agency text,
  country char(2) not null,
  state_after text,
  text text,
  refusal_ground text,
  accessibility text,
  due_at timestamptz,
  expected_at timestamptz
);
create index exchange_event_request on exchange_event (request_id, occurred_at, id);

-- Information supplied, each item with its handling code and evaluation.
create table exchange_item (
  id uuid primary key,
  request_id uuid not null references exchange_request (id),
  event_id uuid not null references exchange_event (id),
  position integer not null,
  body text not null,
  handling_code text not null check (handling_code in ('H0', 'H1', 'H2', 'H3')),
  handling_note text,
  source_reliability text not null check (source_reliability in ('A', 'B', 'C', 'X')),
  information_accuracy text not null check (information_accuracy in ('1', '2', '3', '4')),
  check (handling_code <> 'H3' or handling_note is not null)
);
create index exchange_item_event on exchange_item (event_id, position);

-- Persons, vehicles, organisations, … named in a request or in an item supplied.
create table exchange_subject (
  id uuid primary key,
  request_id uuid not null references exchange_request (id),
  item_id uuid references exchange_item (id),
  position integer not null,
  kind text not null check (kind in (
    'person', 'vehicle', 'organisation', 'phone', 'email', 'address', 'bank_account')),
  category text check (category in ('suspect', 'convicted', 'victim', 'witness', 'contact_other')),
  statement text check (statement in ('fact', 'assessment')),
  details jsonb not null
);
create index exchange_subject_request on exchange_subject (request_id, item_id, position);

-- Attachment contents, stored once by their SHA-256.
create table exchange_blob (
  sha256 char(64) primary key,
  media_type text not null,
  size integer not null,
  content bytea not null,
  created_at timestamptz not null
);

create table exchange_attachment (
  id uuid primary key,
  request_id uuid not null references exchange_request (id),
  event_id uuid not null references exchange_event (id),
  position integer not null,
  name text not null,
  sha256 char(64) not null references exchange_blob (sha256),
  media_type text not null,
  size integer not null
);
create index exchange_attachment_event on exchange_attachment (event_id, position);

-- In-app notifications, one row per user told.
create table notification (
  id uuid primary key,
  user_id uuid not null references app_user (id),
  kind text not null,
  request_id uuid references exchange_request (id),
  reference text,
  created_at timestamptz not null,
  read_at timestamptz
);
create index notification_user on notification (user_id, created_at desc);
