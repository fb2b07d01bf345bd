import { useCallback, useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import {
  COUNTRIES,
  DOCUMENT_ACCEPT,
  MAX_DOCUMENT_BYTES,
  actionsByDecision,
  consultationApi,
  documentProblem,
  isCalendarDate,
  paragraphs,
  themeTitle,
  type ActionInput,
  type BodyDetail,
  type Country,
  type DecisionCreate,
  type MeetingDetail,
  type PortalTheme,
} from '../api/consultation.js';
import {
  ActionsTable,
  ConsultationOutcome,
  FormErrorSummary,
  noticeOf,
  useConsultationFormat,
} from '../components/consultation-parts.js';
import {
  CheckboxField,
  Field,
  FieldError,
  SelectField,
  TextAreaField,
} from '../components/field.js';
import { PageHeading } from '../components/feedback.js';
import { useFormat } from '../components/format.js';
import { DataTable } from '../components/table.js';
import { hasErrors, useValidation, type FieldErrors } from '../components/validation.js';

type Act = (work: () => Promise<string>) => Promise<boolean>;

/**
 * One meeting of a consultation body: when and where, its agenda, who attended, the minutes, its
 * documents, and the decisions taken with their action items. Editors record all of it here and
 * may draft a public news item about the meeting.
 */
export function ConsultationMeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const notice = noticeOf(useLocation().state);
  const when = useConsultationFormat();
  const [loaded, setLoaded] = useState<{ id: string; meeting?: MeetingDetail; error?: unknown }>();
  const [body, setBody] = useState<BodyDetail>();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();

  useEffect(() => {
    consultationApi
      .meeting(id)
      .then((meeting) => setLoaded({ id, meeting }))
      .catch((caught: unknown) => setLoaded({ id, error: caught }));
  }, [id]);

  const meeting = loaded?.id === id ? loaded.meeting : undefined;
  const bodyId = meeting?.bodyId;
  useEffect(() => {
    if (bodyId === undefined) return;
    // The body gives its name and the members who may attend; the meeting shows without it.
    consultationApi
      .body(bodyId)
      .then(setBody)
      .catch(() => setBody(undefined));
  }, [bodyId]);

  const act = useCallback<Act>(
    async (work) => {
      setError(undefined);
      setStatus(undefined);
      try {
        const message = await work();
        const next = await consultationApi.meeting(id);
        setLoaded({ id, meeting: next });
        setStatus(message);
        return true;
      } catch (caught) {
        setError(caught);
        return false;
      }
    },
    [id],
  );

  if (!meeting) {
    const title = t('consultation.meeting.loadingTitle');
    return (
      <section>
        <PageHeading title={title}>{title}</PageHeading>
        <p>
          <Link to="/consultation">{t('consultation.backToBodies')}</Link>
        </p>
        {loaded?.id === id && loaded.error !== undefined ? (
          <ConsultationOutcome error={loaded.error} />
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </section>
    );
  }

  const ownBody = body?.id === meeting.bodyId ? body : undefined;
  const manage = meeting.canManage;
  return (
    <section>
      <PageHeading title={meeting.title}>{meeting.title}</PageHeading>
      <p className="button-row">
        <Link to={`/consultation/bodies/${meeting.bodyId}`}>
          {ownBody
            ? t('consultation.meeting.backToBody', { name: when.name(ownBody.names) })
            : t('consultation.meeting.backToBodyUnnamed')}
        </Link>
        <a href={consultationApi.calendarUrl(meeting.bodyId)} download="meetings.ics">
          {t('consultation.body.calendar')}
        </a>
      </p>
      <ConsultationOutcome error={error} status={status ?? notice} />
      <dl className="facts">
        {ownBody && (
          <>
            <dt>{t('consultation.fields.body')}</dt>
            <dd>{when.name(ownBody.names)}</dd>
          </>
        )}
        <dt>{t('consultation.fields.when')}</dt>
        <dd>
          <time dateTime={meeting.startsAt}>{when.range(meeting.startsAt, meeting.endsAt)}</time>
          <span className="small block">{t('consultation.meeting.brusselsTime')}</span>
        </dd>
        <dt>{t('consultation.fields.mode')}</dt>
        <dd>{t(`consultation.modes.${meeting.mode}`)}</dd>
        <dt>{t('consultation.fields.where')}</dt>
        <dd>
          {meeting.place !== null && meeting.place !== ''
            ? meeting.place
            : t('consultation.meeting.digitalOnly')}
        </dd>
      </dl>
      <AgendaSection meeting={meeting} />
      <AttendeesSection meeting={meeting} body={ownBody} act={act} />
      <MinutesSection meeting={meeting} act={act} />
      <DocumentsSection meeting={meeting} act={act} />
      <DecisionsSection meeting={meeting} />
      {manage && <DecisionForm meeting={meeting} act={act} />}
      {manage && <NewsDraftSection meeting={meeting} />}
    </section>
  );
}

function AgendaSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const heading = useId();
  const items = [...meeting.agenda].sort((a, b) => a.position - b.position);
  return (
    <section className="part" aria-labelledby={heading}>
      <h2 id={heading}>{t('consultation.meeting.agenda')}</h2>
      {items.length === 0 ? (
        <p>{t('consultation.meeting.agendaEmpty')}</p>
      ) : (
        <ol>
          {items.map((item) => (
            <li key={item.position}>
              <strong>{item.title}</strong>
              {item.notes !== '' && <span className="block prose">{item.notes}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AttendeesSection({
  meeting,
  body,
  act,
}: {
  meeting: MeetingDetail;
  body: BodyDetail | undefined;
  act: Act;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useId();
  const formHeading = useId();
  const [chosen, setChosen] = useState<string[]>(() => meeting.attendees.map((a) => a.id));
  // The choice follows the meeting when it changes (after a save or another change).
  const [shownFor, setShownFor] = useState(meeting);
  if (shownFor !== meeting) {
    setShownFor(meeting);
    setChosen(meeting.attendees.map((a) => a.id));
  }
  const save = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await consultationApi.updateMeeting(meeting.id, { attendeeIds: chosen });
      return t('consultation.meeting.attendeesSaved');
    });
  };
  return (
    <section className="part" aria-labelledby={heading}>
      <h2 id={heading}>{t('consultation.meeting.attendees')}</h2>
      {meeting.attendees.length === 0 ? (
        <p>{t('consultation.meeting.noAttendees')}</p>
      ) : (
        <ul>
          {meeting.attendees.map((member) => (
            <li key={member.id}>
              {member.name} — {t(`consultation.functions.${member.function}`)},{' '}
              {member.organisation} ({format.country(member.country)})
            </li>
          ))}
        </ul>
      )}
      {meeting.canManage && body && body.members.length > 0 && (
        <form className="card" aria-labelledby={formHeading} onSubmit={save} noValidate>
          <h3 id={formHeading}>{t('consultation.meeting.editAttendees')}</h3>
          <fieldset>
            <legend>{t('consultation.meeting.whoAttended')}</legend>
            {body.members.map((member) => (
              <CheckboxField
                key={member.id}
                label={`${member.name} (${member.organisation}, ${format.country(member.country)})`}
                checked={chosen.includes(member.id)}
                onChange={(e) =>
                  setChosen(
                    e.target.checked
                      ? [...chosen, member.id]
                      : chosen.filter((x) => x !== member.id),
                  )
                }
              />
            ))}
          </fieldset>
          <button type="submit">{t('consultation.meeting.saveAttendees')}</button>
        </form>
      )}
    </section>
  );
}

function MinutesSection({ meeting, act }: { meeting: MeetingDetail; act: Act }) {
  const { t } = useTranslation();
  const heading = useId();
  const [text, setText] = useState(meeting.minutes ?? '');
  const [shownFor, setShownFor] = useState(meeting);
  if (shownFor !== meeting) {
    setShownFor(meeting);
    setText(meeting.minutes ?? '');
  }
  const save = (event: FormEvent) => {
    event.preventDefault();
    const minutes = text.trim() === '' ? null : text;
    void act(async () => {
      await consultationApi.updateMeeting(meeting.id, { minutes });
      return t('consultation.meeting.minutesSaved');
    });
  };
  const shown = paragraphs(meeting.minutes ?? '');
  return (
    <section className="part" aria-labelledby={heading}>
      <h2 id={heading}>{t('consultation.meeting.minutes')}</h2>
      {shown.length === 0 ? (
        <p>{t('consultation.meeting.noMinutes')}</p>
      ) : (
        <div className="card" data-testid="minutes">
          {shown.map((paragraph, i) => (
            <p key={i} className="prose">
              {paragraph}
            </p>
          ))}
        </div>
      )}
      {meeting.canManage && (
        <form
          className="card"
          onSubmit={save}
          noValidate
          aria-label={t('consultation.meeting.editMinutes')}
        >
          <TextAreaField
            label={t('consultation.meeting.editMinutes')}
            help={t('consultation.meeting.minutesHelp')}
            name="minutes"
            rows={12}
            maxLength={100_000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit">{t('consultation.meeting.saveMinutes')}</button>
        </form>
      )}
    </section>
  );
}

function DocumentsSection({ meeting, act }: { meeting: MeetingDetail; act: Act }) {
  const { t } = useTranslation();
  const when = useConsultationFormat();
  const heading = useId();
  const inputId = useId();
  const helpId = useId();
  const errorId = `${inputId}-error`;
  const [file, setFile] = useState<File>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.currentTarget.files?.[0]);
    setProblem(undefined);
  };

  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    if (!file) {
      setProblem(t('consultation.documents.choose'));
      document.getElementById(inputId)?.focus();
      return;
    }
    const found = documentProblem(file);
    if (found !== undefined) {
      setProblem(t(`consultation.documents.problems.${found}`, { name: file.name }));
      document.getElementById(inputId)?.focus();
      return;
    }
    setBusy(true);
    const done = await act(async () => {
      const stored = await consultationApi.uploadDocument(meeting.id, file);
      return t('consultation.documents.uploaded', { name: stored.fileName });
    });
    setBusy(false);
    if (done) {
      setFile(undefined);
      form.reset();
    }
  };

  return (
    <section className="part" aria-labelledby={heading}>
      <h2 id={heading}>{t('consultation.documents.title')}</h2>
      {meeting.documents.length === 0 ? (
        <p>{t('consultation.documents.none')}</p>
      ) : (
        <DataTable
          caption={t('consultation.documents.caption', { count: meeting.documents.length })}
        >
          <thead>
            <tr>
              <th scope="col">{t('consultation.fields.fileName')}</th>
              <th scope="col">{t('consultation.fields.size')}</th>
              <th scope="col">{t('consultation.fields.uploaded')}</th>
            </tr>
          </thead>
          <tbody>
            {meeting.documents.map((document) => (
              <tr key={document.id}>
                <th scope="row">
                  <a href={consultationApi.documentUrl(document.id)} download={document.fileName}>
                    {t('consultation.documents.download', { name: document.fileName })}
                  </a>
                </th>
                <td className="nowrap">{when.size(document.size)}</td>
                <td>
                  <time dateTime={document.uploadedAt}>{when.dateTime(document.uploadedAt)}</time>
                  {document.uploadedBy !== null && (
                    <span className="small block">{document.uploadedBy}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {meeting.canManage && (
        <form
          className="card"
          noValidate
          onSubmit={(e) => void send(e)}
          aria-label={t('consultation.documents.uploadTitle')}
          data-testid="upload-document"
        >
          <div className={problem ? 'field field-invalid' : 'field'}>
            <label htmlFor={inputId}>{t('consultation.documents.file')}</label>
            <p className="help" id={helpId}>
              {t('consultation.documents.help', { limit: when.size(MAX_DOCUMENT_BYTES) })}
            </p>
            {problem && <FieldError id={errorId} message={problem} />}
            <input
              id={inputId}
              type="file"
              accept={DOCUMENT_ACCEPT}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${errorId} ${helpId}` : helpId}
              onChange={choose}
            />
          </div>
          <button type="submit" disabled={busy}>
            {t('consultation.documents.upload')}
          </button>
        </form>
      )}
    </section>
  );
}

function DecisionsSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const when = useConsultationFormat();
  const heading = useId();
  const byDecision = actionsByDecision(meeting.actions);
  return (
    <section className="part" aria-labelledby={heading}>
      <h2 id={heading}>{t('consultation.decisions.title')}</h2>
      {meeting.decisions.length === 0 && <p>{t('consultation.decisions.noneAtMeeting')}</p>}
      {meeting.decisions.map((decision) => {
        const actions = byDecision.get(decision.id) ?? [];
        return (
          <article className="card" key={decision.id} aria-labelledby={`decision-${decision.id}`}>
            <h3 id={`decision-${decision.id}`}>
              {t('consultation.decisions.heading', {
                reference: decision.reference,
                date: when.day(decision.decidedOn, 'long'),
              })}
            </h3>
            <p className="prose">{decision.text}</p>
            {actions.length > 0 && (
              <ActionsTable
                actions={actions}
                caption={t('consultation.decisions.actionsCaption', {
                  reference: decision.reference,
                })}
              />
            )}
          </article>
        );
      })}
    </section>
  );
}

interface ActionRow {
  title: string;
  description: string;
  ownerCountry: Country | '';
  ownerAgency: string;
  dueOn: string;
}

const EMPTY_ROW: ActionRow = {
  title: '',
  description: '',
  ownerCountry: '',
  ownerAgency: '',
  dueOn: '',
};

function decisionOrder(rows: readonly ActionRow[]): string[] {
  return [
    'text',
    'decidedOn',
    ...rows.flatMap((_, i) => [
      `action-${i}-title`,
      `action-${i}-ownerCountry`,
      `action-${i}-ownerAgency`,
      `action-${i}-dueOn`,
    ]),
  ];
}

/** Records a decision of the meeting, with the action items it gives. */
function DecisionForm({ meeting, act }: { meeting: MeetingDetail; act: Act }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { check } = useValidation();
  const heading = useId();
  const [text, setText] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [rows, setRows] = useState<ActionRow[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [serial, setSerial] = useState(0);
  const setRow = (index: number, changes: Partial<ActionRow>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...changes } : row)));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSerial((n) => n + 1);
    const invalid: FieldErrors = {};
    const required = (name: string, value: string) => {
      const message = check(value, { required: true });
      if (message) invalid[name] = message;
    };
    required('text', text);
    if (decidedOn !== '' && !isCalendarDate(decidedOn)) invalid.decidedOn = t('validation.invalid');
    rows.forEach((row, i) => {
      required(`action-${i}-title`, row.title);
      required(`action-${i}-ownerAgency`, row.ownerAgency);
      if (row.ownerCountry === '') {
        invalid[`action-${i}-ownerCountry`] = t('consultation.validation.country');
      }
      if (!isCalendarDate(row.dueOn)) {
        invalid[`action-${i}-dueOn`] =
          row.dueOn === '' ? t('validation.required') : t('validation.invalid');
      }
    });
    setErrors(invalid);
    if (hasErrors(invalid)) return;
    const actions: ActionInput[] = rows.map((row) => ({
      title: row.title.trim(),
      ...(row.description.trim() !== '' && { description: row.description.trim() }),
      ownerCountry: row.ownerCountry as Country,
      ownerAgency: row.ownerAgency.trim(),
      dueOn: row.dueOn,
    }));
    const decision: DecisionCreate = {
      text: text.trim(),
      ...(decidedOn !== '' && { decidedOn }),
      ...(actions.length > 0 && { actions }),
    };
    setBusy(true);
    const done = await act(async () => {
      const recorded = await consultationApi.recordDecision(meeting.id, decision);
      return t('consultation.decisions.recorded', {
        reference: recorded.decision.reference,
        count: recorded.actions.length,
      });
    });
    setBusy(false);
    if (done) {
      setText('');
      setDecidedOn('');
      setRows([]);
    }
  };

  return (
    <form
      className="card"
      noValidate
      aria-labelledby={heading}
      onSubmit={(e) => void submit(e)}
      data-testid="record-decision"
    >
      <h2 id={heading}>{t('consultation.decisions.recordTitle')}</h2>
      <FormErrorSummary prefix="dc" errors={errors} order={decisionOrder(rows)} serial={serial} />
      <TextAreaField
        label={t('consultation.fields.decision')}
        id="dc-text"
        name="text"
        maxLength={8000}
        value={text}
        error={errors.text}
        onChange={(e) => setText(e.target.value)}
      />
      <Field
        label={t('consultation.fields.decidedOn')}
        help={t('consultation.decisions.decidedOnHelp')}
        type="date"
        id="dc-decidedOn"
        name="decidedOn"
        value={decidedOn}
        error={errors.decidedOn}
        onChange={(e) => setDecidedOn(e.target.value)}
      />
      {rows.map((row, i) => (
        <fieldset className="item" key={i}>
          <legend>{t('consultation.decisions.actionLegend', { number: i + 1 })}</legend>
          <div className="field-grid">
            <Field
              label={t('consultation.fields.actionTitle')}
              id={`dc-action-${i}-title`}
              name={`action-${i}-title`}
              maxLength={300}
              value={row.title}
              error={errors[`action-${i}-title`]}
              onChange={(e) => setRow(i, { title: e.target.value })}
            />
            <SelectField
              label={t('consultation.fields.ownerCountry')}
              id={`dc-action-${i}-ownerCountry`}
              name={`action-${i}-ownerCountry`}
              value={row.ownerCountry}
              error={errors[`action-${i}-ownerCountry`]}
              onChange={(e) => setRow(i, { ownerCountry: e.target.value as Country | '' })}
            >
              <option value="">{t('consultation.choose')}</option>
              {COUNTRIES.map((c) => (
                <option key={c} value={c}>
                  {format.country(c)}
                </option>
              ))}
            </SelectField>
            <Field
              label={t('consultation.fields.ownerAgency')}
              id={`dc-action-${i}-ownerAgency`}
              name={`action-${i}-ownerAgency`}
              maxLength={200}
              value={row.ownerAgency}
              error={errors[`action-${i}-ownerAgency`]}
              onChange={(e) => setRow(i, { ownerAgency: e.target.value })}
            />
            <Field
              label={t('consultation.fields.dueOn')}
              type="date"
              id={`dc-action-${i}-dueOn`}
              name={`action-${i}-dueOn`}
              value={row.dueOn}
              error={errors[`action-${i}-dueOn`]}
              onChange={(e) => setRow(i, { dueOn: e.target.value })}
            />
          </div>
          <TextAreaField
            label={t('consultation.fields.actionDescription')}
            help={t('consultation.optional')}
            id={`dc-action-${i}-description`}
            name={`action-${i}-description`}
            rows={2}
            maxLength={4000}
            value={row.description}
            onChange={(e) => setRow(i, { description: e.target.value })}
          />
          <button
            type="button"
            className="secondary small-button row-action"
            onClick={() => {
              setRows(rows.filter((_, j) => j !== i));
              setErrors({});
            }}
          >
            {t('consultation.decisions.removeAction', { number: i + 1 })}
          </button>
        </fieldset>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="secondary"
          disabled={rows.length >= 50}
          onClick={() => {
            const index = rows.length;
            setRows([...rows, EMPTY_ROW]);
            setTimeout(() => document.getElementsByName(`action-${index}-title`)[0]?.focus(), 0);
          }}
        >
          {t('consultation.decisions.addAction')}
        </button>
        <button type="submit" disabled={busy}>
          {t('consultation.decisions.record')}
        </button>
      </div>
    </form>
  );
}

/** Drafts a public news item about the meeting under a theme of the portal, then opens it. */
function NewsDraftSection({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const heading = useId();
  const [themes, setThemes] = useState<PortalTheme[]>();
  const [themeId, setThemeId] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    consultationApi
      .themes()
      .then((list) => setThemes(list.items))
      .catch(setError);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (themeId === '') {
      setProblem(t('consultation.news.chooseTheme'));
      document.getElementById('news-theme')?.focus();
      return;
    }
    setProblem(undefined);
    setBusy(true);
    try {
      const { newsId } = await consultationApi.draftNews(meeting.id, themeId);
      void navigate(`/portal/news/${newsId}`, {
        state: { notice: t('consultation.news.drafted') },
      });
    } catch (caught) {
      setBusy(false);
      setError(caught);
      if (caught instanceof ApiError && caught.errors.some((e) => e.path.includes('themeId'))) {
        setProblem(t('validation.invalid'));
      }
    }
  };

  const sorted = [...(themes ?? [])].sort((a, b) =>
    themeTitle(a, i18n.language).localeCompare(themeTitle(b, i18n.language)),
  );
  return (
    <section className="part" aria-labelledby={heading}>
      <h2 id={heading}>{t('consultation.news.title')}</h2>
      <p>{t('consultation.news.intro')}</p>
      {meeting.newsId !== null && (
        <p>
          <Link to={`/portal/news/${meeting.newsId}`}>{t('consultation.news.existing')}</Link>
        </p>
      )}
      <ConsultationOutcome error={error} />
      <form className="card" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={heading}>
        <SelectField
          id="news-theme"
          label={t('consultation.news.theme')}
          name="themeId"
          value={themeId}
          error={problem}
          disabled={themes === undefined}
          onChange={(e) => setThemeId(e.target.value)}
        >
          <option value="">
            {themes === undefined ? t('common.loading') : t('consultation.choose')}
          </option>
          {sorted.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {themeTitle(theme, i18n.language)}
            </option>
          ))}
        </SelectField>
        <button type="submit" disabled={busy || themes === undefined}>
          {t('consultation.news.draft')}
        </button>
      </form>
    </section>
  );
}
