import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../audit/audit-log.js';
import type { AuditWriter } from '../audit/audit-writer.js';
import { readIdentity } from '../federation/federation.js';
import type { Db, DbOrTrx } from '../kernel/db/database.js';
import type { ActorContext } from '../kernel/http/context.js';
import { badRequest, forbidden, notFound, unprocessable } from '../kernel/http/errors.js';
import { assertReach } from '../kernel/policy/guard.js';
import { reachFilter } from '../kernel/policy/policy.js';
import { givenKey, surnameKeys } from '../records/names.js';
import { latestOccurrence, recordOccurrences } from '../records/records.queries.js';
import {
  findAccessReport,
  findPersonRecords,
  findPersons,
  insertAccessReport,
  listAccessReports,
  listDisclosures,
  type ReportReach,
} from './access-report.queries.js';
import type {
  AccessReport,
  AccessReportCreate,
  AccessReportSummary,
  PersonMatch,
  PersonSearchQuery,
  ReportDisclosure,
  ReportQuery,
  ReportRecord,
  Withholding,
} from './access-report.schemas.js';
import { renderAccessReportPdf } from './access-report.pdf.js';

/** The legal basis of a record, by the kind of exchange it came to this node with. */
export const LEGAL_BASIS_REQUEST =
  'Directive (EU) 2023/977 art. 4–5 and national transposition; LED art. 8';
export const LEGAL_BASIS_SPONTANEOUS =
  'Directive (EU) 2023/977 art. 7 and national transposition; LED art. 8';

/** Every read and production of a report serves the data subject's request. */
const PURPOSE = 'access request';
const MAX_LISTED = 200;

export type AccessReportService = ReturnType<typeof createAccessReportService>;

const iso = (value: Date | null) => (value === null ? null : value.toISOString());
const text = (details: Record<string, unknown>, key: string) => {
  const value = details[key];
  return typeof value === 'string' ? value : null;
};

