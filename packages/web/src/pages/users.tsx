import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
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
import { CheckboxField, Field, FieldError, SelectField } from '../components/field.js';
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

const FIELDS = ['username', 'displayName', 'agencyId', 'roles', 'language', 'password'] as const;
type UserField = (typeof FIELDS)[number];

interface UserForm {
  username: string;
  displayName: string;
  agencyId: string;
  roles: Role[];
  language: Language;
  password: string;
}

function emptyForm(agencyId: string, language: Language): UserForm {
  return { username: '', displayName: '', agencyId, roles: [], language, password: '' };
}

function loadUsers(q: string, agencyId: string) {
  return api<{ items: User[]; total: number }>(
    'GET',
    `/api/v1/users${query({ q, agencyId, limit: 200 })}`,
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const { check, fromApi } = useValidation();
  const isAdmin = me.user.roles.includes('admin');
  const [users, setUsers] = useState<User[]>([]);
  const [total, setTotal] = useState(0);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [search, setSearch] = useState('');
  const [agencyFilter, setAgencyFilter] = useState('');
  const [form, setForm] = useState<UserForm>(() => emptyForm(me.user.agency.id, me.user.language));
  const { error, setError, status, clear, run } = useOutcome();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<UserField>>({});
  const formHeading = useId();

  const show = useCallback((page: { items: User[]; total: number }) => {
    setUsers(page.items);
    setTotal(page.total);
  }, []);

  useEffect(() => {
    loadUsers('', '').then(show).catch(setError);
    if (isAdmin) {
      api<{ items: Agency[] }>('GET', '/api/v1/agencies')
        .then((list) => setAgencies(list.items.filter((a) => a.country === me.user.agency.country)))
        .catch(setError);
    }
  }, [isAdmin, me.user.agency.country, show, setError]);

  const reload = () => loadUsers(search.trim(), agencyFilter).then(show);

  const filter = (event: FormEvent) => {
    event.preventDefault();
    clear();
    reload().catch(setError);
  };

  const act = (work: () => Promise<string>) => run(work, { then: reload });

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    clear();
    const body = { ...form, username: form.username.trim(), displayName: form.displayName.trim() };
    const invalid = compact<UserField>({
      username: check(body.username, {
        required: true,
        pattern: /^[a-z0-9][a-z0-9._-]{2,63}$/,
        patternMessage: 'validation.username',
      }),
      displayName: check(body.displayName, { required: true }),
      agencyId: check(body.agencyId, { required: true }),
      roles: body.roles.length === 0 ? t('validation.roles') : undefined,
      language: undefined,
      password: check(body.password, { required: true, minLength: 12 }),
    });
    setFieldErrors(invalid);
    if (hasErrors(invalid)) {
      focusFirstError(element, FIELDS, invalid);
      return;
    }
    await run(
      async () => {
        const user = await api<User>('POST', '/api/v1/users', body);
        setForm(emptyForm(form.agencyId, form.language));
        return t('users.created', { username: user.username });
      },
      {
        then: reload,
        onError: (caught) => {
          const onFields = fromApi(caught, FIELDS, {
            username_taken: 'username',
            password_too_short: 'password',
            agency_disabled: 'agencyId',
          });
          setFieldErrors(onFields);
          focusFirstError(element, FIELDS, onFields);
        },
      },
    );
  };

  const toggleRole = (role: Role, checked: boolean) =>
    setForm({
      ...form,
      roles: checked ? [...form.roles, role] : form.roles.filter((r) => r !== role),
    });

  const columns = isAdmin ? 8 : 7;
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
          name="q"
          maxLength={100}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {isAdmin && (
          <SelectField
            label={t('users.agency')}
            name="agencyId"
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
        <div className="form-actions">
          <button type="submit">{t('users.filter')}</button>
        </div>
      </form>
      <DataTable caption={t('users.caption', { count: total })}>
        <thead>
          <tr>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.agency')}</th>
            <th scope="col">{t('users.roles')}</th>
            <th scope="col">{t('users.secondFactor')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.createdAt')}</th>
            {isAdmin && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {users.length === 0 && (
            <tr>
              <td colSpan={columns}>{t('users.none')}</td>
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
              <td className="nowrap">{format.shortDate(user.createdAt)}</td>
              {isAdmin && (
                <td>
                  {user.id !== me.user.id && (
                    <div className="actions">
                      <button
                        type="button"
                        className="secondary"
                        onClick={() =>
                          void act(async () => {
                            await api('PATCH', `/api/v1/users/${user.id}`, {
                              disabled: !user.disabled,
                            });
                            return t(user.disabled ? 'users.enabled' : 'users.disabledNow', {
                              username: user.username,
                            });
                          })
                        }
                      >
                        {user.disabled ? t('users.enable') : t('users.disable')}
                        <span className="visually-hidden"> ({user.username})</span>
                      </button>
                      {user.secondFactorEnrolled && (
                        <button
                          type="button"
                          className="secondary"
                          onClick={() =>
                            void act(async () => {
                              await api('POST', `/api/v1/users/${user.id}/second-factor/reset`);
                              return t('users.secondFactorReset', { username: user.username });
                            })
                          }
                        >
                          {t('users.resetSecondFactor')}
                          <span className="visually-hidden"> ({user.username})</span>
                        </button>
                      )}
                    </div>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </DataTable>
      {isAdmin && (
        <form
          onSubmit={(e) => void create(e)}
          className="card"
          noValidate
          aria-labelledby={formHeading}
        >
          <h2 id={formHeading}>{t('users.createHeading')}</h2>
          <Field
            label={t('users.username')}
            help={t('users.usernameHelp')}
            name="username"
            required
            maxLength={64}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={form.username}
            error={fieldErrors.username}
            onChange={(e) => setForm({ ...form, username: e.target.value })}
          />
          <Field
            label={t('users.displayName')}
            name="displayName"
            required
            maxLength={200}
            value={form.displayName}
            error={fieldErrors.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          />
          <SelectField
            label={t('users.agency')}
            name="agencyId"
            value={form.agencyId}
            error={fieldErrors.agencyId}
            onChange={(e) => setForm({ ...form, agencyId: e.target.value })}
          >
            {agencies
              .filter((a) => !a.disabled)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.code} – {a.name}
                </option>
              ))}
          </SelectField>
          <fieldset
            className={fieldErrors.roles ? 'field-invalid' : undefined}
            aria-describedby={fieldErrors.roles ? 'roles-error' : undefined}
          >
            <legend>{t('users.roles')}</legend>
            {fieldErrors.roles && <FieldError id="roles-error" message={fieldErrors.roles} />}
            {ROLES.map((role) => (
              <CheckboxField
                key={role}
                label={t(`roles.${role}`)}
                name="roles"
                value={role}
                checked={form.roles.includes(role)}
                onChange={(e) => toggleRole(role, e.target.checked)}
              />
            ))}
          </fieldset>
          <SelectField
            label={t('users.language')}
            name="language"
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
            name="password"
            type="password"
            autoComplete="new-password"
            required
            maxLength={256}
            value={form.password}
            error={fieldErrors.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
          <button type="submit">{t('common.create')}</button>
        </form>
      )}
    </section>
  );
}
