import type { Updateable } from 'kysely';
import type { TSchema } from 'typebox';
import { v7 as uuidv7 } from 'uuid';
import { appendAudit, type AuditContext } from '../audit/audit-log.js';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { DeliveryWorker } from '../federation/delivery.js';
import { FederationRefusal, type Envelope, type EnvelopeType } from '../federation/envelope.js';
import type { Federation } from '../federation/federation.js';
import { enqueueEnvelopes } from '../federation/outbox.js';
import { findAgencyById, findSpoc } from '../identity/agencies.queries.js';
import type { Db, Trx } from '../kernel/db/database.js';
import type { ExchangeRequestTable } from '../kernel/db/schema.js';
import type { ActorContext } from '../kernel/http/context.js';
import {
  AppError,
  OutOfReachError,
  conflict,
  isUniqueViolation,
  notFound,
} from '../kernel/http/errors.js';
import { canReach, decide, type Actor } from '../kernel/policy/policy.js';
import { checkAttachments, type CheckedAttachment } from './attachments.js';
import { computeDueAt, deadlineClass, type DeadlineClass } from './deadline.js';
import {
  EventPayload,
  REQUESTED_EVENTS,
  REQUESTER_EVENTS,
  RequestPayload,
  type EventKind,
  type WireEvent,
} from './exchange.envelopes.js';
import type { Accessibility, RequestState } from './exchange.model.js';
import { presentDetail, presentSubject, presentSummary } from './exchange.presenter.js';
import {
  agencyUsersWithRoles,
  findAttachment,
  findHandler,
  findRequest,
  insertAttachments,
  insertEvent,
  insertItems,
  insertNotifications,
  insertRequest,
  insertSubjects,
  listHandlers,
  listRequests,
  loadRequestParts,
  nextReferenceNumber,
  replaceRequestSubjects,
  requestSubjects,
  updateRequest,
  type RequestRow,
} from './exchange.queries.js';
import type {
  AnswerBody,
  AttachmentUpload,
  Item,
  MessageBody,
  ProvisionBody,
  RequestContent,
  RequestDetail,
  RequestListQuery,
  RequestSummary,
  Subject,
} from './exchange.schemas.js';
import { nextState, type Command, type Side } from './lifecycle.js';
import { checkComplete, checkItems, type Shortcoming } from './request-rules.js';
import {
  checkOutgoing,
  dropUnusedRecords,
  holdSubjectRows,
  originsOf,
  recordDisclosures,
  subjectRows,
  recordStates,
  refuseNodeFlags,
  subjectAsSeen,
  type OutgoingSubject,
} from '../records/records.exchange.js';
import { seesRestricted } from '../records/records.policy.js';
import { seesRequest } from './visibility.js';
import { rescheduleOnClose } from '../records/records.queries.js';

/** How long before a deadline its handlers are warned, per deadline class. */
export type WarnBefore = Record<DeadlineClass, number>;
export const DEFAULT_WARN_BEFORE: WarnBefore = {
  urgent_direct: 2 * 3600_000,
  urgent_indirect: 12 * 3600_000,
  standard: 24 * 3600_000,
};

/** The actions the web workspace offers, and the lifecycle command behind each. */
const ACTION_COMMANDS = {
  send: 'send',
  clarify: 'clarify',
  close: 'close',
  message: 'message',
  accessibility: 'set_accessibility',
  assign: 'assign',
  answer: 'answer',
  clarification: 'ask_clarification',
  refuse: 'refuse',
  delay: 'delay',
} as const satisfies Record<string, Command>;
type UiAction = keyof typeof ACTION_COMMANDS | 'edit';

/** The event each lifecycle command leaves in the timeline. */
const COMMAND_EVENTS: Record<Command, EventKind> = {
  send: 'sent',
  receive: 'received',
  assign: 'assigned',
  set_accessibility: 'accessibility',
  ask_clarification: 'clarification_requested',
  clarify: 'clarified',
  answer_partially: 'partially_answered',
  answer: 'answered',
  refuse: 'refused',
  delay: 'delayed',
  close: 'closed',
  message: 'message',
};
const EVENT_COMMANDS = Object.fromEntries(
  Object.entries(COMMAND_EVENTS).map(([command, event]) => [event, command]),
) as Partial<Record<EventKind, Command>>;

/** What a remote event tells the users on this side, by who should hear it. */
const NOTICES: Partial<Record<EventKind, string>> = {
  clarification_requested: 'clarification_requested',
  clarified: 'clarification_received',
  partially_answered: 'answer_received',
  answered: 'answer_received',
  refused: 'refusal_received',
  delayed: 'delay_notified',
  message: 'message_received',
  closed: 'request_closed',
};

const requestIncomplete = (shortcomings: Shortcoming[]) =>
  new AppError(
    422,
    'request_incomplete',
    'The request lacks what art. 4 of Directive 2023/977 requires.',
    {
      errors: shortcomings,
    },
  );

const federationMissing = () =>
  conflict('federation_not_configured', 'This node is not part of a federation yet.');

interface Step {
  /** What the event says besides its kind. */
  event?: Partial<Pick<WireEvent, 'text' | 'refusalGround' | 'accessibility' | 'expectedAt'>>;
  changes?: Updateable<ExchangeRequestTable>;
  items?: Item[];
  attachments?: CheckedAttachment[];
  audit?: Record<string, string | number | boolean | null>;
}

export type ExchangeService = ReturnType<typeof createExchangeService>;

