import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../audit/audit-log.js';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { DeliveryWorker } from '../federation/delivery.js';
import type { Federation } from '../federation/federation.js';
import { enqueueEnvelopes } from '../federation/outbox.js';
import type { ExchangeService } from '../exchange/exchange.service.js';
import type { Subject } from '../exchange/exchange.schemas.js';
import { seesRequest } from '../exchange/visibility.js';
import { findAgencyById } from '../identity/agencies.queries.js';
import type { Db, DbOrTrx, Trx } from '../kernel/db/database.js';
import type { PersonalRecordRow, RecordNoticeKind } from '../kernel/db/schema.js';
import type { ActorContext } from '../kernel/http/context.js';
import {
  conflict,
  forbidden,
  notFound,
  OutOfReachError,
  unprocessable,
} from '../kernel/http/errors.js';
import { canReach, decide, type Actor } from '../kernel/policy/policy.js';
import { surnameKeys } from './names.js';
import { createRecordEnvelopes, type PermissionRequestPayload } from './records.federation.js';
import { seesRestricted } from './records.policy.js';
import { presentPermission, presentRecord, presentSummary } from './records.presenter.js';
import {
  eraseRecord,
  findRecord,
  loadRecordView,
  type RecordView,
  rectifyRecord,
  setRestriction,
} from './records.queries.js';
import type {
  ConsultBody,
  ForwardBody,
  RecordAction,
  RecordDetail,
  RecordSearchQuery,
  RecordSummary,
  RectifyBody,
} from './records.schemas.js';

const PAGE_SIZE = 20;

export type RecordsService = ReturnType<typeof createRecordsService>;

/**
 * The personal data this node holds, record by record (LED): read only in a
 * context of the reader's agency or for a stated reason, and logged either way;
 * rectified, erased and restricted here and on every node it went to.
 */
