import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { exchangeApi, may, type Peer, type RequestDetail } from '../api/exchange.js';
import { checkComplete, checkSubjectFormats } from '../api/exchange-rules.js';
import { useMe } from '../auth/session.js';
import { ErrorSummary, type PathErrors } from '../components/error-summary.js';
import { useFieldMessages } from '../components/exchange-errors.js';
import { ErrorAlert, PageHeading, StatusMessage } from '../components/feedback.js';
import {
  RequestContentFields,
  emptyContent,
  fromContent,
  toContent,
  type ContentDraft,
} from '../components/request-content-fields.js';
import { useSubjectContext } from '../components/subjects-editor.js';

const PREFIX = 'rq';

/**
 * Writes a request for information (art. 4 of Directive 2023/977): a new one, or a draft saved
 * earlier. A draft may be saved incomplete; sending checks what art. 4 requires, here first and
 * then at the node, and shows each shortcoming next to its field and in a summary at the top.
 */
export function ExchangeRequestFormPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const params = useParams();
  const { fromShortcomings, fromApi } = useFieldMessages();
  const [draftId, setDraftId] = useState<string | undefined>(params.id);
  const [reference, setReference] = useState<string>();
  const [draft, setDraft] = useState<ContentDraft>(() => emptyContent(me.user.language));
  const [loaded, setLoaded] = useState(params.id === undefined);
  const [notEditable, setNotEditable] = useState(false);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [errors, setErrors] = useState<PathErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The draft this page has loaded or saved, so that moving to its address does not reload it.
  const shown = useRef<string | undefined>(undefined);
  const subjectContext = useSubjectContext('/subjects', draft.subjects);

  useEffect(() => {
    exchangeApi
      .peers()
      .then((list) => setPeers(list.items))
      .catch(setError);
  }, []);

  useEffect(() => {
    if (params.id === undefined || params.id === shown.current) return;
    const id = params.id;
    shown.current = id;
    exchangeApi
      .get(id)
      .then((detail) => {
        setDraftId(detail.id);
        setReference(detail.reference);
        setDraft(fromContent(detail.content));
        setNotEditable(!may(detail, 'edit'));
        setLoaded(true);
      })
      .catch((caught: unknown) => {
        setError(caught);
        setLoaded(true);
      });
  }, [params.id]);

  /** Shows errors by field, with the summary taking the focus. */
  const showErrors = (found: PathErrors) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  /** Saves the draft (creating it the first time); returns it. */
  const save = async (): Promise<RequestDetail> => {
    const content = toContent(draft, 'request');
    const detail =
      draftId === undefined
        ? await exchangeApi.create(content)
        : await exchangeApi.update(draftId, content);
    if (draftId === undefined) {
      setDraftId(detail.id);
      shown.current = detail.id;
      // The address now names the draft, so that a reload finds it again.
      void navigate(`/exchange/requests/${detail.id}/edit`, { replace: true });
    }
    setReference(detail.reference);
    return detail;
  };

  const submit = async (event: FormEvent<HTMLFormElement>, sending: boolean) => {
    event.preventDefault();
    setError(undefined);
    setStatus(undefined);
    const content = toContent(draft, 'request');
    const shortcomings = [
      ...(sending ? checkComplete(content, 'request') : []),
      ...checkSubjectFormats(content.subjects ?? [], '/subjects'),
    ];
    if (shortcomings.length > 0) {
      showErrors(fromShortcomings(shortcomings));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await save();
      if (!sending) {
        setStatus(t('exchange.form.saved', { reference: saved.reference }));
        return;
      }
      const sent = await exchangeApi.send(saved.id);
      void navigate(`/exchange/requests/${sent.id}`, {
        state: { notice: t('exchange.form.sent', { reference: sent.reference }) },
      });
    } catch (caught) {
      const onFields = fromApi(caught);
      if (Object.keys(onFields).length > 0) showErrors(onFields);
      if (!(caught instanceof ApiError && caught.code === 'request_incomplete')) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const title =
    reference === undefined
      ? t('exchange.form.newTitle')
      : t('exchange.form.editTitle', { reference });

  if (!loaded) {
    return (
      <section>
        <PageHeading title={t('exchange.form.newTitle')}>{t('exchange.form.newTitle')}</PageHeading>
        <p role="status">{t('common.loading')}</p>
      </section>
    );
  }

  if (notEditable && draftId !== undefined) {
    return (
      <section>
        <PageHeading title={title}>{title}</PageHeading>
        <p className="notice">{t('exchange.form.notEditable')}</p>
        <p>
          <Link to={`/exchange/requests/${draftId}`}>{t('exchange.form.toRequest')}</Link>
        </p>
      </section>
    );
  }

  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <Link to="/exchange">{t('exchange.backToList')}</Link>
      </p>
      <p>{t('exchange.form.intro')}</p>
      <ErrorSummary prefix={PREFIX} errors={errors} serial={attempt} context={subjectContext} />
      <ErrorAlert error={error} />
      <StatusMessage>{status}</StatusMessage>
      <form
        noValidate
        className="exchange-form"
        aria-label={title}
        onSubmit={(e) => {
          const submitter = e.nativeEvent.submitter;
          void submit(e, submitter?.getAttribute('value') === 'send');
        }}
      >
        <RequestContentFields
          prefix={PREFIX}
          kind="request"
          draft={draft}
          onChange={setDraft}
          errors={errors}
          peers={peers}
        />
        <div className="form-buttons">
          <button type="submit" name="action" value="save" className="secondary" disabled={busy}>
            {t('exchange.form.saveDraft')}
          </button>
          <button type="submit" name="action" value="send" disabled={busy}>
            {t('exchange.form.send')}
          </button>
          {draftId !== undefined && (
            <Link to={`/exchange/requests/${draftId}`}>{t('exchange.form.toRequest')}</Link>
          )}
        </div>
      </form>
    </section>
  );
}
