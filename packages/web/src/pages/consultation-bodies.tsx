import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client.js';
import {
  BODY_LEVELS,
  COUNTRIES,
  consultationApi,
  type Body,
  type BodyCreate,
  type BodyLevel,
  type Country,
} from '../api/consultation.js';
import { useMe } from '../auth/session.js';
import {
  ConsultationOutcome,
  FormErrorSummary,
  useConsultationError,
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
import { compact, hasErrors, useValidation, type FieldErrors } from '../components/validation.js';

/**
 * The consultation bodies the user reaches: every body for the secretariat's editors, the bodies
 * one is a member of for everyone else (the node decides). Editors create new bodies here.
 */
export function ConsultationBodiesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const when = useConsultationFormat();
  const [bodies, setBodies] = useState<Body[]>();
  const [loadError, setLoadError] = useState<unknown>();
  const isEditor = me.user.roles.includes('editor');

  useEffect(() => {
    consultationApi
      .bodies()
      .then((list) => setBodies(list.items))
      .catch(setLoadError);
  }, []);

  const sorted = [...(bodies ?? [])].sort((a, b) =>
    when.name(a.names).localeCompare(when.name(b.names), when.locale),
  );
  const title = t('consultation.bodies.title');
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('consultation.bodies.intro')}</p>
      <p className="button-row">
        <Link to="/consultation/actions">{t('consultation.bodies.toActions')}</Link>
        <a href={consultationApi.calendarUrl()} download="consultation.ics">
          {t('consultation.calendarAll')}
        </a>
      </p>
      <ConsultationOutcome error={loadError} />
      <DataTable
        caption={
          bodies === undefined
            ? t('consultation.bodies.caption')
            : t('consultation.bodies.captionCount', { count: sorted.length })
        }
      >
        <thead>
          <tr>
            <th scope="col">{t('consultation.fields.name')}</th>
            <th scope="col">{t('consultation.fields.level')}</th>
            <th scope="col">{t('consultation.fields.countries')}</th>
            <th scope="col" className="number">
              {t('consultation.fields.memberCount')}
            </th>
            <th scope="col">{t('consultation.fields.nextMeeting')}</th>
            <th scope="col" className="number">
              {t('consultation.fields.openActions')}
            </th>
            <th scope="col" className="number">
              {t('consultation.fields.overdueActions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 && (
            <tr>
              <td colSpan={7}>
                {bodies === undefined
                  ? loadError === undefined
                    ? t('common.loading')
                    : '—'
                  : t('consultation.bodies.none')}
              </td>
            </tr>
          )}
          {sorted.map((body) => (
            <tr key={body.id} data-testid="body-row">
              <th scope="row">
                <Link to={`/consultation/bodies/${body.id}`}>{when.name(body.names)}</Link>
                <span className="small block">{body.code}</span>
              </th>
              <td>{t(`consultation.levels.${body.level}`)}</td>
              <td>{body.countries.map((c) => format.country(c)).join(', ')}</td>
              <td className="number">{format.number(body.memberCount)}</td>
              <td>
                {body.nextMeeting === null ? (
                  <span className="small">{t('consultation.bodies.noMeeting')}</span>
                ) : (
                  <time dateTime={body.nextMeeting}>{when.dateTime(body.nextMeeting)}</time>
                )}
              </td>
              <td className="number">{format.number(body.openActions)}</td>
              <td className={body.overdueActions > 0 ? 'number deadline-overdue' : 'number'}>
                {format.number(body.overdueActions)}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {isEditor && <NewBodyForm />}
    </section>
  );
}

const FIELDS = ['code', 'nameNl', 'nameFr', 'nameDe', 'nameEn', 'level', 'countries'] as const;
type BodyField = (typeof FIELDS)[number];

interface BodyForm {
  code: string;
  nameNl: string;
  nameFr: string;
  nameDe: string;
  nameEn: string;
  level: BodyLevel | '';
  countries: Country[];
  description: string;
}

const EMPTY: BodyForm = {
  code: '',
  nameNl: '',
  nameFr: '',
  nameDe: '',
  nameEn: '',
  level: '',
  countries: [],
  description: '',
};

/** Which form field an error of the API points at ("body/names/nl" → nameNl). */
function fieldOfPath(path: string): BodyField | undefined {
  const parts = path
    .replace(/^\/?body\/?/, '')
    .replace(/^\//, '')
    .split('/');
  if (parts[0] === 'names') {
    const language = parts[1] ?? '';
    const key = `name${language.charAt(0).toUpperCase()}${language.slice(1)}`;
    return FIELDS.find((f) => f === key);
  }
  return FIELDS.find((f) => f === parts[0]);
}

/** A new body: a code for addresses and files, its names, level and countries. */
function NewBodyForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { check } = useValidation();
  const message = useConsultationError();
  const heading = useId();
  const [form, setForm] = useState<BodyForm>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<BodyField>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [serial, setSerial] = useState(0);
  const set = (changes: Partial<BodyForm>) => setForm({ ...form, ...changes });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    setSerial((n) => n + 1);
    const invalid = compact<BodyField>({
      code: check(form.code.trim(), {
        required: true,
        pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/,
        patternMessage: 'consultation.validation.code',
      }),
      nameNl: check(form.nameNl, { required: true }),
      nameFr: check(form.nameFr, { required: true }),
      nameDe: undefined,
      nameEn: undefined,
      level: form.level === '' ? t('consultation.validation.level') : undefined,
      countries: form.countries.length === 0 ? t('consultation.validation.countries') : undefined,
    });
    setErrors(invalid);
    if (hasErrors(invalid) || form.level === '') return;
    const body: BodyCreate = {
      code: form.code.trim(),
      names: {
        nl: form.nameNl.trim(),
        fr: form.nameFr.trim(),
        ...(form.nameDe.trim() !== '' && { de: form.nameDe.trim() }),
        ...(form.nameEn.trim() !== '' && { en: form.nameEn.trim() }),
      },
      level: form.level,
      countries: COUNTRIES.filter((c) => form.countries.includes(c)),
      ...(form.description.trim() !== '' && { description: form.description.trim() }),
    };
    setBusy(true);
    try {
      const created = await consultationApi.createBody(body);
      void navigate(`/consultation/bodies/${created.id}`, {
        state: { notice: t('consultation.bodies.created', { code: created.code }) },
      });
    } catch (caught) {
      setBusy(false);
      setError(caught);
      const onFields: FieldErrors<BodyField> = {};
      if (caught instanceof ApiError) {
        for (const item of caught.errors) {
          const field = fieldOfPath(item.path);
          if (field !== undefined) onFields[field] = t('validation.invalid');
        }
        if (caught.code === 'body_code_taken') onFields.code = message(caught);
      }
      setErrors(onFields);
    }
  };

  const toggle = (country: Country, checked: boolean) =>
    set({
      countries: checked
        ? [...form.countries, country]
        : form.countries.filter((c) => c !== country),
    });

  return (
    <form
      className="card"
      noValidate
      aria-labelledby={heading}
      onSubmit={(e) => void submit(e)}
      data-testid="new-body"
    >
      <h2 id={heading}>{t('consultation.bodies.newTitle')}</h2>
      <FormErrorSummary prefix="nb" errors={errors} order={FIELDS} serial={serial} />
      <ConsultationOutcome error={error} />
      <Field
        label={t('consultation.fields.code')}
        help={t('consultation.bodies.codeHelp')}
        id="nb-code"
        name="code"
        autoComplete="off"
        spellCheck={false}
        maxLength={60}
        value={form.code}
        error={errors.code}
        onChange={(e) => set({ code: e.target.value })}
      />
      <div className="field-grid">
        <Field
          label={t('consultation.fields.nameNl')}
          id="nb-nameNl"
          name="nameNl"
          lang="nl"
          maxLength={200}
          value={form.nameNl}
          error={errors.nameNl}
          onChange={(e) => set({ nameNl: e.target.value })}
        />
        <Field
          label={t('consultation.fields.nameFr')}
          id="nb-nameFr"
          name="nameFr"
          lang="fr"
          maxLength={200}
          value={form.nameFr}
          error={errors.nameFr}
          onChange={(e) => set({ nameFr: e.target.value })}
        />
        <Field
          label={t('consultation.fields.nameDe')}
          help={t('consultation.optional')}
          id="nb-nameDe"
          name="nameDe"
          lang="de"
          maxLength={200}
          value={form.nameDe}
          error={errors.nameDe}
          onChange={(e) => set({ nameDe: e.target.value })}
        />
        <Field
          label={t('consultation.fields.nameEn')}
          help={t('consultation.optional')}
          id="nb-nameEn"
          name="nameEn"
          lang="en"
          maxLength={200}
          value={form.nameEn}
          error={errors.nameEn}
          onChange={(e) => set({ nameEn: e.target.value })}
        />
      </div>
      <SelectField
        label={t('consultation.fields.level')}
        id="nb-level"
        name="level"
        value={form.level}
        error={errors.level}
        onChange={(e) => set({ level: e.target.value as BodyLevel | '' })}
      >
        <option value="">{t('consultation.choose')}</option>
        {BODY_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`consultation.levels.${level}`)}
          </option>
        ))}
      </SelectField>
      <fieldset
        className={errors.countries ? 'field-invalid' : undefined}
        aria-describedby={errors.countries ? 'new-body-countries-error' : undefined}
      >
        <legend>{t('consultation.fields.countries')}</legend>
        {errors.countries && (
          <FieldError id="new-body-countries-error" message={errors.countries} />
        )}
        {COUNTRIES.map((country, i) => (
          <CheckboxField
            key={country}
            label={format.country(country)}
            id={i === 0 ? 'nb-countries' : undefined}
            name={i === 0 ? 'countries' : `countries-${country}`}
            checked={form.countries.includes(country)}
            onChange={(e) => toggle(country, e.target.checked)}
          />
        ))}
      </fieldset>
      <TextAreaField
        label={t('consultation.fields.description')}
        help={t('consultation.optional')}
        id="nb-description"
        name="description"
        maxLength={2000}
        value={form.description}
        onChange={(e) => set({ description: e.target.value })}
      />
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {t('consultation.bodies.create')}
        </button>
      </div>
    </form>
  );
}
