import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFUSAL_GROUNDS, exchangeApi, type Statistics } from '../api/exchange.js';
import { BarChart } from '../components/bar-chart.js';
import { SelectField } from '../components/field.js';
import { ErrorAlert, PageHeading, StatusMessage } from '../components/feedback.js';
import { useFormat } from '../components/format.js';
import { DataTable } from '../components/table.js';

/** The first year with figures: the directive applies from 12 December 2024. */
const FIRST_YEAR = 2024;

/**
 * The figures art. 18 of Directive 2023/977 asks each country to report to the Commission every
 * year: requests sent, received and answered (urgent or not), refusals by ground, deadlines
 * exceeded for want of a judicial authorisation, and information supplied spontaneously.
 */
export function ExchangeStatisticsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const thisYear = new Date().getFullYear();
  const years = Array.from(
    { length: Math.max(1, thisYear - FIRST_YEAR + 1) },
    (_, i) => thisYear - i,
  );
  const [year, setYear] = useState(thisYear);
  // The figures (or the error) of the year they are for.
  const [loaded, setLoaded] = useState<{ year: number; stats?: Statistics; error?: unknown }>();
  const [status, setStatus] = useState<string>();

  useEffect(() => {
    exchangeApi
      .statistics(year)
      .then((stats) => setLoaded({ year, stats }))
      .catch((error: unknown) => setLoaded({ year, error }));
  }, [year]);

  const title = t('exchange.statistics.title');
  const shown = loaded?.year === year ? loaded.stats : undefined;
  const error = loaded?.year === year ? loaded.error : undefined;
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('exchange.statistics.intro')}</p>
      <div className="filters">
        <SelectField
          label={t('exchange.statistics.year')}
          value={String(year)}
          onChange={(e) => {
            setYear(Number(e.target.value));
            setStatus(t('exchange.statistics.showing', { year: e.target.value }));
          }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert error={error} />
      <div className="exports">
        <h2>{t('exchange.statistics.downloads')}</h2>
        <ul>
          <li>
            <a href={exchangeApi.statisticsUrl(year, 'csv')} download={`statistics-${year}.csv`}>
              {t('exchange.statistics.downloadCsv', { year })}
            </a>
          </li>
          <li>
            <a href={exchangeApi.statisticsUrl(year, 'json')} download={`statistics-${year}.json`}>
              {t('exchange.statistics.downloadJson', { year })}
            </a>
          </li>
        </ul>
      </div>
      {shown === undefined ? (
        error === undefined && <p>{t('common.loading')}</p>
      ) : (
        <Figures stats={shown} format={format} />
      )}
    </section>
  );
}

