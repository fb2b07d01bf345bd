-- The audit log: append-only, hash-chained.

create table audit_entry (
  seq bigint primary key,
  id uuid not null unique,
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_username text,
  actor_agency_id uuid,
  actor_country char(2),
  action text not null,
  object_type text,
  object_id text,
  outcome text not null check (outcome in ('success', 'denied', 'failure')),
  client_address text,
  request_id text,
  purpose text,
  details jsonb not null,
  prev_hash text not null,
  hash text not null
);
create index audit_entry_occurred_idx on audit_entry (occurred_at);
create index audit_entry_actor_idx on audit_entry (actor_user_id, seq);
create index audit_entry_agency_idx on audit_entry (actor_agency_id, seq);
create index audit_entry_object_idx on audit_entry (object_type, object_id);
create index audit_entry_action_idx on audit_entry (action, seq);

-- The last link of the chain. Appending locks this row, so entries get their
-- sequence numbers and predecessors in commit order, whatever process writes them.
create table audit_chain_head (
  singleton boolean primary key default true check (singleton),
  seq bigint not null,
  hash text not null
);
insert into audit_chain_head (singleton, seq, hash)
values (true, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create function audit_entry_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_entry is append-only: % refused', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_no_update_or_delete
  before update or delete on audit_entry
  for each row execute function audit_entry_refuse_change();

create trigger audit_entry_no_truncate
  before truncate on audit_entry
  for each statement execute function audit_entry_refuse_change();
