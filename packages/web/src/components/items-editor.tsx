import { useTranslation } from 'react-i18next';
import {
  HANDLING_CODES,
  INFORMATION_ACCURACY,
  MAX_ITEMS,
  SOURCE_RELIABILITY,
  type HandlingCode,
  type InformationAccuracy,
  type SourceReliability,
} from '../api/exchange.js';
import type { ItemDraftValues } from '../api/exchange-rules.js';
import { EvaluationLegend } from './exchange-badges.js';
import { fieldId, focusSoon, type PathErrors } from './error-summary.js';
import { FieldError, SelectField, TextAreaField } from './field.js';
import { SubjectsEditor, nextUid, toSubject, type SubjectDraft } from './subjects-editor.js';

/** An item supplied as it is being written: the choices may not be made yet. */
export interface ItemDraft {
  uid: string;
  body: string;
  handlingCode: HandlingCode | '';
  handlingNote: string;
  sourceReliability: SourceReliability | '';
  informationAccuracy: InformationAccuracy | '';
  subjects: SubjectDraft[];
}

export function emptyItem(): ItemDraft {
  return {
    uid: nextUid(),
    body: '',
    handlingCode: '',
    handlingNote: '',
    sourceReliability: '',
    informationAccuracy: '',
    subjects: [],
  };
}

/** The values checkItems and toItems take. */
export function itemValues(items: readonly ItemDraft[]): ItemDraftValues[] {
  return items.map((item) => ({ ...item, subjects: item.subjects.map(toSubject) }));
}

/** "Item 2" for a pointer into the items at basePath, for an error summary. */
export function useItemContext(basePath: string) {
  const { t } = useTranslation();
  return (pointer: string): string | undefined => {
    const match = new RegExp(`^${basePath}/(\\d+)(/subjects/(\\d+))?`).exec(pointer);
    if (!match) return undefined;
    const item = t('exchange.items.context', { number: Number(match[1]) + 1 });
    return match[3] === undefined
      ? item
      : `${item}, ${t('exchange.items.subjectContext', { number: Number(match[3]) + 1 })}`;
  };
}

/**
 * Edits the items supplied in an answer or a spontaneous provision: each with its text, its
 * handling code (and the restriction in words for H3), and its evaluation: the reliability of
 * the source and the accuracy of the information.
 */
export function ItemsEditor({
  prefix,
  basePath = '/items',
  items,
  onChange,
  errors,
  legend,
}: {
  prefix: string;
  basePath?: string;
  items: ItemDraft[];
  onChange: (items: ItemDraft[]) => void;
  errors: PathErrors;
  legend: string;
}) {
  const { t } = useTranslation();
  const addId = fieldId(prefix, basePath);

  const update = (index: number, item: ItemDraft) =>
    onChange(items.map((it, i) => (i === index ? item : it)));
  const listError = errors[basePath];

  return (
    <fieldset className={listError ? 'items field-invalid' : 'items'}>
      <legend>{legend}</legend>
      <p className="help">{t('exchange.items.intro')}</p>
      <EvaluationLegend />
      {listError && <FieldError id={`${addId}-error`} message={listError} />}
      {items.map((item, index) => {
        const path = `${basePath}/${index}`;
        const id = (field: string) => fieldId(prefix, `${path}/${field}`);
        const error = (field: string) => errors[`${path}/${field}`];
        const number = index + 1;
        return (
          <fieldset className="item" key={item.uid} data-testid="item">
            <legend>{t('exchange.items.legend', { number })}</legend>
            <TextAreaField
              id={id('body')}
              label={t('exchange.items.body')}
              maxLength={20000}
              rows={4}
              value={item.body}
              error={error('body')}
              onChange={(e) => update(index, { ...item, body: e.target.value })}
            />
            <div className="field-grid">
              <SelectField
                id={id('handlingCode')}
                label={t('exchange.items.handlingCode')}
                value={item.handlingCode}
                error={error('handlingCode')}
                onChange={(e) =>
                  update(index, { ...item, handlingCode: e.target.value as HandlingCode | '' })
                }
              >
                <option value="">{t('exchange.form.choose')}</option>
                {HANDLING_CODES.map((code) => (
                  <option key={code} value={code}>
                    {code} – {t(`exchange.handlingCodes.${code}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id={id('sourceReliability')}
                label={t('exchange.items.sourceReliability')}
                value={item.sourceReliability}
                error={error('sourceReliability')}
                onChange={(e) =>
                  update(index, {
                    ...item,
                    sourceReliability: e.target.value as SourceReliability | '',
                  })
                }
              >
                <option value="">{t('exchange.form.choose')}</option>
                {SOURCE_RELIABILITY.map((code) => (
                  <option key={code} value={code}>
                    {code} – {t(`exchange.reliability.${code}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id={id('informationAccuracy')}
                label={t('exchange.items.informationAccuracy')}
                value={item.informationAccuracy}
                error={error('informationAccuracy')}
                onChange={(e) =>
                  update(index, {
                    ...item,
                    informationAccuracy: e.target.value as InformationAccuracy | '',
                  })
                }
              >
                <option value="">{t('exchange.form.choose')}</option>
                {INFORMATION_ACCURACY.map((code) => (
                  <option key={code} value={code}>
                    {code} – {t(`exchange.accuracy.${code}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            {item.handlingCode === 'H3' && (
              <TextAreaField
                id={id('handlingNote')}
                label={t('exchange.items.handlingNote')}
                help={t('exchange.items.handlingNoteHelp')}
                maxLength={1000}
                rows={2}
                value={item.handlingNote}
                error={error('handlingNote')}
                onChange={(e) => update(index, { ...item, handlingNote: e.target.value })}
              />
            )}
            <SubjectsEditor
              prefix={prefix}
              basePath={`${path}/subjects`}
              subjects={item.subjects}
              onChange={(subjects) => update(index, { ...item, subjects })}
              errors={errors}
              linkRequired={false}
              legend={t('exchange.items.subjects', { number })}
            />
            {items.length > 1 && (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  onChange(items.filter((_, i) => i !== index));
                  focusSoon(addId);
                }}
              >
                {t('exchange.items.remove', { number })}
              </button>
            )}
          </fieldset>
        );
      })}
      {items.length < MAX_ITEMS && (
        <button
          type="button"
          className="secondary"
          id={addId}
          aria-describedby={listError ? `${addId}-error` : undefined}
          onClick={() => {
            onChange([...items, emptyItem()]);
            focusSoon(fieldId(prefix, `${basePath}/${items.length}/body`));
          }}
        >
          {t('exchange.items.add')}
        </button>
      )}
    </fieldset>
  );
}
