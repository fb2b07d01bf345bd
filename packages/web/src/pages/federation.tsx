import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { federationApi, waitForDelivery, type DeliveryVerdict } from '../api/federation.js';
import {
  OUTBOX_STATES,
  type FederationStatus,
  type InboxItem,
  type OutboxDetail,
  type OutboxItem,
  type OutboxState,
  type PeerStatus,
} from '../api/types.js';
import { SelectField } from '../components/field.js';
import {
  ErrorAlert,
  Outcome,
  PageHeading,
  StatusMessage,
  useErrorMessage,
  useOutcome,
} from '../components/feedback.js';
import { useFormat } from '../components/format.js';
import { DataTable } from '../components/table.js';

/** How often the state of the peers is fetched again while the page is visible. */
const REFRESH_MS = 10_000;
const PAGE_SIZE = 50;
/** How long a ping is followed before the page stops waiting for its receipt. */
const PING_WAIT_MS = 15_000;
const PING_POLL_MS = 500;
/** A register that expires sooner than this is pointed out. */
const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The federation as a node administrator sees it: this node and its register, the peers with
 * their reachability and queues (with a ping), the outbox with its dead letters, and what was
 * received.
 */
export function FederationPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<FederationStatus>();
  const [checkedAt, setCheckedAt] = useState<string>();
  const [statusError, setStatusError] = useState<unknown>();
  // Bumped when envelopes were sent or revived, or on request: the lists load again.
  const [changes, setChanges] = useState(0);
  // A refresh that keeps failing is announced once, not every ten seconds.
  const failing = useRef(false);

  const refresh = useCallback(
    () =>
      federationApi.status().then(
        (next) => {
          failing.current = false;
          setStatus(next);
          setCheckedAt(new Date().toISOString());
          setStatusError(undefined);
        },
        (caught: unknown) => {
          if (failing.current) return;
          failing.current = true;
          setStatusError(caught);
        },
      ),
    [],
  );

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      if (!document.hidden) void refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const changed = useCallback(() => {
    setChanges((n) => n + 1);
    void refresh();
  }, [refresh]);

  return (
    <section>
      <PageHeading title={t('federation.title')}>{t('federation.title')}</PageHeading>
      <p>{t('federation.intro')}</p>
      <p>
        <button type="button" className="secondary" onClick={changed}>
          {t('federation.refresh')}
        </button>
      </p>
      <ErrorAlert error={statusError} />
      <NodeSection status={status} checkedAt={checkedAt} />
      <PeersSection status={status} checkedAt={checkedAt} onSent={changed} />
      <OutboxSection peers={status?.peers ?? []} changes={changes} onChanged={changed} />
      <InboxSection changes={changes} />
    </section>
  );
}

/** A time, or the given text when there is none. */
function useWhen() {
  const format = useFormat();
  return useCallback(
    (iso: string | null, otherwise: string) =>
      iso === null ? otherwise : <time dateTime={iso}>{format.dateTime(iso)}</time>,
    [format],
  );
}

