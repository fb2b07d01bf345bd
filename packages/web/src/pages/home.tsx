import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session.js';
import { PageHeading } from '../components/feedback.js';

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useMe();
  const title = t('home.title', { name: user.displayName });
  return (
    <section>
      <PageHeading title={t('nav.home')}>{title}</PageHeading>
      <p>{t('home.intro')}</p>
      <dl className="facts">
        <dt>{t('home.agency')}</dt>
        <dd>
          {user.agency.name} ({user.agency.code})
        </dd>
        <dt>{t('home.country')}</dt>
        <dd>{user.agency.country}</dd>
        <dt>{t('home.roles')}</dt>
        <dd>{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</dd>
        <dt>{t('home.secondFactor')}</dt>
        <dd>{user.secondFactorEnrolled ? t('account.enrolled') : t('account.notEnrolled')}</dd>
      </dl>
    </section>
  );
}
