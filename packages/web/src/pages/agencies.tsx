import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { AGENCY_KINDS, type Agency, type AgencyKind } from '../api/types.js';
import { useMe } from '../auth/session.js';
import { Field, SelectField } from '../components/field.js';
import { Outcome, PageHeading, useOutcome } from '../components/feedback.js';

export function AgenciesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const { error, setError, status, run } = useOutcome();
  const [form, setForm] = useState({
    code: '',
    name: '',
    country: me.user.agency.country,
    kind: 'police' as AgencyKind,
    isSpoc: false,
  });

  const load = useCallback(
    () =>
      api<{ items: Agency[] }>('GET', '/api/v1/agencies').then((list) => setAgencies(list.items)),
    [],
  );

  useEffect(() => {
    api<{ items: Agency[] }>('GET', '/api/v1/agencies')
      .then((list) => setAgencies(list.items))
      .catch(setError);
  }, [setError]);

  const create = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const agency = await api<Agency>('POST', '/api/v1/agencies', {
        ...form,
        code: form.code.trim().toUpperCase(),
        name: form.name.trim(),
        country: form.country.trim().toUpperCase(),
      });
      setForm({ ...form, code: '', name: '', isSpoc: false });
      return t('agencies.created', { code: agency.code });
    }, load);
  };

  const toggle = (agency: Agency) =>
    void run(async () => {
      await api('PATCH', `/api/v1/agencies/${agency.id}`, { disabled: !agency.disabled });
      return t('agencies.updated', { code: agency.code });
    }, load);

  return (
    <section>
      <PageHeading title={t('agencies.title')}>{t('agencies.title')}</PageHeading>
      <Outcome error={error} status={status} />
      <div className="table-wrap">
        <table>
          <caption>{t('agencies.caption')}</caption>
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
                <td>{agency.country}</td>
                <td>{t(`kinds.${agency.kind}`)}</td>
                <td>{agency.isSpoc ? t('common.yes') : t('common.no')}</td>
                <td>{agency.disabled ? t('agencies.disabled') : t('agencies.active')}</td>
                <td>
                  {agency.country === me.user.agency.country && agency.id !== me.user.agency.id && (
                    <button type="button" className="secondary" onClick={() => toggle(agency)}>
                      {agency.disabled
                        ? t('agencies.enable', { code: agency.code })
                        : t('agencies.disable', { code: agency.code })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={create} className="card">
        <h2>{t('agencies.createHeading')}</h2>
        <Field
          label={t('agencies.code')}
          help={t('agencies.codeHelp')}
          required
          maxLength={32}
          value={form.code}
          onChange={(e) => setForm({ ...form, code: e.target.value })}
        />
        <Field
          label={t('agencies.name')}
          required
          maxLength={200}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <Field
          label={t('agencies.country')}
          help={t('agencies.countryHelp')}
          required
          maxLength={2}
          value={form.country}
          onChange={(e) => setForm({ ...form, country: e.target.value })}
        />
        <SelectField
          label={t('agencies.kind')}
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as AgencyKind })}
        >
          {AGENCY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <div className="check">
          <input
            id="agency-spoc"
            type="checkbox"
            checked={form.isSpoc}
            onChange={(e) => setForm({ ...form, isSpoc: e.target.checked })}
          />
          <label htmlFor="agency-spoc">{t('agencies.spoc')}</label>
        </div>
        <button type="submit">{t('common.create')}</button>
      </form>
    </section>
  );
}
