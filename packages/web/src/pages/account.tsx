import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.js';
import { LANGUAGES, type Language, type Me } from '../api/types.js';
import { useMe, useSession } from '../auth/session.js';
import { Field, SelectField } from '../components/field.js';
import { Outcome, PageHeading, useOutcome } from '../components/feedback.js';
import {
  compact,
  focusFirstError,
  hasErrors,
  useValidation,
  type FieldErrors,
} from '../components/validation.js';

const FIELDS = ['displayName', 'language', 'currentPassword', 'newPassword'] as const;
type AccountField = (typeof FIELDS)[number];

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { update } = useSession();
  const { check, fromApi } = useValidation();
  const [displayName, setDisplayName] = useState(me.user.displayName);
  const [language, setLanguage] = useState<Language>(me.user.language);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { error, status, clear, run } = useOutcome();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<AccountField>>({});
  const profileHeading = useId();
  const passwordHeading = useId();

  /** Checks the fields, sends, and shows the outcome: the same steps for both forms. */
  const submit = async (
    form: HTMLFormElement,
    invalid: FieldErrors<AccountField>,
    work: () => Promise<string>,
    byCode: Partial<Record<string, AccountField>> = {},
  ) => {
    clear();
    setFieldErrors(invalid);
    if (hasErrors(invalid)) {
      focusFirstError(form, FIELDS, invalid);
      return;
    }
    await run(work, {
      onError: (caught) => {
        const onFields = fromApi(caught, FIELDS, byCode);
        setFieldErrors(onFields);
        focusFirstError(form, FIELDS, onFields);
      },
    });
  };

  const saveProfile = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit(
      event.currentTarget,
      compact<AccountField>({
        displayName: check(displayName, { required: true }),
        language: undefined,
        currentPassword: undefined,
        newPassword: undefined,
      }),
      async () => {
        update(await api<Me>('PATCH', '/api/v1/me', { displayName: displayName.trim(), language }));
        return t('account.saved');
      },
    );
  };

  const changePassword = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit(
      event.currentTarget,
      compact<AccountField>({
        displayName: undefined,
        language: undefined,
        currentPassword: check(currentPassword, { required: true }),
        newPassword: check(newPassword, { required: true, minLength: 12 }),
      }),
      async () => {
        await api('POST', '/api/v1/me/password', { currentPassword, newPassword });
        setCurrentPassword('');
        setNewPassword('');
        return t('account.passwordChanged');
      },
      { wrong_current_password: 'currentPassword', password_too_short: 'newPassword' },
    );
  };

  return (
    <section>
      <PageHeading title={t('account.title')}>{t('account.title')}</PageHeading>
      <Outcome error={error} status={status} />
      <div className="columns">
        <form onSubmit={saveProfile} className="card" noValidate aria-labelledby={profileHeading}>
          <h2 id={profileHeading}>{t('account.profile')}</h2>
          <Field
            label={t('account.displayName')}
            name="displayName"
            required
            maxLength={200}
            value={displayName}
            error={fieldErrors.displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
          <SelectField
            label={t('account.language')}
            name="language"
            value={language}
            onChange={(e) => setLanguage(e.target.value as Language)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit">{t('common.save')}</button>
        </form>
        <form
          onSubmit={changePassword}
          className="card"
          noValidate
          aria-labelledby={passwordHeading}
        >
          <h2 id={passwordHeading}>{t('account.passwordHeading')}</h2>
          {/* Lets password managers tie the new password to this account. */}
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={me.user.username}
            readOnly
            hidden
          />
          <Field
            label={t('account.currentPassword')}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
            value={currentPassword}
            error={fieldErrors.currentPassword}
            onChange={(e) => setCurrentPassword(e.target.value)}
          />
          <Field
            label={t('account.newPassword')}
            help={t('account.newPasswordHelp')}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            maxLength={256}
            value={newPassword}
            error={fieldErrors.newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
          />
          <button type="submit">{t('account.changePassword')}</button>
        </form>
        <div className="card">
          <h2>{t('account.secondFactorHeading')}</h2>
          <p>{me.user.secondFactorEnrolled ? t('account.enrolled') : t('account.notEnrolled')}</p>
          {!me.user.secondFactorEnrolled && (
            <p>
              <Link to="/account/second-factor">{t('account.setUp')}</Link>
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