export function createExchangeService(deps: {
  db: Db;
  audit: AuditWriter;
  federation: Federation | null;
  delivery: DeliveryWorker | null;
  warnBefore?: Partial<WarnBefore>;
  clock?: () => Date;
}) {
  const { db, audit, federation } = deps;
  const warnBefore: WarnBefore = { ...DEFAULT_WARN_BEFORE, ...deps.warnBefore };
  const clock = deps.clock ?? (() => new Date());
  const selfNode = () => federation?.identity.nodeId ?? '';

  // ------------------------------------------------------------ visibility and permissions

  const sees = seesRequest;

  /** Acts for the requesting side: a writer of the requesting agency. */
  const actsAsRequester = (actor: Actor, row: RequestRow) =>
    row.side === 'requester' &&
    actor.agencyId === row.owner_agency_id &&
    decide(actor, 'exchange.send').allowed;

  /** Acts for the requested side: the addressed agency's SPOC operators, or the assignee. */
  const actsAsRequested = (actor: Actor, row: RequestRow) =>
    row.side === 'requested' &&
    ((row.assignee_id === actor.userId && decide(actor, 'exchange.handle').allowed) ||
      routesRequest(actor, row));

  /**
   * Routes the request (assigns it, and may handle it itself): the SPOC
   * operators of the addressed agency, and of the national SPOC when a
   * designated agency was addressed.
   */
  const routesRequest = (actor: Actor, row: RequestRow) =>
    row.side === 'requested' &&
    [row.owner_agency_id, row.copy_agency_id].some(
      (agencyId) =>
        agencyId !== null &&
        canReach(actor, 'exchange.handle', { agencyId, country: actor.country }),
    );

  function allowedActions(actor: Actor, row: RequestRow): UiAction[] {
    const acting =
      row.side === 'requester' ? actsAsRequester(actor, row) : actsAsRequested(actor, row);
    if (!acting) return [];
    const context = { kind: row.kind, assigned: row.assignee_id !== null };
    const allowed: UiAction[] = row.state === 'draft' ? ['edit'] : [];
    for (const [action, command] of Object.entries(ACTION_COMMANDS) as [UiAction, Command][]) {
      if (action === 'accessibility' && !row.urgent) continue;
      if (action === 'assign' && !routesRequest(actor, row)) continue;
      try {
        nextState(row.state as RequestState, command, row.side, context);
        allowed.push(action);
      } catch {
        // not allowed in this state
      }
    }
    return allowed;
  }

  async function loadVisible(ctx: ActorContext, id: string): Promise<RequestRow> {
    const row = await findRequest(db, id);
    if (!row) throw notFound('No such request.');
    if (!sees(ctx.actor, row)) throw new OutOfReachError('exchange.read', 'exchange_request', id);
    return row;
  }

  /**
   * The request as the actor may see it, with its subjects: a consultation of
   * personal data, logged subject by subject with the purpose of the request
   * (LED art. 25). Every answer that shows the subjects comes through here.
   */
  async function detail(ctx: ActorContext, id: string): Promise<RequestDetail> {
    const row = await findRequest(db, id);
    if (!row) throw notFound('No such request.');
    return present(ctx, row);
  }

  async function present(ctx: ActorContext, row: RequestRow): Promise<RequestDetail> {
    const id = row.id;
    const parts = await loadRequestParts(db, id);
    const result = presentDetail(row, parts, allowedActions(ctx.actor, row), clock(), selfNode());
    const purpose = `${result.reference}: ${result.content.purpose ?? ''}`.slice(0, 500);
    const states = await recordStates(
      db,
      parts.subjects.map((s) => s.record_id),
    );
    const asSeen = (subject: Subject) =>
      subjectAsSeen(subject, states.get(subject.id!), (record) =>
        seesRestricted(ctx.actor, record),
      );
    result.content.subjects = result.content.subjects?.map(asSeen);
    for (const event of result.timeline) {
      for (const item of event.items) item.subjects = item.subjects.map(asSeen);
    }
    // Tombstones and hidden records show no personal data: nothing to log for them.
    const subjects = [
      ...(result.content.subjects ?? []),
      ...result.timeline.flatMap((e) => e.items.flatMap((item) => item.subjects)),
    ].filter((s) => !s.erased && !s.restricted);
    await Promise.all([
      audit.record(ctx, {
        action: 'exchange.read',
        objectType: 'exchange_request',
        objectId: id,
        details: { reference: result.reference, subjects: subjects.length },
      }),
      ...subjects.map((subject) =>
        audit.record(ctx, {
          action: 'subject.consult',
          objectType: `subject.${subject.kind}`,
          objectId: subject.id!,
          purpose,
          details: { request: result.reference, category: subject.category ?? null },
        }),
      ),
    ]);
    return result;
  }

  // ------------------------------------------------------------ deadlines

  /** The deadline fields after a change of class or pause, counted from receipt (art. 5). */
  function deadlineFields(
    row: Pick<RequestRow, 'received_at' | 'urgent' | 'kind' | 'paused_ms'>,
    accessibility: Accessibility | null,
    pausedMs = row.paused_ms,
  ): Updateable<ExchangeRequestTable> {
    if (row.kind !== 'request' || row.received_at === null) return {};
    const cls = deadlineClass(row.urgent, accessibility);
    const due = computeDueAt({ receivedAt: row.received_at, deadlineClass: cls, pausedMs });
    return {
      deadline_class: cls,
      due_at: due,
      warn_at: new Date(due.getTime() - warnBefore[cls]),
      warned_at: null,
      overdue_notified_at: null,
    };
  }

  // ------------------------------------------------------------ who hears of what

  /** The users of this node who should hear of an event on a request. */
  async function audience(trx: Trx, row: RequestRow): Promise<string[]> {
    if (row.side === 'requester') {
      const users = row.created_by ? [row.created_by] : [];
      if (row.copy_agency_id)
        users.push(...(await agencyUsersWithRoles(trx, row.copy_agency_id, ['spoc'])));
      return users;
    }
    if (row.assignee_id) return [row.assignee_id];
    const spocs = await agencyUsersWithRoles(trx, row.owner_agency_id, ['spoc']);
    return spocs.length > 0 ? spocs : agencyUsersWithRoles(trx, row.owner_agency_id, ['officer']);
  }

  async function notify(trx: Trx, row: RequestRow, kind: string, users: string[], now: Date) {
    await insertNotifications(
      trx,
      users,
      { kind, requestId: row.id, reference: row.reference, now },
      uuidv7,
    );
  }

  // ------------------------------------------------------------ records of the subjects

  /** Who holds the records a request brings, and what their retention counts from. */
  const holderOf = (
    row: Pick<RequestRow, 'owner_agency_id' | 'offence_category' | 'closed_at'>,
  ) => ({
    holderAgencyId: row.owner_agency_id,
    purpose: row.offence_category,
    closedAt: row.closed_at,
  });

  /** The subjects about to leave with a request or an event, each with its item's handling code. */
  const outgoingOf = (subjects: readonly Subject[], items: readonly WireEvent['items'][number][]) =>
    [
      ...subjects.map((subject) => ({ subject, handlingCode: null })),
      ...items.flatMap((item) =>
        (item.subjects ?? []).map((subject) => ({ subject, handlingCode: item.handlingCode })),
      ),
    ] as OutgoingSubject[];

  /** The other side of a request, as a disclosure names it. */
  const disclosedTo = (row: RequestRow) => ({
    requestId: row.id,
    reference: row.reference,
    node: row.counterpart_node!,
    country: senderCountry(row) || null,
    agency:
      row.side === 'requested'
        ? row.requesting_agency_name
        : ((row.content as RequestContent).designatedAgencyCode ?? null),
  });

  // ------------------------------------------------------------ storing events

  function wireEvent(
    row: RequestRow,
    after: Pick<RequestRow, 'due_at' | 'deadline_class' | 'paused_since'>,
    kind: EventKind,
    actor: { name: string | null; agency: string | null },
    now: Date,
    step: Step,
  ): WireEvent {
    const paused = after.paused_since !== null;
    return {
      id: uuidv7(),
      kind,
      occurredAt: now.toISOString(),
      actor: actor.name,
      agency: actor.agency,
      stateAfter: null,
      text: step.event?.text ?? null,
      refusalGround: step.event?.refusalGround ?? null,
      accessibility: step.event?.accessibility ?? null,
      dueAt:
        row.side === 'requested' && !paused && after.due_at ? after.due_at.toISOString() : null,
      deadlineClass: row.side === 'requested' ? after.deadline_class : null,
      expectedAt: step.event?.expectedAt ?? null,
      // Every subject leaves with its record id, so that both nodes hold it under one id.
      items: (step.items ?? []).map((item) => ({
        ...item,
        id: item.id ?? uuidv7(),
        ...(item.subjects && {
          subjects: item.subjects.map((subject) => ({ ...subject, id: subject.id ?? uuidv7() })),
        }),
      })),
      attachments: (step.attachments ?? []).map((a) => ({
        id: a.id,
        name: a.name,
        mediaType: a.mediaType,
        content: a.content.toString('base64'),
      })),
    };
  }

  /** Stores an event of the timeline with its items, their subjects and its attachments. */
  async function storeEvent(
    trx: Trx,
    row: RequestRow,
    side: Side,
    country: string,
    event: WireEvent,
    now: Date,
    source: { node: string; origins: Record<string, string> } | null = null,
  ) {
    const requestId = row.id;
    await insertEvent(trx, {
      id: event.id,
      request_id: requestId,
      kind: event.kind,
      side,
      occurred_at: new Date(event.occurredAt),
      actor: event.actor,
      agency: event.agency,
      country,
      state_after: event.stateAfter,
      text: event.text,
      refusal_ground: event.refusalGround,
      accessibility: event.accessibility,
      due_at: event.dueAt ? new Date(event.dueAt) : null,
      expected_at: event.expectedAt ? new Date(event.expectedAt) : null,
    });
    await insertItems(
      trx,
      event.items.map((item, position) => ({
        id: item.id,
        request_id: requestId,
        event_id: event.id,
        position,
        body: item.body,
        handling_code: item.handlingCode,
        handling_note: item.handlingNote ?? null,
        source_reliability: item.sourceReliability,
        information_accuracy: item.informationAccuracy,
      })),
    );
    for (const item of event.items) {
      const rows = subjectRows(requestId, item.subjects ?? [], item.id);
      await insertSubjects(trx, rows);
      await holdSubjectRows(
        trx,
        rows,
        { ...holderOf(row), source, handlingCode: item.handlingCode },
        now,
      );
    }
    const attachments = checkAttachments(event.attachments);
    await insertAttachments(
      trx,
      attachments,
      attachments.map((a, position) => ({
        id: a.id,
        request_id: requestId,
        event_id: event.id,
        position,
        name: a.name,
        sha256: a.sha256,
        media_type: a.mediaType,
        size: a.content.length,
      })),
      now,
    );
  }

  // ------------------------------------------------------------ a step on this side

  /**
   * One step on a request by a user of this node, in one transaction: the
   * state change, the timeline event, the audit entry, the notifications here
   * and the envelope to the other side.
   */
  async function act(
    ctx: ActorContext,
    id: string,
    command: Command,
    build: (row: RequestRow, now: Date, trx: Trx) => Step | Promise<Step>,
  ): Promise<RequestDetail> {
    const visible = await loadVisible(ctx, id);
    const acting =
      visible.side === 'requester'
        ? actsAsRequester(ctx.actor, visible)
        : actsAsRequested(ctx.actor, visible);
    if (!acting) {
      throw new AppError(403, 'forbidden', 'You may see this request but not act on it.');
    }
    if (!federation) throw federationMissing();
    const now = clock();
    await db.transaction().execute(async (trx) => {
      const row = (await findRequest(trx, id, { lock: true }))!;
      const state = nextState(row.state as RequestState, command, row.side, {
        kind: row.kind,
        assigned: row.assignee_id !== null,
      });
      const step = await build(row, now, trx);
      const changes: Updateable<ExchangeRequestTable> = { ...step.changes, state, updated_at: now };
      const after = { ...row, ...changes } as RequestRow;
      const event = wireEvent(
        row,
        after,
        COMMAND_EVENTS[command],
        { name: ctx.actor.displayName, agency: await agencyName(trx, ctx.actor.agencyId) },
        now,
        step,
      );
      event.stateAfter = state;
      const outgoing = outgoingOf([], event.items);
      await checkOutgoing(trx, outgoing, row.counterpart_node!);
      await updateRequest(trx, id, changes);
      await storeEvent(trx, row, row.side, ctx.actor.country, event, now);
      await recordDisclosures(trx, outgoing, disclosedTo(row), now);
      if (command === 'close') await rescheduleOnClose(trx, id, now);
      await appendAudit(trx, ctx, {
        action: `exchange.${command.replace(/_/g, '-')}`,
        objectType: 'exchange_request',
        objectId: id,
        details: { reference: row.reference, state, ...step.audit },
      });
      await enqueueEnvelopes(trx, federation, [
        {
          recipient: row.counterpart_node!,
          type: 'exchange.event',
          correlationId: id,
          payload: {
            requestId: id,
            event,
            origins: await originsOf(
              trx,
              outgoing.map((o) => o.subject.id),
            ),
          } satisfies EventPayload,
        },
      ]);
    });
    deps.delivery?.nudge();
    return detail(ctx, id);
  }

  async function agencyName(trx: Trx, agencyId: string) {
    return (await findAgencyById(trx, agencyId))?.name ?? null;
  }

  // ------------------------------------------------------------ drafts and sending

  /** The content as stored: everything but the subjects, which have their own rows. */
  function contentColumns(content: RequestContent) {
    const { subjects, ...rest } = content;
    return {
      content: JSON.stringify(rest),
      urgent: content.urgent === true,
      offence_category: content.offenceCategory ?? null,
      subject_count: subjects?.length ?? 0,
      requested_node: content.requestedNode ?? null,
    };
  }

  async function createDraft(
    trx: Trx,
    ctx: ActorContext,
    kind: 'request' | 'spontaneous',
    content: RequestContent,
    now: Date,
  ): Promise<string> {
    const agency = await findAgencyById(trx, ctx.actor.agencyId);
    if (!agency) throw notFound('Your agency is not known on this node.');
    const year = now.getUTCFullYear();
    const number = await nextReferenceNumber(trx, year);
    const id = uuidv7();
    await insertRequest(trx, {
      id,
      reference: `${agency.country}-${year}-${String(number).padStart(5, '0')}`,
      kind,
      side: 'requester',
      state: 'draft',
      requesting_country: agency.country,
      requesting_agency_code: agency.code,
      requesting_agency_name: agency.name,
      requesting_officer: ctx.actor.displayName,
      owner_agency_id: agency.id,
      created_by: ctx.actor.userId,
      judicial_delay: false,
      paused_ms: 0,
      ...contentColumns(content),
      created_at: now,
      updated_at: now,
    });
    const subjects = subjectRows(id, content.subjects ?? [], null);
    await insertSubjects(trx, subjects);
    await holdSubjectRows(
      trx,
      subjects,
      {
        holderAgencyId: agency.id,
        purpose: content.offenceCategory ?? null,
        closedAt: null,
        source: null,
        handlingCode: null,
      },
      now,
    );
    await appendAudit(trx, ctx, {
      action: 'exchange.create',
      objectType: 'exchange_request',
      objectId: id,
      details: { kind, subjects: subjects.length },
    });
    return id;
  }

  /** Sends a complete draft: the envelope to the requested node, the copy to the own SPOC. */
  async function sendDraft(
    trx: Trx,
    ctx: ActorContext,
    id: string,
    now: Date,
    items: Item[] = [],
  ): Promise<void> {
    if (!federation) throw federationMissing();
    const row = (await findRequest(trx, id, { lock: true }))!;
    const state = nextState(row.state as RequestState, 'send', 'requester', {
      kind: row.kind,
      assigned: false,
    });
    const content: RequestContent = {
      ...(row.content as RequestContent),
      subjects: (await requestSubjects(trx, id))
        .filter((s) => s.item_id === null)
        .map(presentSubject),
    };
    const shortcomings = [...checkComplete(content, row.kind), ...checkItems(items)];
    const register = await federation.registers.current(now, trx);
    const peer = content.requestedNode ? register.node(content.requestedNode) : undefined;
    if (content.requestedNode && (!peer || content.requestedNode === federation.identity.nodeId)) {
      shortcomings.push({
        path: '/requestedNode',
        message: 'This node is not a peer in the federation.',
      });
    }
    if (shortcomings.length > 0) throw requestIncomplete(shortcomings);

    const agency = (await findAgencyById(trx, row.owner_agency_id))!;
    const ownSpoc = agency.is_spoc ? undefined : await findSpoc(trx, agency.country);
    const copy = ownSpoc && content.spocCopyException === undefined ? ownSpoc : undefined;
    const event = wireEvent(
      row,
      row,
      'sent',
      { name: ctx.actor.displayName, agency: agency.name },
      now,
      { items },
    );
    event.stateAfter = state;
    const outgoing = outgoingOf(content.subjects ?? [], event.items);
    await checkOutgoing(trx, outgoing, peer!.id);
    await updateRequest(trx, id, {
      state,
      counterpart_node: peer!.id,
      requested_country: peer!.country,
      copy_agency_id: copy?.id ?? null,
      sent_at: now,
      updated_at: now,
    });
    const sent = { ...row, counterpart_node: peer!.id, requested_country: peer!.country };
    await storeEvent(trx, sent, 'requester', agency.country, event, now);
    await recordDisclosures(trx, outgoing, disclosedTo(sent), now);
    await appendAudit(trx, ctx, {
      action: row.kind === 'spontaneous' ? 'exchange.provide' : 'exchange.send',
      objectType: 'exchange_request',
      objectId: id,
      details: {
        reference: row.reference,
        recipient: peer!.id,
        urgent: row.urgent,
        subjects: content.subjects?.length ?? 0,
        items: items.length,
        spocCopy: copy ? copy.code : null,
        spocCopyException: content.spocCopyException ?? null,
      },
    });
    if (copy) {
      await notify(
        trx,
        row,
        'request_received',
        await agencyUsersWithRoles(trx, copy.id, ['spoc']),
        now,
      );
    }
    await enqueueEnvelopes(trx, federation, [
      {
        recipient: peer!.id,
        type: 'exchange.request',
        correlationId: id,
        payload: {
          request: {
            id,
            reference: row.reference,
            kind: row.kind,
            requestingCountry: agency.country,
            requestingAgency: { code: agency.code, name: agency.name },
            officer: row.requesting_officer,
            spocCopied: copy !== undefined,
            content,
          },
          event,
          origins: await originsOf(
            trx,
            outgoing.map((o) => o.subject.id),
          ),
        } satisfies RequestPayload,
      },
    ]);
  }

  // ------------------------------------------------------------ envelopes from peers

  /** `exchange.request`: a request (or information supplied) arrives; its deadline starts now. */
  const requestType: EnvelopeType<typeof RequestPayload> = {
    payload: RequestPayload,
    async handle(trx, envelope, arrival) {
      if (!federation) return;
      const { request, event } = envelope.payload;
      const now = arrival?.receivedAt ?? clock();
      if (await findRequest(trx, request.id)) {
        throw new FederationRefusal(422, 'request_exists', `Request ${request.id} exists already.`);
      }
      const register = await federation.registers.current(now, trx);
      if (register.node(envelope.sender)?.country !== request.requestingCountry) {
        throw new FederationRefusal(
          422,
          'country_mismatch',
          `${envelope.sender} does not speak for ${request.requestingCountry}.`,
        );
      }
      const country = federation.identity.country;
      const spoc = await findSpoc(trx, country);
      const designated = request.content.designatedAgencyCode
        ? await trx
            .selectFrom('agency')
            .selectAll()
            .where('code', '=', request.content.designatedAgencyCode)
            .where('country', '=', country)
            .where('disabled_at', 'is', null)
            .executeTakeFirst()
        : undefined;
      const owner = designated ?? spoc;
      if (!owner) {
        // Nobody could handle it yet: refused for now, so the sender tries again later.
        throw new FederationRefusal(
          503,
          'no_spoc',
          `No single point of contact is designated in ${country}.`,
        );
      }
      const base = {
        kind: request.kind,
        urgent: request.content.urgent === true,
        received_at: now,
        paused_ms: 0,
      };
      const deadline = deadlineFields(base, null);
      const content = request.content;
      const { subjects, ...rest } = content;
      await insertRequest(trx, {
        id: request.id,
        reference: request.reference,
        kind: request.kind,
        side: 'requested',
        state: 'received',
        counterpart_node: envelope.sender,
        requesting_country: request.requestingCountry,
        requesting_agency_code: request.requestingAgency.code,
        requesting_agency_name: request.requestingAgency.name,
        requesting_officer: request.officer,
        requested_node: federation.identity.nodeId,
        requested_country: country,
        owner_agency_id: owner.id,
        copy_agency_id: spoc && spoc.id !== owner.id ? spoc.id : null,
        content: JSON.stringify(rest),
        urgent: base.urgent,
        offence_category: content.offenceCategory ?? null,
        subject_count: subjects?.length ?? 0,
        sent_at: new Date(event.occurredAt),
        received_at: now,
        judicial_delay: false,
        paused_ms: 0,
        ...deadline,
        created_at: now,
        updated_at: now,
      });
      const row = (await findRequest(trx, request.id))!;
      const source = { node: envelope.sender, origins: envelope.payload.origins ?? {} };
      const rows = subjectRows(request.id, subjects ?? [], null);
      await insertSubjects(trx, rows);
      await holdSubjectRows(trx, rows, { ...holderOf(row), source, handlingCode: null }, now);
      await storeEvent(trx, row, 'requester', request.requestingCountry, event, now, source);
      const received = wireEvent(row, row, 'received', { name: null, agency: owner.name }, now, {});
      received.stateAfter = 'received';
      await storeEvent(trx, row, 'requested', country, received, now);
      await appendAudit(trx, systemContext(envelope), {
        action: request.kind === 'spontaneous' ? 'exchange.receive-provision' : 'exchange.receive',
        objectType: 'exchange_request',
        objectId: request.id,
        details: {
          reference: request.reference,
          sender: envelope.sender,
          agency: owner.code,
          subjects: subjects?.length ?? 0,
          dueAt: deadline.due_at instanceof Date ? deadline.due_at.toISOString() : null,
        },
      });
      await notify(
        trx,
        row,
        request.kind === 'spontaneous' ? 'provision_received' : 'request_received',
        await audience(trx, row),
        now,
      );
      await enqueueEnvelopes(trx, federation, [
        {
          recipient: envelope.sender,
          type: 'exchange.event',
          correlationId: request.id,
          payload: { requestId: request.id, event: received } satisfies EventPayload,
        },
      ]);
    },
  };

  /** `exchange.event`: the other side took a step; this copy follows. */
  const eventType: EnvelopeType<typeof EventPayload> = {
    payload: EventPayload,
    async handle(trx, envelope, arrival) {
      if (!federation) return;
      const { requestId, event } = envelope.payload;
      const now = arrival?.receivedAt ?? clock();
      const row = await findRequest(trx, requestId, { lock: true });
      // The same refusal whether the request is unknown or belongs to another peer.
      if (!row || row.counterpart_node !== envelope.sender) {
        throw new FederationRefusal(
          422,
          'unknown_request',
          `No request ${requestId} is shared with ${envelope.sender}.`,
        );
      }
      const senderSide: Side = row.side === 'requester' ? 'requested' : 'requester';
      const permitted = senderSide === 'requester' ? REQUESTER_EVENTS : REQUESTED_EVENTS;
      if (!permitted.includes(event.kind)) {
        throw new FederationRefusal(
          422,
          'event_not_allowed',
          `The ${senderSide} side cannot send ${event.kind}.`,
        );
      }
      const changes: Updateable<ExchangeRequestTable> = { updated_at: now };
      const command = EVENT_COMMANDS[event.kind];
      if (command) {
        try {
          changes.state = nextState(row.state as RequestState, command, senderSide, {
            kind: row.kind,
            assigned: row.assignee_id !== null,
          });
        } catch {
          // Both sides acted at once (say, a close crossing an answer): the event
          // is kept in the timeline, the state stays as this side left it.
        }
      }
      // After a clarification the requested side says where the request stands
      // (received or assigned: only it knows whether a handler has it).
      if (event.kind === 'resumed' && event.stateAfter && row.state !== 'closed') {
        changes.state = event.stateAfter;
      }
      let reply: WireEvent | null = null;
      if (senderSide === 'requested') {
        // The requested side keeps the deadline; this side mirrors it.
        if (event.deadlineClass) changes.deadline_class = event.deadlineClass;
        if (event.dueAt) {
          const due = new Date(event.dueAt);
          if (row.due_at?.getTime() !== due.getTime()) {
            const cls = event.deadlineClass ?? row.deadline_class ?? 'standard';
            Object.assign(changes, {
              due_at: due,
              warn_at: new Date(due.getTime() - warnBefore[cls]),
              warned_at: null,
              overdue_notified_at: null,
            });
          }
        }
        if (event.kind === 'received') changes.received_at = new Date(event.occurredAt);
        if (event.kind === 'clarification_requested') {
          // The clock stands still: no warnings about a deadline that is not running.
          Object.assign(changes, {
            paused_since: new Date(event.occurredAt),
            due_at: null,
            warn_at: null,
          });
        }
        if (event.kind === 'resumed') changes.paused_since = null;
        if (event.kind === 'accessibility') changes.accessibility = event.accessibility;
        if (event.kind === 'refused') changes.refusal_ground = event.refusalGround;
        if (event.kind === 'delayed') {
          changes.judicial_delay = true;
          changes.delay_expected_at = event.expectedAt ? new Date(event.expectedAt) : null;
        }
        if (event.kind === 'answered') changes.answered_at = new Date(event.occurredAt);
      } else if (event.kind === 'clarified' && row.paused_since) {
        // The clock runs again; the time spent waiting does not count (art. 6).
        const pausedMs = row.paused_ms + Math.max(0, now.getTime() - row.paused_since.getTime());
        Object.assign(
          changes,
          { paused_ms: pausedMs, paused_since: null },
          deadlineFields(row, row.accessibility, pausedMs),
        );
      }
      if (event.kind === 'closed') changes.closed_at = now;
      await updateRequest(trx, requestId, changes);
      const source = { node: envelope.sender, origins: envelope.payload.origins ?? {} };
      const after = { ...row, ...changes } as RequestRow;
      await storeEvent(trx, after, senderSide, senderCountry(row), event, now, source);
      if (event.kind === 'closed') await rescheduleOnClose(trx, requestId, now);
      if (event.kind === 'clarified' && row.side === 'requested') {
        reply = wireEvent(after, after, 'resumed', { name: null, agency: null }, now, {});
        reply.stateAfter =
          (changes.state as RequestState | undefined) ?? (row.state as RequestState);
        await storeEvent(trx, after, 'requested', federation.identity.country, reply, now);
      }
      await appendAudit(trx, systemContext(envelope), {
        action: `exchange.receive-${event.kind.replace(/_/g, '-')}`,
        objectType: 'exchange_request',
        objectId: requestId,
        details: {
          reference: row.reference,
          sender: envelope.sender,
          state: changes.state ?? row.state,
        },
      });
      const notice = NOTICES[event.kind];
      if (notice) await notify(trx, row, notice, await audience(trx, row), now);
      if (reply) {
        await enqueueEnvelopes(trx, federation, [
          {
            recipient: envelope.sender,
            type: 'exchange.event',
            correlationId: requestId,
            payload: { requestId, event: reply } satisfies EventPayload,
          },
        ]);
      }
    },
  };

  const senderCountry = (row: RequestRow) =>
    row.side === 'requester' ? (row.requested_country ?? '') : row.requesting_country;

  // ------------------------------------------------------------ the service

  return {
    requestType: refusingBadContent(requestType),
    eventType: refusingBadContent(eventType),

    async peers() {
      if (!federation) return { items: [] };
      const register = await federation.registers.current(clock());
      return {
        items: register.document.nodes
          .filter((node) => node.id !== federation.identity.nodeId)
          .map((node) => ({ nodeId: node.id, country: node.country, name: node.name })),
      };
    },

    async handlers(ctx: ActorContext) {
      const rows = await listHandlers(db, ctx.actor.country);
      return {
        items: rows.map((r) => ({
          id: r.id,
          displayName: r.display_name,
          agencyCode: r.code,
          agencyName: r.name,
        })),
      };
    },

    async list(
      ctx: ActorContext,
      query: RequestListQuery,
    ): Promise<{ items: RequestSummary[]; total: number }> {
      const now = clock();
      const { rows, total } = await listRequests(
        db,
        { agencyId: ctx.actor.agencyId, userId: ctx.actor.userId },
        {
          ...(query.direction && { direction: query.direction }),
          ...(query.state && { state: query.state }),
          ...(query.open !== undefined && { open: query.open }),
          ...(query.urgent !== undefined && { urgent: query.urgent }),
          ...(query.due && { due: query.due }),
          ...(query.assignedToMe && { assignedTo: ctx.actor.userId }),
          ...(query.country && { country: query.country }),
          ...(query.reference && { reference: query.reference }),
          now,
          limit: query.limit ?? 50,
          offset: query.offset ?? 0,
        },
      );
      return { items: rows.map((row) => presentSummary(row, now, selfNode())), total };
    },

    /**
     * The request with its subjects: a consultation of personal data, logged
     * subject by subject with the purpose of the request (LED art. 25).
     */
    async get(ctx: ActorContext, id: string): Promise<RequestDetail> {
      return present(ctx, await loadVisible(ctx, id));
    },

    async create(ctx: ActorContext, content: RequestContent): Promise<RequestDetail> {
      refuseNodeFlags(content.subjects ?? []);
      const now = clock();
      const id = await db
        .transaction()
        .execute((trx) => createDraft(trx, ctx, 'request', content, now));
      return detail(ctx, id);
    },

    async update(ctx: ActorContext, id: string, content: RequestContent): Promise<RequestDetail> {
      refuseNodeFlags(content.subjects ?? []);
      const visible = await loadVisible(ctx, id);
      if (!actsAsRequester(ctx.actor, visible)) {
        throw new AppError(403, 'forbidden', 'You may see this request but not change it.');
      }
      const now = clock();
      await db.transaction().execute(async (trx) => {
        const row = (await findRequest(trx, id, { lock: true }))!;
        if (row.state !== 'draft') throw conflict('not_a_draft', 'Only a draft can be changed.');
        await updateRequest(trx, id, { ...contentColumns(content), updated_at: now });
        const before = (await requestSubjects(trx, id)).map((s) => s.record_id);
        const rows = subjectRows(id, content.subjects ?? [], null);
        await replaceRequestSubjects(trx, id, rows);
        await holdSubjectRows(
          trx,
          rows,
          {
            ...holderOf({ ...row, offence_category: content.offenceCategory ?? null }),
            source: null,
            handlingCode: null,
          },
          now,
        );
        await dropUnusedRecords(trx, before);
        await appendAudit(trx, ctx, {
          action: 'exchange.update',
          objectType: 'exchange_request',
          objectId: id,
          details: { reference: row.reference, subjects: content.subjects?.length ?? 0 },
        });
      });
      return detail(ctx, id);
    },

    async send(ctx: ActorContext, id: string): Promise<RequestDetail> {
      const visible = await loadVisible(ctx, id);
      if (!actsAsRequester(ctx.actor, visible)) {
        throw new AppError(403, 'forbidden', 'You may see this request but not send it.');
      }
      await db.transaction().execute((trx) => sendDraft(trx, ctx, id, clock()));
      deps.delivery?.nudge();
      return detail(ctx, id);
    },

    /** Information supplied on the agency's own initiative (art. 7), sent at once. */
    async provide(ctx: ActorContext, body: ProvisionBody): Promise<RequestDetail> {
      if (!federation) throw federationMissing();
      const now = clock();
      const { items, ...content } = body;
      refuseNodeFlags([...(content.subjects ?? []), ...items.flatMap((i) => i.subjects ?? [])]);
      const id = await db.transaction().execute(async (trx) => {
        const created = await createDraft(trx, ctx, 'spontaneous', content, now);
        await sendDraft(trx, ctx, created, now, items);
        return created;
      });
      deps.delivery?.nudge();
      return detail(ctx, id);
    },

    setAccessibility(ctx: ActorContext, id: string, accessibility: Accessibility) {
      return act(ctx, id, 'set_accessibility', (row) => {
        if (!row.urgent) {
          throw conflict(
            'not_urgent',
            'Accessibility decides the deadline of urgent requests only.',
          );
        }
        // A new class moves the deadline (and warns afresh); the same class changes nothing.
        const moved = deadlineClass(true, accessibility) !== row.deadline_class;
        const running =
          moved && row.paused_since === null ? deadlineFields(row, accessibility) : {};
        return {
          event: { accessibility },
          changes: {
            accessibility,
            ...running,
            ...(row.paused_since !== null && {
              deadline_class: deadlineClass(true, accessibility),
            }),
          },
          audit: { accessibility },
        };
      });
    },

    assign(ctx: ActorContext, id: string, userId: string) {
      return act(ctx, id, 'assign', async (row, now, trx) => {
        if (!routesRequest(ctx.actor, row)) {
          throw new AppError(403, 'forbidden', 'Only the SPOC assigns its requests.');
        }
        const handler = await findHandler(trx, userId, ctx.actor.country);
        if (!handler) throw notFound('No such handler in this country.');
        await notify(trx, row, 'request_assigned', [userId], now);
        return { changes: { assignee_id: userId }, audit: { assignee: userId } };
      });
    },

    answer(ctx: ActorContext, id: string, body: AnswerBody) {
      refuseNodeFlags(body.items.flatMap((i) => i.subjects ?? []));
      const problems = checkItems(body.items);
      if (problems.length > 0) throw requestIncomplete(problems);
      const attachments = checkAttachments(withIds(body.attachments));
      return act(ctx, id, body.partial ? 'answer_partially' : 'answer', (_row, now) => ({
        event: { text: body.text ?? null },
        items: body.items,
        attachments,
        changes: body.partial ? {} : { answered_at: now },
        audit: { items: body.items.length, partial: body.partial },
      }));
    },

    askClarification(ctx: ActorContext, id: string, text: string) {
      return act(ctx, id, 'ask_clarification', (_row, now) => ({
        event: { text },
        // The clock stops until the requester answers.
        changes: { paused_since: now, due_at: null, warn_at: null },
      }));
    },

    clarify(ctx: ActorContext, id: string, text: string) {
      return act(ctx, id, 'clarify', () => ({ event: { text } }));
    },

    refuse(ctx: ActorContext, id: string, ground: string, text: string) {
      return act(ctx, id, 'refuse', () => ({
        event: { text, refusalGround: ground as WireEvent['refusalGround'] },
        changes: { refusal_ground: ground },
        audit: { ground },
      }));
    },

    delay(ctx: ActorContext, id: string, text: string, expectedAt: string) {
      return act(ctx, id, 'delay', (_row, now) => {
        if (new Date(expectedAt) <= now) {
          throw conflict('expected_in_past', 'The expected date of the answer must lie ahead.');
        }
        return {
          event: { text, expectedAt: new Date(expectedAt).toISOString() },
          changes: { judicial_delay: true, delay_expected_at: new Date(expectedAt) },
          audit: { expectedAt },
        };
      });
    },

    close(ctx: ActorContext, id: string, text: string | undefined) {
      return act(ctx, id, 'close', (_row, now) => ({
        event: { text: text ?? null },
        changes: { closed_at: now },
      }));
    },

    message(ctx: ActorContext, id: string, body: MessageBody) {
      const attachments = checkAttachments(withIds(body.attachments));
      return act(ctx, id, 'message', () => ({
        event: { text: body.text },
        attachments,
        audit: { attachments: attachments.length },
      }));
    },

    async attachment(ctx: ActorContext, id: string, attachmentId: string) {
      await loadVisible(ctx, id);
      const found = await findAttachment(db, id, attachmentId);
      if (!found) throw notFound('No such attachment.');
      await audit.record(ctx, {
        action: 'exchange.attachment-read',
        objectType: 'exchange_attachment',
        objectId: attachmentId,
        details: { request: id },
      });
      return found;
    },
  };
}

/**
 * A peer's envelope that breaks a rule of this node (an attachment that is not
 * what it claims, an event that does not fit) is refused for good rather than
 * failed and retried: sending it again cannot help.
 */
function refusingBadContent<S extends TSchema>(type: EnvelopeType<S>): EnvelopeType<S> {
  return {
    payload: type.payload,
    async handle(trx, envelope, arrival) {
      try {
        await type.handle(trx, envelope, arrival);
      } catch (error) {
        if (
          error instanceof AppError &&
          !(error instanceof FederationRefusal) &&
          error.status < 500
        ) {
          throw new FederationRefusal(422, error.code, error.message);
        }
        if (isUniqueViolation(error)) {
          throw new FederationRefusal(
            409,
            'duplicate_identifier',
            'An identifier in the envelope is taken.',
          );
        }
        throw error;
      }
    },
  };
}

function withIds(uploads: readonly AttachmentUpload[] | undefined) {
  return (uploads ?? []).map((upload) => ({ ...upload, id: uuidv7() }));
}

function systemContext(envelope: Envelope): AuditContext {
  return { actor: null, clientAddress: null, requestId: `envelope:${envelope.id}` };
}
