import { Type, type Static, type TSchema } from 'typebox';
import { Strict, Text, Timestamp, Uuid } from '../kernel/http/schema-types.js';

/** One of a closed list of strings, typed as exactly those strings. */
const Enum = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const CalendarDate = () => Type.String({ format: 'date', maxLength: 10 });

export const COUNTRIES = ['BE', 'NL', 'LU', 'FR'] as const;
export type Country = (typeof COUNTRIES)[number];
export const BODY_LEVELS = ['ministerial', 'strategic', 'operational'] as const;
export const MEMBER_FUNCTIONS = ['chair', 'member', 'secretary', 'observer'] as const;
export const MEETING_MODES = ['in_person', 'digital', 'hybrid'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** Statuses of an action that still has to be carried out. */
export const UNFINISHED: readonly ActionStatus[] = ['open', 'in_progress'];

/** The media types a meeting document may have. */
export const DOCUMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const Country = Enum(COUNTRIES);
const Name = Text(200, { minLength: 1 });

export const BodyNames = Strict({
  nl: Name,
  fr: Name,
  de: Type.Optional(Name),
  en: Type.Optional(Name),
});
export type BodyNames = Static<typeof BodyNames>;

// ---------------------------------------------------------------- parameters

export const IdParams = Strict({ id: Uuid() });
export const MemberParams = Strict({ id: Uuid(), memberId: Uuid() });
export const MeetingListQuery = Strict({ when: Type.Optional(Enum(['upcoming', 'past'])) });
export const ActionListQuery = Strict({
  bodyId: Type.Optional(Uuid()),
  country: Type.Optional(Country),
  status: Type.Optional(Enum(['open', 'overdue', 'done', 'all'])),
});
export type ActionListQuery = Static<typeof ActionListQuery>;
export const CalendarQuery = Strict({ bodyId: Type.Optional(Uuid()) });

// ---------------------------------------------------------------- request bodies

const Countries = Type.Array(Country, { minItems: 1, maxItems: 4, uniqueItems: true });

export const BodyCreate = Strict({
  code: Text(60, { minLength: 1, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
  names: BodyNames,
  level: Enum(BODY_LEVELS),
  countries: Countries,
  description: Type.Optional(Text(2000)),
});
export type BodyCreate = Static<typeof BodyCreate>;

export const BodyUpdate = Strict({
  names: Type.Optional(BodyNames),
  level: Type.Optional(Enum(BODY_LEVELS)),
  countries: Type.Optional(Countries),
  description: Type.Optional(Text(2000)),
});
export type BodyUpdate = Static<typeof BodyUpdate>;

export const MemberCreate = Strict({
  /** The member's account on this node, by id or by user name (one of the two, or neither). */
  userId: Type.Optional(Uuid()),
  username: Type.Optional(Text(100, { minLength: 1 })),
  name: Name,
  country: Country,
  organisation: Name,
  function: Enum(MEMBER_FUNCTIONS),
});
export type MemberCreate = Static<typeof MemberCreate>;

const AgendaInput = Type.Array(
  Strict({ title: Text(300, { minLength: 1 }), notes: Type.Optional(Text(4000)) }),
  { maxItems: 50 },
);

export const MeetingCreate = Strict({
  title: Text(300, { minLength: 1 }),
  startsAt: Timestamp(),
  endsAt: Timestamp(),
  mode: Enum(MEETING_MODES),
  place: Type.Optional(Nullable(Text(300))),
  agenda: Type.Optional(AgendaInput),
});
export type MeetingCreate = Static<typeof MeetingCreate>;

export const MeetingUpdate = Strict({
  title: Type.Optional(Text(300, { minLength: 1 })),
  startsAt: Type.Optional(Timestamp()),
  endsAt: Type.Optional(Timestamp()),
  mode: Type.Optional(Enum(MEETING_MODES)),
  place: Type.Optional(Nullable(Text(300))),
  agenda: Type.Optional(AgendaInput),
  minutes: Type.Optional(Nullable(Text(100_000))),
  attendeeIds: Type.Optional(Type.Array(Uuid(), { maxItems: 200, uniqueItems: true })),
});
export type MeetingUpdate = Static<typeof MeetingUpdate>;

const ActionFields = {
  title: Text(300, { minLength: 1 }),
  description: Type.Optional(Text(4000)),
  ownerCountry: Country,
  ownerAgency: Text(200, { minLength: 1 }),
  dueOn: CalendarDate(),
};

export const ActionInput = Strict(ActionFields);
export type ActionInput = Static<typeof ActionInput>;

export const ActionCreate = Strict({ ...ActionFields, decisionId: Type.Optional(Uuid()) });
export type ActionCreate = Static<typeof ActionCreate>;

export const ActionUpdate = Strict({
  title: Type.Optional(ActionFields.title),
  description: Type.Optional(Text(4000)),
  ownerCountry: Type.Optional(Country),
  ownerAgency: Type.Optional(ActionFields.ownerAgency),
  dueOn: Type.Optional(CalendarDate()),
});
export type ActionUpdate = Static<typeof ActionUpdate>;

export const DecisionCreate = Strict({
  text: Text(8000, { minLength: 1 }),
  decidedOn: Type.Optional(CalendarDate()),
  actions: Type.Optional(Type.Array(ActionInput, { maxItems: 50 })),
});
export type DecisionCreate = Static<typeof DecisionCreate>;

export const NoteCreate = Strict({
  text: Text(4000, { minLength: 1 }),
  status: Type.Optional(Enum(ACTION_STATUSES)),
});
export type NoteCreate = Static<typeof NoteCreate>;

/** The portal theme the news item about a meeting goes under. */
export const NewsDraftCreate = Strict({ themeId: Uuid() });

// ---------------------------------------------------------------- responses

export const Member = Strict({
  id: Uuid(),
  userId: Nullable(Uuid()),
  name: Text(200),
  country: Country,
  organisation: Text(200),
  function: Enum(MEMBER_FUNCTIONS),
});
export type Member = Static<typeof Member>;

const bodyFields = {
  id: Uuid(),
  code: Text(60),
  names: BodyNames,
  level: Enum(BODY_LEVELS),
  countries: Type.Array(Country),
  description: Text(2000),
  memberCount: Type.Integer(),
  /** When the next meeting starts; null when none is planned. */
  nextMeeting: Nullable(Timestamp()),
  /** Action items still to be carried out (open or in progress). */
  openActions: Type.Integer(),
  /** Unfinished action items whose due date has passed (Europe/Brussels). */
  overdueActions: Type.Integer(),
  canManage: Type.Boolean(),
};
export const Body = Strict(bodyFields);
export type Body = Static<typeof Body>;
export const BodyDetail = Strict({ ...bodyFields, members: Type.Array(Member) });
export type BodyDetail = Static<typeof BodyDetail>;
export const BodyList = Strict({ items: Type.Array(Body) });

const meetingFields = {
  id: Uuid(),
  bodyId: Uuid(),
  title: Text(300),
  startsAt: Timestamp(),
  endsAt: Timestamp(),
  mode: Enum(MEETING_MODES),
  place: Nullable(Text(300)),
  agendaCount: Type.Integer(),
  documentCount: Type.Integer(),
};
export const MeetingSummary = Strict(meetingFields);
export type MeetingSummary = Static<typeof MeetingSummary>;
export const MeetingList = Strict({ items: Type.Array(MeetingSummary) });

export const AgendaItem = Strict({
  position: Type.Integer(),
  title: Text(300),
  notes: Text(4000),
});
export type AgendaItem = Static<typeof AgendaItem>;

export const DocumentInfo = Strict({
  id: Uuid(),
  fileName: Text(255),
  mediaType: Enum(DOCUMENT_TYPES),
  size: Type.Integer(),
  sha256: Text(64),
  uploadedAt: Timestamp(),
  uploadedBy: Nullable(Text(200)),
});
export type DocumentInfo = Static<typeof DocumentInfo>;

export const Decision = Strict({
  id: Uuid(),
  bodyId: Uuid(),
  meetingId: Nullable(Uuid()),
  reference: Text(40),
  text: Text(8000),
  decidedOn: CalendarDate(),
});
export type Decision = Static<typeof Decision>;
export const DecisionList = Strict({ items: Type.Array(Decision) });

export const ActionNote = Strict({
  id: Uuid(),
  authorName: Text(200),
  text: Text(4000),
  status: Nullable(Enum(ACTION_STATUSES)),
  createdAt: Timestamp(),
});
export type ActionNote = Static<typeof ActionNote>;

export const Action = Strict({
  id: Uuid(),
  bodyId: Uuid(),
  bodyCode: Text(60),
  decisionId: Nullable(Uuid()),
  decisionReference: Nullable(Text(40)),
  title: Text(300),
  description: Text(4000),
  ownerCountry: Country,
  ownerAgency: Text(200),
  dueOn: CalendarDate(),
  status: Enum(ACTION_STATUSES),
  completedOn: Nullable(CalendarDate()),
  overdue: Type.Boolean(),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
  /** The progress notes, oldest first; only in the detail (empty in lists). */
  notes: Type.Array(ActionNote),
  canFollowUp: Type.Boolean(),
});
export type Action = Static<typeof Action>;
export const ActionList = Strict({ items: Type.Array(Action) });

export const DecisionCreated = Strict({ decision: Decision, actions: Type.Array(Action) });
export type DecisionCreated = Static<typeof DecisionCreated>;

export const MeetingDetail = Strict({
  ...meetingFields,
  minutes: Nullable(Text(100_000)),
  agenda: Type.Array(AgendaItem),
  attendees: Type.Array(Member),
  documents: Type.Array(DocumentInfo),
  decisions: Type.Array(Decision),
  actions: Type.Array(Action),
  /** The latest portal news item written about this meeting, if any. */
  newsId: Nullable(Uuid()),
  canManage: Type.Boolean(),
});
export type MeetingDetail = Static<typeof MeetingDetail>;

const Counts = {
  open: Type.Integer(),
  inProgress: Type.Integer(),
  overdue: Type.Integer(),
  doneLast90Days: Type.Integer(),
};
export const Monitoring = Strict({
  today: CalendarDate(),
  byBody: Type.Array(Strict({ bodyId: Uuid(), code: Text(60), names: BodyNames, ...Counts })),
  byCountry: Type.Array(Strict({ country: Country, ...Counts })),
});
export type Monitoring = Static<typeof Monitoring>;
export type Counts = { [K in keyof typeof Counts]: number };

export const NewsDraftCreated = Strict({ newsId: Uuid() });
