import { api, query, upload } from './client.js';
import type { Language } from './types.js';

/*
 * Consultation bodies: the Benelux committees, their members, meetings, decisions and action
 * items. The closed lists and shapes below mirror
 * packages/server/src/consultation/consultation.schemas.ts by hand (the server exports only its
 * roles to the web); keep the two in step.
 */

// ---------------------------------------------------------------- closed lists

export const COUNTRIES = ['BE', 'NL', 'LU', 'FR'] as const;
export type Country = (typeof COUNTRIES)[number];
export const BODY_LEVELS = ['ministerial', 'strategic', 'operational'] as const;
export type BodyLevel = (typeof BODY_LEVELS)[number];
export const MEMBER_FUNCTIONS = ['chair', 'member', 'secretary', 'observer'] as const;
export type MemberFunction = (typeof MEMBER_FUNCTIONS)[number];
export const MEETING_MODES = ['in_person', 'digital', 'hybrid'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** The status filter of the list of action items. */
export const ACTION_FILTERS = ['open', 'overdue', 'done', 'all'] as const;
export type ActionFilter = (typeof ACTION_FILTERS)[number];

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

// ---------------------------------------------------------------- shapes

export interface BodyNames {
  nl: string;
  fr: string;
  de?: string;
  en?: string;
}

export interface Body {
  id: string;
  code: string;
  names: BodyNames;
  level: BodyLevel;
  countries: Country[];
  description: string;
  memberCount: number;
  /** When the next meeting starts; null when none is planned. */
  nextMeeting: string | null;
  /** Action items still to be carried out (open or in progress). */
  openActions: number;
  /** Unfinished action items whose due date has passed (Europe/Brussels). */
  overdueActions: number;
  canManage: boolean;
}

export interface Member {
  id: string;
  userId: string | null;
  name: string;
  country: Country;
  organisation: string;
  function: MemberFunction;
}

export interface BodyDetail extends Body {
  members: Member[];
}

export interface MeetingSummary {
  id: string;
  bodyId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  mode: MeetingMode;
  place: string | null;
  agendaCount: number;
  documentCount: number;
}

export interface AgendaItem {
  position: number;
  title: string;
  notes: string;
}

export interface DocumentInfo {
  id: string;
  fileName: string;
  mediaType: DocumentType;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string | null;
}

export interface Decision {
  id: string;
  bodyId: string;
  meetingId: string | null;
  reference: string;
  text: string;
  /** Calendar date, 'YYYY-MM-DD'. */
  decidedOn: string;
}

export interface ActionNote {
  id: string;
  authorName: string;
  text: string;
  status: ActionStatus | null;
  createdAt: string;
}

export interface Action {
  id: string;
  bodyId: string;
  bodyCode: string;
  decisionId: string | null;
  decisionReference: string | null;
  title: string;
  description: string;
  ownerCountry: Country;
  ownerAgency: string;
  /** Calendar date, 'YYYY-MM-DD'. */
  dueOn: string;
  status: ActionStatus;
  completedOn: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  /** The progress notes, oldest first; only in the detail (empty in lists). */
  notes: ActionNote[];
  canFollowUp: boolean;
}

export interface MeetingDetail extends MeetingSummary {
  minutes: string | null;
  agenda: AgendaItem[];
  attendees: Member[];
  documents: DocumentInfo[];
  decisions: Decision[];
  actions: Action[];
  /** The latest portal news item written about this meeting, if any. */
  newsId: string | null;
  canManage: boolean;
}

export interface Counts {
  open: number;
  inProgress: number;
  overdue: number;
  doneLast90Days: number;
}

export interface BodyCounts extends Counts {
  bodyId: string;
  code: string;
  names: BodyNames;
}

export interface CountryCounts extends Counts {
  country: Country;
}

export interface Monitoring {
  /** Calendar date in Europe/Brussels the figures were counted on. */
  today: string;
  byBody: BodyCounts[];
  byCountry: CountryCounts[];
}

/** A theme of the public portal, under which a news item is filed. */
export interface PortalTheme {
  id: string;
  slug: string;
  titles: Partial<Record<Language, string>>;
}

// ---------------------------------------------------------------- request bodies

export interface BodyCreate {
  code: string;
  names: BodyNames;
  level: BodyLevel;
  countries: Country[];
  description?: string;
}

export interface MemberCreate {
  userId?: string;
  /** Or the account by its user name. */
  username?: string;
  name: string;
  country: Country;
  organisation: string;
  function: MemberFunction;
}

export interface AgendaInput {
  title: string;
  notes?: string;
}

export interface MeetingCreate {
  title: string;
  startsAt: string;
  endsAt: string;
  mode: MeetingMode;
  place?: string | null;
  agenda?: AgendaInput[];
}

export interface MeetingUpdate {
  title?: string;
  startsAt?: string;
  endsAt?: string;
  mode?: MeetingMode;
  place?: string | null;
  agenda?: AgendaInput[];
  minutes?: string | null;
  attendeeIds?: string[];
}

export interface ActionInput {
  title: string;
  description?: string;
  ownerCountry: Country;
  ownerAgency: string;
  dueOn: string;
}

export interface DecisionCreate {
  text: string;
  decidedOn?: string;
  actions?: ActionInput[];
}

export interface NoteCreate {
  text: string;
  status?: ActionStatus;
}

export interface ActionFilters {
  bodyId?: string | undefined;
  country?: Country | undefined;
  status?: ActionFilter | undefined;
}

// ---------------------------------------------------------------- calls

const BASE = '/api/v1/consultation';
const id = (value: string) => encodeURIComponent(value);

export const consultationApi = {
  bodies: () => api<{ items: Body[] }>('GET', `${BASE}/bodies`),
  createBody: (body: BodyCreate) => api<BodyDetail>('POST', `${BASE}/bodies`, body),
  body: (bodyId: string) => api<BodyDetail>('GET', `${BASE}/bodies/${id(bodyId)}`),
  addMember: (bodyId: string, member: MemberCreate) =>
    api<Member>('POST', `${BASE}/bodies/${id(bodyId)}/members`, member),
  removeMember: (bodyId: string, memberId: string) =>
    api<void>('DELETE', `${BASE}/bodies/${id(bodyId)}/members/${id(memberId)}`),
  meetings: (bodyId: string, when: 'upcoming' | 'past') =>
    api<{ items: MeetingSummary[] }>(
      'GET',
      `${BASE}/bodies/${id(bodyId)}/meetings${query({ when })}`,
    ),
  createMeeting: (bodyId: string, meeting: MeetingCreate) =>
    api<MeetingDetail>('POST', `${BASE}/bodies/${id(bodyId)}/meetings`, meeting),
  decisions: (bodyId: string) =>
    api<{ items: Decision[] }>('GET', `${BASE}/bodies/${id(bodyId)}/decisions`),
  meeting: (meetingId: string) => api<MeetingDetail>('GET', `${BASE}/meetings/${id(meetingId)}`),
  updateMeeting: (meetingId: string, changes: MeetingUpdate) =>
    api<MeetingDetail>('PATCH', `${BASE}/meetings/${id(meetingId)}`, changes),
  uploadDocument: (meetingId: string, file: File) =>
    upload<DocumentInfo>(
      `${BASE}/meetings/${id(meetingId)}/documents`,
      file,
      file.name,
      documentTypeOf(file.name, file.type) ?? 'application/octet-stream',
    ),
  documentUrl: (documentId: string) => `${BASE}/documents/${id(documentId)}`,
  recordDecision: (meetingId: string, decision: DecisionCreate) =>
    api<{ decision: Decision; actions: Action[] }>(
      'POST',
      `${BASE}/meetings/${id(meetingId)}/decisions`,
      decision,
    ),
  draftNews: (meetingId: string, themeId: string) =>
    api<{ newsId: string }>('POST', `${BASE}/meetings/${id(meetingId)}/news-draft`, { themeId }),
  actions: (filters: ActionFilters = {}) =>
    api<{ items: Action[] }>(
      'GET',
      `${BASE}/actions${query({ bodyId: filters.bodyId, country: filters.country, status: filters.status })}`,
    ),
  action: (actionId: string) => api<Action>('GET', `${BASE}/actions/${id(actionId)}`),
  addNote: (actionId: string, note: NoteCreate) =>
    api<Action>('POST', `${BASE}/actions/${id(actionId)}/notes`, note),
  monitoring: () => api<Monitoring>('GET', `${BASE}/monitoring`),
  /** The meetings of the bodies in reach (or of one body) as an iCalendar file. */
  calendarUrl: (bodyId?: string) => `${BASE}/calendar.ics${query({ bodyId })}`,
  themes: () => api<{ items: PortalTheme[] }>('GET', '/api/v1/portal/themes'),
};

// ---------------------------------------------------------------- pure helpers

/** A body's name in the given language, else in Dutch or French (which every body has). */
export function bodyName(names: BodyNames, language: string): string {
  const own = (names as unknown as Record<string, string | undefined>)[language]?.trim();
  if (own) return own;
  // A French speaker reads the French name before the Dutch one.
  return language === 'fr' ? names.fr || names.nl : names.nl || names.fr;
}

/** A theme's title in the given language, else the first title it has, else its slug. */
export function themeTitle(theme: PortalTheme, language: string): string {
  const titles = theme.titles as Record<string, string | undefined>;
  const own = titles[language]?.trim();
  if (own) return own;
  for (const other of ['nl', 'fr', 'en', 'de']) {
    const title = titles[other]?.trim();
    if (title) return title;
  }
  return theme.slug;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a real calendar date 'YYYY-MM-DD' (no 31 February). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * A calendar date 'YYYY-MM-DD' in words of the locale. It is a day, not an instant: it is
 * formatted at noon UTC in UTC, so no time zone can move it to the day before or after.
 * Anything that is not such a date is shown as it is.
 */
export function formatCalendarDate(
  value: string,
  locale: string,
  style: 'long' | 'medium' = 'medium',
): string {
  if (!isCalendarDate(value)) return value;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day, 12)),
  );
}

