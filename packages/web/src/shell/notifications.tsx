import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationsApi } from '../api/exchange.js';
import type { Role } from '../api/types.js';

/** How often the number of unread notifications is fetched again. */
export const NOTIFICATION_POLL_MS = 60_000;

/** The roles that take part in the exchange and so receive its notifications. */
export const NOTIFIED_ROLES: readonly Role[] = ['officer', 'spoc', 'supervisor'];

interface Notifications {
  enabled: boolean;
  /** Unread notifications; undefined until first known. */
  unread: number | undefined;
  /** Fetches the count again, e.g. after notifications were marked read. */
  refresh: () => Promise<void>;
}

const NotificationsContext = createContext<Notifications>({
  enabled: false,
  unread: undefined,
  refresh: () => Promise.resolve(),
});

/** Keeps the number of unread notifications, polling every minute while the page is visible. */
export function NotificationsProvider({
  enabled,
  children,
}: {
  enabled: boolean;
  children: ReactNode;
}) {
  const [unread, setUnread] = useState<number>();

  const refresh = useCallback(
    () =>
      notificationsApi.list({ unreadOnly: true, limit: 1 }).then(
        (list) => setUnread(list.unread),
        // The count stays as it was; the next poll tries again.
        () => undefined,
      ),
    [],
  );

  useEffect(() => {
    if (!enabled) return;
    void refresh();
    const timer = setInterval(() => {
      if (!document.hidden) void refresh();
    }, NOTIFICATION_POLL_MS);
    return () => clearInterval(timer);
  }, [enabled, refresh]);

  // Once signed out (or without an exchange role), no count is shown, whatever was last known.
  const value = useMemo(
    () => ({ enabled, unread: enabled ? unread : undefined, refresh }),
    [enabled, unread, refresh],
  );
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): Notifications {
  return useContext(NotificationsContext);
}

/**
 * The bell in the header: a link to the notifications with the number unread. When the number
 * grows, a polite live region says so once.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { enabled, unread } = useNotifications();
  const previous = useRef<number | undefined>(undefined);
  const [announcement, setAnnouncement] = useState<string>();

  useEffect(() => {
    if (unread === undefined) return;
    if (previous.current !== undefined && unread > previous.current) {
      setAnnouncement(t('notifications.arrived', { count: unread }));
    }
    previous.current = unread;
  }, [unread, t]);

  if (!enabled) return null;
  const count = unread ?? 0;
  return (
    <>
      <Link to="/notifications" className="bell" data-testid="notification-bell">
        <svg
          aria-hidden="true"
          focusable="false"
          width="20"
          height="20"
          viewBox="0 0 24 24"
          className="bell-icon"
        >
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
        </svg>
        <span className="bell-label">{t('notifications.bell')}</span>
        {count > 0 && (
          <span className="bell-count" data-testid="notification-count" aria-hidden="true">
            {count}
          </span>
        )}
        <span className="visually-hidden">
          {unread === undefined ? '' : `, ${t('notifications.unread', { count })}`}
        </span>
      </Link>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </>
  );
}
