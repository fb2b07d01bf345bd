import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DATA_SUBJECT_CATEGORIES,
  IDENTITY_DOCUMENT_TYPES,
  MAX_SUBJECTS,
  STATEMENT_KINDS,
  SUBJECT_KINDS,
  type DataSubjectCategory,
  type IdentityDocumentType,
  type StatementKind,
  type Subject,
  type SubjectKind,
} from '../api/exchange.js';
import { fieldId, focusSoon, type PathErrors } from './error-summary.js';
import { Field, RadioGroup, SelectField, TextAreaField } from './field.js';

let serial = 0;
/** A key for a row of an editor that lasts while it is edited (not sent anywhere). */
export function nextUid(): string {
  serial += 1;
  return `u${serial}`;
}

/** How a typed value is tidied before it is sent. */
type Tidy = 'upper' | 'compact-upper';

interface FieldSpec {
  name: string;
  maxLength: number;
  type?: 'text' | 'date' | 'tel' | 'email';
  tidy?: Tidy;
  /** The key of a help text under exchange.subjects.help. */
  help?: string;
}

/** The fields of each kind of subject, as exchange.schemas.ts defines them. */
export const SUBJECT_FIELDS: Record<SubjectKind, readonly FieldSpec[]> = {
  person: [
    { name: 'surname', maxLength: 100 },
    { name: 'surnamePrefix', maxLength: 30, help: 'surnamePrefix' },
    { name: 'givenNames', maxLength: 150 },
    { name: 'birthDate', maxLength: 10, type: 'date' },
    { name: 'birthPlace', maxLength: 100 },
  ],
  vehicle: [
    { name: 'plate', maxLength: 20, tidy: 'upper' },
    { name: 'plateCountry', maxLength: 2, tidy: 'upper', help: 'country' },
    { name: 'vin', maxLength: 17, tidy: 'compact-upper', help: 'vin' },
    { name: 'make', maxLength: 60 },
    { name: 'model', maxLength: 60 },
    { name: 'colour', maxLength: 40 },
  ],
  organisation: [
    { name: 'name', maxLength: 200 },
    { name: 'registrationNumber', maxLength: 60 },
    { name: 'country', maxLength: 2, tidy: 'upper', help: 'country' },
  ],
  phone: [{ name: 'number', maxLength: 30, type: 'tel', help: 'phone' }],
  email: [{ name: 'address', maxLength: 254, type: 'email' }],
  address: [
    { name: 'street', maxLength: 150 },
    { name: 'houseNumber', maxLength: 20 },
    { name: 'postalCode', maxLength: 20 },
    { name: 'city', maxLength: 100 },
    { name: 'country', maxLength: 2, tidy: 'upper', help: 'country' },
  ],
  bank_account: [
    { name: 'iban', maxLength: 42, tidy: 'compact-upper', help: 'iban' },
    { name: 'bic', maxLength: 11, tidy: 'compact-upper', help: 'bic' },
    { name: 'holder', maxLength: 200 },
  ],
};

export interface DocumentDraft {
  uid: string;
  type: IdentityDocumentType;
  number: string;
  issuingCountry: string;
}

/** A subject as it is being written: text as typed, choices possibly not yet made. */
export interface SubjectDraft {
  uid: string;
  kind: SubjectKind;
  id?: string | undefined;
  category: DataSubjectCategory | '';
  statement: StatementKind | '';
  link: string;
  fields: Record<string, string>;
  /** A person's aliases, separated by semicolons. */
  aliases: string;
  /** A person's nationalities, as country codes separated by commas. */
  nationalities: string;
  documents: DocumentDraft[];
}

export function emptySubject(kind: SubjectKind): SubjectDraft {
  return {
    uid: nextUid(),
    kind,
    category: '',
    statement: '',
    link: '',
    fields: {},
    aliases: '',
    nationalities: '',
    documents: [],
  };
}

