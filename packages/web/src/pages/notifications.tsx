import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationsApi, type Notification, type NotificationList } from '../api/exchange.js';
import { CheckboxField } from '../components/field.js';
import { Outcome, PageHeading, useOutcome } from '../components/feedback.js';
import { useFormat } from '../components/format.js';
import { DataTable } from '../components/table.js';
import { useNotifications } from '../shell/notifications.js';

const LIMIT = 100;

/** What happened on the requests the signed-in user deals with, newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { refresh } = useNotifications();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [items, setItems] = useState<Notification[]>();
  const [unread, setUnread] = useState(0);
  const { error, setError, status, run } = useOutcome();
  const table = useRef<HTMLDivElement>(null);

  const show = useCallback((list: NotificationList) => {
    setItems(list.items);
    setUnread(list.unread);
  }, []);

  const load = useCallback(
    () => notificationsApi.list({ unreadOnly, limit: LIMIT }).then(show),
    [unreadOnly, show],
  );

  useEffect(() => {
    notificationsApi.list({ unreadOnly, limit: LIMIT }).then(show).catch(setError);
  }, [unreadOnly, show, setError]);

  const after = async () => {
    await load();
    await refresh();
  };

  const markRead = (notification: Notification) =>
    run(
      async () => {
        await notificationsApi.read(notification.id);
        return t('notifications.markedRead');
      },
      {
        then: async () => {
          await after();
          table.current?.focus();
        },
      },
    );

  const markAll = () =>
    run(
      async () => {
        await notificationsApi.readAll();
        return t('notifications.allMarkedRead');
      },
      { then: after },
    );

  /** Opening a notification's request marks it read as well. */
  const opened = (notification: Notification) => {
    if (notification.readAt !== null) return;
    notificationsApi
      .read(notification.id)
      .then(refresh)
      .catch(() => undefined);
  };

  const title = t('notifications.title');
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('notifications.intro')}</p>
      <Outcome error={error} status={status} />
      <div className="button-row filters-inline">
        <CheckboxField
          label={t('notifications.unreadOnly')}
          checked={unreadOnly}
          onChange={(e) => setUnreadOnly(e.target.checked)}
        />
        <button
          type="button"
          className="secondary"
          disabled={unread === 0}
          onClick={() => void markAll()}
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      <DataTable
        regionRef={table}
        caption={`${title} — ${t('notifications.unread', { count: unread })}`}
      >
        <thead>
          <tr>
            <th scope="col">{t('notifications.time')}</th>
            <th scope="col">{t('notifications.what')}</th>
            <th scope="col">{t('exchange.fields.reference')}</th>
            <th scope="col">{t('notifications.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items?.length === 0 && (
            <tr>
              <td colSpan={5}>{t('notifications.none')}</td>
            </tr>
          )}
          {items === undefined && (
            <tr>
              <td colSpan={5}>{t('common.loading')}</td>
            </tr>
          )}
          {items?.map((n) => (
            <tr
              key={n.id}
              className={n.readAt === null ? 'unread' : undefined}
              data-testid="notification"
              data-kind={n.kind}
            >
              <td className="nowrap">
                <time dateTime={n.createdAt}>{format.dateTime(n.createdAt)}</time>
              </td>
              <td>{t(`notifications.kinds.${n.kind}`)}</td>
              <td>
                {n.requestId !== null ? (
                  <Link to={`/exchange/requests/${n.requestId}`} onClick={() => opened(n)}>
                    {n.reference ?? t('notifications.openRequest')}
                  </Link>
                ) : n.kind === 'record_review' ? (
                  <Link to="/records/reviews" onClick={() => opened(n)}>
                    {t('records.reviews.title')}
                  </Link>
                ) : n.kind === 'permission_requested' ? (
                  <Link to="/records/permissions" onClick={() => opened(n)}>
                    {t('records.permissions.title')}
                  </Link>
                ) : (
                  (n.reference ?? '—')
                )}
              </td>
              <td>
                {n.readAt === null ? (
                  <strong>{t('notifications.new')}</strong>
                ) : (
                  t('notifications.read')
                )}
              </td>
              <td>
                {n.readAt === null && (
                  <button type="button" className="secondary" onClick={() => void markRead(n)}>
                    {t('notifications.markRead')}
                    <span className="visually-hidden">
                      {' '}
                      ({t(`notifications.kinds.${n.kind}`)}
                      {n.reference !== null && `, ${n.reference}`})
                    </span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
