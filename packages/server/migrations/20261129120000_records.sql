-- The life of personal data under the Law Enforcement Directive (see
-- docs/data-protection.md): every person, vehicle, account … named in an
-- exchange is a record with one id on every node that holds it; this node keeps
-- where it came from, to whom it went, when it is reviewed and erased, whether it
-- is restricted, and the notices that carry rectification and erasure along.

-- A subject row is one occurrence of a record in a request or an item; the same
-- record may occur in several requests (passed on, say), always under one id.
alter table exchange_subject add column record_id uuid;
update exchange_subject set record_id = id;
alter table exchange_subject alter column record_id set not null;
create index exchange_subject_record on exchange_subject (record_id);

-- The record as this node holds it.
create table personal_record (
  id uuid primary key,
  kind text not null,
  category text check (category in ('suspect', 'convicted', 'victim', 'witness', 'contact_other')),
  statement text check (statement in ('fact', 'assessment')),
  -- The node that first held it, and the node this node got it from (both null
  -- when it was made here).
  origin_node text,
  source_node text,
  -- The handling code of the item it arrived with (H2: not passed on without permission).
  handling_code text check (handling_code in ('H0', 'H1', 'H2', 'H3')),
  -- The agency of this node answerable for it: the owner of the request it first came with.
  holder_agency_id uuid not null references agency (id),
  -- The offence category of that request: the purpose retention is chosen by.
  purpose text,
  held_since timestamptz not null,
  review_at timestamptz not null,
  expires_at timestamptz not null,
  last_reviewed_at timestamptz,
  restricted_at timestamptz,
  restriction_reason text,
  inaccurate_at timestamptz,
  inaccuracy_note text,
  rectified_at timestamptz,
  -- Erased: the personal fields are gone from every occurrence; this row stays as
  -- the tombstone (kind, category, dates), so that counts and the trail survive.
  erased_at timestamptz,
  erasure_reason text,
  -- Persons only: the name folded for matching (see records/names.ts).
  name_key text,
  name_key_bare text,
  given_key text,
  birth_date text
);
create index personal_record_review on personal_record (review_at) where erased_at is null;
create index personal_record_expiry on personal_record (expires_at) where erased_at is null;
create index personal_record_name on personal_record (name_key) where name_key is not null;
create index personal_record_name_bare on personal_record (name_key_bare)
  where name_key_bare is not null;
create index personal_record_holder on personal_record (holder_agency_id);

-- Records of data already exchanged: held by the owner of their request, from the
-- node on the other side when that side supplied them, reviewed in six months.
insert into personal_record (
  id, kind, category, statement, origin_node, source_node, handling_code,
  holder_agency_id, purpose, held_since, review_at, expires_at)
select distinct on (s.record_id)
  s.record_id, s.kind, s.category, s.statement,
  case when coalesce(e.side, r.side) = r.side then null else r.counterpart_node end,
  case when coalesce(e.side, r.side) = r.side then null else r.counterpart_node end,
  i.handling_code,
  r.owner_agency_id, r.offence_category, r.created_at,
  coalesce(r.closed_at, r.created_at) + interval '6 months',
  r.created_at + interval '5 years'
from exchange_subject s
join exchange_request r on r.id = s.request_id
left join exchange_item i on i.id = s.item_id
left join exchange_event e on e.id = i.event_id
order by s.record_id, r.created_at;

-- How long records are kept, per data-subject category and purpose (offence
-- category); null matches any. The most specific rule applies.
create table retention_rule (
  id uuid primary key,
  category text check (category in ('suspect', 'convicted', 'victim', 'witness', 'contact_other')),
  purpose text,
  -- Months from the close of the exchange (or from receipt while it is open) to the review.
  review_months integer not null check (review_months between 1 and 120),
  -- Months from receipt to erasure, whatever the reviews decided.
  retention_months integer not null check (retention_months between 1 and 600),
  updated_at timestamptz not null,
  check (review_months <= retention_months),
  unique nulls not distinct (category, purpose)
);
insert into retention_rule (id, category, purpose, review_months, retention_months, updated_at) values
  ('01930000-0000-7000-8000-000000000001', null, null, 6, 60, now()),
  ('01930000-0000-7000-8000-000000000002', 'suspect', null, 6, 60, now()),
  ('01930000-0000-7000-8000-000000000003', 'convicted', null, 12, 120, now()),
  ('01930000-0000-7000-8000-000000000004', 'victim', null, 6, 24, now()),
  ('01930000-0000-7000-8000-000000000005', 'witness', null, 6, 24, now()),
  ('01930000-0000-7000-8000-000000000006', 'contact_other', null, 3, 12, now());