export function createRecordsService(deps: {
  db: Db;
  audit: AuditWriter;
  federation: Federation | null;
  delivery: DeliveryWorker | null;
  exchange: ExchangeService;
  clock?: () => Date;
}) {
  const { db, audit, federation } = deps;
  const clock = deps.clock ?? (() => new Date());
  const envelopes = createRecordEnvelopes({ federation, clock });

  // ------------------------------------------------------------ who may do what

  /** The holder agency's officers and SPOCs, and the DPO, answer for a record. */
  const manages = (actor: Actor, record: PersonalRecordRow) =>
    canReach(actor, 'record.manage', { agencyId: record.holder_agency_id, country: actor.country });

  /** Passing a record on sends information: the roles that send requests. */
  const sends = (actor: Actor) => decide(actor, 'exchange.send').allowed;

  /** Restriction hides a record from officers: only those who still see it decide it. */
  function assertRestricts(actor: Actor, record: PersonalRecordRow) {
    if (!seesRestricted(actor, record)) {
      throw forbidden(
        'forbidden',
        'Only the SPOCs of the agency that holds a record, and the DPO, restrict it.',
      );
    }
  }

  function allowedActions(actor: Actor, record: PersonalRecordRow): RecordAction[] {
    if (record.erased_at || !manages(actor, record)) return [];
    const allowed: RecordAction[] = ['rectify', 'erase'];
    // Only those who still see a restricted record restrict it or lift the restriction.
    if (seesRestricted(actor, record)) {
      allowed.push(record.restricted_at ? 'lift-restriction' : 'restrict');
    }
    if (!record.inaccurate_at) allowed.push('mark-inaccurate');
    if (federation && !record.restricted_at && !record.inaccurate_at && sends(actor)) {
      allowed.push('forward');
    }
    if (federation && record.handling_code === 'H2' && record.source_node !== null) {
      allowed.push('ask-permission');
    }
    return allowed;
  }

  /** A record the actor may know of: a restricted one only for those who answer for it. */
  async function loadReachable(
    ctx: ActorContext,
    id: string,
    action: 'record.read' | 'record.manage',
    trx: DbOrTrx = db,
  ): Promise<PersonalRecordRow> {
    const record = await findRecord(trx, id, { lock: trx !== db });
    if (!record) throw notFound();
    if (record.restricted_at && !seesRestricted(ctx.actor, record)) {
      throw new OutOfReachError(action, `record.${record.kind}`, id);
    }
    if (action === 'record.manage' && !manages(ctx.actor, record)) {
      throw new OutOfReachError(action, `record.${record.kind}`, id);
    }
    return record;
  }

  // ------------------------------------------------------------ reading

  /** The record with all it shows; a restricted one only for those who answer for it. */
  async function loadView(ctx: ActorContext, id: string): Promise<RecordView> {
    const view = await loadRecordView(db, id);
    if (!view) throw notFound();
    if (view.record.restricted_at && !seesRestricted(ctx.actor, view.record)) {
      throw new OutOfReachError('record.read', `record.${view.record.kind}`, id);
    }
    return view;
  }

  function present(
    ctx: ActorContext,
    view: RecordView,
    context: RecordView['occurrences'][number] | undefined,
  ): RecordDetail {
    return presentRecord(
      {
        ...view,
        context: context ? { requestId: context.request_id, reference: context.reference } : null,
        permissions: view.permissions.map(presentPermission),
        allowed: allowedActions(ctx.actor, view.record),
      },
      clock(),
    );
  }

  /** Logs a consultation with its purpose (LED art. 25): who, agency, when, what, why. */
  function logConsultation(
    ctx: ActorContext,
    record: PersonalRecordRow,
    why:
      | { context: 'request'; reference: string; purpose: string }
      | { context: 'reason'; reason: string; note: string }
      | { context: 'change'; action: string },
  ) {
    return audit.record(ctx, {
      action: 'record.consult',
      objectType: `record.${record.kind}`,
      objectId: record.id,
      purpose: (why.context === 'request'
        ? `${why.reference}: ${why.purpose}`
        : why.context === 'reason'
          ? `${why.reason}: ${why.note}`
          : `shown after ${why.action}`
      ).slice(0, 500),
      details: {
        context: why.context,
        reason: why.context === 'reason' ? why.reason : null,
        request: why.context === 'request' ? why.reference : null,
        category: record.category,
      },
    });
  }

  /** The first request of the record the actor sees, if any: their context. */
  function contextOf(actor: Actor, occurrences: RecordView['occurrences']) {
    return occurrences.find((o) => seesRequest(actor, o));
  }

  // ------------------------------------------------------------ changes

  /** Loads the record for a change, in the transaction, with its current details. */
  async function forChange(trx: Trx, ctx: ActorContext, id: string) {
    const record = await loadReachable(ctx, id, 'record.manage', trx);
    if (record.erased_at) throw conflict('record_erased', 'This record is erased.');
    return record;
  }

  async function change(
    ctx: ActorContext,
    id: string,
    action: string,
    apply: (trx: Trx, record: PersonalRecordRow, now: Date) => Promise<void>,
  ): Promise<RecordDetail> {
    await db.transaction().execute(async (trx) => {
      const record = await forChange(trx, ctx, id);
      await apply(trx, record, clock());
    });
    deps.delivery?.nudge();
    return readAfterChange(ctx, id, action);
  }

  /** After a change, the record as its manager sees it (they answer for it: no context needed). */
  async function readAfterChange(
    ctx: ActorContext,
    id: string,
    action: string,
  ): Promise<RecordDetail> {
    const view = (await loadRecordView(db, id))!;
    const detail = present(ctx, view, contextOf(ctx.actor, view.occurrences));
    if (!view.record.erased_at) {
      await logConsultation(ctx, view.record, { context: 'change', action });
    }
    return detail;
  }

  async function audited(
    trx: Trx,
    ctx: ActorContext,
    record: PersonalRecordRow,
    action: string,
    details: Record<string, string | number | boolean | null>,
  ) {
    await appendAudit(trx, ctx, {
      action,
      objectType: `record.${record.kind}`,
      objectId: record.id,
      details: { category: record.category, ...details },
    });
  }

  /**
   * Erases a record here and tells every node it went to, in the caller's
   * transaction (the review of the retention schedule erases this way too).
   */
  async function eraseInTransaction(
    trx: Trx,
    ctx: ActorContext,
    recordId: string,
    reason: string,
    now: Date,
  ): Promise<void> {
    const record = await findRecord(trx, recordId, { lock: true });
    if (!record || record.erased_at) return;
    await eraseRecord(trx, record.id, reason, now);
    await issue(trx, ctx, record, 'erasure', reason, now);
    await audited(trx, ctx, record, 'record.erase', { reason });
    deps.delivery?.nudge();
  }

  function issue(
    trx: Trx,
    ctx: ActorContext,
    record: PersonalRecordRow,
    kind: RecordNoticeKind,
    reason: string,
    now: Date,
    subject?: Subject,
  ) {
    return envelopes.issueNotice(
      trx,
      record,
      { kind, reason, issuedBy: ctx.actor.displayName, ...(subject && { subject }) },
      now,
    );
  }

  // ------------------------------------------------------------ the service

  return {
    noticeType: envelopes.noticeType,
    receiptType: envelopes.receiptType,
    permissionRequestType: envelopes.permissionRequestType,
    permissionAnswerType: envelopes.permissionAnswerType,
    eraseInTransaction,

    /** Minimal results to choose a record; the search itself is logged with its terms. */
    async search(
      ctx: ActorContext,
      query: RecordSearchQuery,
    ): Promise<{ items: RecordSummary[]; total: number }> {
      const page = query.page ?? 1;
      const keys = surnameKeys(query.q);
      const folded = `%${query.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
      let base = db
        .selectFrom('personal_record as r')
        .where('r.erased_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb('r.name_key', 'like', `${keys.full}%`),
            eb('r.name_key_bare', 'like', `${keys.bare || keys.full}%`),
            eb.and([
              eb('r.kind', '<>', 'person'),
              eb.exists(
                eb
                  .selectFrom('exchange_subject as s')
                  .select('s.id')
                  .whereRef('s.record_id', '=', 'r.id')
                  .where(sql<boolean>`lower(s.details::text) like ${folded}`),
              ),
            ]),
          ]),
        );
      if (query.kind) base = base.where('r.kind', '=', query.kind);
      // Restricted records appear only to those who answer for them.
      if (!ctx.actor.roles.includes('dpo')) {
        base = base.where((eb) =>
          eb.or([
            eb('r.restricted_at', 'is', null),
            ...(ctx.actor.roles.includes('spoc')
              ? [eb('r.holder_agency_id', '=', ctx.actor.agencyId)]
              : []),
          ]),
        );
      }
      const { agencyId, userId } = ctx.actor;
      const [rows, count] = await Promise.all([
        base
          .innerJoin('agency as a', 'a.id', 'r.holder_agency_id')
          .selectAll('r')
          .select((eb) => [
            'a.code as holder_code',
            'a.name as holder_name',
            eb
              .selectFrom('exchange_subject as s')
              .select('s.details')
              .whereRef('s.record_id', '=', 'r.id')
              .orderBy('s.id', 'desc')
              .limit(1)
              .as('details'),
            // The reader's context, as exchange/visibility.ts decides it, in SQL.
            eb
              .exists(
                eb
                  .selectFrom('exchange_subject as s')
                  .innerJoin('exchange_request as q', 'q.id', 's.request_id')
                  .select('s.id')
                  .whereRef('s.record_id', '=', 'r.id')
                  .where((w) =>
                    w.or([
                      w('q.owner_agency_id', '=', agencyId),
                      w('q.copy_agency_id', '=', agencyId),
                      w('q.assignee_id', '=', userId),
                    ]),
                  ),
              )
              .as('in_context'),
          ])
          .orderBy('r.held_since', 'desc')
          .orderBy('r.id')
          .limit(PAGE_SIZE)
          .offset((page - 1) * PAGE_SIZE)
          .execute(),
        base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      const items = rows.map(({ holder_code, holder_name, details, in_context, ...record }) =>
        presentSummary(
          record,
          details ?? {},
          { code: holder_code, name: holder_name },
          Boolean(in_context),
        ),
      );
      await audit.record(ctx, {
        action: 'record.search',
        purpose: `search: ${query.q}`.slice(0, 500),
        details: { kind: query.kind ?? null, results: count.n, page },
      });
      return { items, total: count.n };
    },

    async reasons() {
      const rows = await db
        .selectFrom('consultation_reason')
        .selectAll()
        .where('active', '=', true)
        .orderBy('position')
        .execute();
      return {
        items: rows.map((r) => ({
          code: r.code,
          labels: r.labels as { nl: string; fr: string; de: string; en: string },
        })),
      };
    },

    /** A record read in a context of the reader's agency; without one, as if it did not exist. */
    async read(ctx: ActorContext, id: string): Promise<RecordDetail> {
      const view = await loadView(ctx, id);
      const context = contextOf(ctx.actor, view.occurrences);
      if (!context) throw new OutOfReachError('record.read', `record.${view.record.kind}`, id);
      if (!view.record.erased_at) {
        await logConsultation(ctx, view.record, {
          context: 'request',
          reference: context.reference,
          purpose: context.purpose ?? '',
        });
      }
      return present(ctx, view, context);
    },

    /** A record read outside any context, for a reason from the node's list, in the reader's words. */
    async consult(ctx: ActorContext, id: string, body: ConsultBody): Promise<RecordDetail> {
      const reason = await db
        .selectFrom('consultation_reason')
        .select('code')
        .where('code', '=', body.reason)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!reason) throw unprocessable('unknown_reason', 'Choose a reason from the list.');
      const view = await loadView(ctx, id);
      if (!view.record.erased_at) {
        await logConsultation(ctx, view.record, {
          context: 'reason',
          reason: body.reason,
          note: body.note,
        });
      }
      return present(ctx, view, contextOf(ctx.actor, view.occurrences));
    },

    rectify(ctx: ActorContext, id: string, body: RectifyBody) {
      return change(ctx, id, 'record.rectify', async (trx, record, now) => {
        if (body.subject.kind !== record.kind) {
          throw unprocessable('kind_mismatch', `This record is a ${record.kind}.`);
        }
        if (body.subject.restricted !== undefined || body.subject.erased !== undefined) {
          throw unprocessable('read_only_field', '"restricted" and "erased" are set by the node.');
        }
        const { id: _id, kind, category, statement, ...details } = body.subject;
        await rectifyRecord(
          trx,
          record,
          { category: category ?? null, statement: statement ?? null, details },
          now,
        );
        const subject = { ...body.subject, id: record.id, kind } as Subject;
        await issue(trx, ctx, record, 'rectification', body.reason, now, subject);
        await audited(trx, ctx, record, 'record.rectify', {
          reason: body.reason,
          fields: Object.keys(details).join(','),
        });
      });
    },

    erase(ctx: ActorContext, id: string, reason: string) {
      return change(ctx, id, 'record.erase', (trx, record, now) =>
        eraseInTransaction(trx, ctx, record.id, reason, now),
      );
    },

    restrict(ctx: ActorContext, id: string, reason: string) {
      return change(ctx, id, 'record.restrict', async (trx, record, now) => {
        assertRestricts(ctx.actor, record);
        if (record.restricted_at) throw conflict('already_restricted', 'The record is restricted.');
        await setRestriction(trx, record.id, reason, now);
        await issue(trx, ctx, record, 'restriction', reason, now);
        await audited(trx, ctx, record, 'record.restrict', { reason });
      });
    },

    liftRestriction(ctx: ActorContext, id: string) {
      return change(ctx, id, 'record.lift-restriction', async (trx, record, now) => {
        assertRestricts(ctx.actor, record);
        if (!record.restricted_at) {
          throw conflict('not_restricted', 'The record is not restricted.');
        }
        await setRestriction(trx, record.id, null, now);
        await issue(trx, ctx, record, 'restriction_lifted', 'Restriction lifted.', now);
        await audited(trx, ctx, record, 'record.lift-restriction', {});
      });
    },

    markInaccurate(ctx: ActorContext, id: string, note: string) {
      return change(ctx, id, 'record.mark-inaccurate', async (trx, record, now) => {
        if (record.inaccurate_at)
          throw conflict('already_inaccurate', 'Already marked inaccurate.');
        await trx
          .updateTable('personal_record')
          .set({ inaccurate_at: now, inaccuracy_note: note })
          .where('id', '=', record.id)
          .execute();
        await audited(trx, ctx, record, 'record.mark-inaccurate', { note });
      });
    },

    /**
     * Passes a record on to another node as information supplied without a
     * request (art. 7 of Directive 2023/977); the exchange checks restriction,
     * accuracy and H2 permission, and logs the disclosure.
     */
    async forward(ctx: ActorContext, id: string, body: ForwardBody) {
      const record = await loadReachable(ctx, id, 'record.manage');
      if (record.erased_at) throw conflict('record_erased', 'This record is erased.');
      if (!sends(ctx.actor)) {
        throw forbidden('forbidden', 'Only those who send information may pass a record on.');
      }
      const view = (await loadRecordView(db, id))!;
      const source = view.occurrences.find((o) => o.item_id !== null);
      const item = source
        ? await db
            .selectFrom('exchange_item')
            .select(['source_reliability', 'information_accuracy'])
            .where('id', '=', source.item_id!)
            .executeTakeFirst()
        : undefined;
      const offenceCategory = body.offenceCategory ?? record.purpose;
      if (!offenceCategory) {
        throw unprocessable('offence_category_required', 'Choose the offence category.');
      }
      const subject = {
        ...view.details,
        id: record.id,
        kind: record.kind,
        ...(record.category !== null && { category: record.category }),
        ...(record.statement !== null && { statement: record.statement }),
      } as Subject;
      const detail = await deps.exchange.provide(ctx, {
        requestedNode: body.node,
        purpose: body.purpose,
        facts: body.facts,
        offenceCategory: offenceCategory as ForwardBody['offenceCategory'] & string,
        ...(offenceCategory === 'other' && { offenceDescription: 'Passed on with a record.' }),
        language: body.language,
        items: [
          {
            body: body.facts,
            handlingCode: (body.handlingCode ?? record.handling_code ?? 'H0') as 'H0',
            ...(body.handlingNote && { handlingNote: body.handlingNote }),
            // The evaluation travels unchanged; a record made here has none to give.
            sourceReliability: (item?.source_reliability ?? 'X') as 'X',
            informationAccuracy: (item?.information_accuracy ?? '4') as '4',
            subjects: [subject],
          },
        ],
      });
      await audit.record(ctx, {
        action: 'record.forward',
        objectType: `record.${record.kind}`,
        objectId: record.id,
        details: { to: body.node, reference: detail.reference },
      });
      return { requestId: detail.id, reference: detail.reference };
    },

    /** Asks the node an H2 item came from whether it may be passed on to another. */
    async askPermission(ctx: ActorContext, id: string, body: { node: string; reason: string }) {
      if (!federation) throw conflict('federation_missing', 'This node is not in a federation.');
      const permission = await db.transaction().execute(async (trx) => {
        const record = await forChange(trx, ctx, id);
        if (record.handling_code !== 'H2' || record.source_node === null) {
          throw conflict(
            'permission_not_needed',
            'Only an item received under H2 needs permission.',
          );
        }
        if (body.node === record.source_node || body.node === federation.identity.nodeId) {
          throw unprocessable('invalid_recipient', 'Ask for another node than the provider.');
        }
        const now = clock();
        const agency = await findAgencyById(trx, ctx.actor.agencyId);
        const row = {
          id: uuidv7(),
          record_id: record.id,
          side: 'asking' as const,
          asking_node: federation.identity.nodeId,
          answering_node: record.source_node,
          recipient_node: body.node,
          reason: body.reason,
          asked_at: now,
          asked_by: `${ctx.actor.displayName} (${agency?.name ?? ''})`,
          state: 'pending' as const,
          answered_at: null,
          answered_by: null,
          answer_note: null,
        };
        await trx.insertInto('record_permission').values(row).execute();
        await enqueueEnvelopes(
          trx,
          federation,
          [
            {
              recipient: record.source_node,
              type: 'record.permission-request',
              correlationId: record.id,
              payload: {
                permission: {
                  id: row.id,
                  recordId: record.id,
                  recipientNode: body.node,
                  reason: body.reason,
                  askedAt: now.toISOString(),
                  askedBy: row.asked_by,
                },
              } satisfies PermissionRequestPayload,
            },
          ],
          now,
        );
        await audited(trx, ctx, record, 'record.ask-permission', {
          permission: row.id,
          to: body.node,
          of: record.source_node,
        });
        return row;
      });
      deps.delivery?.nudge();
      return presentPermission(permission);
    },

    /** Requests from other nodes to pass on what they got from this node under H2. */
    async permissionRequests(ctx: ActorContext) {
      const rows = await db
        .selectFrom('record_permission as p')
        .innerJoin('personal_record as r', 'r.id', 'p.record_id')
        .selectAll('p')
        .select('r.holder_agency_id')
        .where('p.side', '=', 'answering')
        .orderBy(sql`case when p.state = 'pending' then 0 else 1 end`)
        .orderBy('p.asked_at', 'desc')
        .limit(200)
        .execute();
      return {
        items: rows
          .filter((r) =>
            canReach(ctx.actor, 'record.permission', {
              agencyId: r.holder_agency_id,
              country: ctx.actor.country,
            }),
          )
          .map(presentPermission),
      };
    },

    async answerPermission(
      ctx: ActorContext,
      permissionId: string,
      body: { granted: boolean; note?: string | undefined },
    ) {
      if (!federation) throw conflict('federation_missing', 'This node is not in a federation.');
      const answered = await db.transaction().execute(async (trx) => {
        const permission = await trx
          .selectFrom('record_permission')
          .selectAll()
          .where('id', '=', permissionId)
          .where('side', '=', 'answering')
          .forUpdate()
          .executeTakeFirst();
        const record = permission ? await findRecord(trx, permission.record_id) : undefined;
        if (
          !permission ||
          !record ||
          !canReach(ctx.actor, 'record.permission', {
            agencyId: record.holder_agency_id,
            country: ctx.actor.country,
          })
        ) {
          throw notFound('No such permission request.');
        }
        if (permission.state !== 'pending') {
          throw conflict('already_answered', 'This request has been answered.');
        }
        const now = clock();
        const agency = await findAgencyById(trx, ctx.actor.agencyId);
        const answeredBy = `${ctx.actor.displayName} (${agency?.name ?? ''})`;
        const changes = {
          state: body.granted ? ('granted' as const) : ('refused' as const),
          answered_at: now,
          answered_by: answeredBy,
          answer_note: body.note ?? null,
        };
        await trx
          .updateTable('record_permission')
          .set(changes)
          .where('id', '=', permission.id)
          .execute();
        await enqueueEnvelopes(
          trx,
          federation,
          [
            {
              recipient: permission.asking_node,
              type: 'record.permission-answer',
              correlationId: record.id,
              payload: {
                permissionId: permission.id,
                granted: body.granted,
                note: body.note ?? null,
                answeredAt: now.toISOString(),
                answeredBy,
              },
            },
          ],
          now,
        );
        await audited(trx, ctx, record, 'record.answer-permission', {
          permission: permission.id,
          granted: body.granted,
          to: permission.recipient_node,
        });
        return { ...permission, ...changes };
      });
      deps.delivery?.nudge();
      return presentPermission(answered);
    },
  };
}
