import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkSubjectFormats } from '../api/exchange-rules.js';
import {
  REASON_MAX,
  REASON_MIN,
  reasonProblem,
  recordsApi,
  type RecordDetail,
} from '../api/records.js';
import { ErrorSummary, fieldId, type PathErrors } from './error-summary.js';
import { useFieldMessages } from './exchange-errors.js';
import { TextAreaField } from './field.js';
import type { RecordPerform } from './record-actions.js';
import { SubjectFields, fromSubject, toSubject, type SubjectDraft } from './subjects-editor.js';

const PREFIX = 'rectify';

/**
 * Rectification: the subject's fields as they are now, to correct, with the reason. The
 * nodes the record went to are sent the rectified record.
 */
export function RectifyForm({ detail, perform }: { detail: RecordDetail; perform: RecordPerform }) {
  const { t } = useTranslation();
  const messages = useFieldMessages();
  const [draft, setDraft] = useState<SubjectDraft>(() => fromSubject(detail.subject));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<PathErrors>({});
  const [serial, setSerial] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const subject = toSubject(draft);
    const found: PathErrors = {};
    for (const [pointer, message] of Object.entries(
      messages.fromShortcomings(checkSubjectFormats([subject], '/subjects')),
    )) {
      found[pointer.replace(/^\/subjects\/0/, '/subject')] = message;
    }
    const problem = reasonProblem(reason);
    if (problem === 'required') found['/reason'] = t('records.actions.reasonRequired');
    if (problem === 'tooShort') found['/reason'] = t('validation.tooShort', { min: REASON_MIN });
    setErrors(found);
    setSerial((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    const result = await perform(
      () => recordsApi.rectify(detail.id, subject, reason.trim()),
      () => t('records.actions.rectify.done'),
    );
    if (result.ok) setReason('');
    else {
      setErrors(messages.fromApi(result.error));
      setSerial((n) => n + 1);
    }
  };

  return (
    <form
      className="card action"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${PREFIX}-title`}
      data-testid="action-rectify"
    >
      <h3 id={`${PREFIX}-title`}>{t('records.actions.rectify.title')}</h3>
      <p className="help">{t('records.actions.rectify.intro')}</p>
      <ErrorSummary prefix={PREFIX} errors={errors} serial={serial} level={4} />
      <SubjectFields
        prefix={PREFIX}
        path="/subject"
        number={1}
        draft={draft}
        errors={errors}
        linkRequired={false}
        onChange={setDraft}
      />
      <TextAreaField
        id={fieldId(PREFIX, '/reason')}
        label={t('records.actions.rectify.reason')}
        help={t('records.actions.reasonHelp', { min: REASON_MIN })}
        maxLength={REASON_MAX}
        rows={2}
        value={reason}
        error={errors['/reason']}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="button-row">
        <button type="submit">{t('records.actions.rectify.submit')}</button>
      </div>
    </form>
  );
}
