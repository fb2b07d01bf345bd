import { Type, type Static, type TSchema } from 'typebox';
import { Strict, Text, Timestamp, Uuid } from '../kernel/http/schema-types.js';

/** One of a closed list of strings, typed as exactly those strings. */
const Enum = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const CalendarDate = () => Type.String({ format: 'date', maxLength: 10 });

/** How the request for access reached the controller (LED art. 14, and art. 17 for the indirect way). */
export const REQUESTED_VIA = ['data_subject', 'supervisory_authority'] as const;
export type RequestedVia = (typeof REQUESTED_VIA)[number];

/**
 * The grounds on which access may be restricted, wholly or partly (LED art. 15(1)
 * (a)–(e)). Codes rather than free text: the report is handed to the data subject,
 * and a free-text reason could itself give away what is being protected.
 */
export const WITHHOLDING_GROUNDS = {
  obstruct_inquiries:
    'LED art. 15(1)(a): to avoid obstructing official or legal inquiries, investigations or procedures',
  prejudice_criminal_proceedings:
    'LED art. 15(1)(b): to avoid prejudicing the prevention, detection, investigation or prosecution of criminal offences or the execution of criminal penalties',
  public_security: 'LED art. 15(1)(c): to protect public security',
  national_security: 'LED art. 15(1)(d): to protect national security',
  rights_of_others: 'LED art. 15(1)(e): to protect the rights and freedoms of others',
} as const;
export type WithholdingGround = keyof typeof WITHHOLDING_GROUNDS;
const WithholdingGround = Enum(Object.keys(WITHHOLDING_GROUNDS) as WithholdingGround[]);

const AgencyRef = Strict({ code: Text(50), name: Text(200) });

// ---------------------------------------------------------------- person search

export const PersonSearchQuery = Strict({
  surname: Text(100, { minLength: 1 }),
  givenNames: Type.Optional(Text(150)),
  birthDate: Type.Optional(CalendarDate()),
});
export type PersonSearchQuery = Static<typeof PersonSearchQuery>;

export const PersonMatch = Strict({
  recordId: Uuid(),
  surname: Text(100),
  surnamePrefix: Nullable(Text(30)),
  givenNames: Nullable(Text(150)),
  birthDate: Nullable(Text(10)),
  category: Nullable(Text(30)),
  holderAgency: AgencyRef,
  originNode: Nullable(Text(100)),
  heldSince: Timestamp(),
});
export type PersonMatch = Static<typeof PersonMatch>;

export const PersonMatchList = Strict({ items: Type.Array(PersonMatch) });

// ---------------------------------------------------------------- reports

export const Withholding = Strict({
  type: Enum(['record', 'disclosure']),
  id: Uuid(),
  reason: WithholdingGround,
});
export type Withholding = Static<typeof Withholding>;

export const AccessReportCreate = Strict({
  /** The name as the data subject gave it (kept with the report as its query). */
  surname: Text(100, { minLength: 1 }),
  givenNames: Type.Optional(Text(150)),
  birthDate: Type.Optional(CalendarDate()),
  requestedVia: Enum(REQUESTED_VIA),
  /** The matches the DPO has established to be this person. */
  recordIds: Type.Array(Uuid(), { minItems: 1, maxItems: 100, uniqueItems: true }),
  withhold: Type.Optional(Type.Array(Withholding, { maxItems: 1000 })),
});
export type AccessReportCreate = Static<typeof AccessReportCreate>;

const Withheld = Nullable(Strict({ reason: WithholdingGround }));

export const ReportDisclosure = Strict({
  id: Uuid(),
  recipientNode: Nullable(Text(100)),
  recipientCountry: Nullable(Text(2)),
  recipientAgency: Nullable(Text(200)),
  disclosedAt: Nullable(Timestamp()),
  reference: Nullable(Text(100)),
  fields: Type.Array(Text(100)),
  withheld: Withheld,
});
export type ReportDisclosure = Static<typeof ReportDisclosure>;

/**
 * The subject's details as they stood when the report was made (the exchange's
 * subject shape: kind, id, category, statement, surname …). Left open on purpose:
 * a stored report must stay readable after the subject schema has moved on.
 */
const ReportSubject = Type.Unsafe<{ kind: string; id: string } & Record<string, unknown>>(
  Type.Object({ kind: Text(30), id: Uuid() }, { additionalProperties: true }),
);

/** One record in a report. Everything but its id and kind is empty when it is withheld. */
export const ReportRecord = Strict({
  recordId: Uuid(),
  kind: Text(30),
  withheld: Withheld,
  subject: Nullable(ReportSubject),
  category: Nullable(Text(30)),
  statement: Nullable(Text(30)),
  originNode: Nullable(Text(100)),
  sourceNode: Nullable(Text(100)),
  holderAgency: Nullable(AgencyRef),
  references: Type.Array(Text(100)),
  legalBasis: Nullable(Text(300)),
  heldSince: Nullable(Timestamp()),
  reviewAt: Nullable(Timestamp()),
  expiresAt: Nullable(Timestamp()),
  restricted: Nullable(Strict({ at: Timestamp(), reason: Nullable(Text(2000)) })),
  rectifiedAt: Nullable(Timestamp()),
  erasedAt: Nullable(Timestamp()),
  disclosures: Type.Array(ReportDisclosure),
});
export type ReportRecord = Static<typeof ReportRecord>;

export const ReportQuery = Strict({
  surname: Text(100),
  givenNames: Nullable(Text(150)),
  birthDate: Nullable(Text(10)),
});
export type ReportQuery = Static<typeof ReportQuery>;

export const ReportNode = Strict({ id: Text(100), name: Text(200), country: Text(2) });

export const AccessReport = Strict({
  id: Uuid(),
  createdAt: Timestamp(),
  /** The DPO who produced it, by display name as it was then. */
  createdBy: Text(200),
  requestedVia: Enum(REQUESTED_VIA),
  /** The node that produced it (null before `node init`). */
  node: Nullable(ReportNode),
  query: ReportQuery,
  records: Type.Array(ReportRecord),
  withheld: Type.Array(Withholding),
});
export type AccessReport = Static<typeof AccessReport>;

export const AccessReportSummary = Strict({
  id: Uuid(),
  createdAt: Timestamp(),
  createdBy: Text(200),
  requestedVia: Enum(REQUESTED_VIA),
  surname: Text(100),
  /** How many records and disclosures it lists. */
  records: Type.Integer(),
  disclosures: Type.Integer(),
});
export type AccessReportSummary = Static<typeof AccessReportSummary>;

export const AccessReportList = Strict({ items: Type.Array(AccessReportSummary) });

export const AccessReportParams = Strict({ id: Uuid() });
