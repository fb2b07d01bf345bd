import { Type, type Static } from 'typebox';
import { v7 as uuidv7 } from 'uuid';
import { appendAudit, type AuditContext } from '../audit/audit-log.js';
import type { Subject as SubjectType } from '../exchange/exchange.schemas.js';
import { Subject } from '../exchange/exchange.schemas.js';
import { agencyUsersWithRoles } from '../exchange/exchange.queries.js';
import { FederationRefusal, type Envelope, type EnvelopeType } from '../federation/envelope.js';
import type { Federation } from '../federation/federation.js';
import { enqueueEnvelopes } from '../federation/outbox.js';
import type { Trx } from '../kernel/db/database.js';
import type { PersonalRecordRow, RecordNoticeKind } from '../kernel/db/schema.js';
import { Strict, Text, Timestamp, Uuid } from '../kernel/http/schema-types.js';
import { eraseRecord, findRecord, rectifyRecord, setRestriction } from './records.queries.js';
import { NOTICE_KINDS } from './records.schemas.js';

/**
 * Rectification, erasure and restriction reach every node a record went to
 * (LED art. 7(3), 16(5)–(6)), and permission to pass on an H2 item is asked of
 * the node it came from. All of it travels as signed envelopes; each node applies
 * a notice in the transaction that accepts it, passes it on to the nodes it gave
 * the record to, and confirms with a receipt that travels back the same way.
 */

/** How long a recipient has to confirm a notice before the issuer sees it overdue. */
export const NOTICE_CONFIRM_MS = 48 * 60 * 60 * 1000;

const Enum = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const NodeId = Text(40, { pattern: '^[a-z0-9][a-z0-9-]{0,39}$' });

export const NoticePayload = Strict({
  notice: Strict({
    id: Uuid(),
    recordId: Uuid(),
    kind: Enum(NOTICE_KINDS),
    originNode: NodeId,
    issuedAt: Timestamp(),
    reason: Text(1000),
    /** A rectification carries the record as it now reads. */
    subject: Type.Optional(Subject),
  }),
});
export type NoticePayload = Static<typeof NoticePayload>;

export const NoticeReceiptPayload = Strict({
  noticeId: Uuid(),
  recordId: Uuid(),
  /** The node that applied the notice (the sender, or a node further on). */
  node: NodeId,
  outcome: Enum(['applied', 'not_held']),
  appliedAt: Timestamp(),
  /** The nodes that node passed the notice on to; their receipts follow. */
  forwardedTo: Type.Array(NodeId, { maxItems: 100 }),
});
export type NoticeReceiptPayload = Static<typeof NoticeReceiptPayload>;

export const PermissionRequestPayload = Strict({
  permission: Strict({
    id: Uuid(),
    recordId: Uuid(),
    recipientNode: NodeId,
    reason: Text(1000),
    askedAt: Timestamp(),
    askedBy: Text(400),
  }),
});
export type PermissionRequestPayload = Static<typeof PermissionRequestPayload>;

export const PermissionAnswerPayload = Strict({
  permissionId: Uuid(),
  granted: Type.Boolean(),
  note: Type.Union([Text(1000), Type.Null()]),
  answeredAt: Timestamp(),
  answeredBy: Text(400),
});
export type PermissionAnswerPayload = Static<typeof PermissionAnswerPayload>;

function systemContext(envelope: Envelope): AuditContext {
  return { actor: null, clientAddress: null, requestId: `envelope:${envelope.id}` };
}

/** The nodes this node gave a record to. */
async function recipientsOf(trx: Trx, recordId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('record_disclosure')
    .select('recipient_node')
    .distinct()
    .where('record_id', '=', recordId)
    .execute();
  return rows.map((r) => r.recipient_node);
}

/**
 * Where a notice goes from this node: every node the record was given to, and
 * for a rectification also the node it came from (art. 16(5)); never back to the
 * node it came in from.
 */
