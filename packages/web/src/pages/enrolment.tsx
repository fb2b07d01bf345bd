import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client.js';
import type { Enrolment, Me } from '../api/types.js';
import { useSession } from '../auth/session.js';
import { Field } from '../components/field.js';
import { ErrorAlert, PageHeading } from '../components/feedback.js';
import { focusFirstError, useValidation, type FieldErrors } from '../components/validation.js';

/** The secret in groups of four, as authenticator apps show it. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Enrolment of a TOTP second factor: QR code (or secret by hand), then a first code. */
export function EnrolmentPage({ required = false }: { required?: boolean }) {
  const { t } = useTranslation();
  const { update } = useSession();
  const navigate = useNavigate();
  const { check, fromApi } = useValidation();
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<'code'>>({});
  const [busy, setBusy] = useState(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);

  // The start button is gone once the enrolment begins: the focus goes to the next step.
  useEffect(() => {
    if (enrolment) stepHeading.current?.focus();
  }, [enrolment]);

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setEnrolment(await api<Enrolment>('POST', '/api/v1/me/second-factor'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setError(undefined);
    const message = check(code.trim(), {
      required: true,
      pattern: /^[0-9]{6}$/,
      patternMessage: 'validation.code',
    });
    setFieldErrors({ code: message });
    if (message !== undefined) {
      focusFirstError(form, ['code'], { code: message });
      return;
    }
    setBusy(true);
    try {
      const me = await api<Me>('POST', '/api/v1/me/second-factor/confirm', { code: code.trim() });
      update(me);
      void navigate('/', { replace: true, state: { notice: 'enrol.done' } });
    } catch (caught) {
      setError(caught);
      setCode('');
      const onFields = fromApi(caught, ['code'], { invalid_second_factor: 'code' });
      setFieldErrors(onFields);
      focusFirstError(form, ['code'], onFields);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <PageHeading title={t('enrol.title')}>{t('enrol.title')}</PageHeading>
      {required && <p className="notice">{t('enrol.required')}</p>}
      <p>{t('enrol.intro')}</p>
      <ErrorAlert error={error} />
      {enrolment === undefined ? (
        <button type="button" onClick={() => void start()} disabled={busy}>
          {t('enrol.start')}
        </button>
      ) : (
        <>
          <h2 ref={stepHeading} tabIndex={-1}>
            {t('enrol.scanHeading')}
          </h2>
          <p>{t('enrol.scan')}</p>
          <img
            className="qr"
            width={220}
            height={220}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
            alt={t('enrol.qrAlt')}
          />
          <dl className="secret">
            <dt>{t('enrol.secret')}</dt>
            <dd>
              <code>{grouped(enrolment.secret)}</code>
            </dd>
          </dl>
          <form onSubmit={(e) => void confirm(e)} noValidate>
            <Field
              label={t('enrol.code')}
              help={t('enrol.codeHelp')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              value={code}
              error={fieldErrors.code}
              onChange={(e) => setCode(e.target.value)}
            />
            <button type="submit" disabled={busy}>
              {t('enrol.confirm')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