function tidy(value: string, how: Tidy | undefined): string {
  const trimmed = value.trim();
  if (how === 'upper') return trimmed.toUpperCase();
  if (how === 'compact-upper') return trimmed.replace(/\s+/g, '').toUpperCase();
  return trimmed;
}

const list = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** A subject as the API takes it: tidied, without the empty fields. */
export function toSubject(draft: SubjectDraft): Subject {
  const subject: Record<string, unknown> = { kind: draft.kind };
  if (draft.id !== undefined) subject.id = draft.id;
  if (draft.category !== '') subject.category = draft.category;
  if (draft.statement !== '') subject.statement = draft.statement;
  if (draft.link.trim() !== '') subject.link = draft.link.trim();
  for (const spec of SUBJECT_FIELDS[draft.kind]) {
    const value = tidy(draft.fields[spec.name] ?? '', spec.tidy);
    if (value !== '') subject[spec.name] = value;
  }
  if (draft.kind === 'person') {
    const aliases = list(draft.aliases, /;/);
    if (aliases.length > 0) subject.aliases = aliases;
    const nationalities = list(draft.nationalities, /[,;\s]+/).map((n) => n.toUpperCase());
    if (nationalities.length > 0) subject.nationalities = nationalities;
    const documents = draft.documents
      .filter((d) => d.number.trim() !== '' || d.issuingCountry.trim() !== '')
      .map((d) => ({
        type: d.type,
        number: d.number.trim(),
        ...(d.issuingCountry.trim() !== '' && { issuingCountry: tidy(d.issuingCountry, 'upper') }),
      }));
    if (documents.length > 0) subject.documents = documents;
  }
  return subject as unknown as Subject;
}

/** A subject from the API, to edit. */
export function fromSubject(subject: Subject): SubjectDraft {
  const draft = emptySubject(subject.kind);
  draft.id = subject.id;
  draft.category = subject.category ?? '';
  draft.statement = subject.statement ?? '';
  draft.link = subject.link ?? '';
  const values = subject as unknown as Record<string, unknown>;
  for (const spec of SUBJECT_FIELDS[subject.kind]) {
    const value = values[spec.name];
    if (typeof value === 'string') draft.fields[spec.name] = value;
  }
  if (subject.kind === 'person') {
    draft.aliases = (subject.aliases ?? []).join('; ');
    draft.nationalities = (subject.nationalities ?? []).join(', ');
    draft.documents = (subject.documents ?? []).map((d) => ({
      uid: nextUid(),
      type: d.type,
      number: d.number,
      issuingCountry: d.issuingCountry ?? '',
    }));
  }
  return draft;
}

/** "Subject 2 (person)" for a pointer into the subjects at basePath, for an error summary. */
export function useSubjectContext(basePath: string, drafts: readonly SubjectDraft[]) {
  const { t } = useTranslation();
  return (pointer: string): string | undefined => {
    if (!pointer.startsWith(`${basePath}/`)) return undefined;
    const index = Number(pointer.slice(basePath.length + 1).split('/')[0]);
    const draft = drafts[index];
    if (!Number.isInteger(index) || !draft) return undefined;
    return t('exchange.subjects.context', {
      number: index + 1,
      kind: t(`exchange.subjectKinds.${draft.kind}`),
    });
  };
}

/**
 * Edits the subjects of a request, a provision or an item: add and remove persons, vehicles,
 * organisations, phone numbers, e-mail and postal addresses and bank accounts, each with its
 * data-subject category, whether it is a fact or an assessment, and its link to the purpose.
 */
