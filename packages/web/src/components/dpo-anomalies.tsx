import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ANOMALY_PERIODS, dpoApi, type Anomalies, type Anomaly } from '../api/dpo.js';
import { SelectField } from './field.js';
import { useFormat } from './format.js';
import { RecordErrorAlert } from './record-feedback.js';
import { When } from './record-sections.js';
import { DataTable } from './table.js';

/**
 * Consultations that stand out: many more than the user's peers, outside any context of theirs,
 * or at unusual hours; each with the log entries that show it.
 */
export function DpoAnomalies() {
  const { t } = useTranslation();
  const [days, setDays] = useState<number>(30);
  const [result, setResult] = useState<{ days: number; anomalies: Anomalies }>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let current = true;
    dpoApi
      .anomalies(days)
      .then((anomalies) => {
        if (current) setResult({ days, anomalies });
      })
      .catch((caught: unknown) => {
        if (current) setError(caught);
      });
    return () => {
      current = false;
    };
  }, [days]);

  const anomalies = result?.days === days ? result.anomalies : undefined;
  return (
    <div>
      <p>{t('records.dpo.anomalies.intro')}</p>
      <RecordErrorAlert error={error} />
      <div className="filters-inline">
        <SelectField
          label={t('records.dpo.anomalies.period')}
          value={String(days)}
          onChange={(e) => setDays(Number(e.target.value))}
        >
          {ANOMALY_PERIODS.map((d) => (
            <option key={d} value={d}>
              {t('records.dpo.anomalies.days', { count: d })}
            </option>
          ))}
        </SelectField>
      </div>
      {anomalies === undefined ? (
        error === undefined && <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <p role="status">
            {t('records.dpo.anomalies.found', { count: anomalies.items.length })}{' '}
            <span className="small">
              (<When iso={anomalies.from} /> – <When iso={anomalies.to} />)
            </span>
          </p>
          <ol className="items-list">
            {anomalies.items.map((a, i) => (
              <li key={`${a.kind}-${a.userId}-${i}`}>
                <AnomalyView anomaly={a} />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

function AnomalyView({ anomaly }: { anomaly: Anomaly }) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useId();
  return (
    <article
      className="item-view"
      aria-labelledby={heading}
      data-testid="anomaly"
      data-kind={anomaly.kind}
    >
      <h3 id={heading} className="item-title">
        {t(`records.dpo.anomalies.kinds.${anomaly.kind}`)} — {anomaly.username}
        {anomaly.agency && ` (${anomaly.agency.name})`}
      </h3>
      <p>
        {t(`records.dpo.anomalies.explain.${anomaly.kind}`, { count: anomaly.count })}
        {anomaly.peerMedian !== null && (
          <>
            {' '}
            {t('records.dpo.anomalies.peerMedian', { median: format.number(anomaly.peerMedian) })}
          </>
        )}
      </p>
      <DataTable caption={t('records.dpo.anomalies.evidence', { count: anomaly.evidence.length })}>
        <thead>
          <tr>
            <th scope="col">{t('records.dpo.logs.seq')}</th>
            <th scope="col">{t('records.dpo.logs.time')}</th>
            <th scope="col">{t('records.fields.record')}</th>
            <th scope="col">{t('records.dpo.consultations.purpose')}</th>
          </tr>
        </thead>
        <tbody>
          {anomaly.evidence.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td className="nowrap">
                <When iso={e.at} />
              </td>
              <td>
                {e.recordId !== '' ? (
                  <Link to={`/records/${e.recordId}`}>{t('records.dpo.openRecord')}</Link>
                ) : (
                  '—'
                )}
              </td>
              <td className="prose">{e.purpose ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </article>
  );
}
