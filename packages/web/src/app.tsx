import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from './auth/session.js';
import { AccountPage } from './pages/account.js';
import { AgenciesPage } from './pages/agencies.js';
import { AuditPage } from './pages/audit.js';
import { EnrolmentPage } from './pages/enrolment.js';
import { FederationPage } from './pages/federation.js';
import { HomePage } from './pages/home.js';
import { LoginPage } from './pages/login.js';
import { UsersPage } from './pages/users.js';
import { Layout } from './shell/layout.js';

export function App() {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  if (loading) {
    return (
      <Layout>
        <p role="status">{t('common.loading')}</p>
      </Layout>
    );
  }
  if (!me) {
    return (
      <Layout>
        <LoginPage />
      </Layout>
    );
  }
  // A user whose roles demand a second factor sees nothing else until it is set up.
  if (me.secondFactorRequired && !me.secondFactorSatisfied) {
    return (
      <Layout navigation={false}>
        <EnrolmentPage required />
      </Layout>
    );
  }
  const has = (role: string) => me.user.roles.some((r) => r === role);
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/account/second-factor" element={<EnrolmentPage />} />
        {has('admin') && <Route path="/agencies" element={<AgenciesPage />} />}
        {(has('admin') || has('supervisor')) && <Route path="/users" element={<UsersPage />} />}
        {has('dpo') && <Route path="/audit" element={<AuditPage />} />}
        {has('admin') && <Route path="/federation" element={<FederationPage />} />}
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Layout>
  );
}