function Figures({ stats, format }: { stats: Statistics; format: ReturnType<typeof useFormat> }) {
  const { t } = useTranslation();
  const summary = useId();
  const sentId = useId();
  const receivedId = useId();
  const refusalsId = useId();
  const spontaneousId = useId();
  const n = format.number;
  const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  const countryEntries = (codes: readonly string[]) =>
    [...new Set(codes)].map((c) => ({ key: c, label: format.country(c) })).sort(byName);

  const sentCountries = countryEntries(stats.sent.byCountry.map((c) => c.country));
  const sentOf = (country: string) =>
    stats.sent.byCountry.find((c) => c.country === country)?.count ?? 0;

  const receivedCountries = countryEntries(stats.received.map((r) => r.country));
  const receivedOf = (country: string) => stats.received.find((r) => r.country === country);
  const receivedSeries = [
    { key: 'urgentReceived', label: t('exchange.statistics.urgentReceived') },
    { key: 'urgentAnswered', label: t('exchange.statistics.urgentAnswered') },
    { key: 'otherReceived', label: t('exchange.statistics.otherReceived') },
    { key: 'otherAnswered', label: t('exchange.statistics.otherAnswered') },
  ] as const;
  const receivedValue = (country: string, series: string) => {
    const row = receivedOf(country);
    return row ? ((row as unknown as Record<string, number>)[series] ?? 0) : 0;
  };
  const totals = stats.received.reduce(
    (sum, r) => ({
      urgentReceived: sum.urgentReceived + r.urgentReceived,
      urgentAnswered: sum.urgentAnswered + r.urgentAnswered,
      otherReceived: sum.otherReceived + r.otherReceived,
      otherAnswered: sum.otherAnswered + r.otherAnswered,
    }),
    { urgentReceived: 0, urgentAnswered: 0, otherReceived: 0, otherAnswered: 0 },
  );

  const grounds = REFUSAL_GROUNDS.filter((g) => stats.refusals.some((r) => r.ground === g));
  const refusalCountries = countryEntries(stats.refusals.map((r) => r.country));
  const refusalsOf = (ground: string, country?: string) =>
    stats.refusals
      .filter((r) => r.ground === ground && (country === undefined || r.country === country))
      .reduce((sum, r) => sum + r.count, 0);
  const refusalTotal = stats.refusals.reduce((sum, r) => sum + r.count, 0);

  const spontaneousCountries = countryEntries(stats.spontaneous.byCountry.map((c) => c.country));
  const spontaneousOf = (country: string) =>
    stats.spontaneous.byCountry.find((c) => c.country === country)?.count ?? 0;

  return (
    <>
      <section className="part" aria-labelledby={summary}>
        <h2 id={summary}>
          {t('exchange.statistics.summary', {
            country: format.country(stats.country),
            year: stats.year,
          })}
        </h2>
        <dl className="facts">
          <dt>{t('exchange.statistics.sentTotal')}</dt>
          <dd data-testid="stat-sent">{n(stats.sent.total)}</dd>
          <dt>{t('exchange.statistics.receivedTotal')}</dt>
          <dd data-testid="stat-received">{n(totals.urgentReceived + totals.otherReceived)}</dd>
          <dt>{t('exchange.statistics.answeredTotal')}</dt>
          <dd>{n(totals.urgentAnswered + totals.otherAnswered)}</dd>
          <dt>{t('exchange.statistics.refusedTotal')}</dt>
          <dd>{n(refusalTotal)}</dd>
          <dt>{t('exchange.statistics.judicialDelayExceeded')}</dt>
          <dd>{n(stats.judicialDelayExceeded)}</dd>
          <dt>{t('exchange.statistics.spontaneousTotal')}</dt>
          <dd>{n(stats.spontaneous.total)}</dd>
        </dl>
      </section>

      <section className="part" aria-labelledby={sentId}>
        <h2 id={sentId}>{t('exchange.statistics.sentHeading')}</h2>
        <BarChart
          caption={t('exchange.statistics.sentChart', { year: stats.year })}
          categories={sentCountries}
          series={[{ key: 'sent', label: t('exchange.statistics.sent') }]}
          value={(c) => sentOf(c)}
        />
        <DataTable caption={t('exchange.statistics.sentTable', { year: stats.year })}>
          <thead>
            <tr>
              <th scope="col">{t('exchange.statistics.requestedCountry')}</th>
              <th scope="col" className="number">
                {t('exchange.statistics.sent')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sentCountries.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                <td className="number">{n(sentOf(c.key))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('exchange.statistics.total')}</th>
              <td className="number">{n(stats.sent.total)}</td>
            </tr>
          </tfoot>
        </DataTable>
      </section>

      <section className="part" aria-labelledby={receivedId}>
        <h2 id={receivedId}>{t('exchange.statistics.receivedHeading')}</h2>
        <BarChart
          caption={t('exchange.statistics.receivedChart', { year: stats.year })}
          categories={receivedCountries}
          series={receivedSeries}
          value={receivedValue}
        />
        <DataTable caption={t('exchange.statistics.receivedTable', { year: stats.year })}>
          <thead>
            <tr>
              <th scope="col">{t('exchange.statistics.requestingCountry')}</th>
              {receivedSeries.map((s) => (
                <th scope="col" className="number" key={s.key}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {receivedCountries.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                {receivedSeries.map((s) => (
                  <td className="number" key={s.key}>
                    {n(receivedValue(c.key, s.key))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('exchange.statistics.total')}</th>
              {receivedSeries.map((s) => (
                <td className="number" key={s.key}>
                  {n(totals[s.key])}
                </td>
              ))}
            </tr>
          </tfoot>
        </DataTable>
      </section>

      <section className="part" aria-labelledby={refusalsId}>
        <h2 id={refusalsId}>{t('exchange.statistics.refusalsHeading')}</h2>
        <BarChart
          caption={t('exchange.statistics.refusalsChart', { year: stats.year })}
          categories={grounds.map((g) => ({
            key: g,
            label: t(`exchange.refusalGroundsShort.${g}`),
          }))}
          series={[{ key: 'refused', label: t('exchange.statistics.refused') }]}
          value={(g) => refusalsOf(g)}
          tableNote={false}
        />
        <p className="small">{t('exchange.statistics.tableNoteGrounds')}</p>
        <DataTable caption={t('exchange.statistics.refusalsTable', { year: stats.year })}>
          <thead>
            <tr>
              <th scope="col">{t('exchange.fields.refusalGround')}</th>
              {refusalCountries.map((c) => (
                <th scope="col" className="number" key={c.key}>
                  {c.label}
                </th>
              ))}
              <th scope="col" className="number">
                {t('exchange.statistics.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {grounds.length === 0 && (
              <tr>
                <td colSpan={refusalCountries.length + 2}>{t('exchange.statistics.noRefusals')}</td>
              </tr>
            )}
            {grounds.map((g) => (
              <tr key={g}>
                <th scope="row">{t(`exchange.refusalGrounds.${g}`)}</th>
                {refusalCountries.map((c) => (
                  <td className="number" key={c.key}>
                    {n(refusalsOf(g, c.key))}
                  </td>
                ))}
                <td className="number">{n(refusalsOf(g))}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      <section className="part" aria-labelledby={spontaneousId}>
        <h2 id={spontaneousId}>{t('exchange.statistics.spontaneousHeading')}</h2>
        <DataTable caption={t('exchange.statistics.spontaneousTable', { year: stats.year })}>
          <thead>
            <tr>
              <th scope="col">{t('exchange.statistics.recipientCountry')}</th>
              <th scope="col" className="number">
                {t('exchange.statistics.spontaneous')}
              </th>
            </tr>
          </thead>
          <tbody>
            {spontaneousCountries.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                <td className="number">{n(spontaneousOf(c.key))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('exchange.statistics.total')}</th>
              <td className="number">{n(stats.spontaneous.total)}</td>
            </tr>
          </tfoot>
        </DataTable>
      </section>
    </>
  );
}
