import { useTranslation } from 'react-i18next';
import {
  OFFENCE_CATEGORIES,
  REQUEST_LANGUAGES,
  SPOC_COPY_EXCEPTIONS,
  URGENCY_GROUNDS,
  type OffenceCategory,
  type Peer,
  type RequestContent,
  type RequestKind,
  type RequestLanguage,
  type SpocCopyException,
  type UrgencyGround,
} from '../api/exchange.js';
import { fieldId, type PathErrors } from './error-summary.js';
import { CheckboxField, Field, RadioGroup, SelectField, TextAreaField } from './field.js';
import { useFormat } from './format.js';
import { SubjectsEditor, fromSubject, toSubject, type SubjectDraft } from './subjects-editor.js';

/** The content of a request or a provision as it is being written. */
export interface ContentDraft {
  requestedNode: string;
  designatedAgencyCode: string;
  purpose: string;
  facts: string;
  reasonsHeld: string;
  offenceCategory: OffenceCategory | '';
  offenceDescription: string;
  urgent: boolean;
  urgencyGround: UrgencyGround | '';
  urgencyJustification: string;
  language: RequestLanguage | '';
  /** 'copy': the requesting agency's own SPOC gets a copy (the default of art. 4(1)). */
  spocCopy: 'copy' | SpocCopyException;
  subjects: SubjectDraft[];
}

export function emptyContent(language: RequestLanguage | ''): ContentDraft {
  return {
    requestedNode: '',
    designatedAgencyCode: '',
    purpose: '',
    facts: '',
    reasonsHeld: '',
    offenceCategory: '',
    offenceDescription: '',
    urgent: false,
    urgencyGround: '',
    urgencyJustification: '',
    language,
    spocCopy: 'copy',
    subjects: [],
  };
}

export function fromContent(content: RequestContent): ContentDraft {
  return {
    requestedNode: content.requestedNode ?? '',
    designatedAgencyCode: content.designatedAgencyCode ?? '',
    purpose: content.purpose ?? '',
    facts: content.facts ?? '',
    reasonsHeld: content.reasonsHeld ?? '',
    offenceCategory: content.offenceCategory ?? '',
    offenceDescription: content.offenceDescription ?? '',
    urgent: content.urgent ?? false,
    urgencyGround: content.urgencyGround ?? '',
    urgencyJustification: content.urgencyJustification ?? '',
    language: content.language ?? '',
    spocCopy: content.spocCopyException ?? 'copy',
    subjects: (content.subjects ?? []).map(fromSubject),
  };
}

/**
 * The content as the API takes it: trimmed, without empty fields. The urgency ground and its
 * justification go only with an urgent request; a provision has neither urgency nor reasons.
 */
export function toContent(draft: ContentDraft, kind: RequestKind): RequestContent {
  const text = (value: string) => {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  };
  const content: RequestContent = {
    requestedNode: text(draft.requestedNode),
    designatedAgencyCode: text(draft.designatedAgencyCode),
    purpose: text(draft.purpose),
    facts: text(draft.facts),
    offenceCategory: draft.offenceCategory === '' ? undefined : draft.offenceCategory,
    offenceDescription: text(draft.offenceDescription),
    language: draft.language === '' ? undefined : draft.language,
    spocCopyException: draft.spocCopy === 'copy' ? undefined : draft.spocCopy,
    subjects: draft.subjects.map(toSubject),
  };
  if (kind === 'request') {
    content.reasonsHeld = text(draft.reasonsHeld);
    content.urgent = draft.urgent;
    if (draft.urgent) {
      content.urgencyGround = draft.urgencyGround === '' ? undefined : draft.urgencyGround;
      content.urgencyJustification = text(draft.urgencyJustification);
    }
  }
  // Absent, not undefined: the JSON sent carries only what was filled in.
  for (const key of Object.keys(content) as (keyof RequestContent)[]) {
    if (content[key] === undefined) delete content[key];
  }
  return content;
}

