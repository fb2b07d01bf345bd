-- The audit log: append-only, hash-chained.

create table audit_entry (
  seq bigint primary key,
  id uuid not null,
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
  -- SHA-256 of the entry's content, computed by the node (see docs/audit.md).
  digest text not null,
  -- The chain: hash = sha256(prev_hash || digest), prev_hash = the previous entry's hash.
  prev_hash text not null,
  hash text not null
);
-- Few indexes, since every request appends: the DPO's searches are scoped to an
-- agency, "what did this user do" and "who touched this object" are the
-- questions of an inquiry; the time, action and outcome filters refine those.
create index audit_entry_agency_idx on audit_entry (actor_agency_id, seq);
create index audit_entry_actor_idx on audit_entry (actor_user_id, seq);
create index audit_entry_object_idx on audit_entry (object_type, object_id);

-- The last link of the chain. Appending locks this row, so entries get their
-- sequence numbers and predecessors in commit order, whatever process writes them.
create table audit_chain_head (
  singleton boolean primary key default true check (singleton),
  seq bigint not null,
  hash text not null
);
insert into audit_chain_head (singleton, seq, hash)
values (true, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Appends a batch of entries to the chain in one statement: locks the head,
-- numbers the entries, links each to its predecessor and moves the head. The
-- arrays are the entries' columns, in order; digests are computed by the node.
create function audit_append(
  p_id uuid[],
  p_occurred_at timestamptz[],
  p_actor_user_id uuid[],
  p_actor_username text[],
  p_actor_agency_id uuid[],
  p_actor_country text[],
  p_action text[],
  p_object_type text[],
  p_object_id text[],
  p_outcome text[],
  p_client_address text[],
  p_request_id text[],
  p_purpose text[],
  p_details jsonb[],
  p_digest text[]
) returns bigint
language plpgsql as $$
declare
  v_seq bigint;
  v_hash text;
  v_prev text;
begin
  select seq, hash into v_seq, v_hash from audit_chain_head for update;
  for i in 1 .. coalesce(array_length(p_id, 1), 0) loop
    v_seq := v_seq + 1;
    v_prev := v_hash;
    v_hash := encode(sha256(convert_to(v_prev || p_digest[i], 'UTF8')), 'hex');
    insert into audit_entry (
      seq, id, occurred_at, actor_user_id, actor_username, actor_agency_id, actor_country,
      action, object_type, object_id, outcome, client_address, request_id, purpose,
      details, digest, prev_hash, hash)
    values (
      v_seq, p_id[i], p_occurred_at[i], p_actor_user_id[i], p_actor_username[i],
      p_actor_agency_id[i], p_actor_country[i], p_action[i], p_object_type[i], p_object_id[i],
      p_outcome[i], p_client_address[i], p_request_id[i], p_purpose[i], p_details[i],
      p_digest[i], v_prev, v_hash);
  end loop;
  update audit_chain_head set seq = v_seq, hash = v_hash;
  return v_seq;
end;
$$;

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
