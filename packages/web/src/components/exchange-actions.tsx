import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client.js';
import type { ChosenFile } from '../api/attachments.js';
import {
  ACCESSIBILITY,
  REFUSAL_GROUNDS,
  exchangeApi,
  may,
  type Accessibility,
  type Handler,
  type RefusalGround,
  type RequestDetail,
} from '../api/exchange.js';
import { checkItems, keyForPointer, pointerOf, toItems } from '../api/exchange-rules.js';
import { AttachmentsInput } from './attachments-input.js';
import { ErrorSummary, fieldId, type PathErrors } from './error-summary.js';
import { useFieldMessages } from './exchange-errors.js';
import { CheckboxField, Field, RadioGroup, SelectField, TextAreaField } from './field.js';
import {
  ItemsEditor,
  emptyItem,
  itemValues,
  useItemContext,
  type ItemDraft,
} from './items-editor.js';

/** Runs an action on the request; resolves to whether it succeeded (the page shows the error). */
export type Perform = (
  work: () => Promise<RequestDetail>,
  done: (detail: RequestDetail) => string,
) => Promise<{ ok: true } | { ok: false; error: unknown }>;

/** One action: a titled card with its form. */
function ActionCard({
  title,
  intro,
  children,
  onSubmit,
  testId,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  testId: string;
}) {
  const heading = useId();
  return (
    <form
      className="card action"
      noValidate
      aria-labelledby={heading}
      onSubmit={onSubmit}
      data-testid={`action-${testId}`}
    >
      <h3 id={heading}>{title}</h3>
      {intro && <p className="help">{intro}</p>}
      {children}
    </form>
  );
}

/**
 * The forms of the actions the signed-in user may take on a request now (as RequestDetail.allowed
 * says), and nothing else.
 */
export function ActionsPanel({ detail, perform }: { detail: RequestDetail; perform: Perform }) {
  const [handlers, setHandlers] = useState<Handler[]>([]);
  const [handlersError, setHandlersError] = useState<unknown>();
  const canAssign = may(detail, 'assign');

  useEffect(() => {
    if (!canAssign) return;
    exchangeApi
      .handlers()
      .then((list) => setHandlers(list.items))
      .catch(setHandlersError);
  }, [canAssign]);

  return (
    <div className="actions-panel">
      {(may(detail, 'edit') || may(detail, 'send')) && (
        <DraftActions detail={detail} perform={perform} />
      )}
      {may(detail, 'accessibility') && <AccessibilityForm detail={detail} perform={perform} />}
      {canAssign && (
        <AssignForm
          detail={detail}
          perform={perform}
          handlers={handlers}
          loadError={handlersError}
        />
      )}
      {may(detail, 'answer') && <AnswerForm detail={detail} perform={perform} />}
      {may(detail, 'clarification') && (
        <TextActionForm
          detail={detail}
          perform={perform}
          action="clarification"
          call={(text) => exchangeApi.askClarification(detail.id, text)}
        />
      )}
      {may(detail, 'clarify') && (
        <TextActionForm
          detail={detail}
          perform={perform}
          action="clarify"
          call={(text) => exchangeApi.clarify(detail.id, text)}
        />
      )}
      {may(detail, 'delay') && <DelayForm detail={detail} perform={perform} />}
      {may(detail, 'refuse') && <RefuseForm detail={detail} perform={perform} />}
      {may(detail, 'message') && <MessageForm detail={detail} perform={perform} />}
      {may(detail, 'close') && (
        <TextActionForm
          detail={detail}
          perform={perform}
          action="close"
          optional
          call={(text) => exchangeApi.close(detail.id, text === '' ? undefined : text)}
        />
      )}
    </div>
  );
}

