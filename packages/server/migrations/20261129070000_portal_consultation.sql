-- The consultation bodies that steer the cooperation (meetings, decisions, action
-- items) and the public portal (theme pages and news), see docs/portal.md and
-- docs/consultation-bodies.md.

-- ------------------------------------------------------------ consultation bodies

create table consultation_body (
  id uuid primary key,
  -- Short, stable, used in addresses and calendar files: 'senningen', 'hazeldonk'.
  code text not null unique check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(code) <= 60),
  -- The body's name in each language it has one in: {"nl": …, "fr": …, "de": …, "en": …}.
  names jsonb not null,
  level text not null check (level in ('ministerial', 'strategic', 'operational')),
  countries text[] not null,
  -- How often it meets, in words ('twice a year').
  description text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table consultation_member (
  id uuid primary key,
  body_id uuid not null references consultation_body (id) on delete cascade,
  -- The member's account on this node, if they have one: it gives them access
  -- to the body's meetings, documents and action items.
  user_id uuid references app_user (id),
  name text not null,
  country char(2) not null,
  organisation text not null,
  function text not null check (function in ('chair', 'member', 'secretary', 'observer')),
  created_at timestamptz not null default now(),
  unique (body_id, user_id)
);

create table consultation_meeting (
  id uuid primary key,
  body_id uuid not null references consultation_body (id) on delete cascade,
  title text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at >= starts_at),
  mode text not null check (mode in ('in_person', 'digital', 'hybrid')),
  -- The place; null for a meeting that is digital only.
  place text,
  -- Plain text in paragraphs; null until written.
  minutes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index consultation_meeting_body on consultation_meeting (body_id, starts_at desc);

create table consultation_agenda_item (
  meeting_id uuid not null references consultation_meeting (id) on delete cascade,
  position integer not null,
  title text not null,
  notes text not null default '',
  primary key (meeting_id, position)
);

create table consultation_attendee (
  meeting_id uuid not null references consultation_meeting (id) on delete cascade,
  member_id uuid not null references consultation_member (id) on delete cascade,
  primary key (meeting_id, member_id)
);

create table consultation_document (
  id uuid primary key,
  meeting_id uuid not null references consultation_meeting (id) on delete cascade,
  file_name text not null,
  media_type text not null,
  size integer not null,
  sha256 text not null,
  content bytea not null,
  uploaded_by uuid references app_user (id),
  uploaded_at timestamptz not null default now()
);
create index consultation_document_meeting on consultation_document (meeting_id);

create table consultation_decision (
  id uuid primary key,
  body_id uuid not null references consultation_body (id) on delete cascade,
  meeting_id uuid references consultation_meeting (id) on delete set null,
  -- Numbered per body and year: 'HAZELDONK-2021-03'.
  reference text not null unique,
  text text not null,
  decided_on date not null,
  created_at timestamptz not null default now()
);
create index consultation_decision_body on consultation_decision (body_id, decided_on desc);

create table consultation_action (
  id uuid primary key,
  body_id uuid not null references consultation_body (id) on delete cascade,
  decision_id uuid references consultation_decision (id) on delete set null,
  title text not null,
  description text not null default '',
  owner_country char(2) not null,
  -- The agency or service that carries the action, in words (it may live on another node).
  owner_agency text not null,
  due_on date not null,
  status text not null check (status in ('open', 'in_progress', 'done', 'cancelled')),
  completed_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index consultation_action_open on consultation_action (body_id, due_on)
  where status in ('open', 'in_progress');

create table consultation_action_note (
  id uuid primary key,
  action_id uuid not null references consultation_action (id) on delete cascade,
  author_id uuid references app_user (id),
  author_name text not null,
  text text not null,
  -- The status the action moved to with this note, if it moved.
  status text check (status in ('open', 'in_progress', 'done', 'cancelled')),
  created_at timestamptz not null default now()
);
create index consultation_action_note_action on consultation_action_note (action_id, created_at);

-- ------------------------------------------------------------ public portal

create table portal_theme (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  position integer not null default 0,
  created_at timestamptz not null default now()
);

create table portal_news (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
  -- The consultation body (and meeting) the item comes from, if any.
  body_id uuid references consultation_body (id) on delete set null,
  meeting_id uuid references consultation_meeting (id) on delete set null,
  -- Views by distinct visitors per day, summed (see portal_view).
  view_count bigint not null default 0,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);

create table portal_news_theme (
  news_id uuid not null references portal_news (id) on delete cascade,
  theme_id uuid not null references portal_theme (id) on delete cascade,
  primary key (news_id, theme_id)
);
create index portal_news_theme_theme on portal_news_theme (theme_id);

-- A theme's general text or a news item in one language: the working copy that
-- editors change, and a pointer to the revision the public sees from publish_at on.
create table portal_text (
  id uuid primary key,
  theme_id uuid references portal_theme (id) on delete cascade,
  news_id uuid references portal_news (id) on delete cascade,
  language text not null check (language in ('nl', 'fr', 'de', 'en')),
  title text not null,
  -- The excerpt of a news item; a theme's lead paragraph.
  summary text not null default '',
  -- Markdown.
  body text not null,
  -- The number of the latest revision, which the working copy always equals.
  revision integer not null,
  published_revision_id uuid,
  -- When the published revision is (or was) made public; in the future: scheduled.
  publish_at timestamptz,
  updated_by uuid references app_user (id),
  updated_at timestamptz not null default now(),
  check ((theme_id is null) <> (news_id is null)),
  check ((published_revision_id is null) = (publish_at is null)),
  unique (theme_id, language),
  unique (news_id, language)
);
create index portal_text_public on portal_text (language, publish_at desc)
  where published_revision_id is not null;

create table portal_revision (
  id uuid primary key,
  text_id uuid not null references portal_text (id) on delete cascade,
  number integer not null,
  title text not null,
  summary text not null,
  body text not null,
  -- Why the revision exists: 'edit' or 'restore' (of restored_from).
  origin text not null check (origin in ('edit', 'restore')),
  restored_from integer,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  unique (text_id, number)
);

alter table portal_text
  add constraint portal_text_published_revision
  foreign key (published_revision_id) references portal_revision (id);

-- Images for the portal's texts, uploaded by editors, stored once by their SHA-256
-- and served publicly at /media/<sha256>.<png|jpg|webp>.
create table portal_media (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  media_type text not null check (media_type in ('image/png', 'image/jpeg', 'image/webp')),
  size integer not null,
  content bytea not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);

-- The salt of the day for counting visitors without storing who they are: a view
-- is stored as HMAC(salt of the day, address + user agent) and both are deleted
-- once the day is over.
create table portal_view_salt (
  day date primary key,
  salt bytea not null
);

create table portal_view (
  day date not null,
  news_id uuid not null references portal_news (id) on delete cascade,
  visitor bytea not null,
  primary key (day, news_id, visitor)
);
