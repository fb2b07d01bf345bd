import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  dpoApi,
  type OverdueReview,
  type RestrictedRecord,
  type UnconfirmedNotice,
} from '../api/dpo.js';
import { RecipientBadge } from './record-badges.js';
import { RecordErrorAlert } from './record-feedback.js';
import { NodeName, When } from './record-sections.js';
import { DataTable } from './table.js';

interface Overview {
  reviews?: OverdueReview[];
  notices?: UnconfirmedNotice[];
  restricted?: RestrictedRecord[];
}

/** What needs the DPO's attention: overdue reviews, unconfirmed notices, restricted records. */
export function DpoOverview() {
  const { t } = useTranslation();
  const [overview, setOverview] = useState<Overview>({});
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    dpoApi
      .overdueReviews()
      .then((a) => setOverview((o) => ({ ...o, reviews: a.items })))
      .catch(setError);
    dpoApi
      .unconfirmedNotices()
      .then((a) => setOverview((o) => ({ ...o, notices: a.items })))
      .catch(setError);
    dpoApi
      .restrictedRecords()
      .then((a) => setOverview((o) => ({ ...o, restricted: a.items })))
      .catch(setError);
  }, []);

  const loading = (list: unknown[] | undefined, columns: number, none: string) =>
    list === undefined ? (
      <tr>
        <td colSpan={columns}>{t('common.loading')}</td>
      </tr>
    ) : list.length === 0 ? (
      <tr>
        <td colSpan={columns}>{none}</td>
      </tr>
    ) : null;

  const recordLink = (recordId: string, text: string) => (
    <Link to={`/records/${recordId}`}>{text}</Link>
  );

  return (
    <div className="dpo-overview">
      <RecordErrorAlert error={error} />
      <h2>{t('records.dpo.overview.reviews')}</h2>
      <DataTable
        caption={t('records.dpo.overview.reviewsCaption', { count: overview.reviews?.length ?? 0 })}
      >
        <thead>
          <tr>
            <th scope="col">{t('records.fields.record')}</th>
            <th scope="col">{t('records.fields.category')}</th>
            <th scope="col">{t('records.fields.holder')}</th>
            <th scope="col">{t('records.reviews.dueAt')}</th>
          </tr>
        </thead>
        <tbody>
          {loading(overview.reviews, 4, t('records.dpo.overview.noReviews'))}
          {overview.reviews?.map((r) => (
            <tr key={r.taskId} data-testid="overdue-review">
              <th scope="row">{recordLink(r.recordId, t(`exchange.subjectKinds.${r.kind}`))}</th>
              <td>{r.category ? t(`exchange.categories.${r.category}`) : '—'}</td>
              <td>{r.holderAgency.name}</td>
              <td className="nowrap deadline-overdue">
                <When iso={r.dueAt} day />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h2>{t('records.dpo.overview.notices')}</h2>
      <DataTable
        caption={t('records.dpo.overview.noticesCaption', { count: overview.notices?.length ?? 0 })}
      >
        <thead>
          <tr>
            <th scope="col">{t('records.fields.record')}</th>
            <th scope="col">{t('records.fields.noticeKind')}</th>
            <th scope="col">{t('records.fields.recipientNode')}</th>
            <th scope="col">{t('records.fields.sentAt')}</th>
            <th scope="col">{t('records.fields.dueAt')}</th>
            <th scope="col">{t('records.fields.confirmation')}</th>
          </tr>
        </thead>
        <tbody>
          {loading(overview.notices, 6, t('records.dpo.overview.noNotices'))}
          {overview.notices?.map((n) => (
            <tr key={`${n.noticeId}-${n.node}`} data-testid="unconfirmed-notice">
              <th scope="row">{recordLink(n.recordId, t('records.dpo.openRecord'))}</th>
              <td>{t(`records.noticeKinds.${n.kind}`, { defaultValue: n.kind })}</td>
              <td>
                <NodeName node={n.node} />
                {n.viaNode !== null && (
                  <span className="small block">
                    {t('records.detail.via')} <NodeName node={n.viaNode} />
                  </span>
                )}
              </td>
              <td className="nowrap">
                <When iso={n.sentAt} />
              </td>
              <td className="nowrap">
                <When iso={n.dueAt} />
              </td>
              <td>
                <RecipientBadge state={n.overdue ? 'overdue' : 'waiting'} />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h2>{t('records.dpo.overview.restricted')}</h2>
      <DataTable
        caption={t('records.dpo.overview.restrictedCaption', {
          count: overview.restricted?.length ?? 0,
        })}
      >
        <thead>
          <tr>
            <th scope="col">{t('records.fields.record')}</th>
            <th scope="col">{t('records.fields.holder')}</th>
            <th scope="col">{t('records.dpo.overview.restrictedAt')}</th>
            <th scope="col">{t('records.fields.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {loading(overview.restricted, 4, t('records.dpo.overview.noRestricted'))}
          {overview.restricted?.map((r) => (
            <tr key={r.recordId} data-testid="restricted-record">
              <th scope="row">
                {recordLink(r.recordId, r.label || t(`exchange.subjectKinds.${r.kind}`))}
              </th>
              <td>{r.holderAgency.name}</td>
              <td className="nowrap">
                <When iso={r.restrictedAt} />
              </td>
              <td className="prose">{r.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}