function NodeSection({
  status,
  checkedAt,
}: {
  status: FederationStatus | undefined;
  checkedAt: string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useId();
  const node = status?.node ?? null;
  const register = status?.register ?? null;
  const daysLeft =
    register && checkedAt !== undefined
      ? (Date.parse(register.expiresAt) - Date.parse(checkedAt)) / DAY_MS
      : Infinity;
  return (
    <section aria-labelledby={heading} className="part">
      <h2 id={heading}>{t('federation.nodeHeading')}</h2>
      {status === undefined && <p>{t('common.loading')}</p>}
      {status !== undefined && (!status.configured || node === null) && (
        <p className="notice">{t('federation.notConfigured')}</p>
      )}
      {status?.configured && node !== null && (
        <dl className="facts">
          <dt>{t('federation.nodeName')}</dt>
          <dd>{node.name}</dd>
          <dt>{t('federation.nodeId')}</dt>
          <dd>
            <code>{node.nodeId}</code>
          </dd>
          <dt>{t('federation.country')}</dt>
          <dd>{format.country(node.country)}</dd>
          <dt>{t('federation.url')}</dt>
          <dd>{node.url}</dd>
          {register ? (
            <>
              <dt>{t('federation.registerVersion')}</dt>
              <dd>{format.number(register.version)}</dd>
              <dt>{t('federation.registerIssued')}</dt>
              <dd>
                <time dateTime={register.issuedAt}>{format.dateTime(register.issuedAt)}</time>
              </dd>
              <dt>{t('federation.registerExpires')}</dt>
              <dd>
                <time dateTime={register.expiresAt}>{format.dateTime(register.expiresAt)}</time>
                {daysLeft < EXPIRY_WARNING_DAYS && (
                  <strong className="block warning">
                    {t('federation.registerExpiresSoon', { days: EXPIRY_WARNING_DAYS })}
                  </strong>
                )}
              </dd>
            </>
          ) : (
            <>
              <dt>{t('federation.register')}</dt>
              <dd className="warning">
                {t('federation.noRegister')}{' '}
                {status.registerProblem !== null && (
                  <span className="block">{status.registerProblem}</span>
                )}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

/**
 * What the last ping came to, for the live regions of the peers section. It is kept as data,
 * not as text, so that it reads in the language chosen afterwards too.
 */
type PingOutcome = { serial: number; peer: string } & (
  | { kind: 'waiting' }
  | { kind: 'delivered'; receiver: string; at: string | null }
  | { kind: 'dead' | 'timeout'; error: string | null }
  | { kind: 'failed'; error: unknown }
);

function outcomeOf(peer: PeerStatus, verdict: Exclude<DeliveryVerdict, { kind: 'aborted' }>) {
  switch (verdict.kind) {
    case 'delivered':
      return {
        kind: verdict.kind,
        receiver: verdict.receipt?.receivedBy ?? peer.nodeId,
        at: verdict.receipt?.acceptedAt ?? verdict.item.deliveredAt,
      };
    case 'dead':
      return { kind: verdict.kind, error: verdict.item.lastError };
    case 'timeout':
      return { kind: verdict.kind, error: verdict.item?.lastError ?? null };
  }
}

function PingRegions({ outcome }: { outcome: PingOutcome | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const message = useErrorMessage();
  let alert: string | undefined;
  let status: string | undefined;
  const seconds = PING_WAIT_MS / 1000;
  switch (outcome?.kind) {
    case undefined:
      break;
    case 'waiting':
      status = t('federation.pingWaiting', { peer: outcome.peer });
      break;
    case 'delivered':
      status = t('federation.pingDelivered', {
        peer: outcome.peer,
        receiver: outcome.receiver,
        time: outcome.at === null ? '' : format.dateTime(outcome.at),
      });
      break;
    case 'dead':
      alert = t('federation.pingDead', {
        peer: outcome.peer,
        error: outcome.error ?? t('federation.noError'),
      });
      break;
    case 'timeout':
      alert =
        outcome.error === null
          ? t('federation.pingTimeout', { peer: outcome.peer, seconds })
          : t('federation.pingTimeoutError', { peer: outcome.peer, seconds, error: outcome.error });
      break;
    case 'failed':
      alert = message(outcome.error);
      break;
  }
  return (
    <>
      <div className={alert === undefined ? 'alert-region' : 'alert'} role="alert">
        {alert !== undefined && <p key={outcome?.serial}>{alert}</p>}
      </div>
      <StatusMessage>{status}</StatusMessage>
    </>
  );
}

function PeersSection({
  status,
  checkedAt,
  onSent,
}: {
  status: FederationStatus | undefined;
  checkedAt: string | undefined;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = useWhen();
  const heading = useId();
  const [outcome, setOutcome] = useState<PingOutcome>();
  const serial = useRef(0);
  const waiting = useRef<AbortController | null>(null);
  const peers = status?.peers ?? [];

  // Leaving the page stops following the ping (the ping itself goes on).
  useEffect(() => () => waiting.current?.abort(), []);

  /** Sends a ping and follows it until its receipt, a dead letter or the time is up. */
  const ping = async (peer: PeerStatus) => {
    waiting.current?.abort();
    const controller = new AbortController();
    waiting.current = controller;
    serial.current += 1;
    const mine = { serial: serial.current, peer: peer.name };
    setOutcome({ ...mine, kind: 'waiting' });
    let verdict: DeliveryVerdict;
    try {
      const { envelopeId } = await federationApi.ping(peer.nodeId);
      verdict = await waitForDelivery(envelopeId, peer.nodeId, {
        signal: controller.signal,
        intervalMs: PING_POLL_MS,
        timeoutMs: PING_WAIT_MS,
      });
    } catch (error) {
      if (!controller.signal.aborted) setOutcome({ ...mine, kind: 'failed', error });
      return;
    }
    if (verdict.kind === 'aborted' || controller.signal.aborted) return;
    setOutcome({ ...mine, ...outcomeOf(peer, verdict) });
    onSent();
  };

  return (
    <section aria-labelledby={heading} className="part">
      <h2 id={heading}>{t('federation.peersHeading')}</h2>
      <PingRegions outcome={outcome} />
      <DataTable caption={t('federation.peersCaption', { count: peers.length })}>
        <thead>
          <tr>
            <th scope="col">{t('federation.country')}</th>
            <th scope="col">{t('federation.peer')}</th>
            <th scope="col">{t('federation.reachability')}</th>
            <th scope="col">{t('federation.lastContact')}</th>
            <th scope="col">{t('federation.lastDelivery')}</th>
            <th scope="col">{t('federation.pending')}</th>
            <th scope="col">{t('federation.dead')}</th>
            <th scope="col">{t('federation.oldestUndelivered')}</th>
            <th scope="col">{t('federation.lastError')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {status === undefined && (
            <tr>
              <td colSpan={10}>{t('common.loading')}</td>
            </tr>
          )}
          {status !== undefined && peers.length === 0 && (
            <tr>
              <td colSpan={10}>
                {status.configured
                  ? t('federation.noPeers')
                  : t('errors.federation_not_configured')}
              </td>
            </tr>
          )}
          {peers.map((peer) => (
            <tr key={peer.nodeId}>
              <td>{format.country(peer.country)}</td>
              <th scope="row">
                {peer.name}
                <span className="small block">
                  <code>{peer.nodeId}</code> · {peer.url}
                </span>
              </th>
              <td className={reachabilityClass(peer.reachable)}>
                {peer.reachable === null
                  ? t('federation.notContacted')
                  : peer.reachable
                    ? t('federation.reachable')
                    : t('federation.unreachable')}
              </td>
              <td>{when(peer.lastContactAt, t('federation.never'))}</td>
              <td>{when(peer.lastDeliveryAt, t('federation.never'))}</td>
              <td>{format.number(peer.pending)}</td>
              <td className={peer.dead > 0 ? 'outcome-failure' : undefined}>
                {format.number(peer.dead)}
              </td>
              <td>{when(peer.oldestUndeliveredAt, t('federation.none'))}</td>
              <td className="error-text">{peer.lastError ?? t('federation.none')}</td>
              <td>
                <button type="button" className="secondary" onClick={() => void ping(peer)}>
                  {t('federation.ping')}
                  <span className="visually-hidden"> ({peer.name})</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {checkedAt !== undefined && (
        <p className="small">
          {t('federation.checkedAt', {
            time: format.dateTime(checkedAt),
            seconds: REFRESH_MS / 1000,
          })}
        </p>
      )}
    </section>
  );
}

function reachabilityClass(reachable: boolean | null): string {
  if (reachable === null) return '';
  return reachable ? 'state-ok' : 'outcome-failure';
}

interface OutboxFilters {
  state: OutboxState | '';
  peer: string;
}

const ALL: OutboxFilters = { state: '', peer: '' };

function OutboxSection({
  peers,
  changes,
  onChanged,
}: {
  peers: PeerStatus[];
  changes: number;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = useWhen();
  const heading = useId();
  const [filters, setFilters] = useState<OutboxFilters>(ALL);
  // The filters of the list shown, for "load more" and for reloading after a change.
  const applied = useRef<OutboxFilters>(ALL);
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [inspected, setInspected] = useState<OutboxDetail>();
  const { error, setError, status, clear, run } = useOutcome();
  const table = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const detailHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async (wanted: OutboxFilters) => {
    const page = await federationApi.outbox({ ...wanted, limit: PAGE_SIZE });
    applied.current = wanted;
    setItems(page.items);
    setNextBefore(page.nextBefore);
    setLoaded(true);
    return page;
  }, []);

  useEffect(() => {
    load(applied.current).catch(setError);
  }, [load, changes, setError]);

  // An opened envelope takes the focus, so that keyboard and screen-reader users land on it.
  useEffect(() => {
    if (inspected) detailHeading.current?.focus();
  }, [inspected]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const page = await load(filters);
      return t('federation.shown', { count: page.items.length });
    });
  };

  const loadMore = (before: string) =>
    run(async () => {
      const page = await federationApi.outbox({ ...applied.current, before, limit: PAGE_SIZE });
      const all = [...items, ...page.items];
      setItems(all);
      setNextBefore(page.nextBefore);
      if (page.nextBefore === null) table.current?.focus();
      return t('federation.shown', { count: all.length });
    });

  const inspect = (envelopeId: string) => {
    clear();
    federationApi.inspect(envelopeId).then(setInspected).catch(setError);
  };

  const close = () => {
    const id = inspected?.item.envelopeId;
    setInspected(undefined);
    const button = list.current?.querySelector<HTMLButtonElement>(`button[data-inspect="${id}"]`);
    (button ?? table.current)?.focus();
  };

  const retry = (item: OutboxItem) =>
    run(
      async () => {
        await federationApi.retry(item.envelopeId);
        if (inspected?.item.envelopeId === item.envelopeId) setInspected(undefined);
        return t('federation.retried', { id: item.envelopeId });
      },
      {
        then: async () => {
          // The lists load again; the row may leave the dead letters: focus goes to the list.
          onChanged();
          table.current?.focus();
        },
      },
    );

  const describeState = (item: OutboxItem) => {
    if (item.state === 'delivered' && item.deliveredAt !== null) {
      return t('federation.deliveredAt', { time: format.dateTime(item.deliveredAt) });
    }
    if (item.state === 'pending' && item.nextAttemptAt !== null) {
      return t('federation.nextAttempt', { time: format.dateTime(item.nextAttemptAt) });
    }
    return undefined;
  };

  return (
    <section aria-labelledby={heading} className="part">
      <h2 id={heading}>{t('federation.outboxHeading')}</h2>
      <p>{t('federation.outboxIntro')}</p>
      <Outcome error={error} status={status} />
      <form
        onSubmit={search}
        className="filters"
        role="search"
        aria-label={t('federation.outboxFilter')}
      >
        <SelectField
          label={t('federation.state')}
          name="state"
          value={filters.state}
          onChange={(e) => setFilters({ ...filters, state: e.target.value as OutboxState | '' })}
        >
          <option value="">{t('federation.allStates')}</option>
          {OUTBOX_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`federation.filterStates.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('federation.recipient')}
          name="peer"
          value={filters.peer}
          onChange={(e) => setFilters({ ...filters, peer: e.target.value })}
        >
          <option value="">{t('federation.allPeers')}</option>
          {peers.map((p) => (
            <option key={p.nodeId} value={p.nodeId}>
              {p.name} ({p.nodeId})
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit">{t('federation.show')}</button>
        </div>
      </form>
      <div ref={list}>
        <DataTable
          regionRef={table}
          caption={`${t('federation.outboxCaption')} — ${t('federation.shown', { count: items.length })}`}
        >
          <thead>
            <tr>
              <th scope="col">{t('federation.created')}</th>
              <th scope="col">{t('federation.recipient')}</th>
              <th scope="col">{t('federation.type')}</th>
              <th scope="col">{t('federation.state')}</th>
              <th scope="col">{t('federation.attempts')}</th>
              <th scope="col">{t('federation.lastAttempt')}</th>
              <th scope="col">{t('federation.lastError')}</th>
              <th scope="col">{t('federation.envelopeId')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && (
              <tr>
                <td colSpan={9}>{loaded ? t('federation.outboxNone') : t('common.loading')}</td>
              </tr>
            )}
            {items.map((item) => {
              const detail = describeState(item);
              return (
                <tr key={item.envelopeId}>
                  <td className="nowrap">
                    <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
                  </td>
                  <td>
                    <code>{item.recipient}</code>
                  </td>
                  <td>
                    <code>{item.type}</code>
                  </td>
                  <td className={item.state === 'dead' ? 'outcome-failure' : undefined}>
                    {t(`federation.states.${item.state}`)}
                    {detail !== undefined && <span className="small block">{detail}</span>}
                  </td>
                  <td>{format.number(item.attempts)}</td>
                  <td className="nowrap">{when(item.lastAttemptAt, t('federation.never'))}</td>
                  <td className="details">{item.lastError ?? t('federation.none')}</td>
                  <td className="small id">{item.envelopeId}</td>
                  <td>
                    <div className="actions">
                      <button
                        type="button"
                        className="secondary"
                        data-inspect={item.envelopeId}
                        onClick={() => inspect(item.envelopeId)}
                      >
                        {t('federation.inspect')}
                        <span className="visually-hidden"> ({item.envelopeId})</span>
                      </button>
                      {item.state === 'dead' && (
                        <button type="button" onClick={() => void retry(item)}>
                          {t('federation.retry')}
                          <span className="visually-hidden"> ({item.envelopeId})</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      </div>
      {nextBefore !== null && (
        <p>
          <button type="button" className="secondary" onClick={() => void loadMore(nextBefore)}>
            {t('federation.loadMore')}
          </button>
        </p>
      )}
      {inspected && (
        <EnvelopeDetail detail={inspected} headingRef={detailHeading} onClose={close} />
      )}
    </section>
  );
}

/** One outgoing envelope as it was signed, and its receipt, as formatted JSON. */
function EnvelopeDetail({
  detail,
  headingRef,
  onClose,
}: {
  detail: OutboxDetail;
  headingRef: Ref<HTMLHeadingElement>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const heading = useId();
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return (
    <section aria-labelledby={heading} className="card">
      <h3 id={heading} ref={headingRef} tabIndex={-1}>
        {t('federation.inspectHeading', { id: detail.item.envelopeId })}
      </h3>
      <dl className="facts">
        <dt>{t('federation.state')}</dt>
        <dd>{t(`federation.states.${detail.item.state}`)}</dd>
        <dt>{t('federation.messageHash')}</dt>
        <dd className="id">
          <code>{detail.messageHash}</code>
        </dd>
      </dl>
      <h4>{t('federation.envelope')}</h4>
      <pre className="json">{json(detail.envelope)}</pre>
      <h4>{t('federation.signatureHeader')}</h4>
      <pre className="json">{json(detail.header)}</pre>
      <h4>{t('federation.receipt')}</h4>
      {detail.receipt === null ? (
        <p>{t('federation.noReceipt')}</p>
      ) : (
        <pre className="json">{json(detail.receipt)}</pre>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        {t('federation.close')}
      </button>
    </section>
  );
}

function InboxSection({ changes }: { changes: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useId();
  const [items, setItems] = useState<InboxItem[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loaded, setLoaded] = useState(false);
  const { error, setError, status, run } = useOutcome();
  const table = useRef<HTMLDivElement>(null);

  useEffect(() => {
    federationApi
      .inbox({ limit: PAGE_SIZE })
      .then((page) => {
        setItems(page.items);
        setNextBefore(page.nextBefore);
        setLoaded(true);
      })
      .catch(setError);
  }, [changes, setError]);

  const loadMore = (before: number) =>
    run(async () => {
      const page = await federationApi.inbox({ before, limit: PAGE_SIZE });
      const all = [...items, ...page.items];
      setItems(all);
      setNextBefore(page.nextBefore);
      if (page.nextBefore === null) table.current?.focus();
      return t('federation.shown', { count: all.length });
    });

  return (
    <section aria-labelledby={heading} className="part">
      <h2 id={heading}>{t('federation.inboxHeading')}</h2>
      <Outcome error={error} status={status} />
      <DataTable
        regionRef={table}
        caption={`${t('federation.inboxCaption')} — ${t('federation.shown', { count: items.length })}`}
      >
        <thead>
          <tr>
            <th scope="col">{t('federation.receivedAt')}</th>
            <th scope="col">{t('federation.sender')}</th>
            <th scope="col">{t('federation.type')}</th>
            <th scope="col">{t('federation.sentAt')}</th>
            <th scope="col">{t('federation.correlation')}</th>
            <th scope="col">{t('federation.sequence')}</th>
            <th scope="col">{t('federation.envelopeId')}</th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 && (
            <tr>
              <td colSpan={7}>{loaded ? t('federation.inboxNone') : t('common.loading')}</td>
            </tr>
          )}
          {items.map((item) => (
            <tr key={item.envelopeId}>
              <td className="nowrap">
                <time dateTime={item.receivedAt}>{format.dateTime(item.receivedAt)}</time>
              </td>
              <td>
                <code>{item.sender}</code>
              </td>
              <td>
                <code>{item.type}</code>
              </td>
              <td className="nowrap">
                <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
              </td>
              <td className="small id">{item.correlationId}</td>
              <td>{format.number(item.sequence)}</td>
              <td className="small id">{item.envelopeId}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {nextBefore !== null && (
        <p>
          <button type="button" className="secondary" onClick={() => void loadMore(nextBefore)}>
            {t('federation.loadMore')}
          </button>
        </p>
      )}
    </section>
  );
}
