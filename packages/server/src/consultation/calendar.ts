import ical from 'ical-generator';

/** A meeting as a calendar shows it. */
export interface CalendarMeeting {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  mode: string;
  place: string | null;
  updated_at: Date;
  body_code: string;
  body_names: Partial<Record<string, string>>;
  agenda_titles: string[] | null;
}

export const CALENDAR_FILE_NAME = 'senningen-meetings.ics';

/** The host that names this node in calendar UIDs: that of its public address. */
export function nodeHost(publicUrl: string): string {
  return new URL(publicUrl).host;
}

/**
 * An iCalendar (RFC 5545) file of meetings: one VEVENT each, its UID the
 * meeting's id at this node (stable, so calendar programs update rather than
 * duplicate an event), times in UTC, the place or 'Digital' as its location and
 * the agenda titles as its description.
 */
export function meetingsCalendar(
  meetings: readonly CalendarMeeting[],
  options: { host: string; language: string },
): string {
  const calendar = ical({
    name: 'Senningen meetings',
    prodId: { company: 'Senningen', product: 'Consultation meetings', language: 'EN' },
  });
  for (const meeting of meetings) {
    const bodyName =
      meeting.body_names[options.language] ?? meeting.body_names.en ?? meeting.body_names.nl;
    const agenda = (meeting.agenda_titles ?? []).map((title, i) => `${i + 1}. ${title}`);
    calendar.createEvent({
      id: `${meeting.id}@${options.host}`,
      start: meeting.starts_at,
      end: meeting.ends_at,
      stamp: meeting.updated_at,
      summary: bodyName ? `${meeting.title} (${bodyName})` : meeting.title,
      location: meeting.mode === 'digital' || meeting.place === null ? 'Digital' : meeting.place,
      description: agenda.join('\n'),
      categories: [{ name: meeting.body_code.toUpperCase() }],
    });
  }
  return calendar.toString();
}
