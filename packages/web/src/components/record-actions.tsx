import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OFFENCE_CATEGORIES,
  REQUEST_LANGUAGES,
  exchangeApi,
  type OffenceCategory,
  type Peer,
  type RequestLanguage,
} from '../api/exchange.js';
import {
  FACTS_MAX,
  PURPOSE_MAX,
  REASON_MAX,
  REASON_MIN,
  mayDo,
  reasonProblem,
  recordsApi,
  type RecordDetail,
} from '../api/records.js';
import { fieldId } from './error-summary.js';
import { SelectField, TextAreaField } from './field.js';
import { useFormat } from './format.js';
import { RecordDialog } from './record-dialog.js';
import { RecordErrorAlert } from './record-feedback.js';
import { RectifyForm } from './record-rectify-form.js';

/** Runs an action on the record; resolves to whether it succeeded (the page shows the error). */
export type RecordPerform = (
  work: () => Promise<RecordDetail>,
  done: (detail: RecordDetail) => string,
) => Promise<{ ok: true } | { ok: false; error: unknown }>;

/** The forms of the actions the signed-in user may take on the record now, and nothing else. */
export function RecordActionsPanel({
  detail,
  perform,
}: {
  detail: RecordDetail;
  perform: RecordPerform;
}) {
  const [peers, setPeers] = useState<Peer[]>([]);
  const [peersError, setPeersError] = useState<unknown>();
  const needsPeers = mayDo(detail, 'forward') || mayDo(detail, 'ask-permission');

  useEffect(() => {
    if (!needsPeers) return;
    exchangeApi
      .peers()
      .then((list) => setPeers(list.items))
      .catch(setPeersError);
  }, [needsPeers]);

  return (
    <div className="actions-panel">
      {needsPeers && <RecordErrorAlert error={peersError} />}
      {mayDo(detail, 'erase') && <EraseAction detail={detail} perform={perform} />}
      {mayDo(detail, 'rectify') && <RectifyForm detail={detail} perform={perform} />}
      {mayDo(detail, 'restrict') && (
        <TextActionForm
          action="restrict"
          label="reason"
          perform={perform}
          call={(text) => recordsApi.restrict(detail.id, text)}
        />
      )}
      {mayDo(detail, 'lift-restriction') && <LiftRestriction detail={detail} perform={perform} />}
      {mayDo(detail, 'mark-inaccurate') && (
        <TextActionForm
          action="markInaccurate"
          label="note"
          perform={perform}
          call={(text) => recordsApi.markInaccurate(detail.id, text)}
        />
      )}
      {mayDo(detail, 'forward') && <ForwardForm detail={detail} perform={perform} peers={peers} />}
      {mayDo(detail, 'ask-permission') && (
        <TextActionForm
          action="askPermission"
          label="reason"
          perform={perform}
          peers={peers}
          call={async (text, node) => {
            const permission = await recordsApi.askPermission(detail.id, node, text);
            return { ...detail, permissions: [...detail.permissions, permission] };
          }}
        />
      )}
    </div>
  );
}

type TextAction = 'restrict' | 'markInaccurate' | 'askPermission';

/** The message of a reason or note that is missing or too short, in the user's language. */
function useReasonMessage() {
  const { t } = useTranslation();
  return (text: string, required: string): string | undefined => {
    const problem = reasonProblem(text);
    if (problem === 'required') return t(required);
    if (problem === 'tooShort') return t('validation.tooShort', { min: REASON_MIN });
    return undefined;
  };
}

/**
 * An action that takes one text (a reason or a note), and for some a node. Both are checked
 * before anything is sent.
 */
