import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import type { Role } from '../api/types.js';
import { useSession } from '../auth/session.js';
import { LanguageSwitch } from './language-switch.js';

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
    { to: '/account', label: t('nav.account') },
  ];
  const visible = items.filter(
    (item) => !item.roles || item.roles.some((r) => me?.user.roles.includes(r)),
  );
  return (
    <>
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
                <NavLink to={item.to} end={item.to === '/'}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