export function createAccessReportService({
  db,
  audit,
  publicUrl,
}: {
  db: Db;
  audit: AuditWriter;
  /** Names the node in a report when it has no federation identity yet. */
  publicUrl: string;
}) {
  /** DPOs reach the records and reports of their country's agencies (dpo.report). */
  function reportReach(ctx: ActorContext): ReportReach {
    const reach = reachFilter(ctx.actor, 'dpo.report');
    if (reach === null || reach.userId !== undefined) throw forbidden();
    return reach;
  }

  async function thisNode(): Promise<AccessReport['node']> {
    const identity = await readIdentity(db);
    if (identity) return { id: identity.nodeId, name: identity.name, country: identity.country };
    return null;
  }

  /** What this node holds on one record, as the data subject is to be told of it. */
  async function describeRecord(
    trx: DbOrTrx,
    row: Awaited<ReturnType<typeof findPersonRecords>>[number],
    disclosures: ReportDisclosure[],
  ): Promise<ReportRecord> {
    const occurrence = await latestOccurrence(trx, row.id);
    const occurrences = await recordOccurrences(trx, row.id);
    // The exchange it first came with is the one it is held under.
    const first = occurrences[0];
    const legalBasis =
      first === undefined
        ? null
        : first.request_kind === 'spontaneous'
          ? LEGAL_BASIS_SPONTANEOUS
          : LEGAL_BASIS_REQUEST;
    return {
      recordId: row.id,
      kind: row.kind,
      withheld: null,
      subject: {
        ...(occurrence?.details ?? {}),
        id: row.id,
        kind: row.kind,
        ...(row.category !== null && { category: row.category }),
        ...(row.statement !== null && { statement: row.statement }),
      },
      category: row.category,
      statement: row.statement,
      originNode: row.origin_node,
      sourceNode: row.source_node,
      holderAgency: { code: row.agency_code, name: row.agency_name },
      references: [...new Set(occurrences.map((o) => o.reference))],
      legalBasis,
      heldSince: row.held_since.toISOString(),
      reviewAt: row.review_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      restricted:
        row.restricted_at === null
          ? null
          : { at: row.restricted_at.toISOString(), reason: row.restriction_reason },
      rectifiedAt: iso(row.rectified_at),
      erasedAt: iso(row.erased_at),
      disclosures,
    };
  }

  /** A withheld record shows only that something was withheld, and on which ground. */
  function withheldRecord(record: ReportRecord, reason: Withholding['reason']): ReportRecord {
    return {
      recordId: record.recordId,
      kind: record.kind,
      withheld: { reason },
      subject: null,
      category: null,
      statement: null,
      originNode: null,
      sourceNode: null,
      holderAgency: null,
      references: [],
      legalBasis: null,
      heldSince: null,
      reviewAt: null,
      expiresAt: null,
      restricted: null,
      rectifiedAt: null,
      erasedAt: null,
      disclosures: [],
    };
  }

  function withheldDisclosure(id: string, reason: Withholding['reason']): ReportDisclosure {
    return {
      id,
      recipientNode: null,
      recipientCountry: null,
      recipientAgency: null,
      disclosedAt: null,
      reference: null,
      fields: [],
      withheld: { reason },
    };
  }

  async function loadReport(ctx: ActorContext, id: string, format: 'json' | 'pdf') {
    const row = await findAccessReport(db, id);
    if (!row) throw notFound();
    assertReach(ctx, 'dpo.report', 'access_report', id, {
      agencyId: row.agency_id,
      country: row.agency_country,
    });
    // A stored report is personal data of its subject: reading it again is logged too.
    await audit.record(ctx, {
      action: 'dpo.access-report-read',
      objectType: 'access_report',
      objectId: id,
      purpose: PURPOSE,
      details: { format },
    });
    const content = row.content as unknown as StoredContent;
    return {
      id: row.id,
      createdAt: row.created_at.toISOString(),
      createdBy: content.createdBy,
      requestedVia: row.requested_via,
      node: content.node,
      query: row.query as unknown as ReportQuery,
      records: content.records,
      withheld: row.withheld as Withholding[],
    } satisfies AccessReport;
  }

  return {
    async searchPersons(
      ctx: ActorContext,
      query: PersonSearchQuery,
    ): Promise<{ items: PersonMatch[] }> {
      const reach = reportReach(ctx);
      const surname = surnameKeys(query.surname);
      if (surname.full === '') {
        throw badRequest('invalid_surname', 'The surname has no letters or digits.');
      }
      const given = query.givenNames === undefined ? '' : givenKey(query.givenNames);
      const keys = {
        ...surname,
        given: given === '' ? null : given,
        birthDate: query.birthDate ?? null,
      };
      const rows = await findPersons(db, keys, reach);
      const items: PersonMatch[] = [];
      for (const row of rows) {
        const details = (await latestOccurrence(db, row.id))?.details ?? {};
        items.push({
          recordId: row.id,
          surname: text(details, 'surname') ?? '',
          surnamePrefix: text(details, 'surnamePrefix'),
          givenNames: text(details, 'givenNames'),
          birthDate: text(details, 'birthDate'),
          category: row.category,
          holderAgency: { code: row.agency_code, name: row.agency_name },
          originNode: row.origin_node,
          heldSince: row.held_since.toISOString(),
        });
      }
      // The folded keys, not the name as typed: they are what was matched, so the
      // entry shows exactly why these records were found, and they are no more
      // revealing than the name itself. The name as the data subject wrote it is
      // kept with the access report, where the request is documented.
      await audit.record(ctx, {
        action: 'dpo.person-search',
        objectType: 'record.person',
        purpose: PURPOSE,
        details: {
          nameKey: keys.full,
          nameKeyBare: keys.bare,
          givenKey: keys.given,
          birthDate: keys.birthDate,
          returned: items.length,
          recordIds: items.map((i) => i.recordId).join(' '),
        },
      });
      return { items };
    },

    async createReport(ctx: ActorContext, input: AccessReportCreate): Promise<AccessReport> {
      const reach = reportReach(ctx);
      const id = uuidv7();
      const createdAt = new Date();
      const node = await thisNode();
      const query: ReportQuery = {
        surname: input.surname,
        givenNames: input.givenNames ?? null,
        birthDate: input.birthDate ?? null,
      };
      const withhold = input.withhold ?? [];

      return db.transaction().execute(async (trx) => {
        const rows = await findPersonRecords(trx, input.recordIds, reach);
        const found = new Map(rows.map((r) => [r.id, r]));
        const unknown = input.recordIds.filter((recordId) => !found.has(recordId));
        if (unknown.length > 0) {
          throw unprocessable(
            'unknown_record',
            'Some records are not person records held on this node.',
            { errors: unknown.map((u) => ({ path: '/recordIds', message: u })) },
          );
        }
        const disclosureRows = await listDisclosures(trx, input.recordIds);

        // Every withheld part must be part of this report, and withheld once.
        const disclosureIds = new Set(disclosureRows.map((d) => d.id));
        const withheld = new Map<string, Withholding>();
        for (const [index, w] of withhold.entries()) {
          const known = w.type === 'record' ? found.has(w.id) : disclosureIds.has(w.id);
          if (!known || withheld.has(w.id)) {
            throw unprocessable(
              'unknown_withheld',
              known ? 'A part is withheld twice.' : `No ${w.type} ${w.id} is part of this report.`,
              { errors: [{ path: `/withhold/${index}`, message: w.id }] },
            );
          }
          withheld.set(w.id, w);
        }

        const records: ReportRecord[] = [];
        for (const recordId of input.recordIds) {
          const row = found.get(recordId)!;
          const disclosures = disclosureRows
            .filter((d) => d.record_id === recordId)
            .map((d): ReportDisclosure => {
              const hidden = withheld.get(d.id);
              if (hidden) return withheldDisclosure(d.id, hidden.reason);
              return {
                id: d.id,
                recipientNode: d.recipient_node,
                recipientCountry: d.recipient_country,
                recipientAgency: d.recipient_agency,
                disclosedAt: d.disclosed_at.toISOString(),
                reference: d.reference,
                fields: d.fields,
                withheld: null,
              };
            });
          const record = await describeRecord(trx, row, disclosures);
          const hidden = withheld.get(recordId);
          records.push(hidden ? withheldRecord(record, hidden.reason) : record);
        }

        const content: StoredContent = {
          createdBy: ctx.actor.displayName,
          // Before `node init` the node has no federation name: its address names it.
          node: node ?? {
            id: new URL(publicUrl).host,
            name: new URL(publicUrl).host,
            country: ctx.actor.country,
          },
          records,
        };
        const withheldList = [...withheld.values()].map(({ type, id: partId, reason }) => ({
          type,
          id: partId,
          reason,
        }));
        await insertAccessReport(trx, {
          id,
          createdAt,
          createdBy: ctx.actor.userId,
          query,
          requestedVia: input.requestedVia,
          content: { ...content },
          withheld: withheldList,
        });
        await appendAudit(trx, ctx, {
          action: 'dpo.access-report',
          objectType: 'access_report',
          objectId: id,
          purpose: PURPOSE,
          details: {
            requestedVia: input.requestedVia,
            records: records.length,
            disclosures: disclosureRows.length,
            recordIds: input.recordIds.join(' '),
            // The reasons, as the law asks them documented (LED art. 15(4)).
            withheld: JSON.stringify(withheldList),
          },
        });
        return {
          id,
          createdAt: createdAt.toISOString(),
          createdBy: content.createdBy,
          requestedVia: input.requestedVia,
          node: content.node,
          query,
          records,
          withheld: withheldList,
        };
      });
    },

    async listReports(ctx: ActorContext): Promise<{ items: AccessReportSummary[] }> {
      const rows = await listAccessReports(db, reportReach(ctx), MAX_LISTED);
      // The list names the people who asked: reading it is logged.
      await audit.record(ctx, {
        action: 'dpo.access-report-list',
        objectType: 'access_report',
        purpose: PURPOSE,
        details: { returned: rows.length },
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          createdAt: r.created_at.toISOString(),
          createdBy: r.created_by_name,
          requestedVia: r.requested_via,
          surname: r.surname,
          records: Number(r.records),
          disclosures: Number(r.disclosures),
        })),
      };
    },

    readReport(ctx: ActorContext, id: string): Promise<AccessReport> {
      return loadReport(ctx, id, 'json');
    },

    /** The report as a printable PDF, named after the day it was made. */
    async reportPdf(ctx: ActorContext, id: string): Promise<{ fileName: string; pdf: Buffer }> {
      const report = await loadReport(ctx, id, 'pdf');
      return {
        fileName: `access-report-${report.createdAt.slice(0, 10)}.pdf`,
        pdf: await renderAccessReportPdf(report),
      };
    },
  };
}

/** What access_report.content holds: the report as produced, withheld parts already left out. */
interface StoredContent {
  createdBy: string;
  node: AccessReport['node'];
  records: ReportRecord[];
}
