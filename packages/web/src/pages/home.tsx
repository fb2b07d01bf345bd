import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useMe } from '../auth/session.js';
import { PageHeading, StatusMessage } from '../components/feedback.js';
import { useFormat } from '../components/format.js';

/** A confirmation another page passed along when it sent the user here. */
function noticeOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return undefined;
  return typeof state.notice === 'string' ? state.notice : undefined;
}

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useMe();
  const format = useFormat();
  const notice = noticeOf(useLocation().state);
  const title = t('home.title', { name: user.displayName });
  return (
    <section>
      <PageHeading title={t('nav.home')}>{title}</PageHeading>
      <StatusMessage>{notice && t(notice)}</StatusMessage>
      <p>{t('home.intro')}</p>
      <dl className="facts">
        <dt>{t('home.agency')}</dt>
        <dd>
          {user.agency.name} ({user.agency.code})
        </dd>
        <dt>{t('home.country')}</dt>
        <dd>{format.country(user.agency.country)}</dd>
        <dt>{t('home.roles')}</dt>
        <dd>{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</dd>
        <dt>{t('home.secondFactor')}</dt>
        <dd>{user.secondFactorEnrolled ? t('account.enrolled') : t('account.notEnrolled')}</dd>
        <dt>{t('home.memberSince')}</dt>
        <dd>{format.date(user.createdAt)}</dd>
      </dl>
    </section>
  );
}
