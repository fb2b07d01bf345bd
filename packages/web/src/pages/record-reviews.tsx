import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  REVIEW_DECISIONS,
  REVIEW_NOTE_MAX,
  REVIEW_PAGE_SIZE,
  REVIEW_STATES,
  recordsApi,
  type ReviewDecision,
  type ReviewList,
  type ReviewState,
  type ReviewTask,
} from '../api/records.js';
import { fieldId } from '../components/error-summary.js';
import { RadioGroup, TextAreaField } from '../components/field.js';
import { PageHeading } from '../components/feedback.js';
import { Pager } from '../components/pager.js';
import { RecordOutcome } from '../components/record-feedback.js';
import { When } from '../components/record-sections.js';
import { DataTable } from '../components/table.js';

/**
 * The retention reviews the user's agency owes: for each record whose review date has come,
 * keep it until the next review or erase it (with the reason; the nodes it went to are told).
 */
export function RecordReviewsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state: ReviewState = REVIEW_STATES.find((s) => s === params.get('state')) ?? 'open';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [list, setList] = useState<ReviewList>();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const listRef = useRef<HTMLDivElement>(null);

  const load = useCallback(
    () =>
      recordsApi.reviews(state, page).then((answer) => {
        setList(answer);
        return answer;
      }),
    [state, page],
  );

  useEffect(() => {
    load().catch(setError);
  }, [load]);

  const decided = async (task: ReviewTask, decision: ReviewDecision) => {
    setStatus(
      t(`records.reviews.done_${decision}`, {
        label: task.label ?? t(`exchange.subjectKinds.${task.kind}`),
      }),
    );
    setError(undefined);
    await load().catch(setError);
    listRef.current?.focus();
  };

  const show = (next: { state: ReviewState; page: number }) => {
    const values: Record<string, string> = { state: next.state };
    if (next.page > 1) values.page = String(next.page);
    setParams(values);
  };

  const title = t('records.reviews.title');
  const items = list?.items ?? [];
  const total = list?.total ?? 0;

  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <Link to="/records">{t('records.backToSearch')}</Link>
      </p>
      <p>{t('records.reviews.intro')}</p>
      <RecordOutcome error={error} status={status} />
      <nav aria-label={t('records.reviews.which')} className="button-row">
        {REVIEW_STATES.map((s) => (
          <Link
            key={s}
            to={`/records/reviews?state=${s}`}
            className={s === state ? 'button' : 'button secondary'}
            aria-current={s === state ? 'page' : undefined}
          >
            {t(`records.reviews.states.${s}`)}
          </Link>
        ))}
      </nav>
      {state === 'open' ? (
        <div
          ref={listRef}
          tabIndex={-1}
          role="region"
          aria-label={t('records.reviews.openCaption', { count: total })}
        >
          <h2>{t('records.reviews.openCaption', { count: total })}</h2>
          {list === undefined && error === undefined && <p>{t('common.loading')}</p>}
          {list !== undefined && items.length === 0 && <p>{t('records.reviews.none')}</p>}
          <ol className="items-list">
            {items.map((task) => (
              <li key={task.id}>
                <ReviewCard task={task} onDecided={decided} onError={setError} />
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <DataTable
          regionRef={listRef}
          caption={t('records.reviews.decidedCaption', { count: total })}
        >
          <thead>
            <tr>
              <th scope="col">{t('records.reviews.record')}</th>
              <th scope="col">{t('records.fields.holder')}</th>
              <th scope="col">{t('records.reviews.dueAt')}</th>
              <th scope="col">{t('records.reviews.decidedAt')}</th>
              <th scope="col">{t('records.reviews.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {list !== undefined && items.length === 0 && (
              <tr>
                <td colSpan={5}>{t('records.reviews.noneDecided')}</td>
              </tr>
            )}
            {items.map((task) => (
              <tr key={task.id} data-testid="review-row">
                <th scope="row">
                  <Link to={`/records/${task.recordId}`}>
                    {task.label ?? t('records.search.erasedLabel')}
                  </Link>
                  <span className="small block">
                    {t(`exchange.subjectKinds.${task.kind}`)}
                    {task.category && ` · ${t(`exchange.categories.${task.category}`)}`}
                  </span>
                </th>
                <td>{task.holderAgency.name}</td>
                <td className="nowrap">
                  <When iso={task.dueAt} day />
                </td>
                <td className="nowrap">
                  <When iso={task.decidedAt} />
                </td>
                <td>
                  {task.decision ? t(`records.reviews.decisions.${task.decision}`) : '—'}
                  {task.note && <span className="small block prose">{task.note}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <Pager
        label={t('records.reviews.pager')}
        offset={(page - 1) * REVIEW_PAGE_SIZE}
        pageSize={REVIEW_PAGE_SIZE}
        total={total}
        onPage={(offset) => show({ state, page: Math.floor(offset / REVIEW_PAGE_SIZE) + 1 })}
      />
    </section>
  );
}

/** One open review: the record in brief, and the decision with its note. */
function ReviewCard({
  task,
  onDecided,
  onError,
}: {
  task: ReviewTask;
  onDecided: (task: ReviewTask, decision: ReviewDecision) => Promise<void>;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const heading = useId();
  const prefix = `review-${task.id}`;
  const [decision, setDecision] = useState<ReviewDecision | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; note?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: { decision?: string; note?: string } = {};
    if (decision === '') found.decision = t('records.reviews.decisionRequired');
    if (note.trim() === '') found.note = t('records.reviews.noteRequired');
    setErrors(found);
    if (found.decision) return document.getElementById(fieldId(prefix, '/decision'))?.focus();
    if (found.note) return document.getElementById(fieldId(prefix, '/note'))?.focus();
    if (decision === '') return;
    setBusy(true);
    try {
      await recordsApi.decideReview(task.id, decision, note.trim());
      await onDecided(task, decision);
    } catch (caught) {
      onError(caught);
    } finally {
      setBusy(false);
    }
  };

  const name = task.label || t(`exchange.subjectKinds.${task.kind}`);
  return (
    <form
      className="item-view"
      noValidate
      aria-labelledby={heading}
      onSubmit={(e) => void submit(e)}
      data-testid="review-task"
      data-overdue={task.overdue}
    >
      <p className="item-title">
        <strong id={heading}>
          <Link to={`/records/${task.recordId}`}>{name}</Link>
        </strong>{' '}
        <span className="badge">{t(`exchange.subjectKinds.${task.kind}`)}</span>
        {task.category && (
          <span className="badge">{t(`exchange.categories.${task.category}`)}</span>
        )}
        {task.overdue && (
          <span className="badge state-refused">{t('records.reviews.overdue')}</span>
        )}
      </p>
      <p className="small">
        {t('records.reviews.dueAt')}: <When iso={task.dueAt} day /> · {task.holderAgency.name}
      </p>
      <RadioGroup
        id={fieldId(prefix, '/decision')}
        legend={t('records.reviews.decisionFor', { name })}
        name={`${prefix}-decision`}
        value={decision}
        options={REVIEW_DECISIONS.map((d) => ({
          value: d,
          label: t(`records.reviews.decisions.${d}`),
          help: t(`records.reviews.decisionHelp.${d}`),
        }))}
        error={errors.decision}
        onChange={setDecision}
      />
      <TextAreaField
        id={fieldId(prefix, '/note')}
        label={t('records.reviews.note')}
        help={t('records.reviews.noteHelp')}
        maxLength={REVIEW_NOTE_MAX}
        rows={2}
        value={note}
        error={errors.note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {t('records.reviews.submit')}
        </button>
      </div>
    </form>
  );
}
