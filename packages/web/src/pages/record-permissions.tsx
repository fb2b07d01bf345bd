import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REASON_MAX, recordsApi, type Permission } from '../api/records.js';
import { fieldId } from '../components/error-summary.js';
import { TextAreaField } from '../components/field.js';
import { PageHeading } from '../components/feedback.js';
import { useFormat } from '../components/format.js';
import { PermissionBadge } from '../components/record-badges.js';
import { RecordOutcome } from '../components/record-feedback.js';
import { NodeName, When } from '../components/record-sections.js';

/**
 * Requests of other nodes to pass on an item this node supplied with handling code H2: grant
 * or refuse each, with a note the asking node receives. The pending ones come first.
 */
export function RecordPermissionsPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<Permission[]>();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const listRef = useRef<HTMLDivElement>(null);

  const load = useCallback(
    () => recordsApi.permissionRequests().then((answer) => setItems(answer.items)),
    [],
  );

  useEffect(() => {
    load().catch(setError);
  }, [load]);

  const answered = async (granted: boolean) => {
    setStatus(t(granted ? 'records.permissions.granted' : 'records.permissions.refused'));
    setError(undefined);
    await load().catch(setError);
    listRef.current?.focus();
  };

  const title = t('records.permissions.title');
  const pending = (items ?? []).filter((p) => p.state === 'pending');
  const done = (items ?? []).filter((p) => p.state !== 'pending');

  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <Link to="/records">{t('records.backToSearch')}</Link>
      </p>
      <p>{t('records.permissions.intro')}</p>
      <RecordOutcome error={error} status={status} />
      <div ref={listRef} tabIndex={-1}>
        <h2>{t('records.permissions.pending', { count: pending.length })}</h2>
        {items === undefined && error === undefined && <p>{t('common.loading')}</p>}
        {items !== undefined && pending.length === 0 && <p>{t('records.permissions.none')}</p>}
        <ol className="items-list">
          {pending.map((p) => (
            <li key={p.id}>
              <PermissionCard permission={p} onAnswered={answered} onError={setError} />
            </li>
          ))}
        </ol>
        {done.length > 0 && (
          <>
            <h2>{t('records.permissions.answered', { count: done.length })}</h2>
            <ol className="items-list">
              {done.map((p) => (
                <li key={p.id}>
                  <PermissionSummary permission={p} />
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}

/** Who asks, for whom, and why. */
function PermissionFacts({ permission }: { permission: Permission }) {
  const { t } = useTranslation();
  return (
    <dl className="facts compact">
      <div className="fact">
        <dt>{t('records.fields.askingNode')}</dt>
        <dd>
          <NodeName node={permission.askingNode} />
          <span className="small block">{permission.askedBy}</span>
        </dd>
      </div>
      <div className="fact">
        <dt>{t('records.fields.recipientNode')}</dt>
        <dd>
          <NodeName node={permission.recipientNode} />
        </dd>
      </div>
      <div className="fact">
        <dt>{t('records.fields.reason')}</dt>
        <dd className="prose">{permission.reason}</dd>
      </div>
      <div className="fact">
        <dt>{t('records.fields.askedAt')}</dt>
        <dd>
          <When iso={permission.askedAt} />
        </dd>
      </div>
      <div className="fact">
        <dt>{t('records.fields.record')}</dt>
        <dd>
          <Link to={`/records/${permission.recordId}`}>{t('records.permissions.openRecord')}</Link>
        </dd>
      </div>
    </dl>
  );
}

function PermissionSummary({ permission }: { permission: Permission }) {
  const { t } = useTranslation();
  return (
    <article className="item-view" data-testid="permission-request" data-state={permission.state}>
      <p className="item-title">
        <PermissionBadge state={permission.state} /> <When iso={permission.answeredAt} />
      </p>
      <PermissionFacts permission={permission} />
      {permission.answeredBy && <p className="small">{permission.answeredBy}</p>}
      {permission.answerNote && (
        <p>
          <strong>{t('records.permissions.note')}:</strong>{' '}
          <span className="prose">{permission.answerNote}</span>
        </p>
      )}
    </article>
  );
}

/** A pending request: grant or refuse, with a note (required to refuse). */
function PermissionCard({
  permission,
  onAnswered,
  onError,
}: {
  permission: Permission;
  onAnswered: (granted: boolean) => Promise<void>;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useId();
  const noteId = fieldId(`permission-${permission.id}`, '/note');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const answer = async (granted: boolean) => {
    if (!granted && note.trim() === '') {
      setNoteError(t('records.permissions.noteRequired'));
      document.getElementById(noteId)?.focus();
      return;
    }
    setNoteError(undefined);
    setBusy(true);
    try {
      await recordsApi.answerPermission(permission.id, granted, note.trim());
      await onAnswered(granted);
    } catch (caught) {
      onError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="item-view"
      noValidate
      aria-labelledby={heading}
      onSubmit={(e) => e.preventDefault()}
      data-testid="permission-request"
      data-state="pending"
    >
      <h3 id={heading} className="item-title">
        {t('records.permissions.cardTitle', {
          node: format.country(permission.recipientNode.toUpperCase()),
        })}
      </h3>
      <PermissionFacts permission={permission} />
      <TextAreaField
        id={noteId}
        label={t('records.permissions.note')}
        help={t('records.permissions.noteHelp')}
        maxLength={REASON_MAX}
        rows={2}
        value={note}
        error={noteError}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void answer(true)}>
          {t('records.permissions.grant')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void answer(false)}>
          {t('records.permissions.refuse')}
        </button>
      </div>
    </form>
  );
}
