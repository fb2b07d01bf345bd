import { useCallback, useEffect, useId, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import {
  exchangeApi,
  type Attachment,
  type Party,
  type RequestDetail,
  type StoredItem,
  type Subject,
  type TimelineEvent,
} from '../api/exchange.js';
import { useSize } from '../components/attachments-input.js';
import { Countdown, useNow } from '../components/countdown.js';
import { ActionsPanel, type Perform } from '../components/exchange-actions.js';
import {
  EvaluationBadge,
  EvaluationLegend,
  StateBadge,
  UrgentBadge,
} from '../components/exchange-badges.js';
import { ErrorAlert, PageHeading, StatusMessage } from '../components/feedback.js';
import { useFormat } from '../components/format.js';
import { SUBJECT_FIELDS } from '../components/subjects-editor.js';

/** A confirmation another page passed along when it sent the user here. */
function noticeOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return undefined;
  return typeof state.notice === 'string' ? state.notice : undefined;
}

/**
 * One request (or one provision) in full: its parties, state and deadline, its content and
 * subjects, everything that happened on it, and the actions the signed-in user may take now.
 * Opening it is recorded in the audit log as a consultation of personal data.
 */
export function ExchangeRequestDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const notice = noticeOf(useLocation().state);
  // What was loaded, and for which request: another id shows "loading" until its own arrives.
  const [loaded, setLoaded] = useState<{ id: string; detail?: RequestDetail; error?: unknown }>();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const actionsHeading = useRef<HTMLHeadingElement>(null);
  const timelineHeading = useRef<HTMLHeadingElement>(null);
  // Counts the actions done; after each, once the page shows its outcome, the focus moves on.
  const [done, setDone] = useState(0);

  useEffect(() => {
    // The form used may be gone now: the focus goes to the actions left, else the timeline.
    if (done > 0) (actionsHeading.current ?? timelineHeading.current)?.focus();
  }, [done]);

  useEffect(() => {
    exchangeApi
      .get(id)
      .then((detail) => setLoaded({ id, detail }))
      .catch((error: unknown) => setLoaded({ id, error }));
  }, [id]);
  const detail = loaded?.id === id ? loaded.detail : undefined;
  const loadError = loaded?.id === id ? loaded.error : undefined;

  const perform = useCallback<Perform>(async (work, message) => {
    setError(undefined);
    setStatus(undefined);
    try {
      const next = await work();
      setLoaded({ id: next.id, detail: next });
      setStatus(message(next));
      setDone((n) => n + 1);
      return { ok: true };
    } catch (caught) {
      setError(caught);
      return { ok: false, error: caught };
    }
  }, []);

  if (!detail) {
    const title = t('exchange.detail.loadingTitle');
    return (
      <section>
        <PageHeading title={title}>{title}</PageHeading>
        <p>
          <Link to="/exchange">{t('exchange.backToList')}</Link>
        </p>
        {loadError === undefined ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <ErrorAlert error={loadError} />
        )}
      </section>
    );
  }

  const title =
    detail.kind === 'spontaneous'
      ? t('exchange.detail.titleProvision', { reference: detail.reference })
      : t('exchange.detail.title', { reference: detail.reference });
  const hasActions = detail.allowed.length > 0;

  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="button-row">
        <Link to="/exchange">{t('exchange.backToList')}</Link>
        {hasActions && <a href="#actions">{t('exchange.detail.toActions')}</a>}
      </p>
      <StatusMessage>{status ?? notice}</StatusMessage>
      <p className="notice small">{t('exchange.detail.consultation')}</p>
      <RequestHeader detail={detail} />
      <ContentSection detail={detail} />
      <SubjectsSection subjects={detail.content.subjects ?? []} />
      <TimelineSection detail={detail} headingRef={timelineHeading} />
      {hasActions && (
        <section className="part" aria-labelledby="actions">
          <h2 id="actions" ref={actionsHeading} tabIndex={-1}>
            {t('exchange.detail.actions')}
          </h2>
          <ErrorAlert error={error} />
          <ActionsPanel detail={detail} perform={perform} />
        </section>
      )}
      {!hasActions && <ErrorAlert error={error} />}
    </section>
  );
}

function PartyText({ party }: { party: Party }) {
  const format = useFormat();
  return (
    <>
      {format.country(party.country)}
      {party.agencyName !== null && (
        <span className="small block">
          {party.agencyName}
          {party.agencyCode !== null && ` (${party.agencyCode})`}
        </span>
      )}
    </>
  );
}

