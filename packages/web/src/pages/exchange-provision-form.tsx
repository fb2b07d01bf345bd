import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client.js';
import { exchangeApi, type Peer, type ProvisionBody } from '../api/exchange.js';
import { checkComplete, checkItems, checkSubjectFormats, toItems } from '../api/exchange-rules.js';
import { useMe } from '../auth/session.js';
import { ErrorSummary, type PathErrors } from '../components/error-summary.js';
import { useFieldMessages } from '../components/exchange-errors.js';
import { ErrorAlert, PageHeading } from '../components/feedback.js';
import {
  ItemsEditor,
  emptyItem,
  itemValues,
  useItemContext,
  type ItemDraft,
} from '../components/items-editor.js';
import {
  RequestContentFields,
  emptyContent,
  toContent,
  type ContentDraft,
} from '../components/request-content-fields.js';
import { useSubjectContext } from '../components/subjects-editor.js';

const PREFIX = 'pv';

/**
 * Supplies information to another country on this country's own initiative (art. 7 of
 * Directive 2023/977): like a request without urgency or reasons, with the items supplied,
 * each with its handling code and evaluation. It is sent at once.
 */
export function ExchangeProvisionFormPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { fromShortcomings, fromApi } = useFieldMessages();
  const [draft, setDraft] = useState<ContentDraft>(() => emptyContent(me.user.language));
  const [items, setItems] = useState<ItemDraft[]>(() => [emptyItem()]);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [errors, setErrors] = useState<PathErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const subjectContext = useSubjectContext('/subjects', draft.subjects);
  const itemContext = useItemContext('/items');

  useEffect(() => {
    exchangeApi
      .peers()
      .then((list) => setPeers(list.items))
      .catch(setError);
  }, []);

  const showErrors = (found: PathErrors) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const content = toContent(draft, 'spontaneous');
    const values = itemValues(items);
    const shortcomings = [
      ...checkComplete(content, 'spontaneous'),
      ...checkSubjectFormats(content.subjects ?? [], '/subjects'),
      ...checkItems(values),
    ];
    if (shortcomings.length > 0) {
      showErrors(fromShortcomings(shortcomings));
      return;
    }
    setErrors({});
    const { subjects, ...rest } = content;
    // checkComplete found the required fields present.
    const body = {
      ...rest,
      ...(subjects && subjects.length > 0 && { subjects }),
      items: toItems(values),
    } as ProvisionBody;
    setBusy(true);
    try {
      const sent = await exchangeApi.provide(body);
      void navigate(`/exchange/requests/${sent.id}`, {
        state: { notice: t('exchange.provision.sent', { reference: sent.reference }) },
      });
    } catch (caught) {
      const onFields = fromApi(caught);
      if (Object.keys(onFields).length > 0) showErrors(onFields);
      if (!(caught instanceof ApiError && caught.code === 'request_incomplete')) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const title = t('exchange.provision.title');
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <Link to="/exchange">{t('exchange.backToList')}</Link>
      </p>
      <p>{t('exchange.provision.intro')}</p>
      <ErrorSummary
        prefix={PREFIX}
        errors={errors}
        serial={attempt}
        context={(pointer) => subjectContext(pointer) ?? itemContext(pointer)}
      />
      <ErrorAlert error={error} />
      <form
        noValidate
        className="exchange-form"
        aria-label={title}
        onSubmit={(e) => void submit(e)}
      >
        <RequestContentFields
          prefix={PREFIX}
          kind="spontaneous"
          draft={draft}
          onChange={setDraft}
          errors={errors}
          peers={peers}
        />
        <section className="form-part" aria-labelledby={`${PREFIX}-items-heading`}>
          <h2 id={`${PREFIX}-items-heading`}>{t('exchange.provision.itemsHeading')}</h2>
          <ItemsEditor
            prefix={PREFIX}
            items={items}
            onChange={setItems}
            errors={errors}
            legend={t('exchange.provision.items')}
          />
        </section>
        <div className="form-buttons">
          <button type="submit" disabled={busy}>
            {t('exchange.provision.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
