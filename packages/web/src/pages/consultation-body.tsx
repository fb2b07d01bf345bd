import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import {
  COUNTRIES,
  MEETING_MODES,
  MEMBER_FUNCTIONS,
  brusselsInstant,
  consultationApi,
  type Action,
  type BodyDetail,
  type Country,
  type Decision,
  type MeetingCreate,
  type MeetingMode,
  type MeetingSummary,
  type Member,
  type MemberFunction,
} from '../api/consultation.js';
import {
  ActionsTable,
  ConsultationOutcome,
  FormErrorSummary,
  noticeOf,
  useConsultationFormat,
} from '../components/consultation-parts.js';
import { Field, RadioGroup, SelectField } from '../components/field.js';
import { PageHeading } from '../components/feedback.js';
import { useFormat } from '../components/format.js';
import { DataTable } from '../components/table.js';
import {
  focusFirstError,
  hasErrors,
  useValidation,
  type FieldErrors,
} from '../components/validation.js';

interface Loaded {
  id: string;
  body?: BodyDetail;
  upcoming?: MeetingSummary[];
  past?: MeetingSummary[];
  decisions?: Decision[];
  actions?: Action[];
  error?: unknown;
}

async function loadAll(id: string): Promise<Loaded> {
  const [body, upcoming, past, decisions, actions] = await Promise.all([
    consultationApi.body(id),
    consultationApi.meetings(id, 'upcoming'),
    consultationApi.meetings(id, 'past'),
    consultationApi.decisions(id),
    consultationApi.actions({ bodyId: id, status: 'all' }),
  ]);
  return {
    id,
    body,
    upcoming: upcoming.items,
    past: past.items,
    decisions: decisions.items,
    actions: actions.items,
  };
}

/**
 * One consultation body: what it is, its members, its meetings to come and held, its decisions
 * and action items. Editors keep the members and plan meetings here.
 */
export function ConsultationBodyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const notice = noticeOf(useLocation().state);
  const format = useFormat();
  const when = useConsultationFormat();
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();

  useEffect(() => {
    loadAll(id)
      .then(setLoaded)
      .catch((caught: unknown) => setLoaded({ id, error: caught }));
  }, [id]);

  const reload = useCallback(() => loadAll(id).then(setLoaded), [id]);

  /** Runs a change; its confirmation or error appears at the top of the page. */
  const act = useCallback(
    async (work: () => Promise<string>): Promise<boolean> => {
      setError(undefined);
      setStatus(undefined);
      try {
        const message = await work();
        await reload();
        setStatus(message);
        return true;
      } catch (caught) {
        setError(caught);
        return false;
      }
    },
    [reload],
  );

  const current = loaded?.id === id ? loaded : undefined;
  const body = current?.body;
  if (!body) {
    const title = t('consultation.body.loadingTitle');
    return (
      <section>
        <PageHeading title={title}>{title}</PageHeading>
        <p>
          <Link to="/consultation">{t('consultation.backToBodies')}</Link>
        </p>
        {current?.error === undefined ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <ConsultationOutcome error={current.error} />
        )}
      </section>
    );
  }

  const title = when.name(body.names);
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="button-row">
        <Link to="/consultation">{t('consultation.backToBodies')}</Link>
        <a href={consultationApi.calendarUrl(body.id)} download={`${body.code}.ics`}>
          {t('consultation.body.calendar')}
        </a>
      </p>
      <ConsultationOutcome error={error} status={status ?? notice} />
      <dl className="facts">
        <dt>{t('consultation.fields.code')}</dt>
        <dd>{body.code}</dd>
        <dt>{t('consultation.fields.level')}</dt>
        <dd>{t(`consultation.levels.${body.level}`)}</dd>
        <dt>{t('consultation.fields.countries')}</dt>
        <dd>{body.countries.map((c) => format.country(c)).join(', ')}</dd>
        {body.description !== '' && (
          <>
            <dt>{t('consultation.fields.description')}</dt>
            <dd className="prose">{body.description}</dd>
          </>
        )}
        <dt>{t('consultation.fields.nextMeeting')}</dt>
        <dd>
          {body.nextMeeting === null ? (
            t('consultation.bodies.noMeeting')
          ) : (
            <time dateTime={body.nextMeeting}>{when.dateTime(body.nextMeeting)}</time>
          )}
        </dd>
        <dt>{t('consultation.fields.openActions')}</dt>
        <dd>
          {t('consultation.body.actionCounts', {
            open: format.number(body.openActions),
            overdue: format.number(body.overdueActions),
          })}
        </dd>
      </dl>
      <MembersSection body={body} act={act} />
      <MeetingsSection
        heading={t('consultation.body.upcoming')}
        empty={t('consultation.body.noUpcoming')}
        meetings={current.upcoming ?? []}
      />
      <MeetingsSection
        heading={t('consultation.body.past')}
        empty={t('consultation.body.noPast')}
        meetings={current.past ?? []}
      />
      {body.canManage && <NewMeetingForm body={body} />}
      <DecisionsSection decisions={current.decisions ?? []} />
      <ActionsSection bodyId={body.id} actions={current.actions ?? []} />
    </section>
  );
}

