import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../audit/audit-log.js';
import type { AuditWriter } from '../audit/audit-writer.js';
import { insertNewsItem } from '../portal/portal.service.js';
import type { Db, Trx } from '../kernel/db/database.js';
import type { ActorContext } from '../kernel/http/context.js';
import { looksLike } from '../kernel/files/file-types.js';
import {
  AppError,
  OutOfReachError,
  unprocessable,
  badRequest,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
} from '../kernel/http/errors.js';
import { decide, type Action as PolicyAction, type Actor } from '../kernel/policy/policy.js';
import { addDays, brusselsDate } from './brussels-date.js';
import {
  presentAction,
  presentBody,
  presentDecision,
  presentDocument,
  presentMeetingSummary,
  presentMember,
  presentNames,
} from './consultation.presenter.js';
import * as q from './consultation.queries.js';
import { draftMeetingNews } from './news-draft.js';
import type { ActionRow, MemberScope } from './consultation.queries.js';
import {
  COUNTRIES,
  MAX_DOCUMENT_BYTES,
  type Action,
  type ActionCreate,
  type ActionInput,
  type ActionListQuery,
  type ActionUpdate,
  type Body,
  type BodyCreate,
  type BodyDetail,
  type BodyUpdate,
  type Counts,
  type DecisionCreate,
  type DecisionCreated,
  type DocumentInfo,
  type DocumentType,
  type MeetingCreate,
  type MeetingDetail,
  type MeetingMode,
  type MeetingSummary,
  type MeetingUpdate,
  type Member,
  type MemberCreate,
  type Monitoring,
  type NoteCreate,
} from './consultation.schemas.js';

/*
 * The consultation bodies live on the node of the secretariat that runs them
 * (the Benelux Secretariat-General's node for Senningen, Hazeldonk and the
 * strategic police consultation). Their members from other countries are either
 * listed by name only (no account: user_id null) or have an account on this
 * node, which gives them access to the body's meetings, documents and action
 * items. Nothing of a body travels to other nodes.
 */

const READ = 'consultation.read';
const MANAGE = 'consultation.manage';
const FOLLOW_UP = 'consultation.follow-up';

/** Decodes and checks the file name sent in the `x-file-name` header. */
export function checkFileName(header: string | undefined): string {
  let name: string;
  try {
    name = decodeURIComponent(header ?? '').trim();
  } catch {
    throw badRequest('invalid_file_name', 'The x-file-name header is not URI-encoded text.');
  }
  // eslint-disable-next-line no-control-regex
  if (name === '' || name.length > 255 || /[\u0000-\u001f\u007f/\\]/.test(name)) {
    throw badRequest(
      'invalid_file_name',
      'The x-file-name header must hold a file name of 1 to 255 characters, without slashes or control characters.',
    );
  }
  if (!name.isWellFormed()) {
    throw badRequest('invalid_file_name', 'The file name is not well-formed Unicode.');
  }
  return name;
}

const placeRequired = () =>
  unprocessable('place_required', 'A meeting that is not digital only needs a place.');

/**
 * The prefix of a body's decision references: its code in capitals (at most ten
 * characters) and the year, as in 'HAZELDONK-2021-'; the sequence follows, two
 * digits at least ('HAZELDONK-2021-03'). Two bodies whose codes begin alike share
 * the numbering of that prefix, which keeps references unique.
 */
export function referencePrefix(code: string, decidedOn: string): string {
  const short = code.toUpperCase().slice(0, 10).replace(/-+$/, '');
  return `${short}-${decidedOn.slice(0, 4)}-`;
}

export type ConsultationService = ReturnType<typeof createConsultationService>;