function RequestHeader({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const when = (iso: string | null) =>
    iso === null ? '—' : <time dateTime={iso}>{format.dateTime(iso)}</time>;
  const ground = detail.content.urgencyGround;
  return (
    <div className="request-header">
      <p className="badges">
        <StateBadge state={detail.state} />
        {detail.urgent && <UrgentBadge ground={ground} />}
        {detail.kind === 'spontaneous' && (
          <span className="badge">{t('exchange.kinds.spontaneous')}</span>
        )}
      </p>
      <dl className="facts">
        <dt>{t('exchange.fields.reference')}</dt>
        <dd data-testid="reference">{detail.reference}</dd>
        <dt>{t('exchange.fields.direction')}</dt>
        <dd>{t(`exchange.directions.${detail.direction}`)}</dd>
        <dt>
          {detail.kind === 'spontaneous'
            ? t('exchange.fields.provider')
            : t('exchange.fields.requesting')}
        </dt>
        <dd>
          <PartyText party={detail.requesting} />
          {detail.officer !== null && (
            <span className="small block">
              {t('exchange.fields.officer')}: {detail.officer}
            </span>
          )}
        </dd>
        <dt>
          {detail.kind === 'spontaneous'
            ? t('exchange.fields.recipient')
            : t('exchange.fields.requested')}
        </dt>
        <dd>
          <PartyText party={detail.requested} />
        </dd>
        <dt>{t('exchange.fields.spocCopy')}</dt>
        <dd>
          {detail.spocCopy !== null
            ? `${detail.spocCopy.agencyName} (${detail.spocCopy.agencyCode})`
            : detail.content.spocCopyException !== undefined
              ? t(`exchange.spocCopy.${detail.content.spocCopyException}`)
              : t('exchange.detail.noSpocCopy')}
        </dd>
        {detail.kind === 'request' && (
          <>
            <dt>{t('exchange.fields.deadline')}</dt>
            <dd>
              <Countdown deadline={detail.deadline} state={detail.state} now={now} showDue />
              {detail.deadline !== null && (
                <span className="small block">
                  {t(`exchange.deadlineClasses.${detail.deadline.class}`)}
                </span>
              )}
            </dd>
            <dt>{t('exchange.fields.accessibility')}</dt>
            <dd data-testid="accessibility">
              {detail.accessibility === null
                ? t('exchange.detail.accessibilityUnknown')
                : t(`exchange.accessibility.${detail.accessibility}`)}
            </dd>
            <dt>{t('exchange.fields.assignee')}</dt>
            <dd>{detail.assignee?.displayName ?? t('exchange.unassigned')}</dd>
          </>
        )}
        {detail.refusalGround !== null && (
          <>
            <dt>{t('exchange.fields.refusalGround')}</dt>
            <dd>{t(`exchange.refusalGrounds.${detail.refusalGround}`)}</dd>
          </>
        )}
        {detail.judicialDelay && (
          <>
            <dt>{t('exchange.fields.judicialDelay')}</dt>
            <dd>{t('exchange.detail.judicialDelay')}</dd>
          </>
        )}
        <dt>{t('exchange.fields.createdAt')}</dt>
        <dd>{when(detail.createdAt)}</dd>
        <dt>{t('exchange.fields.sentAt')}</dt>
        <dd>{when(detail.sentAt)}</dd>
        <dt>{t('exchange.fields.receivedAt')}</dt>
        <dd>{when(detail.receivedAt)}</dd>
      </dl>
    </div>
  );
}

function ContentSection({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const heading = useId();
  const c = detail.content;
  const text = (value: string | undefined) =>
    value === undefined || value === '' ? (
      <span className="small">{t('exchange.detail.notGiven')}</span>
    ) : (
      <span className="prose">{value}</span>
    );
  return (
    <section className="part" aria-labelledby={heading}>
      <h2 id={heading}>{t('exchange.detail.content')}</h2>
      <dl className="facts">
        <dt>{t('exchange.form.purpose')}</dt>
        <dd>{text(c.purpose)}</dd>
        <dt>{t('exchange.form.facts')}</dt>
        <dd>{text(c.facts)}</dd>
        {detail.kind === 'request' && (
          <>
            <dt>{t('exchange.form.reasonsHeld')}</dt>
            <dd>{text(c.reasonsHeld)}</dd>
          </>
        )}
        <dt>{t('exchange.form.offenceCategory')}</dt>
        <dd>{c.offenceCategory ? t(`exchange.offences.${c.offenceCategory}`) : text(undefined)}</dd>
        {c.offenceDescription && (
          <>
            <dt>{t('exchange.form.offenceDescription')}</dt>
            <dd>{text(c.offenceDescription)}</dd>
          </>
        )}
        {detail.kind === 'request' && (
          <>
            <dt>{t('exchange.fields.urgency')}</dt>
            <dd>
              {c.urgent ? (
                <>
                  {t('exchange.urgent')}
                  {c.urgencyGround && (
                    <span className="block">{t(`exchange.urgencyGrounds.${c.urgencyGround}`)}</span>
                  )}
                  {c.urgencyJustification && (
                    <span className="block prose">{c.urgencyJustification}</span>
                  )}
                </>
              ) : (
                t('exchange.notUrgent')
              )}
            </dd>
          </>
        )}
        <dt>{t('exchange.form.language')}</dt>
        <dd>{c.language ? t(`language.${c.language}`) : text(undefined)}</dd>
        {c.designatedAgencyCode && (
          <>
            <dt>{t('exchange.form.designatedAgencyCode')}</dt>
            <dd>{c.designatedAgencyCode}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function SubjectsSection({ subjects }: { subjects: readonly Subject[] }) {
  const { t } = useTranslation();
  const heading = useId();
  return (
    <section className="part" aria-labelledby={heading}>
      <h2 id={heading}>{t('exchange.detail.subjects', { count: subjects.length })}</h2>
      {subjects.length === 0 ? (
        <p>{t('exchange.detail.noSubjects')}</p>
      ) : (
        <ol className="subject-list">
          {subjects.map((subject, i) => (
            <li key={subject.id ?? i}>
              <SubjectEntry subject={subject} number={i + 1} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * A subject of the request with a link to its record; a subject restricted from the user or
 * erased comes as a placeholder ({ id, kind, restricted: true } or { …, erased: true }).
 */
function SubjectEntry({ subject, number }: { subject: Subject; number: number }) {
  const { t } = useTranslation();
  const kind = t(`exchange.subjectKinds.${subject.kind}`);
  const mark = subject as { restricted?: boolean; erased?: boolean };
  const placeholder = mark.erased ? 'erased' : mark.restricted ? 'restricted' : undefined;
  const link = subject.id !== undefined && (
    <p className="small">
      <Link to={`/records/${subject.id}`}>
        {t('records.inRequest.open')}
        <span className="visually-hidden"> {t('records.inRequest.which', { number, kind })}</span>
      </Link>
    </p>
  );
  if (placeholder === undefined) {
    return (
      <SubjectView subject={subject} number={number}>
        {link}
      </SubjectView>
    );
  }
  return (
    <article className="subject-view" data-testid="subject-view" data-placeholder={placeholder}>
      <p className="subject-title">
        <strong>{t('exchange.subjects.legend', { number, kind })}</strong>{' '}
        {subject.category && (
          <span className="badge">{t(`exchange.categories.${subject.category}`)}</span>
        )}{' '}
        <span className={`badge ${placeholder === 'erased' ? 'state-refused' : 'state-delayed'}`}>
          {t(`records.badges.${placeholder}`)}
        </span>
      </p>
      <p>{t(`records.inRequest.${placeholder}`)}</p>
      {link}
    </article>
  );
}

/** A subject in full: what it is, its category, fact or assessment, its link, its details. */
export function SubjectView({
  subject,
  number,
  children,
}: {
  subject: Subject;
  number: number;
  /** Shown below the details (a link to the subject's record, say). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const values = subject as unknown as Record<string, unknown>;
  const kind = t(`exchange.subjectKinds.${subject.kind}`);
  return (
    <article className="subject-view" data-testid="subject-view">
      <p className="subject-title">
        <strong>{t('exchange.subjects.legend', { number, kind })}</strong>{' '}
        {subject.category && (
          <span className="badge">{t(`exchange.categories.${subject.category}`)}</span>
        )}{' '}
        {subject.statement && (
          <span className={`badge statement-${subject.statement}`}>
            {t(`exchange.statements.${subject.statement}`)}
          </span>
        )}
      </p>
      <dl className="facts compact">
        {SUBJECT_FIELDS[subject.kind].map((spec) => {
          const value = values[spec.name];
          if (typeof value !== 'string' || value === '') return null;
          const shown =
            spec.type === 'date'
              ? format.date(value)
              : spec.name.toLowerCase().endsWith('country')
                ? format.country(value)
                : value;
          return (
            <div key={spec.name} className="fact">
              <dt>{t(`exchange.subjectFields.${spec.name}`)}</dt>
              <dd>{shown}</dd>
            </div>
          );
        })}
        {subject.kind === 'person' && subject.aliases && subject.aliases.length > 0 && (
          <div className="fact">
            <dt>{t('exchange.subjectFields.aliases')}</dt>
            <dd>{subject.aliases.join('; ')}</dd>
          </div>
        )}
        {subject.kind === 'person' && subject.nationalities && subject.nationalities.length > 0 && (
          <div className="fact">
            <dt>{t('exchange.subjectFields.nationalities')}</dt>
            <dd>{subject.nationalities.map((n) => format.country(n)).join(', ')}</dd>
          </div>
        )}
        {subject.kind === 'person' &&
          (subject.documents ?? []).map((d, i) => (
            <div className="fact" key={`doc-${i}`}>
              <dt>{t(`exchange.documentTypes.${d.type}`)}</dt>
              <dd>
                {d.number}
                {d.issuingCountry && ` (${format.country(d.issuingCountry)})`}
              </dd>
            </div>
          ))}
        {subject.link && (
          <div className="fact">
            <dt>{t('exchange.subjects.linkShort')}</dt>
            <dd className="prose">{subject.link}</dd>
          </div>
        )}
      </dl>
      {children}
    </article>
  );
}

function TimelineSection({
  detail,
  headingRef,
}: {
  detail: RequestDetail;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const hasItems = detail.timeline.some((e) => e.items.length > 0);
  return (
    <section className="part" aria-labelledby="timeline">
      <h2 id="timeline" ref={headingRef} tabIndex={-1}>
        {t('exchange.detail.timeline')}
      </h2>
      {hasItems && <EvaluationLegend />}
      {detail.timeline.length === 0 ? (
        <p>{t('exchange.detail.noEvents')}</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {detail.timeline.map((event) => (
            <li key={event.id} data-testid="timeline-event" data-kind={event.kind}>
              <EventView requestId={detail.id} event={event} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function EventView({ requestId, event }: { requestId: string; event: TimelineEvent }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const kindKey = `exchange.events.${event.kind}`;
  const kind = i18n.exists(kindKey) ? t(kindKey) : event.kind;
  const who = [event.actor, event.agency].filter((x) => x !== null).join(', ');
  return (
    <article className="event">
      <p className="event-head">
        <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
        {' · '}
        <strong>{kind}</strong>
        {' · '}
        {t(`exchange.sides.${event.side}`)} ({format.country(event.country)})
        {who !== '' && <span className="small block">{who}</span>}
      </p>
      {event.stateAfter !== null && (
        <p className="small">
          {t('exchange.detail.stateAfter')} <StateBadge state={event.stateAfter} current={false} />
        </p>
      )}
      {event.refusalGround !== null && (
        <p>
          <strong>{t('exchange.fields.refusalGround')}:</strong>{' '}
          {t(`exchange.refusalGrounds.${event.refusalGround}`)}
        </p>
      )}
      {event.accessibility !== null && (
        <p>
          <strong>{t('exchange.fields.accessibility')}:</strong>{' '}
          {t(`exchange.accessibility.${event.accessibility}`)}
        </p>
      )}
      {event.text !== null && event.text !== '' && <p className="prose">{event.text}</p>}
      {event.dueAt !== null && (
        <p className="small">
          {t('exchange.detail.dueAt', { time: format.dateTime(event.dueAt) })}
        </p>
      )}
      {event.expectedAt !== null && (
        <p>
          <strong>
            {t('exchange.detail.expectedAt', { time: format.dateTime(event.expectedAt) })}
          </strong>
        </p>
      )}
      {event.items.length > 0 && (
        <ol className="items-list">
          {event.items.map((item, i) => (
            <li key={item.id}>
              <ItemView item={item} number={i + 1} />
            </li>
          ))}
        </ol>
      )}
      {event.attachments.length > 0 && (
        <AttachmentLinks requestId={requestId} attachments={event.attachments} />
      )}
    </article>
  );
}

function ItemView({ item, number }: { item: StoredItem; number: number }) {
  const { t } = useTranslation();
  return (
    <div className="item-view" data-testid="item-view">
      <p className="item-title">
        <strong>{t('exchange.items.legend', { number })}</strong>{' '}
        <EvaluationBadge
          handlingCode={item.handlingCode}
          sourceReliability={item.sourceReliability}
          informationAccuracy={item.informationAccuracy}
        />
      </p>
      <p className="prose">{item.body}</p>
      {item.handlingNote !== null && item.handlingNote !== '' && (
        <p>
          <strong>{t('exchange.items.handlingNote')}:</strong> {item.handlingNote}
        </p>
      )}
      {item.subjects.length > 0 && (
        <ol className="subject-list">
          {item.subjects.map((subject, i) => (
            <li key={subject.id ?? i}>
              <SubjectEntry subject={subject} number={i + 1} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function AttachmentLinks({
  requestId,
  attachments,
}: {
  requestId: string;
  attachments: Attachment[];
}) {
  const { t } = useTranslation();
  const size = useSize();
  return (
    <div className="attachments">
      <p className="small">{t('exchange.detail.attachments')}</p>
      <ul>
        {attachments.map((a) => (
          <li key={a.id}>
            <a href={exchangeApi.attachmentUrl(requestId, a.id)} download={a.name}>
              {t('exchange.detail.download', { name: a.name })}
            </a>{' '}
            <span className="small">({size(a.size)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
