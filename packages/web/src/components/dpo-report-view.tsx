import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  dpoApi,
  type AccessReport,
  type AccessReportSummary,
  type ReportRecord,
} from '../api/dpo.js';
import { SubjectView } from '../pages/exchange-request-detail.js';
import { formatCalendarDate } from '../api/consultation.js';
import { currentLocale } from '../i18n/index.js';
import { useFormat } from './format.js';
import { RecordErrorAlert } from './record-feedback.js';
import { FieldNames, NodeName, When } from './record-sections.js';
import { DataTable } from './table.js';

/** An access report as produced: who asked through whom, and each record with its disclosures. */
export function AccessReportView({ report }: { report: AccessReport }) {
  const { t, i18n } = useTranslation();
  const q = report.query;
  const searched = [
    q.surname,
    q.givenNames,
    q.birthDate ? formatCalendarDate(q.birthDate, currentLocale(i18n.language)) : undefined,
  ]
    .filter((s): s is string => typeof s === 'string' && s !== '')
    .join(', ');
  return (
    <div data-testid="access-report" data-report={report.id}>
      <dl className="facts">
        <dt>{t('records.report.createdAt')}</dt>
        <dd>
          <When iso={report.createdAt} />
        </dd>
        <dt>{t('records.report.createdBy')}</dt>
        <dd>
          {report.createdBy}
          {report.node && (
            <span className="small block">
              {report.node.name} ({report.node.id})
            </span>
          )}
        </dd>
        <dt>{t('records.report.requestedVia')}</dt>
        <dd>{t(`records.report.via.${report.requestedVia}`)}</dd>
        <dt>{t('records.report.searchedFor')}</dt>
        <dd>{searched || '—'}</dd>
        <dt>{t('records.report.recordCount')}</dt>
        <dd>{report.records.length}</dd>
        <dt>{t('records.report.withheldCount')}</dt>
        <dd>{report.withheld.length}</dd>
      </dl>
      <p className="button-row">
        <a className="button" href={dpoApi.reportPdfUrl(report.id)} download>
          {t('records.report.downloadPdf')}
        </a>
      </p>
      <h2>{t('records.report.records', { count: report.records.length })}</h2>
      <ol className="items-list">
        {report.records.map((r, i) => (
          <li key={r.recordId}>
            <ReportRecordView record={r} number={i + 1} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function ReportRecordView({ record, number }: { record: ReportRecord; number: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useId();
  const kind = t(`exchange.subjectKinds.${record.kind}`);
  return (
    <article
      className="item-view"
      aria-labelledby={heading}
      data-testid="report-record"
      data-record={record.recordId}
    >
      <h3 id={heading} className="item-title">
        {t('records.report.recordTitle', { number, kind })}
        {record.withheld && (
          <span className="badge state-refused">{t('records.report.withheld')}</span>
        )}
        {record.erasedAt && (
          <span className="badge state-refused">{t('records.badges.erased')}</span>
        )}
        {record.restricted && (
          <span className="badge state-delayed">{t('records.badges.restricted')}</span>
        )}
      </h3>
      {record.withheld ? (
        <p>
          <strong>{t('records.report.withheldReason')}:</strong>{' '}
          {t(`records.report.grounds.${record.withheld.reason}`)}
        </p>
      ) : (
        record.subject && <SubjectView subject={record.subject} number={number} />
      )}
      <dl className="facts compact">
        <div className="fact">
          <dt>{t('records.fields.category')}</dt>
          <dd>{record.category ? t(`exchange.categories.${record.category}`) : '—'}</dd>
        </div>
        <div className="fact">
          <dt>{t('records.fields.statement')}</dt>
          <dd>
            {record.statement
              ? t(`exchange.statements.${record.statement}`, { defaultValue: record.statement })
              : '—'}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('records.fields.origin')}</dt>
          <dd>
            <NodeName node={record.originNode} />
          </dd>
        </div>
        <div className="fact">
          <dt>{t('records.fields.source')}</dt>
          <dd>
            {record.sourceNode === null ? (
              t('records.detail.madeHere')
            ) : (
              <NodeName node={record.sourceNode} />
            )}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('records.fields.holder')}</dt>
          <dd>
            {record.holderAgency
              ? `${record.holderAgency.name} (${record.holderAgency.code})`
              : '—'}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('records.report.references')}</dt>
          <dd>{record.references.length > 0 ? record.references.join(', ') : '—'}</dd>
        </div>
        <div className="fact">
          <dt>{t('records.report.legalBasis')}</dt>
          <dd className="prose">{record.legalBasis ?? '—'}</dd>
        </div>
        <div className="fact">
          <dt>{t('records.fields.heldSince')}</dt>
          <dd>
            <When iso={record.heldSince} />
          </dd>
        </div>
        <div className="fact">
          <dt>{t('records.fields.reviewAt')}</dt>
          <dd>
            <When iso={record.reviewAt} day />
          </dd>
        </div>
        <div className="fact">
          <dt>{t('records.fields.expiresAt')}</dt>
          <dd>
            <When iso={record.expiresAt} day />
          </dd>
        </div>
        <div className="fact">
          <dt>{t('records.fields.restriction')}</dt>
          <dd>
            {record.restricted ? (
              <>
                {t('records.detail.restrictedSince')} <When iso={record.restricted.at} />
              </>
            ) : (
              t('records.detail.notRestricted')
            )}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('records.fields.rectifiedAt')}</dt>
          <dd>
            <When iso={record.rectifiedAt} />
          </dd>
        </div>
        <div className="fact">
          <dt>{t('records.fields.erasure')}</dt>
          <dd>
            <When iso={record.erasedAt} />
          </dd>
        </div>
      </dl>
      <p>
        <Link to={`/records/${record.recordId}`}>
          {t('records.report.openRecord', { number, kind })}
        </Link>
      </p>
      <DataTable
        caption={t('records.report.disclosuresCaption', {
          number,
          count: record.disclosures.length,
        })}
      >
        <thead>
          <tr>
            <th scope="col">{t('records.fields.recipient')}</th>
            <th scope="col">{t('exchange.fields.reference')}</th>
            <th scope="col">{t('records.fields.disclosedAt')}</th>
            <th scope="col">{t('records.fields.fieldsSent')}</th>
          </tr>
        </thead>
        <tbody>
          {record.disclosures.length === 0 && (
            <tr>
              <td colSpan={4}>{t('records.detail.noDisclosures')}</td>
            </tr>
          )}
          {record.disclosures.map((d) => (
            <tr key={d.id} data-testid="report-disclosure">
              <th scope="row">
                {d.withheld ? (
                  <>
                    <span className="badge state-refused">{t('records.report.withheld')}</span>
                    <span className="small block">
                      {t(`records.report.grounds.${d.withheld.reason}`)}
                    </span>
                  </>
                ) : (
                  <>
                    {d.recipientNode === null ? '—' : <NodeName node={d.recipientNode} />}
                    {d.recipientCountry && d.recipientCountry.toLowerCase() !== d.recipientNode && (
                      <span className="small block">{format.country(d.recipientCountry)}</span>
                    )}
                    {d.recipientAgency && <span className="small block">{d.recipientAgency}</span>}
                  </>
                )}
              </th>
              <td>{d.withheld ? '—' : (d.reference ?? '—')}</td>
              <td className="nowrap">
                <When iso={d.disclosedAt} />
              </td>
              <td>{d.withheld ? '—' : <FieldNames fields={d.fields} />}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </article>
  );
}

/** The access reports produced earlier, newest first. */
export function AccessReportList({ current }: { current?: string }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<AccessReportSummary[]>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    dpoApi
      .reports()
      .then((answer) => setItems(answer.items))
      .catch(setError);
  }, [current]);

  return (
    <section className="part" aria-labelledby="earlier-reports">
      <h2 id="earlier-reports">{t('records.report.earlier')}</h2>
      <RecordErrorAlert error={error} />
      <DataTable caption={t('records.report.earlierCaption', { count: items?.length ?? 0 })}>
        <thead>
          <tr>
            <th scope="col">{t('records.report.createdAt')}</th>
            <th scope="col">{t('records.report.surname')}</th>
            <th scope="col">{t('records.report.requestedVia')}</th>
            <th scope="col">{t('records.report.createdBy')}</th>
            <th scope="col" className="number">
              {t('records.report.recordCount')}
            </th>
            <th scope="col" className="number">
              {t('records.report.disclosureCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items === undefined && error === undefined && (
            <tr>
              <td colSpan={6}>{t('common.loading')}</td>
            </tr>
          )}
          {items?.length === 0 && (
            <tr>
              <td colSpan={6}>{t('records.report.noneEarlier')}</td>
            </tr>
          )}
          {items?.map((r) => (
            <tr key={r.id} data-testid="report-row">
              <th scope="row">
                {r.id === current ? (
                  <When iso={r.createdAt} />
                ) : (
                  <Link to={`/dpo/access-reports/${r.id}`}>
                    <When iso={r.createdAt} />
                  </Link>
                )}
              </th>
              <td>{r.surname}</td>
              <td>{t(`records.report.via.${r.requestedVia}`)}</td>
              <td>{r.createdBy}</td>
              <td className="number">{r.records}</td>
              <td className="number">{r.disclosures}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
