/** What a news draft about a meeting is written from. */
export interface MeetingFacts {
  title: string;
  startsAt: Date;
  mode: string;
  place: string | null;
  bodyNames: Partial<Record<string, string>>;
  agenda: readonly string[];
}

export interface DraftText {
  language: 'nl' | 'fr';
  title: string;
  summary: string;
  body: string;
}

/** Escapes the characters that Markdown would read as markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

const longDate = (language: string, at: Date) =>
  new Intl.DateTimeFormat(language === 'nl' ? 'nl-BE' : 'fr-BE', {
    dateStyle: 'long',
    timeZone: 'Europe/Brussels',
  }).format(at);

const WORDS = {
  nl: {
    meeting: 'vergadering van',
    digital: 'digitaal',
    at: (place: string) => `in ${place}`,
    hybrid: (place: string) => `in ${place} en digitaal`,
    agenda: 'Op de agenda stonden:',
  },
  fr: {
    meeting: 'réunion du',
    digital: 'en ligne',
    at: (place: string) => `à ${place}`,
    hybrid: (place: string) => `à ${place} et en ligne`,
    agenda: "À l'ordre du jour :",
  },
} as const;

/**
 * The Dutch and French first drafts of a news item about a meeting: its title,
 * a summary saying which body met, when and where (or that it met online), and
 * the agenda as a list. Editors rewrite them before publishing.
 */
export function draftMeetingNews(meeting: MeetingFacts): DraftText[] {
  return (['nl', 'fr'] as const).map((language) => {
    const words = WORDS[language];
    const body = meeting.bodyNames[language] ?? meeting.bodyNames.nl ?? '';
    const where =
      meeting.mode === 'digital' || meeting.place === null
        ? words.digital
        : meeting.mode === 'hybrid'
          ? words.hybrid(meeting.place)
          : words.at(meeting.place);
    const separator = language === 'fr' ? ' : ' : ': ';
    const summary = `${body}${separator}${words.meeting} ${longDate(language, meeting.startsAt)}, ${where}.`;
    const paragraphs = [escapeMarkdown(summary)];
    if (meeting.agenda.length > 0) {
      paragraphs.push(
        [words.agenda, '', ...meeting.agenda.map((t) => `- ${escapeMarkdown(t)}`)].join('\n'),
      );
    }
    return {
      language,
      title: meeting.title.slice(0, 200),
      summary: summary.slice(0, 500),
      body: paragraphs.join('\n\n'),
    };
  });
}
