import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  recipientState,
  type Disclosure,
  type Notice,
  type Occurrence,
  type Permission,
  type RecordDetail,
} from '../api/records.js';
import { useFormat } from './format.js';
import { PermissionBadge, RecipientBadge } from './record-badges.js';
import { DataTable } from './table.js';

/** A time as the reader's locale writes it, in a <time> element; a dash when there is none. */
export function When({ iso, day = false }: { iso: string | null | undefined; day?: boolean }) {
  const format = useFormat();
  if (iso === null || iso === undefined || iso === '') return <>—</>;
  return <time dateTime={iso}>{day ? format.date(iso) : format.dateTime(iso)}</time>;
}

/** A node by its id, with its country in words when the id is a country's code ("be"). */
export function NodeName({ node }: { node: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (node === null) return <>{t('records.detail.thisNode')}</>;
  const country = /^[a-z]{2}$/i.test(node) ? format.country(node.toUpperCase()) : undefined;
  return <>{country && country !== node.toUpperCase() ? `${country} (${node})` : node}</>;
}

/** A section of a record's page, named by its heading. */
export function Part({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const generated = useId();
  const heading = id ?? generated;
  return (
    <section className="part" aria-labelledby={heading}>
      <h2 id={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Where a record comes from, who holds it, its handling code and its life in dates and states. */
export function RecordFacts({ detail }: { detail: RecordDetail }) {
  const { t } = useTranslation();
  return (
    <dl className="facts" data-testid="record-facts">
      <dt>{t('records.fields.kind')}</dt>
      <dd>{t(`exchange.subjectKinds.${detail.kind}`)}</dd>
      <dt>{t('records.fields.category')}</dt>
      <dd>{detail.category ? t(`exchange.categories.${detail.category}`) : '—'}</dd>
      <dt>{t('records.fields.statement')}</dt>
      <dd>{detail.statement ? t(`exchange.statements.${detail.statement}`) : '—'}</dd>
      <dt>{t('records.fields.origin')}</dt>
      <dd>
        <NodeName node={detail.originNode} />
      </dd>
      <dt>{t('records.fields.source')}</dt>
      <dd>
        {detail.sourceNode === null ? (
          t('records.detail.madeHere')
        ) : (
          <NodeName node={detail.sourceNode} />
        )}
      </dd>
      <dt>{t('records.fields.holder')}</dt>
      <dd>
        {detail.holderAgency.name} ({detail.holderAgency.code})
      </dd>
      <dt>{t('records.fields.handlingCode')}</dt>
      <dd>
        {detail.handlingCode
          ? `${detail.handlingCode}: ${t(`exchange.handlingCodes.${detail.handlingCode}`)}`
          : '—'}
      </dd>
      <dt>{t('records.fields.heldSince')}</dt>
      <dd>
        <When iso={detail.heldSince} />
      </dd>
      <dt>{t('records.fields.lastReviewedAt')}</dt>
      <dd>
        <When iso={detail.lastReviewedAt} />
      </dd>
      <dt>{t('records.fields.reviewAt')}</dt>
      <dd>
        <When iso={detail.reviewAt} day />
      </dd>
      <dt>{t('records.fields.expiresAt')}</dt>
      <dd>
        <When iso={detail.expiresAt} day />
      </dd>
      <dt>{t('records.fields.restriction')}</dt>
      <dd data-testid="record-restriction">
        {detail.restricted ? (
          <>
            {t('records.detail.restrictedSince')} <When iso={detail.restricted.at} />
            <span className="block prose">{detail.restricted.reason}</span>
          </>
        ) : (
          t('records.detail.notRestricted')
        )}
      </dd>
      <dt>{t('records.fields.accuracy')}</dt>
      <dd>
        {detail.inaccurate ? (
          <>
            {t('records.detail.inaccurateSince')} <When iso={detail.inaccurate.at} />
            <span className="block prose">{detail.inaccurate.note}</span>
          </>
        ) : (
          t('records.detail.notMarkedInaccurate')
        )}
      </dd>
      <dt>{t('records.fields.rectifiedAt')}</dt>
      <dd>
        {detail.rectifiedAt ? (
          <When iso={detail.rectifiedAt} />
        ) : (
          t('records.detail.neverRectified')
        )}
      </dd>
      <dt>{t('records.fields.erasure')}</dt>
      <dd>
        {detail.erased ? (
          <>
            {t('records.detail.erasedOn')} <When iso={detail.erased.at} />
            <span className="block prose">{detail.erased.reason}</span>
          </>
        ) : (
          t('records.detail.notErased')
        )}
      </dd>
    </dl>
  );
}

/** The requests the record occurs in; each links to the request for those who may read it. */
export function OccurrencesTable({
  occurrences,
  linkRequests,
}: {
  occurrences: readonly Occurrence[];
  linkRequests: boolean;
}) {
  const { t } = useTranslation();
  return (
    <DataTable caption={t('records.detail.occurrencesCaption', { count: occurrences.length })}>
      <thead>
        <tr>
          <th scope="col">{t('exchange.fields.reference')}</th>
          <th scope="col">{t('records.fields.requestKind')}</th>
          <th scope="col">{t('records.fields.side')}</th>
        </tr>
      </thead>
      <tbody>
        {occurrences.length === 0 && (
          <tr>
            <td colSpan={3}>{t('records.detail.noOccurrences')}</td>
          </tr>
        )}
        {occurrences.map((o) => (
          <tr key={`${o.requestId}`} data-testid="occurrence">
            <th scope="row">
              {linkRequests ? (
                <Link to={`/exchange/requests/${o.requestId}`}>{o.reference}</Link>
              ) : (
                o.reference
              )}
            </th>
            <td>{t(`exchange.kinds.${o.kind}`, { defaultValue: o.kind })}</td>
            <td>{t(`exchange.sides.${o.side}`, { defaultValue: o.side })}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** The fields that were sent, by their names in the reader's language. */
export function FieldNames({ fields }: { fields: readonly string[] }) {
  const { t } = useTranslation();
  if (fields.length === 0) return <>—</>;
  return (
    <>
      {fields
        .map((f) =>
          t(`exchange.subjectFields.${f}`, {
            defaultValue: t(`records.extraFields.${f}`, { defaultValue: f }),
          }),
        )
        .join(', ')}
    </>
  );
}

/** Every time the record left this node. */
export function DisclosuresTable({ disclosures }: { disclosures: readonly Disclosure[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable caption={t('records.detail.disclosuresCaption', { count: disclosures.length })}>
      <thead>
        <tr>
          <th scope="col">{t('records.fields.recipient')}</th>
          <th scope="col">{t('exchange.fields.reference')}</th>
          <th scope="col">{t('records.fields.disclosedAt')}</th>
          <th scope="col">{t('records.fields.handlingCode')}</th>
          <th scope="col">{t('records.fields.fieldsSent')}</th>
        </tr>
      </thead>
      <tbody>
        {disclosures.length === 0 && (
          <tr>
            <td colSpan={5}>{t('records.detail.noDisclosures')}</td>
          </tr>
        )}
        {disclosures.map((d) => (
          <tr key={d.id} data-testid="disclosure">
            <th scope="row">
              <NodeName node={d.recipientNode} />
              {/* A node named after its country ("nl") says the country already. */}
              {d.recipientCountry !== null &&
                d.recipientCountry.toLowerCase() !== d.recipientNode && (
                  <span className="small block">{format.country(d.recipientCountry)}</span>
                )}
              {d.recipientAgency !== null && (
                <span className="small block">{d.recipientAgency}</span>
              )}
            </th>
            <td>{d.reference}</td>
            <td className="nowrap">
              <When iso={d.disclosedAt} />
            </td>
            <td>{d.handlingCode ?? '—'}</td>
            <td>
              <FieldNames fields={d.fields} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** The rectification, erasure and restriction notices, each with who confirmed it. */
export function NoticesList({ notices }: { notices: readonly Notice[] }) {
  const { t } = useTranslation();
  if (notices.length === 0) return <p>{t('records.detail.noNotices')}</p>;
  return (
    <ol className="items-list">
      {notices.map((notice) => (
        <li key={notice.id}>
          <NoticeView notice={notice} />
        </li>
      ))}
    </ol>
  );
}

function NoticeView({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const kind = t(`records.noticeKinds.${notice.kind}`);
  return (
    <article className="item-view" data-testid="notice" data-kind={notice.kind}>
      <p className="item-title">
        <strong>{kind}</strong> <When iso={notice.issuedAt} />
      </p>
      <dl className="facts compact">
        <div className="fact">
          <dt>{t('records.fields.noticeOrigin')}</dt>
          <dd>
            <NodeName node={notice.originNode} />
          </dd>
        </div>
        {notice.fromNode !== null && (
          <div className="fact">
            <dt>{t('records.fields.noticeFrom')}</dt>
            <dd>
              <NodeName node={notice.fromNode} />
            </dd>
          </div>
        )}
        <div className="fact">
          <dt>{t('records.fields.reason')}</dt>
          <dd className="prose">{notice.reason}</dd>
        </div>
      </dl>
      <DataTable
        caption={t('records.detail.recipientsCaption', { kind, count: notice.recipients.length })}
      >
        <thead>
          <tr>
            <th scope="col">{t('records.fields.recipientNode')}</th>
            <th scope="col">{t('records.fields.sentAt')}</th>
            <th scope="col">{t('records.fields.dueAt')}</th>
            <th scope="col">{t('records.fields.confirmation')}</th>
          </tr>
        </thead>
        <tbody>
          {notice.recipients.length === 0 && (
            <tr>
              <td colSpan={4}>{t('records.detail.noRecipients')}</td>
            </tr>
          )}
          {notice.recipients.map((r) => (
            <tr key={r.node} data-testid="notice-recipient" data-node={r.node}>
              <th scope="row">
                <NodeName node={r.node} />
                {r.viaNode !== null && (
                  <span className="small block">
                    {t('records.detail.via')} <NodeName node={r.viaNode} />
                  </span>
                )}
              </th>
              <td className="nowrap">
                <When iso={r.sentAt} />
              </td>
              <td className="nowrap">
                <When iso={r.dueAt} />
              </td>
              <td>
                <RecipientBadge state={recipientState(r)} />
                {r.confirmedAt !== null && (
                  <span className="small block">
                    <When iso={r.confirmedAt} />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </article>
  );
}

/** The permissions asked to pass the record on (H2), and their answers. */
export function PermissionsTable({ permissions }: { permissions: readonly Permission[] }) {
  const { t } = useTranslation();
  return (
    <DataTable caption={t('records.detail.permissionsCaption', { count: permissions.length })}>
      <thead>
        <tr>
          <th scope="col">{t('records.fields.recipientNode')}</th>
          <th scope="col">{t('records.fields.permissionSide')}</th>
          <th scope="col">{t('records.fields.answeringNode')}</th>
          <th scope="col">{t('records.fields.reason')}</th>
          <th scope="col">{t('records.fields.askedAt')}</th>
          <th scope="col">{t('records.fields.permissionState')}</th>
        </tr>
      </thead>
      <tbody>
        {permissions.length === 0 && (
          <tr>
            <td colSpan={6}>{t('records.detail.noPermissions')}</td>
          </tr>
        )}
        {permissions.map((p) => (
          <tr key={p.id} data-testid="permission">
            <th scope="row">
              <NodeName node={p.recipientNode} />
            </th>
            <td>{t(`records.permissionSides.${p.side}`)}</td>
            <td>
              <NodeName node={p.answeringNode} />
            </td>
            <td className="prose">{p.reason}</td>
            <td className="nowrap">
              <When iso={p.askedAt} />
            </td>
            <td>
              <PermissionBadge state={p.state} />
              {p.answeredAt !== null && (
                <span className="small block">
                  <When iso={p.answeredAt} />
                </span>
              )}
              {p.answerNote && <span className="small block prose">{p.answerNote}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