type Act = (work: () => Promise<string>) => Promise<boolean>;

function MembersSection({ body, act }: { body: BodyDetail; act: Act }) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useId();
  const remove = (member: Member) =>
    void act(async () => {
      await consultationApi.removeMember(body.id, member.id);
      document.getElementById(heading)?.focus();
      return t('consultation.members.removed', { name: member.name });
    });
  return (
    <section className="part" aria-labelledby={heading}>
      <h2 id={heading} tabIndex={-1}>
        {t('consultation.members.title')}
      </h2>
      <DataTable caption={t('consultation.members.caption', { count: body.members.length })}>
        <thead>
          <tr>
            <th scope="col">{t('consultation.fields.memberName')}</th>
            <th scope="col">{t('consultation.fields.function')}</th>
            <th scope="col">{t('consultation.fields.organisation')}</th>
            <th scope="col">{t('consultation.fields.country')}</th>
            {body.canManage && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {body.members.length === 0 && (
            <tr>
              <td colSpan={body.canManage ? 5 : 4}>{t('consultation.members.none')}</td>
            </tr>
          )}
          {body.members.map((member) => (
            <tr key={member.id} data-testid="member-row">
              <th scope="row">
                {member.name}
                {member.userId !== null && (
                  <span className="small block">{t('consultation.members.hasAccount')}</span>
                )}
              </th>
              <td>{t(`consultation.functions.${member.function}`)}</td>
              <td>{member.organisation}</td>
              <td>{format.country(member.country)}</td>
              {body.canManage && (
                <td>
                  <button
                    type="button"
                    className="secondary small-button"
                    onClick={() => remove(member)}
                  >
                    {t('consultation.members.remove')}
                    <span className="visually-hidden"> ({member.name})</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </DataTable>
      {body.canManage && <AddMemberForm body={body} act={act} />}
    </section>
  );
}

const MEMBER_FIELDS = ['name', 'organisation', 'country', 'function', 'username'] as const;
type MemberField = (typeof MEMBER_FIELDS)[number];

interface MemberForm {
  name: string;
  organisation: string;
  country: Country | '';
  function: MemberFunction;
  username: string;
}

function AddMemberForm({ body, act }: { body: BodyDetail; act: Act }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { check } = useValidation();
  const heading = useId();
  const empty: MemberForm = {
    name: '',
    organisation: '',
    country: body.countries.length === 1 ? (body.countries[0] ?? '') : '',
    function: 'member',
    username: '',
  };
  const [form, setForm] = useState<MemberForm>(empty);
  const [errors, setErrors] = useState<FieldErrors<MemberField>>({});
  const set = (changes: Partial<MemberForm>) => setForm({ ...form, ...changes });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const username = form.username.trim();
    const invalid: FieldErrors<MemberField> = {};
    const name = check(form.name, { required: true });
    const organisation = check(form.organisation, { required: true });
    if (name) invalid.name = name;
    if (organisation) invalid.organisation = organisation;
    if (form.country === '') invalid.country = t('consultation.validation.country');
    setErrors(invalid);
    if (hasErrors(invalid) || form.country === '') {
      focusFirstError(element, MEMBER_FIELDS, invalid);
      return;
    }
    const country = form.country;
    const done = await act(async () => {
      const member = await consultationApi.addMember(body.id, {
        name: form.name.trim(),
        organisation: form.organisation.trim(),
        country,
        function: form.function,
        ...(username !== '' && { username }),
      });
      return t('consultation.members.added', { name: member.name });
    });
    if (done) setForm(empty);
  };

  return (
    <form
      className="card"
      noValidate
      aria-labelledby={heading}
      onSubmit={(e) => void submit(e)}
      data-testid="add-member"
    >
      <h3 id={heading}>{t('consultation.members.addTitle')}</h3>
      <div className="field-grid">
        <Field
          label={t('consultation.fields.memberName')}
          name="name"
          autoComplete="off"
          maxLength={200}
          value={form.name}
          error={errors.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <Field
          label={t('consultation.fields.organisation')}
          name="organisation"
          maxLength={200}
          value={form.organisation}
          error={errors.organisation}
          onChange={(e) => set({ organisation: e.target.value })}
        />
        <SelectField
          label={t('consultation.fields.country')}
          name="country"
          value={form.country}
          error={errors.country}
          onChange={(e) => set({ country: e.target.value as Country | '' })}
        >
          <option value="">{t('consultation.choose')}</option>
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {format.country(c)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('consultation.fields.function')}
          name="function"
          value={form.function}
          onChange={(e) => set({ function: e.target.value as MemberFunction })}
        >
          {MEMBER_FUNCTIONS.map((f) => (
            <option key={f} value={f}>
              {t(`consultation.functions.${f}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <Field
        label={t('consultation.fields.username')}
        help={t('consultation.members.usernameHelp')}
        name="username"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        value={form.username}
        error={errors.username}
        onChange={(e) => set({ username: e.target.value })}
      />
      <button type="submit">{t('consultation.members.add')}</button>
    </form>
  );
}

function MeetingsSection({
  heading,
  empty,
  meetings,
}: {
  heading: string;
  empty: string;
  meetings: MeetingSummary[];
}) {
  const { t } = useTranslation();
  const when = useConsultationFormat();
  const format = useFormat();
  const id = useId();
  return (
    <section className="part" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {meetings.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <DataTable caption={`${heading} (${format.number(meetings.length)})`}>
          <thead>
            <tr>
              <th scope="col">{t('consultation.fields.meetingTitle')}</th>
              <th scope="col">{t('consultation.fields.when')}</th>
              <th scope="col">{t('consultation.fields.where')}</th>
              <th scope="col" className="number">
                {t('consultation.fields.agendaCount')}
              </th>
              <th scope="col" className="number">
                {t('consultation.fields.documentCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((meeting) => (
              <tr key={meeting.id} data-testid="meeting-row">
                <th scope="row">
                  <Link to={`/consultation/meetings/${meeting.id}`}>{meeting.title}</Link>
                </th>
                <td>
                  <time dateTime={meeting.startsAt}>
                    {when.range(meeting.startsAt, meeting.endsAt)}
                  </time>
                </td>
                <td>
                  {t(`consultation.modes.${meeting.mode}`)}
                  {meeting.place !== null && meeting.place !== '' && (
                    <span className="block">{meeting.place}</span>
                  )}
                </td>
                <td className="number">{format.number(meeting.agendaCount)}</td>
                <td className="number">{format.number(meeting.documentCount)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

interface AgendaRow {
  title: string;
  notes: string;
}

interface MeetingForm {
  title: string;
  day: string;
  start: string;
  endDay: string;
  end: string;
  mode: MeetingMode | '';
  place: string;
  agenda: AgendaRow[];
}

const EMPTY_MEETING: MeetingForm = {
  title: '',
  day: '',
  start: '',
  endDay: '',
  end: '',
  mode: '',
  place: '',
  agenda: [],
};

/** The fields of the meeting form in the order of the screen, for the focus after errors. */
function meetingOrder(form: MeetingForm): string[] {
  return [
    'title',
    'day',
    'start',
    'endDay',
    'end',
    'mode',
    'place',
    ...form.agenda.map((_, i) => `agenda-${i}-title`),
  ];
}

/** A new meeting: when (Brussels time), how and where, and its agenda. */
function NewMeetingForm({ body }: { body: BodyDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { check } = useValidation();
  const heading = useId();
  const [form, setForm] = useState<MeetingForm>(EMPTY_MEETING);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [serial, setSerial] = useState(0);
  const set = (changes: Partial<MeetingForm>) => setForm({ ...form, ...changes });
  const setRow = (index: number, changes: Partial<AgendaRow>) =>
    set({ agenda: form.agenda.map((row, i) => (i === index ? { ...row, ...changes } : row)) });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    setSerial((n) => n + 1);
    const invalid: FieldErrors = {};
    const required = (name: string, value: string) => {
      const message = check(value, { required: true });
      if (message) invalid[name] = message;
    };
    required('title', form.title);
    required('day', form.day);
    required('start', form.start);
    required('end', form.end);
    const startsAt = brusselsInstant(form.day, form.start);
    const endsAt = brusselsInstant(form.endDay === '' ? form.day : form.endDay, form.end);
    if (form.day !== '' && form.start !== '' && startsAt === undefined) {
      invalid.day = t('validation.invalid');
    }
    if (form.end !== '' && endsAt === undefined) invalid.end = t('validation.invalid');
    if (startsAt !== undefined && endsAt !== undefined && endsAt <= startsAt) {
      invalid.end = t('consultation.validation.endAfterStart');
    }
    if (form.mode === '') invalid.mode = t('consultation.validation.mode');
    if (form.mode !== 'digital' && form.mode !== '' && form.place.trim() === '') {
      invalid.place = t('consultation.validation.place');
    }
    form.agenda.forEach((row, i) => required(`agenda-${i}-title`, row.title));
    setErrors(invalid);
    if (hasErrors(invalid) || startsAt === undefined || endsAt === undefined || form.mode === '') {
      return;
    }
    const meeting: MeetingCreate = {
      title: form.title.trim(),
      startsAt,
      endsAt,
      mode: form.mode,
      place: form.mode === 'digital' && form.place.trim() === '' ? null : form.place.trim(),
      agenda: form.agenda.map((row) => ({
        title: row.title.trim(),
        ...(row.notes.trim() !== '' && { notes: row.notes.trim() }),
      })),
    };
    setBusy(true);
    try {
      const created = await consultationApi.createMeeting(body.id, meeting);
      void navigate(`/consultation/meetings/${created.id}`, {
        state: { notice: t('consultation.meeting.created', { title: created.title }) },
      });
    } catch (caught) {
      setBusy(false);
      setError(caught);
      if (caught instanceof ApiError) {
        const onFields: FieldErrors = {};
        for (const item of caught.errors) {
          const [name, index, sub] = item.path
            .replace(/^\/?body\/?/, '')
            .replace(/^\//, '')
            .split('/');
          if (name === 'agenda' && index !== undefined && sub === 'title') {
            onFields[`agenda-${index}-title`] = t('validation.invalid');
          } else if (name === 'startsAt') onFields.start = t('validation.invalid');
          else if (name === 'endsAt') onFields.end = t('validation.invalid');
          else if (name === 'title' || name === 'place' || name === 'mode') {
            onFields[name] = t('validation.invalid');
          }
        }
        setErrors(onFields);
      }
    }
  };

  return (
    <form
      className="card"
      noValidate
      aria-labelledby={heading}
      onSubmit={(e) => void submit(e)}
      data-testid="new-meeting"
    >
      <h2 id={heading}>{t('consultation.meeting.newTitle')}</h2>
      <FormErrorSummary prefix="nm" errors={errors} order={meetingOrder(form)} serial={serial} />
      <ConsultationOutcome error={error} />
      <Field
        label={t('consultation.fields.meetingTitle')}
        id="nm-title"
        name="title"
        maxLength={300}
        value={form.title}
        error={errors.title}
        onChange={(e) => set({ title: e.target.value })}
      />
      <p className="help">{t('consultation.meeting.timeZoneHelp')}</p>
      <div className="field-grid">
        <Field
          label={t('consultation.fields.day')}
          type="date"
          id="nm-day"
          name="day"
          value={form.day}
          error={errors.day}
          onChange={(e) => set({ day: e.target.value })}
        />
        <Field
          label={t('consultation.fields.startTime')}
          type="time"
          id="nm-start"
          name="start"
          value={form.start}
          error={errors.start}
          onChange={(e) => set({ start: e.target.value })}
        />
        <Field
          label={t('consultation.fields.endDay')}
          help={t('consultation.meeting.endDayHelp')}
          type="date"
          id="nm-endDay"
          name="endDay"
          value={form.endDay}
          error={errors.endDay}
          onChange={(e) => set({ endDay: e.target.value })}
        />
        <Field
          label={t('consultation.fields.endTime')}
          type="time"
          id="nm-end"
          name="end"
          value={form.end}
          error={errors.end}
          onChange={(e) => set({ end: e.target.value })}
        />
      </div>
      <RadioGroup<MeetingMode>
        legend={t('consultation.fields.mode')}
        id="nm-mode"
        name="mode"
        value={form.mode}
        error={errors.mode}
        options={MEETING_MODES.map((mode) => ({
          value: mode,
          label: t(`consultation.modes.${mode}`),
        }))}
        onChange={(mode) => set({ mode })}
      />
      <Field
        label={t('consultation.fields.place')}
        help={t('consultation.meeting.placeHelp')}
        id="nm-place"
        name="place"
        maxLength={300}
        value={form.place}
        error={errors.place}
        onChange={(e) => set({ place: e.target.value })}
      />
      <fieldset>
        <legend>{t('consultation.meeting.agenda')}</legend>
        {form.agenda.length === 0 && <p className="help">{t('consultation.meeting.noAgenda')}</p>}
        {form.agenda.map((row, i) => (
          <div className="document-row" key={i}>
            <Field
              label={t('consultation.meeting.agendaTitle', { number: i + 1 })}
              id={`nm-agenda-${i}-title`}
              name={`agenda-${i}-title`}
              maxLength={300}
              value={row.title}
              error={errors[`agenda-${i}-title`]}
              onChange={(e) => setRow(i, { title: e.target.value })}
            />
            <Field
              label={t('consultation.meeting.agendaNotes', { number: i + 1 })}
              id={`nm-agenda-${i}-notes`}
              name={`agenda-${i}-notes`}
              maxLength={4000}
              value={row.notes}
              onChange={(e) => setRow(i, { notes: e.target.value })}
            />
            <div className="row-action">
              <button
                type="button"
                className="secondary small-button"
                onClick={() => {
                  set({ agenda: form.agenda.filter((_, j) => j !== i) });
                  setErrors({});
                }}
              >
                {t('consultation.meeting.removeAgendaItem', { number: i + 1 })}
              </button>
            </div>
          </div>
        ))}
        <p>
          <button
            type="button"
            className="secondary"
            disabled={form.agenda.length >= 50}
            onClick={() => {
              const index = form.agenda.length;
              set({ agenda: [...form.agenda, { title: '', notes: '' }] });
              setTimeout(() => {
                const target = document.getElementsByName(`agenda-${index}-title`)[0];
                target?.focus();
              }, 0);
            }}
          >
            {t('consultation.meeting.addAgendaItem')}
          </button>
        </p>
      </fieldset>
      <button type="submit" disabled={busy}>
        {t('consultation.meeting.create')}
      </button>
    </form>
  );
}

function DecisionsSection({ decisions }: { decisions: Decision[] }) {
  const { t } = useTranslation();
  const when = useConsultationFormat();
  const heading = useId();
  return (
    <section className="part" aria-labelledby={heading}>
      <h2 id={heading}>{t('consultation.decisions.title')}</h2>
      {decisions.length === 0 ? (
        <p>{t('consultation.decisions.none')}</p>
      ) : (
        <DataTable caption={t('consultation.decisions.caption', { count: decisions.length })}>
          <thead>
            <tr>
              <th scope="col">{t('consultation.fields.reference')}</th>
              <th scope="col">{t('consultation.fields.decidedOn')}</th>
              <th scope="col">{t('consultation.fields.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((decision) => (
              <tr key={decision.id}>
                <th scope="row" className="nowrap">
                  {decision.meetingId === null ? (
                    decision.reference
                  ) : (
                    <Link to={`/consultation/meetings/${decision.meetingId}`}>
                      {decision.reference}
                    </Link>
                  )}
                </th>
                <td className="nowrap">
                  <time dateTime={decision.decidedOn}>{when.day(decision.decidedOn)}</time>
                </td>
                <td className="prose">{decision.text}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

function ActionsSection({ bodyId, actions }: { bodyId: string; actions: Action[] }) {
  const { t } = useTranslation();
  const heading = useId();
  return (
    <section className="part" aria-labelledby={heading}>
      <h2 id={heading}>{t('consultation.actions.title')}</h2>
      <p>
        <Link to={`/consultation/actions?bodyId=${encodeURIComponent(bodyId)}`}>
          {t('consultation.body.toMonitoring')}
        </Link>
      </p>
      <ActionsTable
        actions={actions}
        caption={t('consultation.actions.caption', { count: actions.length })}
      />
    </section>
  );
}