export function createConsultationService(deps: {
  db: Db;
  audit: AuditWriter;
  clock?: () => Date;
}) {
  const { db, audit } = deps;
  const clock = deps.clock ?? (() => new Date());
  const today = () => brusselsDate(clock());

  // ------------------------------------------------------------ reach

  /** The bodies the action reaches for the actor: every body (null) or their own. */
  function scopeOf(actor: Actor, action: PolicyAction): MemberScope | undefined {
    const decision = decide(actor, action);
    if (!decision.allowed) return undefined;
    return decision.reach === 'all' ? null : actor.userId;
  }

  function scope(actor: Actor, action: PolicyAction): MemberScope {
    const found = scopeOf(actor, action);
    if (found === undefined) throw forbidden();
    return found;
  }

  /** Throws OutOfReachError (an audited 404) unless the body is within the action's reach. */
  async function assertReach(
    actor: Actor,
    action: PolicyAction,
    bodyId: string,
    object: { type: string; id: string },
  ): Promise<void> {
    const reach = scope(actor, action);
    if (reach === null) return;
    if (!(await q.isMember(db, bodyId, reach))) {
      throw new OutOfReachError(action, object.type, object.id);
    }
  }

  /** Decides per body whether the actor may follow up its action items. */
  async function followUpJudge(actor: Actor): Promise<(bodyId: string) => boolean> {
    const reach = scopeOf(actor, FOLLOW_UP);
    if (reach === undefined) return () => false;
    if (reach === null) return () => true;
    const bodies = await q.memberBodyIds(db, reach);
    return (bodyId) => bodies.has(bodyId);
  }

  const canManage = (actor: Actor) => decide(actor, MANAGE).allowed;

  async function presentActions(actor: Actor, rows: ActionRow[]): Promise<Action[]> {
    const mayFollowUp = await followUpJudge(actor);
    const day = today();
    return rows.map((row) =>
      presentAction(row, { today: day, canFollowUp: mayFollowUp(row.body_id) }),
    );
  }

  // ------------------------------------------------------------ bodies

  async function bodyDetail(actor: Actor, id: string): Promise<BodyDetail> {
    const [row] = await q.listBodies(db, null, { now: clock(), today: today(), id });
    if (!row) throw notFound();
    const members = await q.listMembers(db, id);
    return { ...presentBody(row, canManage(actor)), members: members.map(presentMember) };
  }

  async function requireBody(actor: Actor, action: PolicyAction, id: string) {
    const body = await q.findBody(db, id);
    if (!body) throw notFound();
    await assertReach(actor, action, id, { type: 'consultation_body', id });
    return body;
  }

  // ------------------------------------------------------------ meetings

  async function requireMeeting(actor: Actor, action: PolicyAction, id: string) {
    const meeting = await q.findMeeting(db, id);
    if (!meeting) throw notFound();
    await assertReach(actor, action, meeting.body_id, { type: 'consultation_meeting', id });
    return meeting;
  }

  async function meetingDetail(actor: Actor, id: string): Promise<MeetingDetail> {
    const meeting = await q.findMeeting(db, id);
    if (!meeting) throw notFound();
    const [agenda, attendees, documents, decisions, actions, newsId] = await Promise.all([
      q.listAgenda(db, id),
      q.listAttendees(db, id),
      q.listDocuments(db, id),
      q.listDecisions(db, { meetingId: id }),
      q.meetingActions(db, id),
      q.latestNewsId(db, id),
    ]);
    return {
      ...presentMeetingSummary(meeting),
      minutes: meeting.minutes,
      agenda,
      attendees: attendees.map(presentMember),
      documents: documents.map(presentDocument),
      decisions: decisions.map(presentDecision),
      actions: await presentActions(actor, actions),
      newsId,
      canManage: canManage(actor),
    };
  }

  function checkMeeting(meeting: {
    startsAt: Date;
    endsAt: Date;
    mode: MeetingMode;
    place: string | null;
  }): string | null {
    if (meeting.endsAt.getTime() < meeting.startsAt.getTime()) {
      throw unprocessable('invalid_period', 'A meeting cannot end before it starts.');
    }
    if (meeting.mode === 'digital') return null;
    const place = meeting.place?.trim() ?? '';
    if (place === '') throw placeRequired();
    return place;
  }

  async function checkAttendees(bodyId: string, memberIds: readonly string[], trx: Trx) {
    const members = new Set((await q.listMembers(trx, bodyId)).map((m) => m.id));
    const unknown = memberIds.find((id) => !members.has(id));
    if (unknown !== undefined) {
      throw unprocessable('unknown_member', `${unknown} is not a member of this body.`);
    }
  }

  // ------------------------------------------------------------ actions

  async function requireAction(actor: Actor, action: PolicyAction, id: string) {
    const row = await q.findAction(db, id);
    if (!row) throw notFound();
    await assertReach(actor, action, row.body_id, { type: 'consultation_action', id });
    return row;
  }

  async function actionDetail(actor: Actor, id: string): Promise<Action> {
    const row = await q.findAction(db, id);
    if (!row) throw notFound();
    const notes = await q.listNotes(db, id);
    const mayFollowUp = await followUpJudge(actor);
    return presentAction(row, { today: today(), canFollowUp: mayFollowUp(row.body_id), notes });
  }

  const actionRow = (bodyId: string, decisionId: string | null, input: ActionInput, now: Date) => ({
    id: uuidv7(),
    body_id: bodyId,
    decision_id: decisionId,
    title: input.title,
    description: input.description ?? '',
    owner_country: input.ownerCountry,
    owner_agency: input.ownerAgency,
    due_on: input.dueOn,
    status: 'open',
    completed_on: null,
    created_at: now,
    updated_at: now,
  });

  /** Runs a change; a unique violation becomes the given conflict. */
  async function unique<T>(work: () => Promise<T>, onViolation: () => AppError): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw onViolation();
      throw error;
    }
  }

  return {
    today,

    // ---------------------------------------------------------- bodies

    async listBodies(ctx: ActorContext): Promise<{ items: Body[] }> {
      const rows = await q.listBodies(db, scope(ctx.actor, READ), {
        now: clock(),
        today: today(),
      });
      const manage = canManage(ctx.actor);
      return { items: rows.map((row) => presentBody(row, manage)) };
    },

    async getBody(ctx: ActorContext, id: string): Promise<BodyDetail> {
      await requireBody(ctx.actor, READ, id);
      return bodyDetail(ctx.actor, id);
    },

    async createBody(ctx: ActorContext, input: BodyCreate): Promise<BodyDetail> {
      scope(ctx.actor, MANAGE);
      const id = uuidv7();
      await unique(
        () =>
          db.transaction().execute(async (trx) => {
            await q.insertBody(trx, {
              id,
              code: input.code,
              names: JSON.stringify(input.names),
              level: input.level,
              countries: [...input.countries],
              description: input.description ?? '',
            });
            await appendAudit(trx, ctx, {
              action: 'consultation.body.create',
              objectType: 'consultation_body',
              objectId: id,
              details: { code: input.code },
            });
          }),
        () => conflict('body_code_taken', `A body with the code '${input.code}' exists already.`),
      );
      return bodyDetail(ctx.actor, id);
    },

    async updateBody(ctx: ActorContext, id: string, input: BodyUpdate): Promise<BodyDetail> {
      await requireBody(ctx.actor, MANAGE, id);
      await db.transaction().execute(async (trx) => {
        await q.updateBody(trx, id, {
          ...(input.names && { names: JSON.stringify(input.names) }),
          ...(input.level && { level: input.level }),
          ...(input.countries && { countries: [...input.countries] }),
          ...(input.description !== undefined && { description: input.description }),
          updated_at: clock(),
        });
        await appendAudit(trx, ctx, {
          action: 'consultation.body.update',
          objectType: 'consultation_body',
          objectId: id,
          details: { fields: Object.keys(input).sort().join(',') },
        });
      });
      return bodyDetail(ctx.actor, id);
    },

    async addMember(ctx: ActorContext, bodyId: string, input: MemberCreate): Promise<Member> {
      await requireBody(ctx.actor, MANAGE, bodyId);
      if (input.userId !== undefined && input.username !== undefined) {
        throw badRequest('one_user_reference', 'Give userId or username, not both.');
      }
      const userId =
        input.username !== undefined
          ? await q.findUserIdByUsername(db, input.username)
          : input.userId;
      if (
        (input.username !== undefined && userId === undefined) ||
        (input.userId !== undefined && !(await q.userExists(db, input.userId)))
      ) {
        throw unprocessable('unknown_user', 'The member’s account is not a user of this node.');
      }
      const id = uuidv7();
      await unique(
        () =>
          db.transaction().execute(async (trx) => {
            await q.insertMember(trx, {
              id,
              body_id: bodyId,
              user_id: userId ?? null,
              name: input.name,
              country: input.country,
              organisation: input.organisation,
              function: input.function,
            });
            await appendAudit(trx, ctx, {
              action: 'consultation.member.add',
              objectType: 'consultation_member',
              objectId: id,
              details: { bodyId, userId: userId ?? null, country: input.country },
            });
          }),
        () => conflict('member_exists', 'This user is a member of the body already.'),
      );
      const member = await q.findMember(db, bodyId, id);
      return presentMember(member!);
    },

    async removeMember(ctx: ActorContext, bodyId: string, memberId: string): Promise<void> {
      await requireBody(ctx.actor, MANAGE, bodyId);
      const member = await q.findMember(db, bodyId, memberId);
      if (!member) throw notFound();
      await db.transaction().execute(async (trx) => {
        await q.deleteMember(trx, memberId);
        await appendAudit(trx, ctx, {
          action: 'consultation.member.remove',
          objectType: 'consultation_member',
          objectId: memberId,
          details: { bodyId, userId: member.user_id },
        });
      });
    },

    // ---------------------------------------------------------- meetings

    async listMeetings(
      ctx: ActorContext,
      bodyId: string,
      when: 'upcoming' | 'past' | undefined,
    ): Promise<{ items: MeetingSummary[] }> {
      await requireBody(ctx.actor, READ, bodyId);
      const rows = await q.listMeetings(db, bodyId, when, clock());
      return { items: rows.map(presentMeetingSummary) };
    },

    async createMeeting(
      ctx: ActorContext,
      bodyId: string,
      input: MeetingCreate,
    ): Promise<MeetingDetail> {
      await requireBody(ctx.actor, MANAGE, bodyId);
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(input.endsAt);
      const place = checkMeeting({
        startsAt,
        endsAt,
        mode: input.mode,
        place: input.place ?? null,
      });
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        await q.insertMeeting(trx, {
          id,
          body_id: bodyId,
          title: input.title,
          starts_at: startsAt,
          ends_at: endsAt,
          mode: input.mode,
          place,
          minutes: null,
        });
        await q.replaceAgenda(trx, id, input.agenda ?? []);
        await appendAudit(trx, ctx, {
          action: 'consultation.meeting.create',
          objectType: 'consultation_meeting',
          objectId: id,
          details: { bodyId, startsAt: startsAt.toISOString(), mode: input.mode },
        });
      });
      return meetingDetail(ctx.actor, id);
    },

    async getMeeting(ctx: ActorContext, id: string): Promise<MeetingDetail> {
      await requireMeeting(ctx.actor, READ, id);
      return meetingDetail(ctx.actor, id);
    },

    async updateMeeting(
      ctx: ActorContext,
      id: string,
      input: MeetingUpdate,
    ): Promise<MeetingDetail> {
      const meeting = await requireMeeting(ctx.actor, MANAGE, id);
      const startsAt = input.startsAt !== undefined ? new Date(input.startsAt) : meeting.starts_at;
      const endsAt = input.endsAt !== undefined ? new Date(input.endsAt) : meeting.ends_at;
      const mode = input.mode ?? (meeting.mode as MeetingMode);
      const place = checkMeeting({
        startsAt,
        endsAt,
        mode,
        place: input.place !== undefined ? input.place : meeting.place,
      });
      await db.transaction().execute(async (trx) => {
        if (input.attendeeIds !== undefined) {
          await checkAttendees(meeting.body_id, input.attendeeIds, trx);
          await q.replaceAttendees(trx, id, input.attendeeIds);
        }
        if (input.agenda !== undefined) await q.replaceAgenda(trx, id, input.agenda);
        await q.updateMeeting(trx, id, {
          ...(input.title !== undefined && { title: input.title }),
          starts_at: startsAt,
          ends_at: endsAt,
          mode,
          place,
          ...(input.minutes !== undefined && { minutes: input.minutes }),
          updated_at: clock(),
        });
        await appendAudit(trx, ctx, {
          action: 'consultation.meeting.update',
          objectType: 'consultation_meeting',
          objectId: id,
          details: { bodyId: meeting.body_id, fields: Object.keys(input).sort().join(',') },
        });
      });
      return meetingDetail(ctx.actor, id);
    },

    /**
     * Drafts the public news item about a meeting in one step: an unpublished
     * portal news item, tied to the body and the meeting, with Dutch and French
     * texts written from the meeting. Needs the right to edit the portal as well.
     */
    async draftNews(
      ctx: ActorContext,
      meetingId: string,
      themeId: string,
    ): Promise<{ newsId: string }> {
      if (!decide(ctx.actor, 'portal.edit').allowed) throw forbidden();
      const meeting = await requireMeeting(ctx.actor, MANAGE, meetingId);
      const [body, agenda] = await Promise.all([
        q.findBody(db, meeting.body_id),
        q.listAgenda(db, meetingId),
      ]);
      if (!body) throw notFound();
      const texts = draftMeetingNews({
        title: meeting.title,
        startsAt: meeting.starts_at,
        mode: meeting.mode,
        place: meeting.place,
        bodyNames: body.names,
        agenda: agenda.map((item) => item.title),
      });
      const news = await db.transaction().execute(async (trx) => {
        const created = await insertNewsItem(
          trx,
          ctx,
          { themeIds: [themeId], bodyId: body.id, meetingId, texts },
          { now: clock() },
        );
        await appendAudit(trx, ctx, {
          action: 'consultation.meeting.news-draft',
          objectType: 'consultation_meeting',
          objectId: meetingId,
          details: { bodyId: body.id, newsId: created.id, themeId },
        });
        return created;
      });
      return { newsId: news.id };
    },

    // ---------------------------------------------------------- documents

    async uploadDocument(
      ctx: ActorContext,
      meetingId: string,
      upload: { fileName: string; mediaType: DocumentType; content: Buffer },
    ): Promise<DocumentInfo> {
      const meeting = await requireMeeting(ctx.actor, MANAGE, meetingId);
      if (upload.content.length === 0) {
        throw badRequest('empty_document', 'The document is empty.');
      }
      if (upload.content.length > MAX_DOCUMENT_BYTES) {
        throw new AppError(413, 'payload_too_large', 'A document may hold at most 10 MiB.');
      }
      if (!looksLike(upload.mediaType, upload.content)) {
        throw new AppError(
          422,
          'document_type_mismatch',
          `The content of ${upload.fileName} is not a ${upload.mediaType} file.`,
        );
      }
      const id = uuidv7();
      const sha256 = createHash('sha256').update(upload.content).digest('hex');
      await db.transaction().execute(async (trx) => {
        await q.insertDocument(trx, {
          id,
          meeting_id: meetingId,
          file_name: upload.fileName,
          media_type: upload.mediaType,
          size: upload.content.length,
          sha256,
          content: upload.content,
          uploaded_by: ctx.actor.userId,
        });
        await appendAudit(trx, ctx, {
          action: 'consultation.document.upload',
          objectType: 'consultation_document',
          objectId: id,
          details: {
            bodyId: meeting.body_id,
            meetingId,
            mediaType: upload.mediaType,
            size: upload.content.length,
            sha256,
          },
        });
      });
      const info = await q.findDocumentInfo(db, id);
      return presentDocument(info!);
    },

    /** A document's content, for its members and the secretariat; every read is on record. */
    async readDocument(ctx: ActorContext, id: string) {
      const document = await q.findDocument(db, id);
      if (!document) throw notFound();
      await assertReach(ctx.actor, READ, document.body_id, { type: 'consultation_document', id });
      await audit.record(ctx, {
        action: 'consultation.document.read',
        objectType: 'consultation_document',
        objectId: id,
        details: { bodyId: document.body_id, meetingId: document.meeting_id },
      });
      return {
        fileName: document.file_name,
        mediaType: document.media_type as DocumentType,
        content: Buffer.from(document.content),
      };
    },

    // ---------------------------------------------------------- decisions

    async createDecision(
      ctx: ActorContext,
      meetingId: string,
      input: DecisionCreate,
    ): Promise<DecisionCreated> {
      const meeting = await requireMeeting(ctx.actor, MANAGE, meetingId);
      const decidedOn = input.decidedOn ?? brusselsDate(meeting.starts_at);
      const id = uuidv7();
      const now = clock();
      const actions = (input.actions ?? []).map((a) => actionRow(meeting.body_id, id, a, now));
      // Two bodies whose codes begin alike may race for the same reference; try again.
      for (let attempt = 1; ; attempt++) {
        try {
          await db.transaction().execute(async (trx) => {
            const body = await q.lockBody(trx, meeting.body_id);
            if (!body) throw notFound();
            const prefix = referencePrefix(body.code, decidedOn);
            const sequence = (await q.lastReferenceSequence(trx, prefix)) + 1;
            const reference = `${prefix}${String(sequence).padStart(2, '0')}`;
            await q.insertDecision(trx, {
              id,
              body_id: meeting.body_id,
              meeting_id: meetingId,
              reference,
              text: input.text,
              decided_on: decidedOn,
            });
            await q.insertActions(trx, actions);
            await appendAudit(trx, ctx, {
              action: 'consultation.decision.create',
              objectType: 'consultation_decision',
              objectId: id,
              details: { bodyId: meeting.body_id, meetingId, reference, actions: actions.length },
            });
          });
          break;
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= 3) throw error;
        }
      }
      const decision = await q.findDecision(db, id);
      const rows = await Promise.all(actions.map((a) => q.findAction(db, a.id)));
      return {
        decision: presentDecision(decision!),
        actions: await presentActions(
          ctx.actor,
          rows.filter((r) => r !== undefined),
        ),
      };
    },

    async listDecisions(ctx: ActorContext, bodyId: string) {
      await requireBody(ctx.actor, READ, bodyId);
      const rows = await q.listDecisions(db, { bodyId });
      return { items: rows.map(presentDecision) };
    },

    // ---------------------------------------------------------- action items

    async listActions(ctx: ActorContext, query: ActionListQuery): Promise<{ items: Action[] }> {
      const rows = await q.listActions(db, scope(ctx.actor, READ), {
        bodyId: query.bodyId,
        country: query.country,
        status: query.status ?? 'all',
        today: today(),
      });
      return { items: await presentActions(ctx.actor, rows) };
    },

    async createAction(ctx: ActorContext, bodyId: string, input: ActionCreate): Promise<Action> {
      await requireBody(ctx.actor, MANAGE, bodyId);
      if (input.decisionId !== undefined) {
        const decision = await q.findDecision(db, input.decisionId);
        if (decision?.body_id !== bodyId) {
          throw unprocessable('unknown_decision', 'decisionId is not a decision of this body.');
        }
      }
      const row = actionRow(bodyId, input.decisionId ?? null, input, clock());
      await db.transaction().execute(async (trx) => {
        await q.insertActions(trx, [row]);
        await appendAudit(trx, ctx, {
          action: 'consultation.action.create',
          objectType: 'consultation_action',
          objectId: row.id,
          details: { bodyId, ownerCountry: input.ownerCountry, dueOn: input.dueOn },
        });
      });
      return actionDetail(ctx.actor, row.id);
    },

    async getAction(ctx: ActorContext, id: string): Promise<Action> {
      await requireAction(ctx.actor, READ, id);
      return actionDetail(ctx.actor, id);
    },

    async updateAction(ctx: ActorContext, id: string, input: ActionUpdate): Promise<Action> {
      const row = await requireAction(ctx.actor, MANAGE, id);
      await db.transaction().execute(async (trx) => {
        await q.updateAction(trx, id, {
          ...(input.title !== undefined && { title: input.title }),
          ...(input.description !== undefined && { description: input.description }),
          ...(input.ownerCountry !== undefined && { owner_country: input.ownerCountry }),
          ...(input.ownerAgency !== undefined && { owner_agency: input.ownerAgency }),
          ...(input.dueOn !== undefined && { due_on: input.dueOn }),
          updated_at: clock(),
        });
        await appendAudit(trx, ctx, {
          action: 'consultation.action.update',
          objectType: 'consultation_action',
          objectId: id,
          details: { bodyId: row.body_id, fields: Object.keys(input).sort().join(',') },
        });
      });
      return actionDetail(ctx.actor, id);
    },

    /** A progress note, possibly moving the action to another status. */
    async addNote(ctx: ActorContext, id: string, input: NoteCreate): Promise<Action> {
      const found = await q.findAction(db, id);
      if (!found) throw notFound();
      // Whoever may not even read the body's actions learns nothing more than a 404.
      await assertReach(ctx.actor, READ, found.body_id, { type: 'consultation_action', id });
      await assertReach(ctx.actor, FOLLOW_UP, found.body_id, { type: 'consultation_action', id });
      const now = clock();
      await db.transaction().execute(async (trx) => {
        await q.lockAction(trx, id);
        const current = await q.findAction(trx, id);
        if (!current) throw notFound();
        const moves = input.status !== undefined && input.status !== current.status;
        await q.insertNote(trx, {
          id: uuidv7(),
          action_id: id,
          author_id: ctx.actor.userId,
          author_name: ctx.actor.displayName,
          text: input.text,
          status: moves ? input.status! : null,
          created_at: now,
        });
        await q.updateAction(trx, id, {
          ...(moves && {
            status: input.status!,
            completed_on: input.status === 'done' ? brusselsDate(now) : null,
          }),
          updated_at: now,
        });
        await appendAudit(trx, ctx, {
          action: 'consultation.action.note',
          objectType: 'consultation_action',
          objectId: id,
          details: {
            bodyId: current.body_id,
            from: current.status,
            to: moves ? input.status! : current.status,
          },
        });
      });
      return actionDetail(ctx.actor, id);
    },

    // ---------------------------------------------------------- monitoring and calendar

    async monitoring(ctx: ActorContext): Promise<Monitoring> {
      const reach = scope(ctx.actor, READ);
      const day = today();
      const since = addDays(day, -90);
      const [bodies, countries] = await Promise.all([
        q.countsByBody(db, reach, day, since),
        q.countsByCountry(db, reach, day, since),
      ]);
      const counts = (row: q.CountRow | undefined): Counts => ({
        open: row?.open ?? 0,
        inProgress: row?.in_progress ?? 0,
        overdue: row?.overdue ?? 0,
        doneLast90Days: row?.done_recently ?? 0,
      });
      return {
        today: day,
        byBody: bodies.map((row) => ({
          bodyId: row.body_id,
          code: row.code,
          names: presentNames(row.names),
          ...counts(row),
        })),
        // Every country that can own an action, with zeros where it owns none.
        byCountry: COUNTRIES.map((country) => ({
          country,
          ...counts(countries.find((c) => c.country === country)),
        })),
      };
    },

    /** The meetings a calendar file shows: those of the bodies in reach, or of one body. */
    async calendarMeetings(ctx: ActorContext, bodyId: string | undefined) {
      if (bodyId !== undefined) await requireBody(ctx.actor, READ, bodyId);
      return q.calendarMeetings(db, scope(ctx.actor, READ), bodyId);
    },
  };
}
