import PDFDocument from 'pdfkit';
import {
  WITHHOLDING_GROUNDS,
  type AccessReport,
  type ReportDisclosure,
  type ReportRecord,
} from './access-report.schemas.js';

/**
 * The access report as a printable A4 document in English, for the data subject
 * or the supervisory authority: who asked, what this node holds, where it came
 * from, on which legal basis, how long it is kept, to whom it went, and which
 * parts were withheld on which ground.
 */

// ---------------------------------------------------------------- text the built-in fonts can show

/**
 * The built-in Helvetica speaks WinAnsi (Windows-1252) only; pdfkit writes any other
 * character as a broken code. Everything is brought into that set first: accents
 * that Latin-1 lacks are dropped (ő → o, ș → s), a few letters are spelled out
 * (ł → l), and what remains (Cyrillic, CJK, emoji) becomes "?".
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const SPELLED_OUT: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŋ: 'ng',
  Ŋ: 'NG',
  ŀ: 'l',
  Ŀ: 'L',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\t': ' ',
  '\r': '',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\ufeff': '',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(char)
  );
}

export function toWinAnsi(value: string): string {
  let out = '';
  // Composed first, so that an accent written as a separate mark stays on its letter.
  for (const char of value.normalize('NFC')) {
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    const spelled = SPELLED_OUT[char] ?? char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += [...spelled].every(isWinAnsi) && (spelled !== '' || char in SPELLED_OUT) ? spelled : '?';
  }
  return out;
}

// ---------------------------------------------------------------- wording

const BRUSSELS = 'Europe/Brussels';
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: BRUSSELS,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const momentFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: BRUSSELS,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const day = (iso: string | null) => (iso === null ? '-' : dayFormat.format(new Date(iso)));
const moment = (iso: string) => `${momentFormat.format(new Date(iso))} (Brussels time)`;

const CATEGORIES: Record<string, string> = {
  suspect: 'Suspect',
  convicted: 'Convicted person',
  victim: 'Victim',
  witness: 'Witness',
  contact_other: 'Contact or other person',
};
const STATEMENTS: Record<string, string> = {
  fact: 'Fact',
  assessment: 'Personal assessment',
};
const REQUESTED_VIA: Record<AccessReport['requestedVia'], string> = {
  data_subject: 'The data subject (LED art. 14-15)',
  supervisory_authority:
    "The supervisory authority, on the data subject's behalf (LED art. 17, indirect access)",
};
/** The detail fields of a subject, by the name the exchange gives them. */
const FIELD_LABELS: Record<string, string> = {
  surname: 'Surname',
  surnamePrefix: 'Surname prefix',
  givenNames: 'Given names',
  aliases: 'Aliases',
  birthDate: 'Date of birth',
  birthPlace: 'Place of birth',
  nationalities: 'Nationalities',
  documents: 'Identity documents',
  link: 'Link to the exchange',
  category: 'Category',
  statement: 'Fact or assessment',
};
/** The order in which a person's details are listed; any others follow. */
const FIELD_ORDER = [
  'surname',
  'givenNames',
  'aliases',
  'birthDate',
  'birthPlace',
  'nationalities',
  'documents',
  'link',
];
const DOCUMENT_TYPES: Record<string, string> = {
  passport: 'Passport',
  identity_card: 'Identity card',
  residence_permit: 'Residence permit',
  driving_licence: 'Driving licence',
  other: 'Other document',
};

const fieldLabel = (key: string) =>
  FIELD_LABELS[key] ??
  key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

const withheldText = (reason: keyof typeof WITHHOLDING_GROUNDS) =>
  `Withheld. ${WITHHOLDING_GROUNDS[reason]}.`;