-- A review the holder agency owes: keep the record until the next review, or erase it.
create table review_task (
  id uuid primary key,
  record_id uuid not null references personal_record (id),
  agency_id uuid not null references agency (id),
  due_at timestamptz not null,
  created_at timestamptz not null,
  decided_at timestamptz,
  decided_by uuid references app_user (id),
  decision text check (decision in ('keep', 'erase')),
  note text,
  unique (record_id, due_at)
);
create index review_task_open on review_task (agency_id, due_at) where decided_at is null;

-- Every time a record left this node: to which node and agency, when, in which
-- exchange, with which handling code, and which of its fields.
create table record_disclosure (
  id uuid primary key,
  record_id uuid not null references personal_record (id),
  request_id uuid not null references exchange_request (id),
  reference text not null,
  recipient_node text not null,
  recipient_country char(2),
  recipient_agency text,
  disclosed_at timestamptz not null,
  handling_code text,
  fields text[] not null
);
create index record_disclosure_record on record_disclosure (record_id, disclosed_at);
create index record_disclosure_time on record_disclosure (disclosed_at);

-- Rectification, erasure and restriction, as notices that travel to every node
-- the record went to. The id is the same on every node the notice reaches.
create table record_notice (
  id uuid primary key,
  record_id uuid not null references personal_record (id),
  kind text not null check (kind in ('rectification', 'erasure', 'restriction', 'restriction_lifted')),
  origin_node text not null,
  -- The node this node had the notice from; null when it was issued here.
  from_node text,
  issued_at timestamptz not null,
  issued_by text,
  reason text not null,
  received_at timestamptz,
  applied_at timestamptz not null
);
create index record_notice_record on record_notice (record_id, issued_at);

-- Who must apply a notice: the nodes this node sent it to, and the nodes they
-- passed it on to (via), each confirmed by a signed receipt.
create table record_notice_recipient (
  notice_id uuid not null references record_notice (id),
  node text not null,
  via_node text,
  sent_at timestamptz not null,
  due_at timestamptz not null,
  confirmed_at timestamptz,
  applied_at timestamptz,
  primary key (notice_id, node)
);
create index record_notice_unconfirmed on record_notice_recipient (due_at)
  where confirmed_at is null;

-- Permission to pass on an item received with handling code H2: asked by the
-- node that holds it, answered by the node it came from. Same id on both.
create table record_permission (
  id uuid primary key,
  record_id uuid not null references personal_record (id),
  side text not null check (side in ('asking', 'answering')),
  asking_node text not null,
  answering_node text not null,
  recipient_node text not null,
  reason text not null,
  asked_at timestamptz not null,
  asked_by text not null,
  state text not null check (state in ('pending', 'granted', 'refused')),
  answered_at timestamptz,
  answered_by text,
  answer_note text
);
create index record_permission_record on record_permission (record_id, recipient_node);
create index record_permission_pending on record_permission (answering_node, state);

-- The reasons an actor may state to consult a record outside any context of theirs.
create table consultation_reason (
  code text primary key,
  labels jsonb not null,
  active boolean not null default true,
  position integer not null
);
insert into consultation_reason (code, labels, position) values
  ('ongoing_investigation', '{"nl":"Lopend onderzoek","fr":"Enquête en cours","de":"Laufende Ermittlung","en":"Ongoing investigation"}', 1),
  ('imminent_threat', '{"nl":"Dreigend gevaar","fr":"Menace imminente","de":"Unmittelbare Gefahr","en":"Imminent threat"}', 2),
  ('identity_check', '{"nl":"Identiteitscontrole","fr":"Contrôle d''identité","de":"Identitätsprüfung","en":"Identity check"}', 3),
  ('judicial_order', '{"nl":"Opdracht van de magistraat","fr":"Ordre du magistrat","de":"Anordnung der Justiz","en":"Order of a judicial authority"}', 4),
  ('data_protection_task', '{"nl":"Taak gegevensbescherming","fr":"Mission de protection des données","de":"Datenschutzaufgabe","en":"Data protection task"}', 5);

-- Access reports for data subjects (LED art. 14–15): what was found and shown,
-- what was withheld and why, as it was when produced.
create table access_report (
  id uuid primary key,
  created_at timestamptz not null,
  created_by uuid not null references app_user (id),
  query jsonb not null,
  requested_via text not null check (requested_via in ('data_subject', 'supervisory_authority')),
  content jsonb not null,
  withheld jsonb not null
);
