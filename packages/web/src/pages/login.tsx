import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { useSession } from '../auth/session.js';
import { Field } from '../components/field.js';
import { ErrorAlert, PageHeading } from '../components/feedback.js';

export function LoginPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username.trim(), password, askTotp ? totp.trim() : undefined);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'second_factor_missing') {
        setAskTotp(true);
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
      <p>{t('login.intro')}</p>
      <ErrorAlert error={error} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label={t('login.username')}
          name="username"
          autoComplete="username"
          required
          maxLength={64}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <Field
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={256}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {askTotp && (
          <Field
            label={t('login.totp')}
            help={t('login.totpHelp')}
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            autoFocus
            value={totp}
            onChange={(e) => setTotp(e.target.value)}
          />
        )}
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </section>
  );
}
