import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  MAX_REPORT_RECORDS,
  REQUESTED_VIA,
  WITHHOLDING_GROUNDS,
  checkReport,
  dpoApi,
  personName,
  toReportBody,
  withholdKey,
  type AccessReport,
  type DisclosureEntry,
  type PersonMatch,
  type ReportDraft,
  type RequestedVia,
  type WithholdingGround,
} from '../api/dpo.js';
import { formatCalendarDate } from '../api/consultation.js';
import { AccessReportList, AccessReportView } from '../components/dpo-report-view.js';
import { ErrorSummary, fieldId, type PathErrors } from '../components/error-summary.js';
import { CheckboxField, Field, RadioGroup, SelectField } from '../components/field.js';
import { PageHeading, StatusMessage } from '../components/feedback.js';
import { useFormat } from '../components/format.js';
import { RecordErrorAlert } from '../components/record-feedback.js';
import { NodeName, When } from '../components/record-sections.js';
import { DataTable } from '../components/table.js';
import { currentLocale } from '../i18n/index.js';

const PREFIX = 'report';
const SEARCH = 'person';

/** The pointer of a field of the report draft, for the error summary and the field's id. */
const pointerOf = (field: string) => `/${field.replace(/:/g, '-')}`;

interface Search {
  surname: string;
  givenNames: string;
  birthDate: string;
}

const NO_SEARCH: Search = { surname: '', givenNames: '', birthDate: '' };

/**
 * A new access report (art. 14–15 LED): find the person among the records, say which matches
 * are this person, through whom the request came, what to withhold and why; then produce it.
 */
