import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.js';
import {
  LANGUAGES,
  ROLES,
  type Agency,
  type Language,
  type Role,
  type User,
} from '../api/types.js';
import { useMe } from '../auth/session.js';
import { Field, SelectField } from '../components/field.js';
import { Outcome, PageHeading, useOutcome } from '../components/feedback.js';

const EMPTY_FORM = {
  username: '',
  displayName: '',
  agencyId: '',
  roles: [] as Role[],
  language: 'nl' as Language,
  password: '',
};

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = me.user.roles.includes('admin');
  const [users, setUsers] = useState<User[]>([]);
  const [total, setTotal] = useState(0);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [search, setSearch] = useState('');
  const [agencyFilter, setAgencyFilter] = useState('');
  const [form, setForm] = useState({ ...EMPTY_FORM, agencyId: me.user.agency.id });
  const { error, setError, status, run } = useOutcome();

  const load = useCallback(
    (q: string, agencyId: string) =>
      api<{ items: User[]; total: number }>(
        'GET',
        `/api/v1/users${query({ q, agencyId, limit: 200 })}`,
      ).then((page) => {
        setUsers(page.items);
        setTotal(page.total);
      }),
    [],
  );

  useEffect(() => {
    api<{ items: User[]; total: number }>('GET', `/api/v1/users${query({ limit: 200 })}`)
      .then((page) => {
        setUsers(page.items);
        setTotal(page.total);
      })
      .catch(setError);
    api<{ items: Agency[] }>('GET', '/api/v1/agencies')
      .then((list) => setAgencies(list.items.filter((a) => a.country === me.user.agency.country)))
      .catch(setError);
  }, [me.user.agency.country, setError]);

  const filter = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    load(search.trim(), agencyFilter).catch(setError);
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    void run(
      async () => {
        const user = await api<User>('POST', '/api/v1/users', {
          ...form,
          username: form.username.trim(),
          displayName: form.displayName.trim(),
        });
        setForm({ ...EMPTY_FORM, agencyId: form.agencyId });
        return t('users.created', { username: user.username });
      },
      () => load(search, agencyFilter),
    );
  };

  const patch = (user: User, body: object) =>
    void run(
      async () => {
        await api('PATCH', `/api/v1/users/${user.id}`, body);
        return t('users.updated', { username: user.username });
      },
      () => load(search, agencyFilter),
    );

  const resetSecondFactor = (user: User) =>
    void run(
      async () => {
        await api('POST', `/api/v1/users/${user.id}/second-factor/reset`);
        return t('users.updated', { username: user.username });
      },
      () => load(search, agencyFilter),
    );

  const toggleRole = (role: Role, checked: boolean) =>
    setForm({
      ...form,
      roles: checked ? [...form.roles, role] : form.roles.filter((r) => r !== role),
    });

  return (
    <section>
      <PageHeading title={t('users.title')}>{t('users.title')}</PageHeading>
      <Outcome error={error} status={status} />
      <form
        onSubmit={filter}
        className="filters"
        role="search"
        aria-label={t('users.filterHeading')}
      >
        <Field
          label={t('users.search')}
          type="search"
          maxLength={100}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {isAdmin && (
          <SelectField
            label={t('users.agency')}
            value={agencyFilter}
            onChange={(e) => setAgencyFilter(e.target.value)}
          >
            <option value="">{t('users.allAgencies')}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code}
              </option>
            ))}
          </SelectField>
        )}
        <button type="submit">{t('users.filter')}</button>
      </form>
      <div className="table-wrap">
        <table>
          <caption>{t('users.caption', { count: total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.username')}</th>
              <th scope="col">{t('users.displayName')}</th>
              <th scope="col">{t('users.agency')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('users.secondFactor')}</th>
              <th scope="col">{t('users.status')}</th>
              {isAdmin && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {users.length === 0 && (
              <tr>
                <td colSpan={isAdmin ? 7 : 6}>{t('users.none')}</td>
              </tr>
            )}
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">{user.username}</th>
                <td>{user.displayName}</td>
                <td>{user.agency.code}</td>
                <td>{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                <td>
                  {user.secondFactorEnrolled ? t('account.enrolled') : t('account.notEnrolled')}
                </td>
                <td>{user.disabled ? t('users.disabled') : t('users.active')}</td>
                {isAdmin && (
                  <td className="actions">
                    {user.id !== me.user.id && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => patch(user, { disabled: !user.disabled })}
                      >
                        {user.disabled
                          ? t('users.enable', { username: user.username })
                          : t('users.disable', { username: user.username })}
                      </button>
                    )}
                    {user.secondFactorEnrolled && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => resetSecondFactor(user)}
                      >
                        {t('users.resetSecondFactor', { username: user.username })}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isAdmin && (
        <form onSubmit={create} className="card">
          <h2>{t('users.createHeading')}</h2>
          <Field
            label={t('users.username')}
            help={t('users.usernameHelp')}
            required
            maxLength={64}
            autoComplete="off"
            value={form.username}
            onChange={(e) => setForm({ ...form, username: e.target.value })}
          />
          <Field
            label={t('users.displayName')}
            required
            maxLength={200}
            value={form.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          />
          <SelectField
            label={t('users.agency')}
            value={form.agencyId}
            onChange={(e) => setForm({ ...form, agencyId: e.target.value })}
          >
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} – {a.name}
              </option>
            ))}
          </SelectField>
          <fieldset>
            <legend>{t('users.roles')}</legend>
            {ROLES.map((role) => (
              <div className="check" key={role}>
                <input
                  id={`role-${role}`}
                  type="checkbox"
                  checked={form.roles.includes(role)}
                  onChange={(e) => toggleRole(role, e.target.checked)}
                />
                <label htmlFor={`role-${role}`}>{t(`roles.${role}`)}</label>
              </div>
            ))}
          </fieldset>
          <SelectField
            label={t('users.language')}
            value={form.language}
            onChange={(e) => setForm({ ...form, language: e.target.value as Language })}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t('users.password')}
            help={t('users.passwordHelp')}
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            maxLength={256}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
          <button type="submit">{t('common.create')}</button>
        </form>
      )}
    </section>
  );
}