function TextActionForm({
  action,
  label,
  perform,
  peers,
  call,
}: {
  action: TextAction;
  label: 'reason' | 'note';
  perform: RecordPerform;
  /** Given: the action goes to a node, chosen among these. */
  peers?: Peer[];
  call: (text: string, node: string) => Promise<RecordDetail>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonMessage = useReasonMessage();
  const heading = useId();
  const prefix = `act-${action}`;
  const [text, setText] = useState('');
  const [node, setNode] = useState('');
  const [errors, setErrors] = useState<{ node?: string; text?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: { node?: string; text?: string } = {};
    if (peers && node === '') found.node = t('records.actions.nodeRequired');
    const textError = reasonMessage(text, `records.actions.${label}Required`);
    if (textError) found.text = textError;
    setErrors(found);
    if (found.node) return document.getElementById(fieldId(prefix, '/node'))?.focus();
    if (found.text) return document.getElementById(fieldId(prefix, '/text'))?.focus();
    const chosen = peers?.find((p) => p.nodeId === node);
    const result = await perform(
      () => call(text.trim(), node),
      () =>
        t(`records.actions.${action}.done`, {
          node: chosen ? format.country(chosen.country) : node,
        }),
    );
    if (result.ok) {
      setText('');
      setNode('');
    }
  };

  return (
    <form
      className="card action"
      noValidate
      aria-labelledby={heading}
      onSubmit={(e) => void submit(e)}
      data-testid={`action-${action}`}
    >
      <h3 id={heading}>{t(`records.actions.${action}.title`)}</h3>
      <p className="help">{t(`records.actions.${action}.intro`)}</p>
      {peers && (
        <SelectField
          id={fieldId(prefix, '/node')}
          label={t('records.actions.node')}
          value={node}
          error={errors.node}
          onChange={(e) => setNode(e.target.value)}
        >
          <option value="">{t('records.choose')}</option>
          {peers.map((p) => (
            <option key={p.nodeId} value={p.nodeId}>
              {format.country(p.country)} — {p.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextAreaField
        id={fieldId(prefix, '/text')}
        label={t(`records.actions.${action}.label`)}
        help={t('records.actions.reasonHelp', { min: REASON_MIN })}
        maxLength={REASON_MAX}
        rows={3}
        value={text}
        error={errors.text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="button-row">
        <button type="submit">{t(`records.actions.${action}.submit`)}</button>
      </div>
    </form>
  );
}

function LiftRestriction({ detail, perform }: { detail: RecordDetail; perform: RecordPerform }) {
  const { t } = useTranslation();
  const heading = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void perform(
      () => recordsApi.liftRestriction(detail.id),
      () => t('records.actions.liftRestriction.done'),
    );
  };
  return (
    <form
      className="card action"
      aria-labelledby={heading}
      onSubmit={submit}
      data-testid="action-liftRestriction"
    >
      <h3 id={heading}>{t('records.actions.liftRestriction.title')}</h3>
      <p className="help">{t('records.actions.liftRestriction.intro')}</p>
      <div className="button-row">
        <button type="submit">{t('records.actions.liftRestriction.submit')}</button>
      </div>
    </form>
  );
}

/**
 * Erasure: it cannot be undone, so it is asked for in a dialog that says what happens and takes
 * the reason (required).
 */
function EraseAction({ detail, perform }: { detail: RecordDetail; perform: RecordPerform }) {
  const { t } = useTranslation();
  const heading = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const reasonMessage = useReasonMessage();
  const close = useCallback(() => setOpen(false), []);
  const reasonId = fieldId('erase', '/reason');
  const recipients = new Set(detail.disclosures.map((d) => d.recipientNode)).size;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = reasonMessage(reason, 'records.actions.reasonRequired');
    if (problem) {
      setError(problem);
      document.getElementById(reasonId)?.focus();
      return;
    }
    setError(undefined);
    setFailure(undefined);
    const result = await perform(
      () => recordsApi.erase(detail.id, reason.trim()),
      () => t('records.actions.erase.done'),
    );
    if (result.ok) {
      setReason('');
      setOpen(false);
    } else {
      setFailure(result.error);
    }
  };

  return (
    <section className="card action" aria-labelledby={heading} data-testid="action-erase">
      <h3 id={heading}>{t('records.actions.erase.title')}</h3>
      <p className="help">{t('records.actions.erase.intro')}</p>
      <div className="button-row">
        <button type="button" className="danger" onClick={() => setOpen(true)}>
          {t('records.actions.erase.open')}
        </button>
      </div>
      <RecordDialog
        open={open}
        title={t('records.actions.erase.dialogTitle')}
        onClose={close}
        testId="erase-dialog"
      >
        <form noValidate onSubmit={(e) => void submit(e)}>
          <p>{t('records.actions.erase.warning')}</p>
          {recipients > 0 && (
            <p>
              <strong>{t('records.actions.erase.recipients', { count: recipients })}</strong>
            </p>
          )}
          <RecordErrorAlert error={failure} />
          <TextAreaField
            id={reasonId}
            label={t('records.actions.erase.reason')}
            help={t('records.actions.reasonHelp', { min: REASON_MIN })}
            maxLength={REASON_MAX}
            rows={3}
            value={reason}
            error={error}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="button-row">
            <button type="submit" className="danger">
              {t('records.actions.erase.confirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t('records.actions.erase.cancel')}
            </button>
          </div>
        </form>
      </RecordDialog>
    </section>
  );
}

interface ForwardErrors {
  node?: string;
  purpose?: string;
  facts?: string;
}

/**
 * Passing the record on: a spontaneous provision to a peer node that carries it, with its
 * purpose, the facts, the language and (when the record has none) the offence category. The
 * node refuses a restricted or inaccurate record, and an H2 item without permission.
 */
function ForwardForm({
  detail,
  perform,
  peers,
}: {
  detail: RecordDetail;
  perform: RecordPerform;
  peers: Peer[];
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const heading = useId();
  const prefix = 'act-forward';
  const own = REQUEST_LANGUAGES.find((l) => l === i18n.language) ?? 'en';
  const [node, setNode] = useState('');
  const [purpose, setPurpose] = useState('');
  const [facts, setFacts] = useState('');
  const [language, setLanguage] = useState<RequestLanguage>(own);
  const [offence, setOffence] = useState<OffenceCategory | ''>('');
  const [errors, setErrors] = useState<ForwardErrors>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: ForwardErrors = {};
    if (node === '') found.node = t('records.actions.nodeRequired');
    if (purpose.trim() === '') found.purpose = t('records.actions.purposeRequired');
    if (facts.trim() === '') found.facts = t('records.actions.factsRequired');
    setErrors(found);
    const first = (['node', 'purpose', 'facts'] as const).find((f) => found[f] !== undefined);
    if (first) return document.getElementById(fieldId(prefix, `/${first}`))?.focus();
    let reference = '';
    const result = await perform(
      async () => {
        const sent = await recordsApi.forward(detail.id, {
          node,
          purpose: purpose.trim(),
          facts: facts.trim(),
          language,
          ...(offence !== '' && { offenceCategory: offence }),
        });
        reference = sent.reference;
        // Sent, the record is in a request of the user's: read it again for its disclosure.
        return recordsApi.get(detail.id).catch(() => detail);
      },
      () => t('records.actions.forward.done', { reference }),
    );
    if (result.ok) {
      setNode('');
      setPurpose('');
      setFacts('');
      setOffence('');
    }
  };

  return (
    <form
      className="card action"
      noValidate
      aria-labelledby={heading}
      onSubmit={(e) => void submit(e)}
      data-testid="action-forward"
    >
      <h3 id={heading}>{t('records.actions.forward.title')}</h3>
      <p className="help">{t('records.actions.forward.intro')}</p>
      <SelectField
        id={fieldId(prefix, '/node')}
        label={t('records.actions.node')}
        value={node}
        error={errors.node}
        onChange={(e) => setNode(e.target.value)}
      >
        <option value="">{t('records.choose')}</option>
        {peers.map((p) => (
          <option key={p.nodeId} value={p.nodeId}>
            {format.country(p.country)} — {p.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={fieldId(prefix, '/purpose')}
        label={t('records.actions.forward.label')}
        maxLength={PURPOSE_MAX}
        rows={2}
        value={purpose}
        error={errors.purpose}
        onChange={(e) => setPurpose(e.target.value)}
      />
      <TextAreaField
        id={fieldId(prefix, '/facts')}
        label={t('records.actions.forward.facts')}
        help={t('records.actions.forward.factsHelp')}
        maxLength={FACTS_MAX}
        rows={3}
        value={facts}
        error={errors.facts}
        onChange={(e) => setFacts(e.target.value)}
      />
      <SelectField
        id={fieldId(prefix, '/language')}
        label={t('records.actions.forward.language')}
        value={language}
        onChange={(e) => setLanguage(REQUEST_LANGUAGES.find((l) => l === e.target.value) ?? own)}
      >
        {REQUEST_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={fieldId(prefix, '/offenceCategory')}
        label={t('records.actions.forward.offence')}
        help={t('records.actions.forward.offenceHelp')}
        value={offence}
        onChange={(e) => setOffence(OFFENCE_CATEGORIES.find((o) => o === e.target.value) ?? '')}
      >
        <option value="">{t('records.actions.forward.offenceDefault')}</option>
        {OFFENCE_CATEGORIES.map((o) => (
          <option key={o} value={o}>
            {t(`exchange.offences.${o}`)}
          </option>
        ))}
      </SelectField>
      <div className="button-row">
        <button type="submit">{t('records.actions.forward.submit')}</button>
      </div>
    </form>
  );
}
