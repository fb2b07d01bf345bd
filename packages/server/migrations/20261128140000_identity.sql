-- Agencies, users, sessions, API tokens and login throttling.

create table agency (
  id uuid primary key,
  code text not null,
  name text not null,
  country char(2) not null check (country ~ '^[A-Z]{2}$'),
  kind text not null check (kind in (
    'police', 'justice', 'administrative', 'border_immigration',
    'customs', 'inspection', 'victim_support', 'secretariat')),
  is_spoc boolean not null default false,
  disabled_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index agency_code_key on agency (lower(code));
-- A country has at most one single point of contact.
create unique index agency_one_spoc_per_country on agency (country) where is_spoc;

create table app_user (
  id uuid primary key,
  username text not null,
  display_name text not null,
  agency_id uuid not null references agency (id),
  roles text[] not null check (roles <@ array['officer', 'spoc', 'analyst', 'supervisor', 'dpo', 'admin', 'editor']),
  language text not null check (language in ('nl', 'fr', 'de', 'en')),
  password_hash text not null,
  totp_secret_sealed text,
  totp_pending_secret_sealed text,
  totp_enrolled_at timestamptz,
  totp_last_time_step bigint,
  disabled_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index app_user_username_key on app_user (lower(username));
create index app_user_agency_idx on app_user (agency_id);

create table user_session (
  id uuid primary key,
  token_hash text not null unique,
  user_id uuid not null references app_user (id),
  second_factor_verified boolean not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index user_session_user_idx on user_session (user_id);

create table api_token (
  id uuid primary key,
  token_hash text not null unique,
  user_id uuid not null references app_user (id),
  name text not null,
  roles text[] not null,
  created_by uuid not null references app_user (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_token_user_idx on api_token (user_id);

-- Failed-login counters per account name and per client address.
create table login_throttle (
  key text primary key,
  failures integer not null,
  window_started_at timestamptz not null,
  locked_until timestamptz
);
