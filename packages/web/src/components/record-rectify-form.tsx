import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DATA_SUBJECT_CATEGORIES,
  STATEMENT_KINDS,
  type DataSubjectCategory,
} from '../api/exchange.js';
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
import { Field, RadioGroup, SelectField, TextAreaField } from './field.js';
import type { RecordPerform } from './record-actions.js';
import { SUBJECT_FIELDS, fromSubject, toSubject, type SubjectDraft } from './subjects-editor.js';

const PREFIX = 'rectify';

/**
 * Rectification: the subject's fields as they are now, to correct, with the reason. The
 * nodes the record went to are sent the rectified record. Identity documents stay as they are.
 */
export function RectifyForm({ detail, perform }: { detail: RecordDetail; perform: RecordPerform }) {
  const { t } = useTranslation();
  const messages = useFieldMessages();
  const [draft, setDraft] = useState<SubjectDraft>(() => fromSubject(detail.subject));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<PathErrors>({});
  const [serial, setSerial] = useState(0);
  const id = (field: string) => fieldId(PREFIX, `/subject/${field}`);
  const setField = (name: string, value: string) =>
    setDraft({ ...draft, fields: { ...draft.fields, [name]: value } });

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
      <div className="field-grid">
        {SUBJECT_FIELDS[draft.kind].map((spec) => (
          <Field
            key={spec.name}
            id={id(spec.name)}
            label={t(`exchange.subjectFields.${spec.name}`)}
            help={spec.help ? t(`exchange.subjects.help.${spec.help}`) : undefined}
            type={spec.type ?? 'text'}
            maxLength={spec.maxLength}
            autoComplete="off"
            spellCheck={false}
            value={draft.fields[spec.name] ?? ''}
            error={errors[`/subject/${spec.name}`]}
            onChange={(e) => setField(spec.name, e.target.value)}
          />
        ))}
        {draft.kind === 'person' && (
          <>
            <Field
              id={id('aliases')}
              label={t('exchange.subjectFields.aliases')}
              help={t('exchange.subjects.help.aliases')}
              maxLength={3200}
              autoComplete="off"
              spellCheck={false}
              value={draft.aliases}
              error={errors['/subject/aliases']}
              onChange={(e) => setDraft({ ...draft, aliases: e.target.value })}
            />
            <Field
              id={id('nationalities')}
              label={t('exchange.subjectFields.nationalities')}
              help={t('exchange.subjects.help.nationalities')}
              maxLength={30}
              autoComplete="off"
              spellCheck={false}
              value={draft.nationalities}
              error={errors['/subject/nationalities']}
              onChange={(e) => setDraft({ ...draft, nationalities: e.target.value })}
            />
          </>
        )}
      </div>
      <SelectField
        id={id('category')}
        label={t('exchange.subjects.category')}
        help={t('exchange.subjects.categoryHelp')}
        value={draft.category}
        error={errors['/subject/category']}
        onChange={(e) =>
          setDraft({ ...draft, category: e.target.value as DataSubjectCategory | '' })
        }
      >
        <option value="">{t('exchange.form.choose')}</option>
        {DATA_SUBJECT_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`exchange.categories.${c}`)}
          </option>
        ))}
      </SelectField>
      <RadioGroup
        id={id('statement')}
        legend={t('exchange.subjects.statement')}
        help={t('exchange.subjects.statementHelp')}
        name={id('statement')}
        value={draft.statement}
        options={STATEMENT_KINDS.map((s) => ({ value: s, label: t(`exchange.statements.${s}`) }))}
        error={errors['/subject/statement']}
        onChange={(statement) => setDraft({ ...draft, statement })}
      />
      <TextAreaField
        id={id('link')}
        label={t('exchange.subjects.linkOptional')}
        help={t('exchange.subjects.linkHelp')}
        maxLength={2000}
        rows={2}
        value={draft.link}
        error={errors['/subject/link']}
        onChange={(e) => setDraft({ ...draft, link: e.target.value })}
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