export function SubjectsEditor({
  prefix,
  basePath,
  subjects,
  onChange,
  errors,
  linkRequired,
  legend,
}: {
  /** The form's id prefix (see fieldId). */
  prefix: string;
  /** The JSON pointer of the subjects in what the form sends, e.g. "/subjects". */
  basePath: string;
  subjects: SubjectDraft[];
  onChange: (subjects: SubjectDraft[]) => void;
  errors: PathErrors;
  /** Requests must link every subject to the purpose (art. 4(3)(d)). */
  linkRequired: boolean;
  legend: string;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<SubjectKind>('person');
  const addId = fieldId(prefix, basePath);

  const add = () => {
    const index = subjects.length;
    onChange([...subjects, emptySubject(kind)]);
    const first = SUBJECT_FIELDS[kind][0]?.name ?? 'category';
    focusSoon(fieldId(prefix, `${basePath}/${index}/${first}`));
  };

  const remove = (index: number) => {
    onChange(subjects.filter((_, i) => i !== index));
    focusSoon(addId);
  };

  const update = (index: number, draft: SubjectDraft) =>
    onChange(subjects.map((s, i) => (i === index ? draft : s)));

  const listError = errors[basePath];
  return (
    <fieldset className={listError ? 'subjects field-invalid' : 'subjects'}>
      <legend>{legend}</legend>
      <p className="help">{t('exchange.subjects.intro')}</p>
      {subjects.length === 0 && <p>{t('exchange.subjects.none')}</p>}
      {subjects.map((draft, index) => (
        <SubjectFields
          key={draft.uid}
          prefix={prefix}
          path={`${basePath}/${index}`}
          number={index + 1}
          draft={draft}
          errors={errors}
          linkRequired={linkRequired}
          onChange={(next) => update(index, next)}
          onRemove={() => remove(index)}
        />
      ))}
      {subjects.length < MAX_SUBJECTS && (
        <div className="add-row">
          <SelectField
            id={addId}
            label={t('exchange.subjects.kindToAdd')}
            value={kind}
            error={listError}
            onChange={(e) => setKind(e.target.value as SubjectKind)}
          >
            {SUBJECT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`exchange.subjectKinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <button type="button" className="secondary" onClick={add}>
            {t('exchange.subjects.add')}
          </button>
        </div>
      )}
    </fieldset>
  );
}

/**
 * One subject's fields: those of its kind, identity documents for a person, its
 * category, fact or assessment, and its link to the purpose. Also the rectification
 * form of a record (without a remove button).
 */
export function SubjectFields({
  prefix,
  path,
  number,
  draft,
  errors,
  linkRequired,
  onChange,
  onRemove,
}: {
  prefix: string;
  path: string;
  number: number;
  draft: SubjectDraft;
  errors: PathErrors;
  linkRequired: boolean;
  onChange: (draft: SubjectDraft) => void;
  /** Offered in a list of subjects; absent for a single one. */
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const id = (field: string) => fieldId(prefix, `${path}/${field}`);
  const error = (field: string) => errors[`${path}/${field}`];
  const kindLabel = t(`exchange.subjectKinds.${draft.kind}`);
  const setField = (name: string, value: string) =>
    onChange({ ...draft, fields: { ...draft.fields, [name]: value } });
  const setDocument = (index: number, document: DocumentDraft) =>
    onChange({
      ...draft,
      documents: draft.documents.map((d, i) => (i === index ? document : d)),
    });
  const isOrganisation = draft.kind === 'organisation';

  return (
    <fieldset className="subject" data-testid="subject">
      <legend>{t('exchange.subjects.legend', { number, kind: kindLabel })}</legend>
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
            error={error(spec.name)}
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
              error={error('aliases')}
              onChange={(e) => onChange({ ...draft, aliases: e.target.value })}
            />
            <Field
              id={id('nationalities')}
              label={t('exchange.subjectFields.nationalities')}
              help={t('exchange.subjects.help.nationalities')}
              maxLength={30}
              autoComplete="off"
              spellCheck={false}
              value={draft.nationalities}
              error={error('nationalities')}
              onChange={(e) => onChange({ ...draft, nationalities: e.target.value })}
            />
          </>
        )}
      </div>
      {draft.kind === 'person' && (
        <DocumentsEditor
          prefix={prefix}
          path={`${path}/documents`}
          documents={draft.documents}
          errors={errors}
          onChange={(documents) => onChange({ ...draft, documents })}
          setDocument={setDocument}
        />
      )}
      <SelectField
        id={id('category')}
        label={
          isOrganisation ? t('exchange.subjects.categoryOptional') : t('exchange.subjects.category')
        }
        help={t('exchange.subjects.categoryHelp')}
        value={draft.category}
        error={error('category')}
        onChange={(e) =>
          onChange({ ...draft, category: e.target.value as DataSubjectCategory | '' })
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
        options={STATEMENT_KINDS.map((s) => ({
          value: s,
          label: t(`exchange.statements.${s}`),
        }))}
        error={error('statement')}
        onChange={(statement) => onChange({ ...draft, statement })}
      />
      <TextAreaField
        id={id('link')}
        label={linkRequired ? t('exchange.subjects.link') : t('exchange.subjects.linkOptional')}
        help={t('exchange.subjects.linkHelp')}
        maxLength={2000}
        rows={2}
        value={draft.link}
        error={error('link')}
        onChange={(e) => onChange({ ...draft, link: e.target.value })}
      />
      {onRemove && (
        <button type="button" className="secondary" onClick={onRemove}>
          {t('exchange.subjects.remove', { number, kind: kindLabel })}
        </button>
      )}
    </fieldset>
  );
}

function DocumentsEditor({
  prefix,
  path,
  documents,
  errors,
  onChange,
  setDocument,
}: {
  prefix: string;
  path: string;
  documents: DocumentDraft[];
  errors: PathErrors;
  onChange: (documents: DocumentDraft[]) => void;
  setDocument: (index: number, document: DocumentDraft) => void;
}) {
  const { t } = useTranslation();
  const addId = fieldId(prefix, `${path}-add`);
  return (
    <fieldset className="documents">
      <legend>{t('exchange.subjects.documents')}</legend>
      {documents.length === 0 && <p className="help">{t('exchange.subjects.noDocuments')}</p>}
      {documents.map((doc, index) => {
        const at = `${path}/${index}`;
        const number = index + 1;
        return (
          <div className="document-row" key={doc.uid}>
            <SelectField
              id={fieldId(prefix, `${at}/type`)}
              label={t('exchange.subjects.documentType', { number })}
              value={doc.type}
              onChange={(e) =>
                setDocument(index, { ...doc, type: e.target.value as IdentityDocumentType })
              }
            >
              {IDENTITY_DOCUMENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`exchange.documentTypes.${type}`)}
                </option>
              ))}
            </SelectField>
            <Field
              id={fieldId(prefix, `${at}/number`)}
              label={t('exchange.subjects.documentNumber', { number })}
              maxLength={60}
              autoComplete="off"
              spellCheck={false}
              value={doc.number}
              error={errors[`${at}/number`]}
              onChange={(e) => setDocument(index, { ...doc, number: e.target.value })}
            />
            <Field
              id={fieldId(prefix, `${at}/issuingCountry`)}
              label={t('exchange.subjects.documentCountry', { number })}
              help={t('exchange.subjects.help.country')}
              maxLength={2}
              autoComplete="off"
              spellCheck={false}
              value={doc.issuingCountry}
              error={errors[`${at}/issuingCountry`]}
              onChange={(e) => setDocument(index, { ...doc, issuingCountry: e.target.value })}
            />
            <div className="row-action">
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  onChange(documents.filter((_, i) => i !== index));
                  focusSoon(addId);
                }}
              >
                {t('exchange.subjects.removeDocument', { number })}
              </button>
            </div>
          </div>
        );
      })}
      {documents.length < 10 && (
        <button
          type="button"
          className="secondary"
          id={addId}
          onClick={() => {
            onChange([
              ...documents,
              { uid: nextUid(), type: 'passport', number: '', issuingCountry: '' },
            ]);
            focusSoon(fieldId(prefix, `${path}/${documents.length}/type`));
          }}
        >
          {t('exchange.subjects.addDocument')}
        </button>
      )}
    </fieldset>
  );
}
