import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSULTATION_NOTE_MAX,
  CONSULTATION_NOTE_MIN,
  consultationNoteProblem,
  reasonLabel,
  recordsApi,
  type ConsultationReason,
  type RecordDetail,
} from '../api/records.js';
import { ErrorSummary, fieldId, type PathErrors } from './error-summary.js';
import { SelectField, TextAreaField } from './field.js';
import { RecordErrorAlert } from './record-feedback.js';

const PREFIX = 'consult';

/**
 * A record the user has no context for (no request of theirs it occurs in): they may still
 * consult it, stating a reason from the node's list and a note. The consultation is logged with
 * both, and the data protection officer sees it.
 */
export function RecordConsultForm({
  recordId,
  onConsulted,
}: {
  recordId: string;
  onConsulted: (detail: RecordDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const [reasons, setReasons] = useState<ConsultationReason[]>();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<PathErrors>({});
  const [serial, setSerial] = useState(0);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    recordsApi
      .reasons()
      .then((list) => setReasons(list.items))
      .catch(setError);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: PathErrors = {};
    if (reason === '') found['/reason'] = t('records.consult.reasonRequired');
    const problem = consultationNoteProblem(note);
    if (problem !== undefined) {
      found['/note'] = t(`records.consult.note_${problem}`, {
        min: CONSULTATION_NOTE_MIN,
        max: CONSULTATION_NOTE_MAX,
      });
    }
    setErrors(found);
    setSerial((n) => n + 1);
    setError(undefined);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onConsulted(await recordsApi.consult(recordId, reason, note.trim()));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card" data-testid="record-no-context">
      <p className="notice">
        <strong>{t('records.consult.noContext')}</strong>
      </p>
      <p>{t('records.consult.logged')}</p>
      <RecordErrorAlert error={error} />
      <form noValidate onSubmit={(e) => void submit(e)} aria-label={t('records.consult.formLabel')}>
        <ErrorSummary prefix={PREFIX} errors={errors} serial={serial} />
        <SelectField
          id={fieldId(PREFIX, '/reason')}
          label={t('records.consult.reason')}
          value={reason}
          error={errors['/reason']}
          onChange={(e) => setReason(e.target.value)}
          disabled={reasons === undefined}
        >
          <option value="">
            {reasons === undefined ? t('common.loading') : t('records.choose')}
          </option>
          {(reasons ?? []).map((r) => (
            <option key={r.code} value={r.code}>
              {reasonLabel(r, i18n.language)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id={fieldId(PREFIX, '/note')}
          label={t('records.consult.note')}
          help={t('records.consult.noteHelp', {
            min: CONSULTATION_NOTE_MIN,
            max: CONSULTATION_NOTE_MAX,
          })}
          maxLength={CONSULTATION_NOTE_MAX}
          rows={3}
          value={note}
          error={errors['/note']}
          onChange={(e) => setNote(e.target.value)}
        />
        <div className="button-row">
          <button type="submit" disabled={busy}>
            {t('records.consult.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
