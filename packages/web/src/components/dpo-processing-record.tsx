import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dpoApi, type ProcessingRecord } from '../api/dpo.js';
import { reasonLabel } from '../api/records.js';
import { useFormat } from './format.js';
import { RecordErrorAlert } from './record-feedback.js';
import { FieldNames, When } from './record-sections.js';
import { DataTable } from './table.js';

/**
 * The record of processing activities (art. 24 LED) as the node generates it from its
 * configuration, in readable sections rather than as JSON.
 */
export function DpoProcessingRecord() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [record, setRecord] = useState<ProcessingRecord>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    dpoApi.processingRecord().then(setRecord).catch(setError);
  }, []);

  if (!record) {
    return error === undefined ? (
      <p role="status">{t('common.loading')}</p>
    ) : (
      <RecordErrorAlert error={error} />
    );
  }

  /** A code of a known list in words (offence category, data-subject category), else as it is. */
  const word = (value: string, list: 'offences' | 'categories'): string => {
    const key = `exchange.${list}.${value}`;
    return i18n.exists(key) ? t(key) : value;
  };
  const any = t('records.dpo.processing.any');
  const c = record.controller;

  return (
    <div className="processing-record" data-testid="processing-record">
      <p>
        {t('records.dpo.processing.intro')}{' '}
        <span className="small">
          {t('records.dpo.processing.generatedAt')} <When iso={record.generatedAt} />
        </span>
      </p>
      <h2>{t('records.dpo.processing.controller')}</h2>
      <dl className="facts">
        <dt>{t('records.dpo.processing.name')}</dt>
        <dd>{c.name ?? '—'}</dd>
        <dt>{t('records.dpo.processing.node')}</dt>
        <dd>{c.node ?? '—'}</dd>
        <dt>{t('records.dpo.processing.country')}</dt>
        <dd>{format.country(c.country)}</dd>
        <dt>{t('records.dpo.processing.dpos')}</dt>
        <dd>{record.dpos.length > 0 ? record.dpos.join(', ') : '—'}</dd>
      </dl>
      <DataTable caption={t('records.dpo.processing.agencies', { count: c.agencies.length })}>
        <thead>
          <tr>
            <th scope="col">{t('records.dpo.processing.code')}</th>
            <th scope="col">{t('records.dpo.processing.name')}</th>
            <th scope="col">{t('records.dpo.processing.agencyKind')}</th>
          </tr>
        </thead>
        <tbody>
          {c.agencies.map((a) => (
            <tr key={a.code}>
              <th scope="row">{a.code}</th>
              <td>{a.name}</td>
              <td>{i18n.exists(`kinds.${a.kind}`) ? t(`kinds.${a.kind}`) : a.kind}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h2>{t('records.dpo.processing.purposes')}</h2>
      <ul>
        {record.purposes.map((p) => (
          <li key={p}>{word(p, 'offences')}</li>
        ))}
      </ul>
      <h2>{t('records.dpo.processing.dataSubjects')}</h2>
      <ul>
        {record.dataSubjectCategories.map((c) => (
          <li key={c}>{word(c, 'categories')}</li>
        ))}
      </ul>
      <h2>{t('records.dpo.processing.dataCategories')}</h2>
      <DataTable
        caption={t('records.dpo.processing.dataCategoriesCaption', {
          count: record.personalDataCategories.length,
        })}
      >
        <thead>
          <tr>
            <th scope="col">{t('records.fields.kind')}</th>
            <th scope="col">{t('records.dpo.processing.fields')}</th>
          </tr>
        </thead>
        <tbody>
          {record.personalDataCategories.map((d) => (
            <tr key={d.kind}>
              <th scope="row">{t(`exchange.subjectKinds.${d.kind}`, { defaultValue: d.kind })}</th>
              <td>
                <FieldNames fields={d.fields} />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h2>{t('records.dpo.processing.recipients')}</h2>
      <DataTable
        caption={t('records.dpo.processing.recipientsCaption', { count: record.recipients.length })}
      >
        <thead>
          <tr>
            <th scope="col">{t('records.dpo.processing.node')}</th>
            <th scope="col">{t('records.dpo.processing.country')}</th>
            <th scope="col">{t('records.dpo.processing.name')}</th>
          </tr>
        </thead>
        <tbody>
          {record.recipients.map((r) => (
            <tr key={r.node}>
              <th scope="row">{r.node}</th>
              <td>{format.country(r.country)}</td>
              <td>{r.name}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h2>{t('records.dpo.processing.retention')}</h2>
      <DataTable
        caption={t('records.dpo.processing.retentionCaption', { count: record.retention.length })}
      >
        <thead>
          <tr>
            <th scope="col">{t('records.fields.category')}</th>
            <th scope="col">{t('records.dpo.processing.purpose')}</th>
            <th scope="col" className="number">
              {t('records.dpo.processing.reviewMonths')}
            </th>
            <th scope="col" className="number">
              {t('records.dpo.processing.retentionMonths')}
            </th>
          </tr>
        </thead>
        <tbody>
          {record.retention.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r.category === null ? any : word(r.category, 'categories')}</th>
              <td>{r.purpose === null ? any : word(r.purpose, 'offences')}</td>
              <td className="number">{format.number(r.reviewMonths)}</td>
              <td className="number">{format.number(r.retentionMonths)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h2>{t('records.dpo.processing.reasons')}</h2>
      <ul>
        {record.consultationReasons.map((r) => (
          <li key={r.code}>
            {reasonLabel(r, i18n.language)}
            {!r.active && <span className="small"> ({t('records.dpo.processing.inactive')})</span>}
          </li>
        ))}
      </ul>
      <h2>{t('records.dpo.processing.security')}</h2>
      <ul>
        {record.securityMeasures.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