export function DpoAccessReportNewPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState<Search>(NO_SEARCH);
  const [searchError, setSearchError] = useState<string>();
  const [searched, setSearched] = useState<Search>();
  const [matches, setMatches] = useState<PersonMatch[]>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [disclosures, setDisclosures] = useState<Record<string, DisclosureEntry[]>>({});
  const [requestedVia, setRequestedVia] = useState<RequestedVia | ''>('');
  const [withhold, setWithhold] = useState<Record<string, WithholdingGround | ''>>({});
  const [errors, setErrors] = useState<PathErrors>({});
  const [serial, setSerial] = useState(0);
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const locale = currentLocale(i18n.language);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setStatus(undefined);
    if (search.surname.trim() === '') {
      setSearchError(t('records.report.validation.surname'));
      document.getElementById(fieldId(SEARCH, '/surname'))?.focus();
      return;
    }
    setSearchError(undefined);
    setBusy(true);
    try {
      const answer = await dpoApi.persons({
        surname: search.surname,
        givenNames: search.givenNames,
        birthDate: search.birthDate || undefined,
      });
      setSearched({ ...search });
      setMatches(answer.items);
      setChosen([]);
      setWithhold({});
      setErrors({});
      setStatus(t('records.report.matchesFound', { count: answer.items.length }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const choose = (recordId: string, on: boolean) => {
    const order = (matches ?? []).map((m) => m.recordId);
    setChosen((list) =>
      on
        ? order.filter((id) => id === recordId || list.includes(id))
        : list.filter((id) => id !== recordId),
    );
    if (on && disclosures[recordId] === undefined) {
      dpoApi
        .disclosures({ recordId })
        .then((answer) => setDisclosures((d) => ({ ...d, [recordId]: answer.items })))
        .catch(setError);
    }
  };

  const toggleWithhold = (key: string, on: boolean) =>
    setWithhold((w) => {
      const next = { ...w };
      if (on) next[key] = '';
      else delete next[key];
      return next;
    });

  const disclosureRecord = new Map<string, string>();
  for (const [recordId, list] of Object.entries(disclosures)) {
    for (const d of list) disclosureRecord.set(d.id, recordId);
  }

  const produce = async (event: FormEvent) => {
    event.preventDefault();
    if (!searched) return;
    const draft: ReportDraft = { ...searched, requestedVia, recordIds: chosen, withhold };
    const problems = checkReport(draft, disclosureRecord);
    const found: PathErrors = {};
    for (const [field, key] of Object.entries(problems)) {
      found[pointerOf(field)] = t(`records.report.validation.${key}`, { max: MAX_REPORT_RECORDS });
    }
    setErrors(found);
    setSerial((n) => n + 1);
    setError(undefined);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const report = await dpoApi.createReport(toReportBody(draft, disclosureRecord));
      void navigate(`/dpo/access-reports/${report.id}`, {
        state: { notice: t('records.report.produced') },
      });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const matchText = (m: PersonMatch) =>
    [personName(m), m.birthDate ? formatCalendarDate(m.birthDate, locale) : undefined]
      .filter((s) => s !== undefined)
      .join(', ');

  const title = t('records.report.newTitle');
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <Link to="/dpo">{t('records.dpo.back')}</Link>
      </p>
      <p>{t('records.report.intro')}</p>
      <RecordErrorAlert error={error} />
      <StatusMessage>{status}</StatusMessage>
      <form
        noValidate
        onSubmit={(e) => void find(e)}
        className="filters"
        role="search"
        aria-label={t('records.report.searchLabel')}
      >
        <Field
          id={fieldId(SEARCH, '/surname')}
          label={t('records.report.surname')}
          help={t('records.report.surnameHelp')}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          value={search.surname}
          error={searchError}
          onChange={(e) => setSearch({ ...search, surname: e.target.value })}
        />
        <Field
          id={fieldId(SEARCH, '/givenNames')}
          label={t('records.report.givenNames')}
          maxLength={150}
          autoComplete="off"
          spellCheck={false}
          value={search.givenNames}
          onChange={(e) => setSearch({ ...search, givenNames: e.target.value })}
        />
        <Field
          id={fieldId(SEARCH, '/birthDate')}
          label={t('records.report.birthDate')}
          type="date"
          value={search.birthDate}
          onChange={(e) => setSearch({ ...search, birthDate: e.target.value })}
        />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('records.report.search')}
          </button>
        </div>
      </form>
      {matches !== undefined && (
        <form
          noValidate
          onSubmit={(e) => void produce(e)}
          aria-label={t('records.report.produceLabel')}
        >
          <ErrorSummary prefix={PREFIX} errors={errors} serial={serial} />
          <h2>{t('records.report.matches', { count: matches.length })}</h2>
          <p className="help">{t('records.report.matchesHelp')}</p>
          <DataTable caption={t('records.report.matchesCaption', { count: matches.length })}>
            <thead>
              <tr>
                <th scope="col">{t('records.report.thisPerson')}</th>
                <th scope="col">{t('records.fields.category')}</th>
                <th scope="col">{t('records.fields.holder')}</th>
                <th scope="col">{t('records.fields.origin')}</th>
                <th scope="col">{t('records.fields.heldSince')}</th>
              </tr>
            </thead>
            <tbody>
              {matches.length === 0 && (
                <tr>
                  <td colSpan={5}>{t('records.report.noMatches')}</td>
                </tr>
              )}
              {matches.map((m, i) => (
                <tr key={m.recordId} data-testid="person-match" data-record={m.recordId}>
                  <th scope="row">
                    <CheckboxField
                      id={i === 0 ? fieldId(PREFIX, '/recordIds') : `${PREFIX}-match-${m.recordId}`}
                      label={matchText(m)}
                      checked={chosen.includes(m.recordId)}
                      aria-invalid={errors['/recordIds'] ? true : undefined}
                      onChange={(e) => choose(m.recordId, e.target.checked)}
                    />
                  </th>
                  <td>{m.category ? t(`exchange.categories.${m.category}`) : '—'}</td>
                  <td>{m.holderAgency.name}</td>
                  <td>
                    <NodeName node={m.originNode} />
                  </td>
                  <td className="nowrap">
                    <When iso={m.heldSince} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {matches.length > 0 && (
            <>
              <RadioGroup
                id={fieldId(PREFIX, '/requestedVia')}
                legend={t('records.report.requestedVia')}
                name="requestedVia"
                value={requestedVia}
                options={REQUESTED_VIA.map((v) => ({
                  value: v,
                  label: t(`records.report.via.${v}`),
                }))}
                error={errors['/requestedVia']}
                onChange={setRequestedVia}
              />
              {chosen.length > 0 && (
                <fieldset>
                  <legend>{t('records.report.withholdLegend')}</legend>
                  <p className="help">{t('records.report.withholdHelp')}</p>
                  {chosen.map((recordId) => {
                    const match = matches.find((m) => m.recordId === recordId);
                    if (!match) return null;
                    return (
                      <WithholdChoices
                        key={recordId}
                        match={match}
                        name={matchText(match)}
                        disclosures={disclosures[recordId]}
                        withhold={withhold}
                        errors={errors}
                        onToggle={toggleWithhold}
                        onGround={(key, ground) => setWithhold((w) => ({ ...w, [key]: ground }))}
                      />
                    );
                  })}
                </fieldset>
              )}
              <div className="button-row">
                <button type="submit" disabled={busy}>
                  {t('records.report.produce')}
                </button>
              </div>
            </>
          )}
        </form>
      )}
      <AccessReportList />
    </section>
  );
}

/**
 * For one chosen record: withhold it, or some of its disclosures, each on a ground of LED
 * art. 15(1).
 */
function WithholdChoices({
  match,
  name,
  disclosures,
  withhold,
  errors,
  onToggle,
  onGround,
}: {
  match: PersonMatch;
  name: string;
  disclosures: DisclosureEntry[] | undefined;
  withhold: Record<string, WithholdingGround | ''>;
  errors: PathErrors;
  onToggle: (key: string, on: boolean) => void;
  onGround: (key: string, ground: WithholdingGround | '') => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const recordKey = withholdKey('record', match.recordId);
  const recordWithheld = recordKey in withhold;
  const reasonField = (key: string, label: string) => {
    const pointer = pointerOf(`withhold:${key}`);
    return (
      <SelectField
        id={fieldId(PREFIX, pointer)}
        label={label}
        value={withhold[key] ?? ''}
        error={errors[pointer]}
        onChange={(e) => onGround(key, WITHHOLDING_GROUNDS.find((g) => g === e.target.value) ?? '')}
      >
        <option value="">{t('records.choose')}</option>
        {WITHHOLDING_GROUNDS.map((g) => (
          <option key={g} value={g}>
            {t(`records.report.grounds.${g}`)}
          </option>
        ))}
      </SelectField>
    );
  };
  return (
    <fieldset data-testid="withhold-record">
      <legend>{name}</legend>
      <CheckboxField
        label={t('records.report.withholdRecord', { name })}
        checked={recordWithheld}
        onChange={(e) => onToggle(recordKey, e.target.checked)}
      />
      {recordWithheld && reasonField(recordKey, t('records.report.withholdReasonFor', { name }))}
      {!recordWithheld && disclosures === undefined && (
        <p className="small">{t('common.loading')}</p>
      )}
      {!recordWithheld && disclosures?.length === 0 && (
        <p className="small">{t('records.report.noDisclosuresToWithhold')}</p>
      )}
      {!recordWithheld &&
        disclosures?.map((d) => {
          const key = withholdKey('disclosure', d.id);
          const what = t('records.report.disclosureText', {
            node: d.recipientCountry ? format.country(d.recipientCountry) : d.recipientNode,
            reference: d.reference,
            date: format.shortDate(d.disclosedAt),
          });
          return (
            <div key={d.id}>
              <CheckboxField
                label={t('records.report.withholdDisclosure', { what })}
                checked={key in withhold}
                onChange={(e) => onToggle(key, e.target.checked)}
              />
              {key in withhold &&
                reasonField(key, t('records.report.withholdDisclosureGround', { what }))}
            </div>
          );
        })}
    </fieldset>
  );
}

/** A confirmation another page passed along when it sent the user here. */
function noticeOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return undefined;
  return typeof state.notice === 'string' ? state.notice : undefined;
}

/** An access report produced earlier, with its PDF. */
export function DpoAccessReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const notice = noticeOf(useLocation().state);
  const [loaded, setLoaded] = useState<{ id: string; report?: AccessReport; error?: unknown }>();

  useEffect(() => {
    dpoApi
      .report(id)
      .then((report) => setLoaded({ id, report }))
      .catch((caught: unknown) => setLoaded({ id, error: caught }));
  }, [id]);

  const report = loaded?.id === id ? loaded.report : undefined;
  const loadError = loaded?.id === id ? loaded.error : undefined;
  const title = t('records.report.title');
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="button-row">
        <Link to="/dpo">{t('records.dpo.back')}</Link>
        <Link to="/dpo/access-reports/new">{t('records.report.newTitle')}</Link>
      </p>
      <StatusMessage>{notice}</StatusMessage>
      {report ? (
        <AccessReportView report={report} />
      ) : loadError === undefined ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <RecordErrorAlert error={loadError} />
      )}
      <AccessReportList current={id} />
    </section>
  );
}
