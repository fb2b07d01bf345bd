import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DpoAnomalies } from '../components/dpo-anomalies.js';
import { ConsultationLog, DisclosureLog } from '../components/dpo-logs.js';
import { DpoOverview } from '../components/dpo-overview.js';
import { DpoProcessingRecord } from '../components/dpo-processing-record.js';
import { PageHeading } from '../components/feedback.js';
import { Tabs } from '../components/tabs.js';

const TABS = ['overview', 'consultations', 'disclosures', 'anomalies', 'processing'] as const;
type Tab = (typeof TABS)[number];

/**
 * The data protection officer's workspace: what needs attention, the consultation and
 * disclosure logs, unusual consultations, the record of processing activities, and the way to
 * the access reports. The tab shown stays in the address.
 */
export function DpoWorkspacePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'overview';
  const choose = (next: Tab) => setParams(next === 'overview' ? {} : { tab: next });

  const title = t('records.dpo.title');
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('records.dpo.intro')}</p>
      <p className="button-row">
        <Link className="button" to="/dpo/access-reports/new">
          {t('records.report.newTitle')}
        </Link>
        <Link className="button secondary" to="/records">
          {t('records.search.title')}
        </Link>
        <Link className="button secondary" to="/audit">
          {t('nav.audit')}
        </Link>
      </p>
      <Tabs
        tabs={TABS}
        current={tab}
        label={t('records.dpo.tabs')}
        labelOf={(x) => t(`records.dpo.tab.${x}`)}
        onChoose={choose}
      >
        {tab === 'overview' && <DpoOverview />}
        {tab === 'consultations' && <ConsultationLog />}
        {tab === 'disclosures' && <DisclosureLog />}
        {tab === 'anomalies' && <DpoAnomalies />}
        {tab === 'processing' && <DpoProcessingRecord />}
      </Tabs>
    </section>
  );
}
