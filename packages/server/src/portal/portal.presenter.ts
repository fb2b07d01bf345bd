import { LANGUAGES, type Language } from '../kernel/policy/roles.js';
import type { NewsRow, RevisionRow, TextRow, ThemeRow } from './portal.queries.js';
import type {
  NewsDetail,
  NewsSummary,
  PortalText,
  Revision,
  RevisionOrigin,
  TextState,
  ThemeDetail,
  ThemeSummary,
} from './portal.schemas.js';

/** draft: nothing published; scheduled: public from publish_at on; published: public. */
export function textState(
  text: { published_revision_id: string | null; publish_at: Date | null },
  now: Date,
): TextState {
  if (text.published_revision_id === null || text.publish_at === null) return 'draft';
  return text.publish_at.getTime() > now.getTime() ? 'scheduled' : 'published';
}

const byLanguage = (a: { language: string }, b: { language: string }) =>
  LANGUAGES.indexOf(a.language as Language) - LANGUAGES.indexOf(b.language as Language);

export function presentText(row: TextRow, now: Date): PortalText {
  return {
    language: row.language as Language,
    title: row.title,
    summary: row.summary,
    body: row.body,
    revision: row.revision,
    state: textState(row, now),
    publishedRevision: row.published_number,
    publishAt: row.publish_at?.toISOString() ?? null,
    changed: row.published_number !== row.revision,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by_name,
  };
}

export function presentTexts(rows: readonly TextRow[], now: Date): PortalText[] {
  return [...rows].sort(byLanguage).map((row) => presentText(row, now));
}

function titlesAndStates(rows: readonly TextRow[], now: Date) {
  const titles: Partial<Record<Language, string>> = {};
  const states: Partial<Record<Language, TextState>> = {};
  for (const row of [...rows].sort(byLanguage)) {
    const language = row.language as Language;
    titles[language] = row.title;
    states[language] = textState(row, now);
  }
  return { titles, states };
}

export function presentThemeSummary(
  theme: ThemeRow,
  texts: readonly TextRow[],
  now: Date,
): ThemeSummary {
  return {
    id: theme.id,
    slug: theme.slug,
    position: theme.position,
    ...titlesAndStates(texts, now),
  };
}

export function presentThemeDetail(
  theme: ThemeRow,
  texts: readonly TextRow[],
  now: Date,
): ThemeDetail {
  return {
    id: theme.id,
    slug: theme.slug,
    position: theme.position,
    texts: presentTexts(texts, now),
  };
}

function newsCommon(news: NewsRow, themeIds: readonly string[]) {
  return {
    id: news.id,
    slug: news.slug,
    bodyId: news.body_id,
    meetingId: news.meeting_id,
    viewCount: news.view_count,
    themeIds: [...themeIds],
    createdAt: news.created_at.toISOString(),
  };
}

export function presentNewsSummary(
  news: NewsRow,
  themeIds: readonly string[],
  texts: readonly TextRow[],
  now: Date,
): NewsSummary {
  let earliest: Date | null = null;
  for (const text of texts) {
    if (text.publish_at && (earliest === null || text.publish_at < earliest)) {
      earliest = text.publish_at;
    }
  }
  return {
    ...newsCommon(news, themeIds),
    ...titlesAndStates(texts, now),
    publishAt: earliest?.toISOString() ?? null,
  };
}

export function presentNewsDetail(
  news: NewsRow,
  themeIds: readonly string[],
  texts: readonly TextRow[],
  now: Date,
): NewsDetail {
  return { ...newsCommon(news, themeIds), texts: presentTexts(texts, now) };
}

export function presentRevision(row: RevisionRow, publishedRevisionId: string | null): Revision {
  return {
    number: row.number,
    title: row.title,
    summary: row.summary,
    body: row.body,
    origin: row.origin as RevisionOrigin,
    restoredFrom: row.restored_from,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    published: row.id === publishedRevisionId,
  };
}