async function noticeTargets(
  trx: Trx,
  record: PersonalRecordRow,
  kind: RecordNoticeKind,
  self: string,
  cameFrom: string | null,
): Promise<string[]> {
  const targets = new Set(await recipientsOf(trx, record.id));
  if (kind === 'rectification' && record.source_node) targets.add(record.source_node);
  targets.delete(self);
  if (cameFrom) targets.delete(cameFrom);
  return [...targets].sort();
}

export type RecordEnvelopes = ReturnType<typeof createRecordEnvelopes>;

export function createRecordEnvelopes(deps: { federation: Federation | null; clock: () => Date }) {
  const { federation, clock } = deps;

  /** Sends a notice on to the given nodes and lists them as recipients to confirm. */
  async function sendNotice(
    trx: Trx,
    notice: NoticePayload['notice'],
    targets: readonly string[],
    now: Date,
  ) {
    if (!federation || targets.length === 0) return;
    await trx
      .insertInto('record_notice_recipient')
      .values(
        targets.map((node) => ({
          notice_id: notice.id,
          node,
          via_node: null,
          sent_at: now,
          due_at: new Date(now.getTime() + NOTICE_CONFIRM_MS),
        })),
      )
      .execute();
    await enqueueEnvelopes(
      trx,
      federation,
      targets.map((node) => ({
        recipient: node,
        type: 'record.notice',
        correlationId: notice.recordId,
        payload: { notice } satisfies NoticePayload,
      })),
      now,
    );
  }

  /**
   * Issues a notice for a change made on this node, in the caller's transaction:
   * kept with the record and sent to every node concerned.
   */
  async function issueNotice(
    trx: Trx,
    record: PersonalRecordRow,
    change: {
      kind: RecordNoticeKind;
      reason: string;
      issuedBy: string;
      subject?: SubjectType;
    },
    now: Date,
  ): Promise<void> {
    const self = federation?.identity.nodeId ?? null;
    const notice: NoticePayload['notice'] = {
      id: uuidv7(),
      recordId: record.id,
      kind: change.kind,
      originNode: self ?? 'local',
      issuedAt: now.toISOString(),
      reason: change.reason,
      ...(change.subject && { subject: change.subject }),
    };
    await trx
      .insertInto('record_notice')
      .values({
        id: notice.id,
        record_id: record.id,
        kind: change.kind,
        origin_node: notice.originNode,
        from_node: null,
        issued_at: now,
        issued_by: change.issuedBy,
        reason: change.reason,
        received_at: null,
        applied_at: now,
      })
      .execute();
    if (self)
      await sendNotice(trx, notice, await noticeTargets(trx, record, change.kind, self, null), now);
  }

  /** `record.notice`: apply it here, pass it on, confirm it to the sender. */
  const noticeType: EnvelopeType<typeof NoticePayload> = {
    payload: NoticePayload,
    async handle(trx, envelope, arrival) {
      if (!federation) return;
      const { notice } = envelope.payload;
      const now = arrival?.receivedAt ?? clock();
      const self = federation.identity.nodeId;
      const receipt = (outcome: 'applied' | 'not_held', appliedAt: Date, forwardedTo: string[]) =>
        enqueueEnvelopes(
          trx,
          federation,
          [
            {
              recipient: envelope.sender,
              type: 'record.receipt',
              correlationId: notice.recordId,
              payload: {
                noticeId: notice.id,
                recordId: notice.recordId,
                node: self,
                outcome,
                appliedAt: appliedAt.toISOString(),
                forwardedTo,
              } satisfies NoticeReceiptPayload,
            },
          ],
          now,
        );
      const known = await trx
        .selectFrom('record_notice')
        .select('applied_at')
        .where('id', '=', notice.id)
        .executeTakeFirst();
      if (known) {
        // Reached this node by a second path: applied once, confirmed again.
        await receipt('applied', known.applied_at, []);
        return;
      }
      const record = await findRecord(trx, notice.recordId, { lock: true });
      if (!record) {
        await receipt('not_held', now, []);
        return;
      }
      const disclosedToSender = (await recipientsOf(trx, record.id)).includes(envelope.sender);
      if (record.source_node !== envelope.sender && !disclosedToSender) {
        throw new FederationRefusal(
          422,
          'not_a_party',
          `${envelope.sender} neither gave this node record ${record.id} nor received it from it.`,
        );
      }
      // Only the node a record came from decides its erasure and restriction here.
      if (notice.kind !== 'rectification' && record.source_node !== envelope.sender) {
        throw new FederationRefusal(
          422,
          'not_the_source',
          `Only the node record ${record.id} came from can ${notice.kind.replace('_', ' ')} it here.`,
        );
      }
      switch (notice.kind) {
        case 'erasure':
          await eraseRecord(trx, record.id, notice.reason, now);
          break;
        case 'restriction':
          await setRestriction(trx, record.id, notice.reason, now);
          break;
        case 'restriction_lifted':
          await setRestriction(trx, record.id, null, now);
          break;
        case 'rectification': {
          const subject = notice.subject;
          if (!subject || subject.kind !== record.kind) {
            throw new FederationRefusal(
              422,
              'rectification_mismatch',
              'A rectification must carry the record as it now reads, of the same kind.',
            );
          }
          if (!record.erased_at) {
            const { id: _id, kind: _kind, category, statement, ...details } = subject;
            await rectifyRecord(
              trx,
              record,
              { category: category ?? null, statement: statement ?? null, details },
              now,
            );
          }
          break;
        }
      }
      await trx
        .insertInto('record_notice')
        .values({
          id: notice.id,
          record_id: record.id,
          kind: notice.kind,
          origin_node: notice.originNode,
          from_node: envelope.sender,
          issued_at: new Date(notice.issuedAt),
          issued_by: null,
          reason: notice.reason,
          received_at: now,
          applied_at: now,
        })
        .execute();
      const targets = await noticeTargets(trx, record, notice.kind, self, envelope.sender);
      await sendNotice(trx, notice, targets, now);
      await appendAudit(trx, systemContext(envelope), {
        action: 'record.receive-notice',
        objectType: `record.${record.kind}`,
        objectId: record.id,
        details: {
          notice: notice.id,
          kind: notice.kind,
          from: envelope.sender,
          origin: notice.originNode,
          forwardedTo: targets.join(',') || null,
        },
      });
      await receipt('applied', now, targets);
    },
  };

  /** `record.receipt`: a node confirms a notice; passed back towards the issuer. */
  const receiptType: EnvelopeType<typeof NoticeReceiptPayload> = {
    payload: NoticeReceiptPayload,
    async handle(trx, envelope, arrival) {
      if (!federation) return;
      const receipt = envelope.payload;
      const now = arrival?.receivedAt ?? clock();
      const notice = await trx
        .selectFrom('record_notice')
        .selectAll()
        .where('id', '=', receipt.noticeId)
        .executeTakeFirst();
      const recipient = notice
        ? await trx
            .selectFrom('record_notice_recipient')
            .selectAll()
            .where('notice_id', '=', receipt.noticeId)
            .where('node', '=', receipt.node)
            .executeTakeFirst()
        : undefined;
      // A node answers for itself, or relays for the nodes it passed the notice to.
      if (
        !notice ||
        !recipient ||
        !(recipient.node === envelope.sender || recipient.via_node === envelope.sender)
      ) {
        throw new FederationRefusal(
          422,
          'unknown_notice',
          `No notice ${receipt.noticeId} awaits a receipt from ${receipt.node} via ${envelope.sender}.`,
        );
      }
      await trx
        .updateTable('record_notice_recipient')
        .set({ confirmed_at: now, applied_at: new Date(receipt.appliedAt) })
        .where('notice_id', '=', notice.id)
        .where('node', '=', receipt.node)
        .execute();
      const further = receipt.forwardedTo.filter(
        (node) => node !== federation.identity.nodeId && node !== receipt.node,
      );
      if (further.length > 0) {
        await trx
          .insertInto('record_notice_recipient')
          .values(
            further.map((node) => ({
              notice_id: notice.id,
              node,
              via_node: receipt.node,
              sent_at: new Date(receipt.appliedAt),
              due_at: new Date(new Date(receipt.appliedAt).getTime() + NOTICE_CONFIRM_MS),
            })),
          )
          .onConflict((oc) => oc.columns(['notice_id', 'node']).doNothing())
          .execute();
      }
      await appendAudit(trx, systemContext(envelope), {
        action: 'record.notice-confirmed',
        objectType: 'record_notice',
        objectId: notice.id,
        details: {
          record: notice.record_id,
          node: receipt.node,
          outcome: receipt.outcome,
          via: envelope.sender,
        },
      });
      if (notice.from_node) {
        await enqueueEnvelopes(
          trx,
          federation,
          [
            {
              recipient: notice.from_node,
              type: 'record.receipt',
              correlationId: notice.record_id,
              payload: receipt,
            },
          ],
          now,
        );
      }
    },
  };

  /** `record.permission-request`: a node that got an H2 item from here asks to pass it on. */
  const permissionRequestType: EnvelopeType<typeof PermissionRequestPayload> = {
    payload: PermissionRequestPayload,
    async handle(trx, envelope, arrival) {
      if (!federation) return;
      const { permission } = envelope.payload;
      const now = arrival?.receivedAt ?? clock();
      const record = await findRecord(trx, permission.recordId);
      const given = record ? (await recipientsOf(trx, record.id)).includes(envelope.sender) : false;
      if (!record || !given) {
        throw new FederationRefusal(
          422,
          'unknown_record',
          `This node gave ${envelope.sender} no record ${permission.recordId}.`,
        );
      }
      await trx
        .insertInto('record_permission')
        .values({
          id: permission.id,
          record_id: record.id,
          side: 'answering',
          asking_node: envelope.sender,
          answering_node: federation.identity.nodeId,
          recipient_node: permission.recipientNode,
          reason: permission.reason,
          asked_at: new Date(permission.askedAt),
          asked_by: permission.askedBy,
          state: 'pending',
          answered_at: null,
          answered_by: null,
          answer_note: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      const spocs = await agencyUsersWithRoles(trx, record.holder_agency_id, ['spoc']);
      if (spocs.length > 0) {
        await trx
          .insertInto('notification')
          .values(
            spocs.map((userId) => ({
              id: uuidv7(),
              user_id: userId,
              kind: 'permission_requested',
              request_id: null,
              reference: null,
              created_at: now,
              read_at: null,
            })),
          )
          .execute();
      }
      await appendAudit(trx, systemContext(envelope), {
        action: 'record.receive-permission-request',
        objectType: `record.${record.kind}`,
        objectId: record.id,
        details: { permission: permission.id, from: envelope.sender, to: permission.recipientNode },
      });
    },
  };

  /** `record.permission-answer`: the provider granted or refused passing an item on. */
  const permissionAnswerType: EnvelopeType<typeof PermissionAnswerPayload> = {
    payload: PermissionAnswerPayload,
    async handle(trx, envelope) {
      if (!federation) return;
      const answer = envelope.payload;
      const permission = await trx
        .selectFrom('record_permission')
        .selectAll()
        .where('id', '=', answer.permissionId)
        .where('side', '=', 'asking')
        .executeTakeFirst();
      if (!permission || permission.answering_node !== envelope.sender) {
        throw new FederationRefusal(
          422,
          'unknown_permission',
          `No permission ${answer.permissionId} was asked of ${envelope.sender}.`,
        );
      }
      await trx
        .updateTable('record_permission')
        .set({
          state: answer.granted ? 'granted' : 'refused',
          answered_at: new Date(answer.answeredAt),
          answered_by: answer.answeredBy,
          answer_note: answer.note,
        })
        .where('id', '=', permission.id)
        .execute();
      await appendAudit(trx, systemContext(envelope), {
        action: 'record.receive-permission-answer',
        objectType: 'record_permission',
        objectId: permission.id,
        details: { record: permission.record_id, granted: answer.granted, from: envelope.sender },
      });
    },
  };

  return {
    issueNotice,
    noticeType,
    receiptType,
    permissionRequestType,
    permissionAnswerType,
  };
}