/** The meetings, decisions and actions are held in Brussels time. */
export const TIME_ZONE = 'Europe/Brussels';

/** How many minutes a time zone is ahead of UTC at an instant. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((wall - instant) / 60_000);
}

/**
 * The instant (ISO 8601, UTC) of a day and a wall-clock time 'HH:MM' in Brussels, whatever the
 * time zone of the browser. Undefined when the day or the time is not valid.
 */
export function brusselsInstant(day: string, time: string): string | undefined {
  const clock = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!isCalendarDate(day) || !clock) return undefined;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(year, month - 1, date, Number(clock[1]), Number(clock[2]));
  // The offset at the guess, corrected once by the offset at the result (changes of hour).
  const first = asUtc - offsetMinutes(asUtc, TIME_ZONE) * 60_000;
  const instant = asUtc - offsetMinutes(first, TIME_ZONE) * 60_000;
  return new Date(instant).toISOString();
}

/** The media type a document will be sent as: the declared one, else by its extension. */
export function documentTypeOf(name: string, declared: string): DocumentType | undefined {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  const known = DOCUMENT_TYPES.find((t) => t === type);
  if (known) return known;
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const byExtension: Record<string, DocumentType> = {
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    txt: 'text/plain',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
  return byExtension[extension];
}

/** What the document input offers to choose. */
export const DOCUMENT_ACCEPT = [
  ...DOCUMENT_TYPES,
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.txt',
  '.docx',
].join(',');

/** Why a file cannot be uploaded as a meeting document, if it cannot. */
export function documentProblem(file: {
  name: string;
  type: string;
  size: number;
}): 'type' | 'empty' | 'size' | 'name' | undefined {
  // eslint-disable-next-line no-control-regex
  if (file.name.length === 0 || file.name.length > 255 || /[/\\\u0000-\u001f]/.test(file.name)) {
    return 'name';
  }
  if (!documentTypeOf(file.name, file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_DOCUMENT_BYTES) return 'size';
  return undefined;
}

/** The sum of the counts of monitoring rows. */
export function totalCounts(rows: readonly Counts[]): Counts {
  return rows.reduce<Counts>(
    (sum, row) => ({
      open: sum.open + row.open,
      inProgress: sum.inProgress + row.inProgress,
      overdue: sum.overdue + row.overdue,
      doneLast90Days: sum.doneLast90Days + row.doneLast90Days,
    }),
    { open: 0, inProgress: 0, overdue: 0, doneLast90Days: 0 },
  );
}

/**
 * The monitoring rows per body in the order a reader looks for them: the bodies with overdue
 * items first (most first), then by their name in the reader's language.
 */
export function sortBodyCounts(
  rows: readonly BodyCounts[],
  language: string,
  locale: string,
): BodyCounts[] {
  const collator = new Intl.Collator(locale);
  return [...rows].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      collator.compare(bodyName(a.names, language), bodyName(b.names, language)),
  );
}

/** The monitoring rows per country in the fixed order of the countries. */
export function sortCountryCounts(rows: readonly CountryCounts[]): CountryCounts[] {
  return [...rows].sort((a, b) => COUNTRIES.indexOf(a.country) - COUNTRIES.indexOf(b.country));
}

/** The action items of each decision, by decision id; items without a decision are left out. */
export function actionsByDecision(actions: readonly Action[]): Map<string, Action[]> {
  const result = new Map<string, Action[]>();
  for (const action of actions) {
    if (action.decisionId === null) continue;
    const list = result.get(action.decisionId) ?? [];
    list.push(action);
    result.set(action.decisionId, list);
  }
  return result;
}

/** Meeting minutes split into paragraphs at blank lines, each shown as plain text. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** A file size in the units people read: kB below one megabyte, else MB with one decimal. */
export function formatSize(bytes: number, locale: string): string {
  if (bytes < 1_000_000) {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte' }).format(
      Math.max(1, Math.round(bytes / 1000)),
    );
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  }).format(bytes / 1_000_000);
}
