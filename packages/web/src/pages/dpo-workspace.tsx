import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DpoAnomalies } from '../components/dpo-anomalies.js';
import { ConsultationLog, DisclosureLog } from '../components/dpo-logs.js';
import { DpoOverview } from '../components/dpo-overview.js';
import { DpoProcessingRecord } from '../components/dpo-processing-record.js';
import { PageHeading } from '../components/feedback.js';

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
  const tabsId = useId();
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  const choose = (next: Tab) => setParams(next === 'overview' ? {} : { tab: next });

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: TABS.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = TABS[(target + TABS.length) % TABS.length]!;
    choose(next);
    tabRefs.current[next]?.focus();
  };

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
      <div role="tablist" aria-label={t('records.dpo.tabs')} className="tabs">
        {TABS.map((x, index) => (
          <button
            key={x}
            type="button"
            role="tab"
            id={`${tabsId}-${x}`}
            aria-selected={tab === x}
            aria-controls={`${tabsId}-panel`}
            tabIndex={tab === x ? 0 : -1}
            ref={(element) => {
              tabRefs.current[x] = element;
            }}
            onClick={() => choose(x)}
            onKeyDown={(e) => onTabKey(e, index)}
          >
            {t(`records.dpo.tab.${x}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${tabsId}-panel`} aria-labelledby={`${tabsId}-${tab}`}>
        {tab === 'overview' && <DpoOverview />}
        {tab === 'consultations' && <ConsultationLog />}
        {tab === 'disclosures' && <DisclosureLog />}
        {tab === 'anomalies' && <DpoAnomalies />}
        {tab === 'processing' && <DpoProcessingRecord />}
      </div>
    </section>
  );
}
