import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { useSession } from '../auth/session.js';
import { Field } from '../components/field.js';
import { ErrorAlert, PageHeading } from '../components/feedback.js';
import {
  compact,
  focusFirstError,
  hasErrors,
  useValidation,
  type FieldErrors,
} from '../components/validation.js';

const FIELDS = ['username', 'password', 'totp'] as const;
type LoginField = (typeof FIELDS)[number];

export function LoginPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const { check, fromApi } = useValidation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const [error, setError] = useState<unknown>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<LoginField>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setError(undefined);
    const invalid = compact<LoginField>({
      username: check(username, { required: true }),
      password: check(password, { required: true }),
      totp: askTotp
        ? check(totp.trim(), {
            required: true,
            pattern: /^[0-9]{6}$/,
            patternMessage: 'validation.code',
          })
        : undefined,
    });
    setFieldErrors(invalid);
    if (hasErrors(invalid)) {
      focusFirstError(form, FIELDS, invalid);
      return;
    }
    setBusy(true);
    try {
      await signIn(username.trim(), password, askTotp ? totp.trim() : undefined);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'second_factor_missing') {
        setAskTotp(true);
      } else {
        setError(caught);
        const onFields = fromApi(caught, FIELDS, { invalid_second_factor: 'totp' });
        setFieldErrors(onFields);
        if (caught instanceof ApiError && caught.code === 'invalid_second_factor') setTotp('');
        focusFirstError(form, FIELDS, onFields);
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
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={64}
          value={username}
          error={fieldErrors.username}
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
          error={fieldErrors.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {askTotp && (
          <Field
            label={t('login.totp')}
            help={t('login.totpHelp')}
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            autoFocus
            value={totp}
            error={fieldErrors.totp}
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
