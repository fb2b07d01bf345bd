import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { AGENCY_KINDS, type Agency, type AgencyKind } from '../api/types.js';
import { useMe } from '../auth/session.js';
import { CheckboxField, Field, SelectField } from '../components/field.js';
import { Outcome, PageHeading, useOutcome } from '../components/feedback.js';
import { useFormat } from '../components/format.js';
import { DataTable } from '../components/table.js';
import {
  compact,
  focusFirstError,
  hasErrors,
  useValidation,
  type FieldErrors,
} from '../components/validation.js';

const FIELDS = ['code', 'name', 'country', 'kind'] as const;
type AgencyField = (typeof FIELDS)[number];

function loadAgencies(): Promise<Agency[]> {
  return api<{ items: Agency[] }>('GET', '/api/v1/agencies').then((list) => list.items);
}

export function AgenciesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const { check, fromApi } = useValidation();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const { error, setError, status, clear, run } = useOutcome();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<AgencyField>>({});
  const formHeading = useId();
  const [form, setForm] = useState({
    code: '',
    name: '',
    country: me.user.agency.country,
    kind: 'police' as AgencyKind,
    isSpoc: false,
  });

  const reload = useCallback(() => loadAgencies().then(setAgencies), []);

  useEffect(() => {
    loadAgencies().then(setAgencies).catch(setError);
  }, [setError]);

  const toggle = (agency: Agency) =>
    run(
      async () => {
        await api('PATCH', `/api/v1/agencies/${agency.id}`, { disabled: !agency.disabled });
        return t(agency.disabled ? 'agencies.enabled' : 'agencies.disabledNow', {
          code: agency.code,
        });
      },
      { then: reload },
    );

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    clear();
    const body = {
      code: form.code.trim().toUpperCase(),
      name: form.name.trim(),
      country: form.country.trim().toUpperCase(),
      kind: form.kind,
      isSpoc: form.isSpoc,
    };
    const invalid = compact<AgencyField>({
      code: check(body.code, {
        required: true,
        pattern: /^[A-Z0-9][A-Z0-9-]{1,31}$/,
        patternMessage: 'validation.agencyCode',
      }),
      name: check(body.name, { required: true }),
      country: check(body.country, {
        required: true,
        pattern: /^[A-Z]{2}$/,
        patternMessage: 'validation.country',
      }),
      kind: undefined,
    });
    setFieldErrors(invalid);
    if (hasErrors(invalid)) {
      focusFirstError(element, FIELDS, invalid);
      return;
    }
    await run(
      async () => {
        const agency = await api<Agency>('POST', '/api/v1/agencies', body);
        setForm({ ...form, code: '', name: '', isSpoc: false });
        return t('agencies.created', { code: agency.code });
      },
      {
        then: reload,
        onError: (caught) => {
          const onFields = fromApi(caught, FIELDS, {
            agency_code_taken: 'code',
            outside_reach: 'country',
          });
          setFieldErrors(onFields);
          focusFirstError(element, FIELDS, onFields);
        },
      },
    );
  };

  return (
    <section>
      <PageHeading title={t('agencies.title')}>{t('agencies.title')}</PageHeading>
      <Outcome error={error} status={status} />
      <DataTable caption={t('agencies.caption', { count: agencies.length })}>
        <thead>
          <tr>
            <th scope="col">{t('agencies.code')}</th>
            <th scope="col">{t('agencies.name')}</th>
            <th scope="col">{t('agencies.country')}</th>
            <th scope="col">{t('agencies.kind')}</th>
            <th scope="col">{t('agencies.spoc')}</th>
            <th scope="col">{t('agencies.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((agency) => (
            <tr key={agency.id}>
              <th scope="row">{agency.code}</th>
              <td>{agency.name}</td>
              <td>{format.country(agency.country)}</td>
              <td>{t(`kinds.${agency.kind}`)}</td>
              <td>{agency.isSpoc ? t('common.yes') : t('common.no')}</td>
              <td>{agency.disabled ? t('agencies.disabled') : t('agencies.active')}</td>
              <td>
                {agency.country === me.user.agency.country && agency.id !== me.user.agency.id && (
                  <button type="button" className="secondary" onClick={() => void toggle(agency)}>
                    {agency.disabled ? t('agencies.enable') : t('agencies.disable')}
                    <span className="visually-hidden"> ({agency.code})</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <form
        onSubmit={(e) => void create(e)}
        className="card"
        noValidate
        aria-labelledby={formHeading}
      >
        <h2 id={formHeading}>{t('agencies.createHeading')}</h2>
        <Field
          label={t('agencies.code')}
          help={t('agencies.codeHelp')}
          name="code"
          required
          maxLength={32}
          autoCapitalize="characters"
          spellCheck={false}
          value={form.code}
          error={fieldErrors.code}
          onChange={(e) => setForm({ ...form, code: e.target.value })}
        />
        <Field
          label={t('agencies.name')}
          name="name"
          required
          maxLength={200}
          value={form.name}
          error={fieldErrors.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <Field
          label={t('agencies.country')}
          help={t('agencies.countryHelp')}
          name="country"
          required
          maxLength={2}
          autoCapitalize="characters"
          value={form.country}
          error={fieldErrors.country}
          onChange={(e) => setForm({ ...form, country: e.target.value })}
        />
        <SelectField
          label={t('agencies.kind')}
          name="kind"
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as AgencyKind })}
        >
          {AGENCY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <CheckboxField
          label={t('agencies.spoc')}
          name="isSpoc"
          checked={form.isSpoc}
          onChange={(e) => setForm({ ...form, isSpoc: e.target.checked })}
        />
        <button type="submit">{t('common.create')}</button>
      </form>
    </section>
  );
}