/** A subject's detail value in words. */
function describeValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (key === 'birthDate' && typeof value === 'string') return day(`${value}T12:00:00Z`);
  if (key === 'documents' && Array.isArray(value)) {
    return value
      .map((d: Record<string, unknown>) =>
        [
          DOCUMENT_TYPES[describeValue('', d.type)] ?? describeValue('', d.type),
          describeValue('', d.number),
          typeof d.issuingCountry === 'string' ? `(${d.issuingCountry})` : '',
        ]
          .filter(Boolean)
          .join(' '),
      )
      .join('\n');
  }
  if (Array.isArray(value)) return value.map((v) => describeValue('', v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return '-';
}

function personName(subject: Record<string, unknown>): string {
  const part = (key: string) => {
    const value = subject[key];
    return typeof value === 'string' ? value : '';
  };
  const surname = [part('surnamePrefix'), part('surname').toUpperCase()].filter(Boolean).join(' ');
  const given = part('givenNames');
  return [surname, given].filter(Boolean).join(', ') || 'No name held';
}

// ---------------------------------------------------------------- layout

const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const A4_WIDTH = 595.28;
const CONTENT_WIDTH = A4_WIDTH - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = 150;
const VALUE_X = MARGIN.left + LABEL_WIDTH + 10;
const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH - 10;
const GREY = '#555555';
const SHADE = '#eeeeee';

export function renderAccessReportPdf(report: AccessReport): Promise<Buffer> {
  const nodeName = !report.node
    ? 'this node'
    : report.node.name === report.node.id
      ? `${report.node.name} (${report.node.country})`
      : `${report.node.name} (${report.node.id}, ${report.node.country})`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: 'Access report',
      Subject: 'Personal data held and disclosed (LED art. 14-15)',
      Author: toWinAnsi(nodeName),
      Creator: 'Senningen',
      CreationDate: new Date(report.createdAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensureSpace = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  function heading(text: string, size: number) {
    doc.font('Helvetica-Bold').fontSize(size);
    ensureSpace(doc.heightOfString(toWinAnsi(text), { width: CONTENT_WIDTH }) + 30);
    doc.fillColor('black').text(toWinAnsi(text), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.3);
  }

  function paragraph(text: string, options: { size?: number; color?: string } = {}) {
    doc
      .font('Helvetica')
      .fontSize(options.size ?? 10)
      .fillColor(options.color ?? 'black')
      .text(toWinAnsi(text), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.5);
  }

  /** A label and its value side by side; a value too tall for a page flows below its label. */
  function field(label: string, value: string) {
    const shown = toWinAnsi(value === '' ? '-' : value);
    doc.fontSize(10);
    const valueHeight = doc.font('Helvetica').heightOfString(shown, { width: VALUE_WIDTH });
    const labelHeight = doc.font('Helvetica-Bold').heightOfString(label, { width: LABEL_WIDTH });
    const height = Math.max(valueHeight, labelHeight);
    if (height > bottom() - doc.page.margins.top) {
      doc.fillColor(GREY).text(label, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
      doc.font('Helvetica').fillColor('black').text(shown, { width: CONTENT_WIDTH });
      doc.moveDown(0.3);
      return;
    }
    ensureSpace(height);
    const y = doc.y;
    doc.font('Helvetica-Bold').fillColor(GREY).text(label, MARGIN.left, y, { width: LABEL_WIDTH });
    doc.font('Helvetica').fillColor('black').text(shown, VALUE_X, y, { width: VALUE_WIDTH });
    doc.x = MARGIN.left;
    doc.y = y + height + 4;
  }

  /** A shaded note that a part is withheld, with its ground. */
  function withheldBox(text: string, indent = 0) {
    const shown = toWinAnsi(text);
    const width = CONTENT_WIDTH - indent - 12;
    doc.font('Helvetica-Oblique').fontSize(10);
    const height = doc.heightOfString(shown, { width }) + 10;
    ensureSpace(height + 4);
    const y = doc.y;
    doc.rect(MARGIN.left + indent, y, CONTENT_WIDTH - indent, height).fill(SHADE);
    doc.fillColor('black').text(shown, MARGIN.left + indent + 6, y + 5, { width });
    doc.x = MARGIN.left;
    doc.y = y + height + 6;
  }

  function rule() {
    ensureSpace(12);
    const y = doc.y + 2;
    doc
      .moveTo(MARGIN.left, y)
      .lineTo(MARGIN.left + CONTENT_WIDTH, y)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc.y = y + 8;
  }

  function disclosure(item: ReportDisclosure, index: number) {
    if (item.withheld) {
      withheldBox(`Disclosure ${index}. ${withheldText(item.withheld.reason)}`, 12);
      return;
    }
    const recipient = [
      item.recipientAgency,
      item.recipientNode && `node ${item.recipientNode}`,
      item.recipientCountry,
    ]
      .filter(Boolean)
      .join(', ');
    const lines = [
      `Disclosure ${index}: ${item.disclosedAt ? moment(item.disclosedAt) : '-'}`,
      `To: ${recipient || '-'}`,
      `In exchange: ${item.reference ?? '-'}`,
      `Data sent: ${item.fields.length > 0 ? item.fields.map(fieldLabel).join(', ') : '-'}`,
    ].map(toWinAnsi);
    doc.fontSize(10);
    const height = lines.reduce(
      (sum, line) => sum + doc.heightOfString(line, { width: CONTENT_WIDTH - 12 }),
      0,
    );
    ensureSpace(height + 6);
    const [first, ...rest] = lines;
    doc
      .font('Helvetica-Bold')
      .fillColor('black')
      .text(first!, MARGIN.left + 12, doc.y, { width: CONTENT_WIDTH - 12 });
    doc.font('Helvetica');
    for (const line of rest) doc.text(line, MARGIN.left + 12, doc.y, { width: CONTENT_WIDTH - 12 });
    doc.x = MARGIN.left;
    doc.moveDown(0.5);
  }

  function record(item: ReportRecord, index: number) {
    // A record starts on a new page rather than leave its heading alone at the bottom.
    ensureSpace(120);
    rule();
    if (item.withheld || item.subject === null) {
      heading(`Record ${index} of ${report.records.length}`, 13);
      withheldBox(item.withheld ? withheldText(item.withheld.reason) : 'Withheld.');
      return;
    }
    heading(`Record ${index} of ${report.records.length}: ${personName(item.subject)}`, 13);
    doc.moveDown(0.2);
    const subject = item.subject;
    const skip = new Set(['id', 'kind', 'category', 'statement', 'surnamePrefix']);
    const order = (key: string) => {
      const at = FIELD_ORDER.indexOf(key);
      return at === -1 ? FIELD_ORDER.length : at;
    };
    const details = Object.entries(subject)
      .filter(([key]) => !skip.has(key))
      .sort(([a], [b]) => order(a) - order(b));
    if (details.length === 0) {
      field('Personal details', item.erasedAt ? 'Erased' : 'None held');
    }
    for (const [key, value] of details) {
      const shown =
        key === 'surname' && typeof subject.surnamePrefix === 'string'
          ? `${subject.surnamePrefix} ${describeValue(key, value)}`
          : describeValue(key, value);
      field(fieldLabel(key), shown);
    }
    field(
      'Category',
      item.category === null ? 'Not stated' : (CATEGORIES[item.category] ?? item.category),
    );
    field(
      'Fact or assessment',
      item.statement === null ? 'Not stated' : (STATEMENTS[item.statement] ?? item.statement),
    );
    field('Origin', item.originNode === null ? 'Recorded by this node' : `Node ${item.originNode}`);
    field(
      'Received from',
      item.sourceNode === null ? 'Recorded by this node' : `Node ${item.sourceNode}`,
    );
    field(
      'Agency responsible',
      item.holderAgency ? `${item.holderAgency.name} (${item.holderAgency.code})` : '-',
    );
    field('Exchanges', item.references.join(', '));
    field('Legal basis', item.legalBasis ?? 'Directive (EU) 2016/680 (LED) art. 8');
    field('Held since', day(item.heldSince));
    field('Next review', item.erasedAt ? '-' : day(item.reviewAt));
    field('Erased at the latest', item.erasedAt ? '-' : day(item.expiresAt));
    if (item.rectifiedAt) field('Rectified', day(item.rectifiedAt));
    if (item.erasedAt) field('Erased', day(item.erasedAt));
    field(
      'Restriction of processing',
      item.restricted
        ? `Since ${day(item.restricted.at)}${item.restricted.reason ? `: ${item.restricted.reason}` : ''}`
        : 'None',
    );
    doc.moveDown(0.3);
    heading(`Disclosed to other authorities (${item.disclosures.length})`, 11);
    if (item.disclosures.length === 0) {
      paragraph('This record has not been passed on from this node.', { color: GREY });
    }
    item.disclosures.forEach((d, i) => disclosure(d, i + 1));
  }

  // ---------------------------------------------------------------- the document

  heading('Access report: personal data held and disclosed', 18);
  paragraph(
    `This report sets out the personal data concerning the person named below that ${nodeName} ` +
      'holds in the Senningen information exchange, where the data came from, the legal basis ' +
      'on which it is processed, how long it is kept, and to which authorities it has been ' +
      'disclosed (Directive (EU) 2016/680, the Law Enforcement Directive (LED), art. 14-15).',
  );
  field('Node', nodeName);
  field('Date of the report', moment(report.createdAt));
  field('Requested by', REQUESTED_VIA[report.requestedVia]);
  field('Prepared by', report.createdBy);
  field('Report number', report.id);
  field('Name searched', report.query.surname);
  if (report.query.givenNames) field('Given names searched', report.query.givenNames);
  if (report.query.birthDate)
    field('Date of birth searched', day(`${report.query.birthDate}T12:00:00Z`));
  const disclosures = report.records.reduce((sum, r) => sum + r.disclosures.length, 0);
  field(
    'Found',
    `${report.records.length} record${report.records.length === 1 ? '' : 's'}, ` +
      `${disclosures} disclosure${disclosures === 1 ? '' : 's'}`,
  );
  if (report.withheld.length > 0) {
    doc.moveDown(0.3);
    withheldBox(
      `${report.withheld.length} part${report.withheld.length === 1 ? ' of this report is' : 's of this report are'} ` +
        'withheld under LED art. 15(1). Each is marked below with its ground.',
    );
  }
  doc.moveDown(0.5);

  report.records.forEach((r, i) => record(r, i + 1));

  rule();
  heading('Your rights', 11);
  paragraph(
    'You may ask for personal data that is inaccurate to be rectified, and for data processed ' +
      'unlawfully to be erased or its processing restricted (LED art. 16). Where access has been ' +
      'restricted, or if you consider the processing unlawful, you may lodge a complaint with the ' +
      'supervisory authority or seek a judicial remedy (LED art. 17, 52 and 54).',
  );

  // Page numbers, once the number of pages is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GREY)
      .text(
        toWinAnsi(`Access report ${report.id} - ${day(report.createdAt)}`),
        MARGIN.left,
        doc.page.height - 40,
        { width: CONTENT_WIDTH - 100, lineBreak: false },
      )
      .text(
        `Page ${i - range.start + 1} of ${range.count}`,
        MARGIN.left + CONTENT_WIDTH - 100,
        doc.page.height - 40,
        { width: 100, align: 'right', lineBreak: false },
      );
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
