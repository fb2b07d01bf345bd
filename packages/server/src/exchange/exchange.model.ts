/**
 * The closed vocabularies of cross-border information exchange under
 * Directive (EU) 2023/977. Every list here is enforced by the schemas that use
 * it; the web workspace translates each value.
 */

/** A request's state; the same on both nodes once the other side has heard of it. */
export const REQUEST_STATES = [
  'draft',
  'sent',
  'received',
  'assigned',
  'clarification_requested',
  'delayed',
  'partially_answered',
  'answered',
  'refused',
  'closed',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** States in which the requested side still owes an answer (the deadline runs). */
export const OPEN_STATES: readonly RequestState[] = [
  'received',
  'assigned',
  'clarification_requested',
  'delayed',
  'partially_answered',
];

/** Art. 4(4): the four grounds that make a request urgent. */
export const URGENCY_GROUNDS = [
  'public_security_threat',
  'threat_to_life',
  'restrictive_measure',
  'loss_of_relevance',
] as const;
export type UrgencyGround = (typeof URGENCY_GROUNDS)[number];

/** Art. 4(2): why a designated agency may leave its own SPOC out of copy. */
export const SPOC_COPY_EXCEPTIONS = [
  'sensitive_investigation',
  'terrorism_non_emergency',
  'personal_safety',
] as const;
export type SpocCopyException = (typeof SPOC_COPY_EXCEPTIONS)[number];

/** Art. 6(1): the closed list of refusal grounds, lettered as in the directive. */
export const REFUSAL_GROUNDS = [
  'a_not_available',
  'b_request_incomplete',
  'c_judicial_authorisation_refused',
  'd_outside_permitted_categories',
  'e_inaccurate_or_outdated',
  'f_security_investigation_safety',
  'g_minor_or_not_an_offence',
  'h_no_consent_of_origin',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/** Whether the requested SPOC can reach the information itself (art. 5(1)). */
export const ACCESSIBILITY = ['direct', 'indirect'] as const;
export type Accessibility = (typeof ACCESSIBILITY)[number];

/** Handling codes that travel with every item supplied. */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

/** Source reliability (A–C, X) and information accuracy (1–4): the 4×4 evaluation. */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'X'] as const;
export const INFORMATION_ACCURACY = ['1', '2', '3', '4'] as const;

/** What a subject of a request or an answer is. */
export const SUBJECT_KINDS = [
  'person',
  'vehicle',
  'organisation',
  'phone',
  'email',
  'address',
  'bank_account',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Law Enforcement Directive art. 6: the category of the person the data is about. */
export const DATA_SUBJECT_CATEGORIES = [
  'suspect',
  'convicted',
  'victim',
  'witness',
  'contact_other',
] as const;
export type DataSubjectCategory = (typeof DATA_SUBJECT_CATEGORIES)[number];

/** LED art. 7(1): a statement is a fact, or a personal assessment. */
export const STATEMENT_KINDS = ['fact', 'assessment'] as const;

/** Offence categories, after the forms of crime in Europol's mandate (Regulation 2016/794, Annex I). */
export const OFFENCE_CATEGORIES = [
  'drug_trafficking',
  'trafficking_in_human_beings',
  'migrant_smuggling',
  'terrorism',
  'cybercrime',
  'money_laundering',
  'fraud',
  'organised_property_crime',
  'robbery',
  'murder_grievous_bodily_injury',
  'kidnapping_hostage_taking',
  'illicit_trafficking_weapons',
  'sexual_abuse_exploitation_children',
  'corruption',
  'forgery',
  'vehicle_crime',
  'environmental_crime',
  'racism_xenophobia',
  'other',
] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];

export const REQUEST_LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;

/** A request for information, or information supplied without one (art. 7). */
export const REQUEST_KINDS = ['request', 'spontaneous'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Attachments: the media types accepted, recognised by their first bytes. */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
/**
 * The most a message's attachments may hold together, in bytes. They travel
 * inside the signed envelope, which a peer accepts up to 256 KiB: base64 in the
 * payload and base64url of the signed payload make 120 KiB about 213 KiB,
 * leaving room for the rest of the message.
 */
export const MAX_ATTACHMENT_BYTES = 120 * 1024;
