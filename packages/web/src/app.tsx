import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { useSession } from './auth/session.js';
import { AccountPage } from './pages/account.js';
import { AgenciesPage } from './pages/agencies.js';
import { AuditPage } from './pages/audit.js';
import { ConsultationActionsPage } from './pages/consultation-actions.js';
import { ConsultationBodiesPage } from './pages/consultation-bodies.js';
import { ConsultationBodyPage } from './pages/consultation-body.js';
import { ConsultationMeetingPage } from './pages/consultation-meeting.js';
import { DpoAccessReportNewPage, DpoAccessReportPage } from './pages/dpo-access-report.js';
import { DpoWorkspacePage } from './pages/dpo-workspace.js';
import { EnrolmentPage } from './pages/enrolment.js';
import { ExchangeDashboardPage } from './pages/exchange-dashboard.js';
import { ExchangeProvisionFormPage } from './pages/exchange-provision-form.js';
import { ExchangeRequestDetailPage } from './pages/exchange-request-detail.js';
import { ExchangeRequestFormPage } from './pages/exchange-request-form.js';
import { ExchangeStatisticsPage } from './pages/exchange-statistics.js';
import { FederationPage } from './pages/federation.js';
import { HomePage } from './pages/home.js';
import { LoginPage } from './pages/login.js';
import { NotificationsPage } from './pages/notifications.js';
import { PortalNewsEditorPage, PortalNewsNewPage } from './pages/portal-news-editor.js';
import { PortalNewsListPage } from './pages/portal-news-list.js';
import { PortalThemeEditorPage, PortalThemesPage } from './pages/portal-themes.js';
import { RecordDetailPage } from './pages/record-detail.js';
import { RecordPermissionsPage } from './pages/record-permissions.js';
import { RecordReviewsPage } from './pages/record-reviews.js';
import { RecordsSearchPage } from './pages/records-search.js';
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
  // Information exchange (Directive 2023/977): who reads, who writes, who sees the figures.
  const readsExchange = has('officer') || has('spoc') || has('supervisor');
  const writesExchange = has('officer') || has('spoc');
  const seesStatistics = has('spoc') || has('supervisor') || has('dpo');
  // Personal-data records: who searches and reads them, who decides reviews and permissions.
  const readsRecords = readsExchange || has('dpo');
  const reviewsRecords = has('officer') || has('spoc') || has('dpo');
  const answersPermissions = has('spoc') || has('dpo');
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
        {readsExchange && <Route path="/exchange" element={<ExchangeDashboardPage />} />}
        {writesExchange && <Route path="/exchange/new" element={<ExchangeRequestFormPage />} />}
        {writesExchange && (
          <Route path="/exchange/provide" element={<ExchangeProvisionFormPage />} />
        )}
        {readsExchange && (
          <Route path="/exchange/requests/:id" element={<ExchangeRequestDetailPage />} />
        )}
        {writesExchange && (
          <Route path="/exchange/requests/:id/edit" element={<ExchangeRequestFormPage />} />
        )}
        {seesStatistics && (
          <Route path="/exchange/statistics" element={<ExchangeStatisticsPage />} />
        )}
        {readsExchange && <Route path="/notifications" element={<NotificationsPage />} />}
        {/* The public portal: its editors write, schedule and publish themes and news. */}
        {has('editor') && <Route path="/portal/news" element={<PortalNewsListPage />} />}
        {has('editor') && <Route path="/portal/news/new" element={<PortalNewsNewPage />} />}
        {has('editor') && <Route path="/portal/news/:id" element={<PortalNewsEditorPage />} />}
        {has('editor') && <Route path="/portal/themes" element={<PortalThemesPage />} />}
        {has('editor') && <Route path="/portal/themes/:id" element={<PortalThemeEditorPage />} />}
        {/* Consultation bodies: open to every user; the node decides which bodies they see. */}
        <Route path="/consultation" element={<ConsultationBodiesPage />} />
        <Route path="/consultation/bodies/:id" element={<ConsultationBodyPage />} />
        <Route path="/consultation/meetings/:id" element={<ConsultationMeetingPage />} />
        <Route path="/consultation/actions" element={<ConsultationActionsPage />} />
        {readsRecords && <Route path="/records" element={<RecordsSearchPage />} />}
        {reviewsRecords && <Route path="/records/reviews" element={<RecordReviewsPage />} />}
        {answersPermissions && (
          <Route path="/records/permissions" element={<RecordPermissionsPage />} />
        )}
        {readsRecords && <Route path="/records/:id" element={<RecordDetailPage />} />}
        {has('dpo') && <Route path="/dpo" element={<DpoWorkspacePage />} />}
        {has('dpo') && (
          <Route path="/dpo/access-reports/new" element={<DpoAccessReportNewPage />} />
        )}
        {has('dpo') && <Route path="/dpo/access-reports/:id" element={<DpoAccessReportPage />} />}
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Layout>
  );
}
