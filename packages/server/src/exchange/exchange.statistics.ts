import { sql } from 'kysely';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { Db } from '../kernel/db/database.js';
import type { ActorContext } from '../kernel/http/context.js';
import type { Statistics } from './exchange.schemas.js';

export type StatisticsService = ReturnType<typeof createStatisticsService>;

/**
 * The figures each Member State reports under art. 18 of Directive 2023/977,
 * counted from this node's own copies of the requests of a calendar year in
 * Brussels time (by the date sent, or received). They hold no personal data.
 */
export function createStatisticsService({
  db,
  audit,
  clock = () => new Date(),
}: {
  db: Db;
  audit: AuditWriter;
  clock?: () => Date;
}) {
  return {
    async forYear(ctx: ActorContext, year: number): Promise<Statistics> {
      // A calendar year in Brussels time: 1 January always falls in winter time (UTC+1).
      const from = new Date(Date.UTC(year, 0, 1) - 3_600_000);
      const to = new Date(Date.UTC(year + 1, 0, 1) - 3_600_000);
      const now = clock();
      const outgoing = (kind: 'request' | 'spontaneous') =>
        db
          .selectFrom('exchange_request')
          .select(['requested_country as country', (eb) => eb.fn.countAll<number>().as('count')])
          .where('side', '=', 'requester')
          .where('kind', '=', kind)
          .where('sent_at', '>=', from)
          .where('sent_at', '<', to)
          .groupBy('requested_country')
          .orderBy('requested_country')
          .execute();
      const incoming = db
        .selectFrom('exchange_request')
        .where('side', '=', 'requested')
        .where('kind', '=', 'request')
        .where('received_at', '>=', from)
        .where('received_at', '<', to);

      const [sent, spontaneous, received, refusals, delayed] = await Promise.all([
        outgoing('request'),
        outgoing('spontaneous'),
        incoming
          .select([
            'requesting_country as country',
            sql<number>`count(*) filter (where urgent)`.as('urgentReceived'),
            sql<number>`count(*) filter (where urgent and answered_at is not null)`.as(
              'urgentAnswered',
            ),
            sql<number>`count(*) filter (where not urgent)`.as('otherReceived'),
            sql<number>`count(*) filter (where not urgent and answered_at is not null)`.as(
              'otherAnswered',
            ),
          ])
          .groupBy('requesting_country')
          .orderBy('requesting_country')
          .execute(),
        incoming
          .select([
            'requesting_country as country',
            'refusal_ground as ground',
            (eb) => eb.fn.countAll<number>().as('count'),
          ])
          .where('refusal_ground', 'is not', null)
          .groupBy(['requesting_country', 'refusal_ground'])
          .orderBy('requesting_country')
          .orderBy('refusal_ground')
          .execute(),
        // Exceeded: answered after the deadline, or still unanswered past it.
        incoming
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('judicial_delay', '=', true)
          .where('refusal_ground', 'is', null)
          .where('due_at', 'is not', null)
          .where((eb) =>
            eb.or([
              eb('answered_at', '>', eb.ref('due_at')),
              eb.and([eb('answered_at', 'is', null), eb('due_at', '<', now)]),
            ]),
          )
          .executeTakeFirstOrThrow(),
      ]);

      const byCountry = (rows: { country: string | null; count: number }[]) =>
        rows.map((r) => ({ country: r.country ?? '', count: Number(r.count) }));
      const total = (rows: { count: number }[]) => rows.reduce((n, r) => n + Number(r.count), 0);
      await audit.record(ctx, {
        action: 'exchange.statistics',
        objectType: 'exchange_statistics',
        details: { year },
      });
      return {
        year,
        country: ctx.actor.country,
        sent: { total: total(sent), byCountry: byCountry(sent) },
        received: received.map((r) => ({
          country: r.country,
          urgentReceived: Number(r.urgentReceived),
          urgentAnswered: Number(r.urgentAnswered),
          otherReceived: Number(r.otherReceived),
          otherAnswered: Number(r.otherAnswered),
        })),
        refusals: refusals.map((r) => ({
          country: r.country,
          ground: r.ground as Statistics['refusals'][number]['ground'],
          count: Number(r.count),
        })),
        judicialDelayExceeded: Number(delayed.count),
        spontaneous: { total: total(spontaneous), byCountry: byCountry(spontaneous) },
      };
    },
  };
}

/** The same figures as CSV: one row per figure, with its breakdown. */
export function statisticsCsv(figures: Statistics): string {
  const rows: (string | number)[][] = [['year', 'figure', 'country', 'breakdown', 'count']];
  const y = figures.year;
  for (const r of figures.sent.byCountry) rows.push([y, 'requests_sent', r.country, '', r.count]);
  for (const r of figures.received) {
    rows.push([y, 'requests_received', r.country, 'urgent', r.urgentReceived]);
    rows.push([y, 'requests_answered', r.country, 'urgent', r.urgentAnswered]);
    rows.push([y, 'requests_received', r.country, 'other', r.otherReceived]);
    rows.push([y, 'requests_answered', r.country, 'other', r.otherAnswered]);
  }
  for (const r of figures.refusals) rows.push([y, 'refusals', r.country, r.ground, r.count]);
  rows.push([
    y,
    'deadlines_exceeded_judicial_authorisation',
    '',
    '',
    figures.judicialDelayExceeded,
  ]);
  for (const r of figures.spontaneous.byCountry) {
    rows.push([y, 'spontaneous_provisions', r.country, '', r.count]);
  }
  return rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
}
