import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { recordsApi, subjectLabel, type RecordDetail } from '../api/records.js';
import { useSession } from '../auth/session.js';
import { PageHeading, StatusMessage } from '../components/feedback.js';
import { RecordActionsPanel, type RecordPerform } from '../components/record-actions.js';
import { RecordStateBadges } from '../components/record-badges.js';
import { RecordConsultForm } from '../components/record-consult-form.js';
import { RecordErrorAlert, isNotFound } from '../components/record-feedback.js';
import {
  DisclosuresTable,
  NoticesList,
  OccurrencesTable,
  Part,
  PermissionsTable,
  RecordFacts,
  When,
} from '../components/record-sections.js';
import { SubjectView } from './exchange-request-detail.js';

const TOMBSTONE = 'record-tombstone-title';
const ACTIONS = 'record-actions';

/**
 * One personal-data record: the subject, where it came from and who holds it, its dates and
 * states, where it occurs and to whom it went, the notices that carried changes along, and the
 * actions the user may take. Without a context of theirs, the user states a reason first; each
 * opening is logged as a consultation.
 */
export function RecordDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { me } = useSession();
  // What was loaded, and for which record: another id shows "loading" until its own arrives.
  const [loaded, setLoaded] = useState<{ id: string; detail?: RecordDetail; error?: unknown }>();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const [done, setDone] = useState(0);

  useEffect(() => {
    recordsApi
      .get(id)
      .then((detail) => setLoaded({ id, detail }))
      .catch((caught: unknown) => setLoaded({ id, error: caught }));
  }, [id]);

  useEffect(() => {
    // After an action the form used may be gone (erased, lifted): the focus goes to the
    // tombstone of an erased record, else to the actions left.
    if (done === 0) return;
    (document.getElementById(TOMBSTONE) ?? document.getElementById(ACTIONS))?.focus();
  }, [done]);

  const perform = useCallback<RecordPerform>(async (work, message) => {
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

  const consulted = useCallback(
    (detail: RecordDetail) => {
      setLoaded({ id: detail.id, detail });
      setStatus(t('records.consult.done'));
      setDone((n) => n + 1);
    },
    [t],
  );

  const detail = loaded?.id === id ? loaded.detail : undefined;
  const loadError = loaded?.id === id ? loaded.error : undefined;
  const back = (
    <p>
      <Link to="/records">{t('records.backToSearch')}</Link>
    </p>
  );

  if (!detail) {
    const title = t('records.detail.loadingTitle');
    return (
      <section>
        <PageHeading title={title}>{title}</PageHeading>
        {back}
        {loadError === undefined ? (
          <p role="status">{t('common.loading')}</p>
        ) : isNotFound(loadError) ? (
          <RecordConsultForm recordId={id} onConsulted={consulted} />
        ) : (
          <RecordErrorAlert error={loadError} />
        )}
      </section>
    );
  }

  const roles = me?.user.roles ?? [];
  const readsExchange = roles.some((r) => r === 'officer' || r === 'spoc' || r === 'supervisor');
  const label = subjectLabel(detail.subject);
  const kind = t(`exchange.subjectKinds.${detail.kind}`);
  const title = detail.erased
    ? t('records.detail.titleErased', { kind })
    : label === ''
      ? t('records.detail.titleUnnamed', { kind })
      : t('records.detail.title', { label });
  const hasActions = detail.allowed.length > 0;

  return (
    <section data-testid="record-detail" data-record={detail.id}>
      <PageHeading title={title}>{title}</PageHeading>
      {back}
      <StatusMessage>{status}</StatusMessage>
      {!hasActions && <RecordErrorAlert error={error} />}
      <p className="badges">
        <span className="badge">{kind}</span>
        {detail.category && (
          <span className="badge">{t(`exchange.categories.${detail.category}`)}</span>
        )}
        {detail.statement && (
          <span className={`badge statement-${detail.statement}`}>
            {t(`exchange.statements.${detail.statement}`)}
          </span>
        )}
        <RecordStateBadges
          restricted={detail.restricted !== null}
          erased={detail.erased !== null}
          inaccurate={detail.inaccurate !== null}
          rectified={detail.rectifiedAt !== null}
        />
      </p>
      <p className="notice small" data-testid="record-context">
        {detail.context
          ? t('records.detail.contextRequest', { reference: detail.context.reference })
          : t('records.detail.contextReason')}
      </p>
      {detail.erased && (
        <div className="card" data-testid="record-tombstone">
          <h2 id={TOMBSTONE} tabIndex={-1}>
            {t('records.detail.tombstoneTitle')}
          </h2>
          <p>{t('records.detail.tombstone')}</p>
          <p>
            {t('records.detail.erasedOn')} <When iso={detail.erased.at} />
          </p>
          <p>
            <strong>{t('records.fields.reason')}:</strong>{' '}
            <span className="prose">{detail.erased.reason}</span>
          </p>
        </div>
      )}
      {!detail.erased && (
        <Part title={t('records.detail.subject')}>
          <SubjectView subject={detail.subject} number={1} />
        </Part>
      )}
      <Part title={t('records.detail.facts')}>
        <RecordFacts detail={detail} />
      </Part>
      <Part title={t('records.detail.occurrences')}>
        <OccurrencesTable occurrences={detail.occurrences} linkRequests={readsExchange} />
      </Part>
      <Part title={t('records.detail.disclosures')}>
        <DisclosuresTable disclosures={detail.disclosures} />
      </Part>
      <Part title={t('records.detail.notices')} id="record-notices">
        <NoticesList notices={detail.notices} />
      </Part>
      <Part title={t('records.detail.permissions')}>
        <PermissionsTable permissions={detail.permissions} />
      </Part>
      {hasActions && (
        <Part title={t('records.detail.actions')} id={ACTIONS}>
          <RecordErrorAlert error={error} />
          <RecordActionsPanel detail={detail} perform={perform} />
        </Part>
      )}
    </section>
  );
}
