import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client.js';
import type { Enrolment, Me } from '../api/types.js';
import { useSession } from '../auth/session.js';
import { Field } from '../components/field.js';
import { ErrorAlert, PageHeading } from '../components/feedback.js';

/** Enrolment of a TOTP second factor: QR code (or secret by hand), then a first code. */
export function EnrolmentPage({ required = false }: { required?: boolean }) {
  const { t } = useTranslation();
  const { update } = useSession();
  const navigate = useNavigate();
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

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

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const me = await api<Me>('POST', '/api/v1/me/second-factor/confirm', { code: code.trim() });
      update(me);
      void navigate('/', { replace: true });
    } catch (caught) {
      setError(caught);
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
          <p>{t('enrol.scan')}</p>
          <img
            className="qr"
            width={220}
            height={220}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
            alt={t('enrol.qrAlt')}
          />
          <p>
            <span id="secret-label">{t('enrol.secret')}</span>:{' '}
            <code aria-labelledby="secret-label" data-secret={enrolment.secret}>
              {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
            </code>
          </p>
          <form onSubmit={(e) => void confirm(e)} noValidate>
            <Field
              label={t('enrol.code')}
              help={t('enrol.codeHelp')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={code}
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