/** A draft: edit it, or send it as it is (the node says what is still missing). */
function DraftActions({ detail, perform }: { detail: RequestDetail; perform: Perform }) {
  const { t, i18n } = useTranslation();
  const [missing, setMissing] = useState<{ path: string; message: string }[]>([]);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setMissing([]);
    const result = await perform(
      () => exchangeApi.send(detail.id),
      (sent) => t('exchange.form.sent', { reference: sent.reference }),
    );
    if (!result.ok && result.error instanceof ApiError) {
      setMissing(
        result.error.errors.map((e) => {
          const key = keyForPointer(pointerOf(e.path));
          const translated = key !== undefined && i18n.exists(`exchange.validation.${key}`);
          return {
            path: e.path,
            message: translated ? t(`exchange.validation.${key}`) : e.message,
          };
        }),
      );
    }
  };
  return (
    <ActionCard
      title={t('exchange.actions.draft.title')}
      intro={t('exchange.actions.draft.intro')}
      onSubmit={(e) => void send(e)}
      testId="draft"
    >
      {missing.length > 0 && (
        <div className="alert">
          <p>{t('exchange.actions.draft.missing')}</p>
          <ul>
            {missing.map((m) => (
              <li key={m.path}>{m.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row">
        {may(detail, 'edit') && (
          <Link className="button secondary" to={`/exchange/requests/${detail.id}/edit`}>
            {t('exchange.actions.draft.edit')}
          </Link>
        )}
        {may(detail, 'send') && <button type="submit">{t('exchange.actions.draft.send')}</button>}
      </div>
    </ActionCard>
  );
}

function AccessibilityForm({ detail, perform }: { detail: RequestDetail; perform: Perform }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<Accessibility | ''>(detail.accessibility ?? '');
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (value === '') {
      setError(t('exchange.validation.accessibility'));
      document.getElementById('act-accessibility')?.focus();
      return;
    }
    setError(undefined);
    await perform(
      () => exchangeApi.setAccessibility(detail.id, value),
      () => t('exchange.actions.accessibility.done'),
    );
  };
  return (
    <ActionCard
      title={t('exchange.actions.accessibility.title')}
      intro={t('exchange.actions.accessibility.intro')}
      onSubmit={(e) => void submit(e)}
      testId="accessibility"
    >
      <RadioGroup
        id="act-accessibility"
        legend={t('exchange.fields.accessibility')}
        name="accessibility"
        value={value}
        options={ACCESSIBILITY.map((a) => ({
          value: a,
          label: t(`exchange.accessibility.${a}`),
          help: t(`exchange.accessibilityHelp.${a}`),
        }))}
        error={error}
        onChange={setValue}
      />
      <button type="submit">{t('exchange.actions.accessibility.submit')}</button>
    </ActionCard>
  );
}

function AssignForm({
  detail,
  perform,
  handlers,
  loadError,
}: {
  detail: RequestDetail;
  perform: Perform;
  handlers: Handler[];
  loadError: unknown;
}) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState(detail.assignee?.id ?? '');
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (userId === '') {
      setError(t('exchange.validation.assignee'));
      document.getElementById('act-assign')?.focus();
      return;
    }
    setError(undefined);
    const name = handlers.find((h) => h.id === userId)?.displayName ?? '';
    await perform(
      () => exchangeApi.assign(detail.id, userId),
      () => t('exchange.actions.assign.done', { name }),
    );
  };
  return (
    <ActionCard
      title={t('exchange.actions.assign.title')}
      intro={t('exchange.actions.assign.intro')}
      onSubmit={(e) => void submit(e)}
      testId="assign"
    >
      {loadError !== undefined && <p className="warning">{t('exchange.actions.assign.noList')}</p>}
      <SelectField
        id="act-assign"
        label={t('exchange.actions.assign.handler')}
        value={userId}
        error={error}
        onChange={(e) => setUserId(e.target.value)}
      >
        <option value="">{t('exchange.form.choose')}</option>
        {handlers.map((h) => (
          <option key={h.id} value={h.id}>
            {h.displayName} ({h.agencyCode} – {h.agencyName})
          </option>
        ))}
      </SelectField>
      <button type="submit">{t('exchange.actions.assign.submit')}</button>
    </ActionCard>
  );
}

const ANSWER = 'act-answer';

function AnswerForm({ detail, perform }: { detail: RequestDetail; perform: Perform }) {
  const { t } = useTranslation();
  const { fromShortcomings, fromApi } = useFieldMessages();
  const [partial, setPartial] = useState(false);
  const [text, setText] = useState('');
  const [items, setItems] = useState<ItemDraft[]>(() => [emptyItem()]);
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [errors, setErrors] = useState<PathErrors>({});
  const [attempt, setAttempt] = useState(0);
  const itemContext = useItemContext('/items');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const values = itemValues(items);
    const shortcomings = checkItems(values);
    if (shortcomings.length > 0) {
      setErrors(fromShortcomings(shortcomings));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    const result = await perform(
      () =>
        exchangeApi.answer(detail.id, {
          partial,
          ...(text.trim() !== '' && { text: text.trim() }),
          items: toItems(values),
          ...(files.length > 0 && { attachments: files.map((f) => f.upload) }),
        }),
      () =>
        partial ? t('exchange.actions.answer.donePartial') : t('exchange.actions.answer.done'),
    );
    if (result.ok) {
      setPartial(false);
      setText('');
      setItems([emptyItem()]);
      setFiles([]);
    } else {
      const onFields = fromApi(result.error);
      if (Object.keys(onFields).length > 0) {
        setErrors(onFields);
        setAttempt((n) => n + 1);
      }
    }
  };

  return (
    <ActionCard
      title={t('exchange.actions.answer.title')}
      intro={t('exchange.actions.answer.intro')}
      onSubmit={(e) => void submit(e)}
      testId="answer"
    >
      <ErrorSummary
        prefix={ANSWER}
        errors={errors}
        serial={attempt}
        context={itemContext}
        level={4}
      />
      <CheckboxField
        id={fieldId(ANSWER, '/partial')}
        label={t('exchange.actions.answer.partial')}
        help={t('exchange.actions.answer.partialHelp')}
        checked={partial}
        onChange={(e) => setPartial(e.target.checked)}
      />
      <TextAreaField
        id={fieldId(ANSWER, '/text')}
        label={t('exchange.actions.answer.text')}
        maxLength={8000}
        rows={3}
        value={text}
        error={errors['/text']}
        onChange={(e) => setText(e.target.value)}
      />
      <ItemsEditor
        prefix={ANSWER}
        items={items}
        onChange={setItems}
        errors={errors}
        legend={t('exchange.actions.answer.items')}
      />
      <AttachmentsInput
        id={fieldId(ANSWER, '/attachments')}
        files={files}
        onChange={setFiles}
        error={errors['/attachments']}
      />
      <button type="submit">
        {partial ? t('exchange.actions.answer.submitPartial') : t('exchange.actions.answer.submit')}
      </button>
    </ActionCard>
  );
}

/** An action that takes a text only: ask or give a clarification, close. */
function TextActionForm({
  detail,
  perform,
  action,
  call,
  optional = false,
}: {
  detail: RequestDetail;
  perform: Perform;
  action: 'clarification' | 'clarify' | 'close';
  call: (text: string) => Promise<RequestDetail>;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const id = `act-${action}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!optional && text.trim() === '') {
      setError(t('exchange.validation.text'));
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    const result = await perform(
      () => call(text.trim()),
      () => t(`exchange.actions.${action}.done`, { reference: detail.reference }),
    );
    if (result.ok) setText('');
  };
  return (
    <ActionCard
      title={t(`exchange.actions.${action}.title`)}
      intro={t(`exchange.actions.${action}.intro`)}
      onSubmit={(e) => void submit(e)}
      testId={action}
    >
      <TextAreaField
        id={id}
        label={t(`exchange.actions.${action}.text`)}
        maxLength={optional ? 2000 : 8000}
        rows={3}
        value={text}
        error={error}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit">{t(`exchange.actions.${action}.submit`)}</button>
    </ActionCard>
  );
}

function RefuseForm({ detail, perform }: { detail: RequestDetail; perform: Perform }) {
  const { t } = useTranslation();
  const [ground, setGround] = useState<RefusalGround | ''>('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ ground?: string; text?: string }>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ground: ground === '' ? t('exchange.validation.refusalGround') : undefined,
      text: text.trim() === '' ? t('exchange.validation.refusalText') : undefined,
    };
    setErrors(found);
    if (found.ground || found.text || ground === '') {
      document.getElementById(found.ground ? 'act-refuse-ground' : 'act-refuse-text')?.focus();
      return;
    }
    await perform(
      () => exchangeApi.refuse(detail.id, ground, text.trim()),
      () => t('exchange.actions.refuse.done'),
    );
  };
  return (
    <ActionCard
      title={t('exchange.actions.refuse.title')}
      intro={t('exchange.actions.refuse.intro')}
      onSubmit={(e) => void submit(e)}
      testId="refuse"
    >
      <SelectField
        id="act-refuse-ground"
        label={t('exchange.actions.refuse.ground')}
        value={ground}
        error={errors.ground}
        onChange={(e) => setGround(e.target.value as RefusalGround | '')}
      >
        <option value="">{t('exchange.form.choose')}</option>
        {REFUSAL_GROUNDS.map((g) => (
          <option key={g} value={g}>
            {t(`exchange.refusalGrounds.${g}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="act-refuse-text"
        label={t('exchange.actions.refuse.text')}
        maxLength={8000}
        rows={3}
        value={text}
        error={errors.text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="danger">
        {t('exchange.actions.refuse.submit')}
      </button>
    </ActionCard>
  );
}

/** "2026-12-01T14:30" in the browser's time zone, for a datetime-local input. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

function DelayForm({ detail, perform }: { detail: RequestDetail; perform: Perform }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [expected, setExpected] = useState('');
  const [errors, setErrors] = useState<{ text?: string; expected?: string }>({});
  const [min] = useState(() => localInputValue(new Date()));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A datetime-local value has no offset: it is read in the browser's time zone.
    const at = expected === '' ? NaN : new Date(expected).getTime();
    const found = {
      text: text.trim() === '' ? t('exchange.validation.delayText') : undefined,
      expected: Number.isNaN(at)
        ? t('exchange.validation.expectedAt')
        : at <= Date.now()
          ? t('exchange.validation.expectedAtPast')
          : undefined,
    };
    setErrors(found);
    if (found.text || found.expected) {
      document.getElementById(found.text ? 'act-delay-text' : 'act-delay-expected')?.focus();
      return;
    }
    const result = await perform(
      () => exchangeApi.delay(detail.id, text.trim(), new Date(at).toISOString()),
      () => t('exchange.actions.delay.done'),
    );
    if (result.ok) {
      setText('');
      setExpected('');
    }
  };
  return (
    <ActionCard
      title={t('exchange.actions.delay.title')}
      intro={t('exchange.actions.delay.intro')}
      onSubmit={(e) => void submit(e)}
      testId="delay"
    >
      <TextAreaField
        id="act-delay-text"
        label={t('exchange.actions.delay.text')}
        maxLength={8000}
        rows={3}
        value={text}
        error={errors.text}
        onChange={(e) => setText(e.target.value)}
      />
      <Field
        id="act-delay-expected"
        type="datetime-local"
        label={t('exchange.actions.delay.expectedAt')}
        help={t('exchange.actions.delay.expectedAtHelp')}
        min={min}
        value={expected}
        error={errors.expected}
        onChange={(e) => setExpected(e.target.value)}
      />
      <button type="submit">{t('exchange.actions.delay.submit')}</button>
    </ActionCard>
  );
}

function MessageForm({ detail, perform }: { detail: RequestDetail; perform: Perform }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError(t('exchange.validation.text'));
      document.getElementById('act-message')?.focus();
      return;
    }
    setError(undefined);
    const result = await perform(
      () =>
        exchangeApi.message(detail.id, {
          text: text.trim(),
          ...(files.length > 0 && { attachments: files.map((f) => f.upload) }),
        }),
      () => t('exchange.actions.message.done'),
    );
    if (result.ok) {
      setText('');
      setFiles([]);
    }
  };
  return (
    <ActionCard
      title={t('exchange.actions.message.title')}
      intro={t('exchange.actions.message.intro')}
      onSubmit={(e) => void submit(e)}
      testId="message"
    >
      <TextAreaField
        id="act-message"
        label={t('exchange.actions.message.text')}
        maxLength={8000}
        rows={3}
        value={text}
        error={error}
        onChange={(e) => setText(e.target.value)}
      />
      <AttachmentsInput id="act-message-attachments" files={files} onChange={setFiles} />
      <button type="submit">{t('exchange.actions.message.submit')}</button>
    </ActionCard>
  );
}
