-- Federation: this node's identity, the register it trusts, the outbox, the
-- inbox and the hash-chained message log (see docs/federation.md).

-- Who this node is (one row, written by `senningen node init`). The private
-- signing keys are files in DATA_DIR/keys, never in the database.
create table federation_identity (
  singleton boolean primary key default true check (singleton),
  node_id text not null,
  country char(2) not null,
  name text not null,
  url text not null,
  created_at timestamptz not null default now()
);

-- The federation authority whose signature makes a register valid: the trust anchor.
create table federation_authority (
  singleton boolean primary key default true check (singleton),
  kid text not null,
  public_jwk jsonb not null,
  set_at timestamptz not null default now()
);

-- Every register loaded, as signed; the one in force is the highest version.
create table federation_register (
  version bigint primary key,
  document text not null,
  issued_at timestamptz not null,
  expires_at timestamptz not null,
  loaded_at timestamptz not null default now()
);

-- Per peer and correlation: the last sequence number given and the last delivered.
-- An envelope is due only when its predecessor in the correlation was delivered.
create table federation_outbound_sequence (
  recipient text not null,
  correlation_id uuid not null,
  last_sequence bigint not null,
  delivered_through bigint not null default 0,
  primary key (recipient, correlation_id)
);

-- The outbox: envelopes signed and committed with the change that caused them.
create table federation_outbound (
  envelope_id uuid primary key,
  recipient text not null,
  type text not null,
  correlation_id uuid not null,
  sequence bigint not null,
  created_at timestamptz not null,
  message text not null,
  message_hash text not null,
  state text not null default 'pending' check (state in ('pending', 'delivered', 'dead')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  lease_until timestamptz,
  last_attempt_at timestamptz,
  last_error text,
  -- when an operator last sent a dead letter again: the dead-letter clock restarts
  retried_at timestamptz,
  delivered_at timestamptz,
  receipt text,
  unique (recipient, correlation_id, sequence)
);
create index federation_outbound_due_idx on federation_outbound (next_attempt_at)
  where state = 'pending';
create index federation_outbound_state_idx on federation_outbound (state, recipient, created_at);

-- The inbox: every envelope accepted, in the order it was processed, with the
-- receipt that answered it (returned again when the same envelope comes back).
create table federation_inbound (
  envelope_id uuid primary key,
  position bigint generated always as identity unique,
  sender text not null,
  type text not null,
  correlation_id uuid not null,
  sequence bigint not null,
  created_at timestamptz not null,
  received_at timestamptz not null,
  message text not null,
  message_hash text not null,
  receipt text not null,
  unique (sender, correlation_id, sequence)
);

-- What the node last saw of each peer: written by deliveries and probes.
create table federation_peer_state (
  node_id text primary key,
  last_attempt_at timestamptz,
  last_success_at timestamptz,
  last_failure_at timestamptz,
  last_error text,
  last_latency_ms integer,
  last_delivery_at timestamptz
);

-- The message log: every envelope and receipt sent or received, append-only and
-- hash-chained exactly like the audit log.
create table federation_log (
  seq bigint primary key,
  logged_at timestamptz not null,
  direction text not null check (direction in ('sent', 'received')),
  kind text not null check (kind in ('envelope', 'receipt')),
  peer text not null,
  envelope_id uuid not null,
  message text not null,
  message_hash text not null,
  digest text not null,
  prev_hash text not null,
  hash text not null
);
create index federation_log_envelope_idx on federation_log (envelope_id);

create table federation_log_head (
  singleton boolean primary key default true check (singleton),
  seq bigint not null,
  hash text not null
);
insert into federation_log_head (singleton, seq, hash)
values (true, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create function federation_log_append(
  p_logged_at timestamptz[],
  p_direction text[],
  p_kind text[],
  p_peer text[],
  p_envelope_id uuid[],
  p_message text[],
  p_message_hash text[],
  p_digest text[]
) returns bigint
language plpgsql as $$
declare
  v_seq bigint;
  v_hash text;
  v_prev text;
begin
  select seq, hash into v_seq, v_hash from federation_log_head for update;
  for i in 1 .. coalesce(array_length(p_digest, 1), 0) loop
    v_seq := v_seq + 1;
    v_prev := v_hash;
    v_hash := encode(sha256(convert_to(v_prev || p_digest[i], 'UTF8')), 'hex');
    insert into federation_log (
      seq, logged_at, direction, kind, peer, envelope_id, message, message_hash,
      digest, prev_hash, hash)
    values (
      v_seq, p_logged_at[i], p_direction[i], p_kind[i], p_peer[i], p_envelope_id[i],
      p_message[i], p_message_hash[i], p_digest[i], v_prev, v_hash);
  end loop;
  update federation_log_head set seq = v_seq, hash = v_hash;
  return v_seq;
end;
$$;

create function federation_log_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'federation_log is append-only: % refused', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger federation_log_no_update_or_delete
  before update or delete on federation_log
  for each row execute function federation_log_refuse_change();

create trigger federation_log_no_truncate
  before truncate on federation_log
  for each statement execute function federation_log_refuse_change();