/**
 * The parts of a request (or of a spontaneous provision) an officer writes: the addressee, the
 * purpose and facts, the offence, the urgency, the language, the SPOC copy and the subjects.
 */
export function RequestContentFields({
  prefix,
  kind,
  draft,
  onChange,
  errors,
  peers,
}: {
  prefix: string;
  kind: RequestKind;
  draft: ContentDraft;
  onChange: (draft: ContentDraft) => void;
  errors: PathErrors;
  peers: readonly { nodeId: string; country: string; name: string }[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = (pointer: string) => fieldId(prefix, pointer);
  const set = <K extends keyof ContentDraft>(key: K, value: ContentDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const isRequest = kind === 'request';
  // A draft may name a node that has since left the register: keep it selectable.
  const known: readonly Peer[] =
    draft.requestedNode === '' || peers.some((p) => p.nodeId === draft.requestedNode)
      ? peers
      : [...peers, { nodeId: draft.requestedNode, country: '', name: draft.requestedNode }];

  return (
    <>
      <section className="form-part" aria-labelledby={`${prefix}-part-addressee`}>
        <h2 id={`${prefix}-part-addressee`}>{t('exchange.form.addressee')}</h2>
        <SelectField
          id={id('/requestedNode')}
          label={isRequest ? t('exchange.form.requestedNode') : t('exchange.form.recipientNode')}
          value={draft.requestedNode}
          error={errors['/requestedNode']}
          onChange={(e) => set('requestedNode', e.target.value)}
        >
          <option value="">{t('exchange.form.chooseCountry')}</option>
          {known.map((peer) => (
            <option key={peer.nodeId} value={peer.nodeId}>
              {peer.country === '' ? peer.name : `${format.country(peer.country)} – ${peer.name}`}
            </option>
          ))}
        </SelectField>
        <Field
          id={id('/designatedAgencyCode')}
          label={t('exchange.form.designatedAgencyCode')}
          help={t('exchange.form.designatedAgencyCodeHelp')}
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          value={draft.designatedAgencyCode}
          error={errors['/designatedAgencyCode']}
          onChange={(e) => set('designatedAgencyCode', e.target.value)}
        />
      </section>

      <section className="form-part" aria-labelledby={`${prefix}-part-purpose`}>
        <h2 id={`${prefix}-part-purpose`}>{t('exchange.form.purposeHeading')}</h2>
        <TextAreaField
          id={id('/purpose')}
          label={t('exchange.form.purpose')}
          help={
            isRequest ? t('exchange.form.purposeHelp') : t('exchange.form.purposeHelpProvision')
          }
          maxLength={4000}
          rows={4}
          value={draft.purpose}
          error={errors['/purpose']}
          onChange={(e) => set('purpose', e.target.value)}
        />
        <TextAreaField
          id={id('/facts')}
          label={t('exchange.form.facts')}
          help={t('exchange.form.factsHelp')}
          maxLength={8000}
          rows={6}
          value={draft.facts}
          error={errors['/facts']}
          onChange={(e) => set('facts', e.target.value)}
        />
        {isRequest && (
          <TextAreaField
            id={id('/reasonsHeld')}
            label={t('exchange.form.reasonsHeld')}
            help={t('exchange.form.reasonsHeldHelp')}
            maxLength={4000}
            rows={3}
            value={draft.reasonsHeld}
            error={errors['/reasonsHeld']}
            onChange={(e) => set('reasonsHeld', e.target.value)}
          />
        )}
      </section>

      <section className="form-part" aria-labelledby={`${prefix}-part-offence`}>
        <h2 id={`${prefix}-part-offence`}>{t('exchange.form.offenceHeading')}</h2>
        <SelectField
          id={id('/offenceCategory')}
          label={t('exchange.form.offenceCategory')}
          value={draft.offenceCategory}
          error={errors['/offenceCategory']}
          onChange={(e) => set('offenceCategory', e.target.value as OffenceCategory | '')}
        >
          <option value="">{t('exchange.form.choose')}</option>
          {OFFENCE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`exchange.offences.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id={id('/offenceDescription')}
          label={
            draft.offenceCategory === 'other'
              ? t('exchange.form.offenceDescriptionRequired')
              : t('exchange.form.offenceDescription')
          }
          maxLength={1000}
          rows={2}
          value={draft.offenceDescription}
          error={errors['/offenceDescription']}
          onChange={(e) => set('offenceDescription', e.target.value)}
        />
      </section>

      {isRequest && (
        <section className="form-part" aria-labelledby={`${prefix}-part-urgency`}>
          <h2 id={`${prefix}-part-urgency`}>{t('exchange.form.urgencyHeading')}</h2>
          <CheckboxField
            id={id('/urgent')}
            label={t('exchange.form.urgent')}
            help={t('exchange.form.urgentHelp')}
            checked={draft.urgent}
            onChange={(e) => set('urgent', e.target.checked)}
          />
          {errors['/urgent'] && <p className="field-error">{errors['/urgent']}</p>}
          {draft.urgent && (
            <>
              <RadioGroup
                id={id('/urgencyGround')}
                legend={t('exchange.form.urgencyGround')}
                name={id('/urgencyGround')}
                value={draft.urgencyGround}
                options={URGENCY_GROUNDS.map((g) => ({
                  value: g,
                  label: t(`exchange.urgencyGrounds.${g}`),
                }))}
                error={errors['/urgencyGround']}
                onChange={(g) => set('urgencyGround', g)}
              />
              <TextAreaField
                id={id('/urgencyJustification')}
                label={t('exchange.form.urgencyJustification')}
                help={t('exchange.form.urgencyJustificationHelp')}
                maxLength={2000}
                rows={3}
                value={draft.urgencyJustification}
                error={errors['/urgencyJustification']}
                onChange={(e) => set('urgencyJustification', e.target.value)}
              />
            </>
          )}
        </section>
      )}

      <section className="form-part" aria-labelledby={`${prefix}-part-language`}>
        <h2 id={`${prefix}-part-language`}>{t('exchange.form.languageHeading')}</h2>
        <SelectField
          id={id('/language')}
          label={t('exchange.form.language')}
          help={t('exchange.form.languageHelp')}
          value={draft.language}
          error={errors['/language']}
          onChange={(e) => set('language', e.target.value as RequestLanguage | '')}
        >
          <option value="">{t('exchange.form.choose')}</option>
          {REQUEST_LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </SelectField>
        <RadioGroup
          id={id('/spocCopyException')}
          legend={t('exchange.form.spocCopy')}
          help={t('exchange.form.spocCopyHelp')}
          name={id('/spocCopyException')}
          value={draft.spocCopy}
          options={[
            { value: 'copy' as const, label: t('exchange.spocCopy.copy') },
            ...SPOC_COPY_EXCEPTIONS.map((e) => ({
              value: e,
              label: t(`exchange.spocCopy.${e}`),
              help: t(`exchange.spocCopyHelp.${e}`),
            })),
          ]}
          error={errors['/spocCopyException']}
          onChange={(value) => set('spocCopy', value)}
        />
      </section>

      <section className="form-part" aria-labelledby={`${prefix}-part-subjects`}>
        <h2 id={`${prefix}-part-subjects`}>{t('exchange.form.subjectsHeading')}</h2>
        <SubjectsEditor
          prefix={prefix}
          basePath="/subjects"
          subjects={draft.subjects}
          onChange={(subjects) => set('subjects', subjects)}
          errors={errors}
          linkRequired={isRequest}
          legend={isRequest ? t('exchange.form.subjects') : t('exchange.form.subjectsOptional')}
        />
      </section>
    </>
  );
}
