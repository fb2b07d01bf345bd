import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.js';
import { LANGUAGES, type Language, type Me } from '../api/types.js';
import { useMe, useSession } from '../auth/session.js';
import { Field, SelectField } from '../components/field.js';
import { Outcome, PageHeading, useOutcome } from '../components/feedback.js';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { update } = useSession();
  const [displayName, setDisplayName] = useState(me.user.displayName);
  const [language, setLanguage] = useState<Language>(me.user.language);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { error, status, run } = useOutcome();

  const saveProfile = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      update(await api<Me>('PATCH', '/api/v1/me', { displayName: displayName.trim(), language }));
      return t('account.saved');
    });
  };

  const changePassword = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('POST', '/api/v1/me/password', { currentPassword, newPassword });
      setCurrentPassword('');
      setNewPassword('');
      return t('account.passwordChanged');
    });
  };

  return (
    <section>
      <PageHeading title={t('account.title')}>{t('account.title')}</PageHeading>
      <Outcome error={error} status={status} />
      <div className="columns">
        <form onSubmit={saveProfile} className="card">
          <h2>{t('account.profile')}</h2>
          <Field
            label={t('account.displayName')}
            required
            maxLength={200}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
          <SelectField
            label={t('account.language')}
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
        <form onSubmit={changePassword} className="card">
          <h2>{t('account.passwordHeading')}</h2>
          <Field
            label={t('account.currentPassword')}
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.target.value)}
          />
          <Field
            label={t('account.newPassword')}
            help={t('account.newPasswordHelp')}
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            maxLength={256}
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
          />
          <button type="submit">{t('account.changePassword')}</button>
        </form>
        <div className="card">
          <h2>{t('account.secondFactorHeading')}</h2>
          <p>{me.user.secondFactorEnrolled ? t('account.enrolled') : t('account.notEnrolled')}</p>
          {!me.user.secondFactorEnrolled && (
            <Link to="/account/second-factor">{t('account.setUp')}</Link>
          )}
        </div>
      </div>
    </section>
  );
}
