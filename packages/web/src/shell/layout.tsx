import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Role } from '../api/types.js';
import { useSession } from '../auth/session.js';
import { LanguageSwitch } from './language-switch.js';
import { NOTIFIED_ROLES, NotificationBell, NotificationsProvider } from './notifications.js';

interface NavItem {
  to: string;
  label: string;
  roles?: Role[];
}

/** The frame of every screen: skip link, header, navigation by role, main content. */
export function Layout({
  children,
  navigation = true,
}: {
  children: ReactNode;
  navigation?: boolean;
}) {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  // The next person to sign in on this browser starts at the home page, not at this one's.
  const leave = () => void signOut().then(() => navigate('/', { replace: true }));
  const items: NavItem[] = [
    { to: '/', label: t('nav.home') },
    { to: '/agencies', label: t('nav.agencies'), roles: ['admin'] },
    { to: '/users', label: t('nav.users'), roles: ['admin', 'supervisor'] },
    { to: '/audit', label: t('nav.audit'), roles: ['dpo'] },
    { to: '/federation', label: t('nav.federation'), roles: ['admin'] },
    { to: '/exchange', label: t('nav.exchange'), roles: ['officer', 'spoc', 'supervisor'] },
    {
      to: '/exchange/statistics',
      label: t('nav.exchangeStatistics'),
      roles: ['spoc', 'supervisor', 'dpo'],
    },
    { to: '/records', label: t('records.nav'), roles: ['officer', 'spoc', 'supervisor', 'dpo'] },
    { to: '/dpo', label: t('records.dpoNav'), roles: ['dpo'] },
    { to: '/portal/news', label: t('portal.nav.news'), roles: ['editor'] },
    { to: '/portal/themes', label: t('portal.nav.themes'), roles: ['editor'] },
    { to: '/consultation', label: t('consultation.nav') },
    { to: '/account', label: t('nav.account') },
  ];
  const visible = items.filter(
    (item) => !item.roles || item.roles.some((r) => me?.user.roles.includes(r)),
  );
  const active = activeItem(visible, useLocation().pathname);
  const notified =
    me !== null &&
    navigation &&
    me.secondFactorSatisfied &&
    NOTIFIED_ROLES.some((r) => me.user.roles.includes(r));
  return (
    <NotificationsProvider enabled={notified}>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="banner">
        <div className="brand">
          <span className="brand-name">{t('common.appName')}</span>
          <span className="brand-tagline">{t('common.tagline')}</span>
        </div>
        <div className="banner-tools">
          <LanguageSwitch />
          {notified && <NotificationBell />}
          {me && (
            <>
              <span className="signed-in">
                {t('nav.signedInAs', { name: me.user.displayName })}
              </span>
              <button type="button" className="secondary" onClick={leave}>
                {t('nav.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      {me && navigation && (
        <nav aria-label={t('nav.label')} className="main-nav">
          <ul>
            {visible.map((item) => (
              <li key={item.to}>
                <Link
                  to={item.to}
                  className={item === active ? 'active' : undefined}
                  aria-current={item === active ? 'page' : undefined}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </NotificationsProvider>
  );
}

/**
 * The navigation entry of the current page: the one whose address is the longest start of the
 * path ("/exchange/requests/…" belongs to "/exchange", "/exchange/statistics" to itself).
 */
function activeItem(items: readonly NavItem[], pathname: string): NavItem | undefined {
  const matching = items.filter((item) =>
    item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`),
  );
  return matching.sort((a, b) => b.to.length - a.to.length)[0];
}
