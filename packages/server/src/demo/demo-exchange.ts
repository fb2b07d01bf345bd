import type { RequestState } from '../exchange/exchange.model.js';
import type {
  AnswerBody,
  ProvisionBody,
  RequestContent,
  RequestDetail,
} from '../exchange/exchange.schemas.js';
import type { RunningNode } from '../node.js';
import { DemoDesk } from './demo-desk.js';

/**
 * Demo cross-border information exchange (Directive 2023/977) between the three
 * nodes of the demo federation: a handful of requests in every state of their
 * life cycle, taken there step by step through each node's own API by the demo
 * users, so that envelopes, timelines, deadlines, notifications and the audit
 * log are what real use would leave behind. Every name, plate, number and
 * account is made up.
 */

/** The seed gives up (and the demo carries on without it) after this long. */
const SEED_TIMEOUT_MS = 30_000;
export interface DemoExchangeNode {
  nodeId: string;
  node: RunningNode;
}

export type DemoExchangeResult =
  | { outcome: 'seeded'; requests: number }
  | { outcome: 'skipped' }
  | { outcome: 'failed'; error: unknown };

/**
 * Seeds the demo exchange once per demo data folder: not when the Belgian node
 * already holds a request. Never throws: a failure is logged as a warning and
 * the demo goes on with what was done.
 */
export async function seedDemoExchange(
  nodes: readonly DemoExchangeNode[],
  options: { timeoutMs?: number } = {},
): Promise<DemoExchangeResult> {
  const find = (nodeId: string) => nodes.find((n) => n.nodeId === nodeId);
  const [be, nl, lu] = [find('be'), find('nl'), find('lu')];
  const log = (be ?? nodes[0])?.node.app.server.log;
  if (!be || !nl || !lu) {
    log?.warn('demo exchange: the demo federation lacks one of be, nl, lu; nothing seeded');
    return { outcome: 'failed', error: new Error('be, nl and lu are needed') };
  }
  const seeded = await be.node.database.db
    .selectFrom('exchange_request')
    .select('id')
    .limit(1)
    .executeTakeFirst()
    .catch((error: unknown) => ({ error }));
  if (seeded && 'error' in seeded) {
    log?.warn({ err: seeded.error }, 'demo exchange: could not read the Belgian requests');
    return { outcome: 'failed', error: seeded.error };
  }
  if (seeded) return { outcome: 'skipped' };

  const deadline = Date.now() + (options.timeoutMs ?? SEED_TIMEOUT_MS);
  const desks = { be: new Desk(be), nl: new Desk(nl), lu: new Desk(lu) };
  try {
    const requests = await runScenarios(desks, deadline);
    log?.info({ requests }, `demo exchange: ${requests} requests`);
    return { outcome: 'seeded', requests };
  } catch (error) {
    log?.warn({ err: error }, 'demo exchange: seeding stopped early; the demo carries on');
    return { outcome: 'failed', error };
  } finally {
    await Promise.all(Object.values(desks).map((desk) => desk.revokeTokens()));
  }
}

// ------------------------------------------------------------------ talking to a node

interface Clerk {
  username: string;
  userId: string;
  call<T = RequestDetail>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T>;
}

/** A node of the demo federation, worked by its demo users through its own API. */
class Desk extends DemoDesk {
  constructor(member: DemoExchangeNode) {
    super(member, 'demo exchange');
  }

  /** A demo user, signed in with a short-lived API token carrying their roles. */
  clerk(username: string): Promise<Clerk> {
    return this.as(username);
  }

  async state(id: string): Promise<RequestState | undefined> {
    const row = await this.db
      .selectFrom('exchange_request')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.state as RequestState | undefined;
  }
}

type Desks = { be: Desk; nl: Desk; lu: Desk };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the request is in the state on the node, or the seed's time is up. */
async function reaches(desk: Desk, id: string, state: RequestState, deadline: number) {
  for (;;) {
    const now = await desk.state(id);
    if (now === state) return;
    if (Date.now() > deadline) {
      throw new Error(
        `demo exchange: timed out waiting for request ${id} to be ${state} on ${desk.nodeId} (it is ${now ?? 'absent'})`,
      );
    }
    await sleep(100);
  }
}

async function sendRequest(clerk: Clerk, content: RequestContent): Promise<RequestDetail> {
  const draft = await clerk.call('POST', '/api/v1/exchange/requests', content);
  return clerk.call('POST', `/api/v1/exchange/requests/${draft.id}/send`);
}

const act = (clerk: Clerk, id: string, step: string, body: unknown) =>
  clerk.call('POST', `/api/v1/exchange/requests/${id}/${step}`, body);

// ------------------------------------------------------------------ the scenarios

/**
 * Runs the scenarios side by side; the one that must stay undelivered runs
 * last, alone. Returns how many requests were made.
 */
async function runScenarios(desks: Desks, deadline: number): Promise<number> {
  const scenarios: ((desks: Desks, deadline: number) => Promise<void>)[] = [
    missingMinor,
    hazeldonkCourier,
    knokkeApartment,
    cigaretteTruck,
    bredaRobbery,
    stolenBikes,
    burglaryGang,
    investmentFraud,
    unfinishedDraft,
  ];
  const outcomes = await Promise.allSettled(scenarios.map((run) => run(desks, deadline)));
  const failure = outcomes.find((o) => o.status === 'rejected');
  if (failure) throw failure.reason;
  await fakeBankAdvisers(desks, deadline);
  return scenarios.length + 1;
}

/** BE → NL, urgent (threat to life): NL reaches it directly, assigns it and answers. */
async function missingMinor({ be, nl }: Desks, deadline: number) {
  const officer = await be.clerk('officer.knokke');
  const year = new Date().getUTCFullYear();
  const sent = await sendRequest(officer, {
    requestedNode: 'nl',
    purpose:
      'Lokaliseren en in veiligheid brengen van een vermiste minderjarige (15 jaar) die zich vermoedelijk in Zeeuws-Vlaanderen bevindt, in het gezelschap van de hieronder vermelde bestuurder.',
    facts:
      'Gisteravond omstreeks 22.30 uur verliet Noor Vandamme (15) zonder haar medicatie de ouderlijke woning in Knokke-Heist. ANPR-camera’s registreerden om 23.40 uur op de N49 richting Sluis een grijze Opel Astra met Nederlands kenteken; op de beelden is zij herkenbaar als passagier. Volgens vriendinnen had zij sinds enkele weken via sociale media contact met een jonge man uit Zeeuws-Vlaanderen.',
    reasonsHeld:
      'Het voertuig is in Nederland ingeschreven en reed richting de grens bij Sluis. De bestuurder zou volgens de vriendinnen in de omgeving van Oostburg wonen.',
    offenceCategory: 'kidnapping_hostage_taking',
    offenceDescription:
      'Verontrustende verdwijning van een minderjarige; ontvoering niet uitgesloten.',
    urgent: true,
    urgencyGround: 'threat_to_life',
    urgencyJustification:
      'Het meisje is insulineafhankelijk diabetespatiënt en heeft geen insuline bij zich. Volgens de behandelende arts is haar leven binnen 24 tot 48 uur in gevaar.',
    language: 'nl',
    subjects: [
      {
        kind: 'person',
        category: 'victim',
        statement: 'fact',
        link: 'De vermiste minderjarige.',
        surname: 'Vandamme',
        givenNames: 'Noor',
        birthDate: `${year - 15}-03-14`,
        birthPlace: 'Brugge',
        nationalities: ['BE'],
      },
      {
        kind: 'person',
        category: 'contact_other',
        statement: 'assessment',
        link: 'Vermoedelijke bestuurder van het voertuig waarin het meisje het laatst werd gezien.',
        surname: 'Stralen',
        surnamePrefix: 'van',
        givenNames: 'Jordy',
        birthDate: '2001-06-14',
        nationalities: ['NL'],
      },
      {
        kind: 'vehicle',
        category: 'contact_other',
        statement: 'fact',
        link: 'Voertuig waarin het meisje door de ANPR-camera op de N49 werd geregistreerd.',
        plate: 'K-718-SX',
        plateCountry: 'NL',
        make: 'Opel',
        model: 'Astra',
        colour: 'grijs',
      },
    ],
  });
  await reaches(nl, sent.id, 'received', deadline);
  const spoc = await nl.clerk('spoc.nl');
  const handler = await nl.clerk('officer.zwb');
  await act(spoc, sent.id, 'accessibility', { accessibility: 'direct' });
  await act(spoc, sent.id, 'assign', { userId: handler.userId });
  await act(handler, sent.id, 'answer', {
    partial: false,
    text: 'Het voertuig is vannacht om 02.15 uur aangetroffen op een parkeerplaats in Oostburg. Het meisje is ongedeerd, heeft via de huisartsenpost insuline gekregen en wordt door onze collega’s naar de grensovergang Sluis–Retranchement gebracht voor overdracht aan uw dienst.',
    items: [
      {
        body: 'De bestuurder, Jordy van Stralen, staat ingeschreven in Oostburg. Hij is bij ons bekend voor verkeersovertredingen, niet voor zeden- of geweldsfeiten. Hij werd gehoord en verklaart dat het meisje hem om een lift had gevraagd.',
        handlingCode: 'H2',
        sourceReliability: 'B',
        informationAccuracy: '2',
        subjects: [
          // The driver again, as the Dutch register writes him: one person, two spellings.
          {
            kind: 'person',
            category: 'contact_other',
            statement: 'fact',
            surname: 'VAN STRALEN',
            givenNames: 'Jordy Pieter',
            birthDate: '2001-06-14',
            birthPlace: 'Terneuzen',
            nationalities: ['NL'],
          },
          {
            kind: 'address',
            category: 'contact_other',
            statement: 'fact',
            postalCode: '4501',
            city: 'Oostburg',
            country: 'NL',
          },
        ],
      },
      {
        body: 'Noor Vandamme is om 02.15 uur ongedeerd aangetroffen in het voertuig K-718-SX. Zij is door de huisarts onderzocht en in goede gezondheid; overdracht aan de Lokale Politie Knokke-Heist voorzien om 04.00 uur.',
        handlingCode: 'H1',
        sourceReliability: 'A',
        informationAccuracy: '1',
      },
    ],
  } satisfies AnswerBody);
  await reaches(be, sent.id, 'answered', deadline);
}

/** NL → BE, standard: the Belgian SPOC assigns it to the local police; the deadline runs. */
async function hazeldonkCourier({ be, nl }: Desks, deadline: number) {
  const officer = await nl.clerk('officer.zwb');
  const sent = await sendRequest(officer, {
    requestedNode: 'be',
    purpose:
      'Vaststellen van de identiteit, de woonplaats en eventuele antecedenten van de bestuurder van een bij Hazeldonk gecontroleerde bestelbus, en van de gebruiker van een Belgisch mobiel nummer, ten behoeve van een opsporingsonderzoek naar drugstransporten over de A16.',
    facts:
      'Bij een controle op de A16 ter hoogte van de grensovergang Hazeldonk werd een bestelbus met Belgisch kenteken staande gehouden. In een verborgen ruimte achter het dashboard werd 14 kilo cocaïne aangetroffen. De bestuurder verklaarde in Knokke-Heist te wonen en beriep zich verder op zijn zwijgrecht. In zijn telefoon stond een Belgisch nummer waarmee in het uur voor de controle zeven keer werd gebeld.',
    reasonsHeld:
      'De bestuurder heeft een adres in Knokke-Heist opgegeven en draagt een Belgische identiteitskaart; het nummer is een Belgisch mobiel nummer.',
    offenceCategory: 'drug_trafficking',
    language: 'nl',
    subjects: [
      {
        kind: 'person',
        category: 'suspect',
        statement: 'fact',
        link: 'Bestuurder van de bestelbus waarin de cocaïne werd aangetroffen.',
        surname: 'Declercq',
        givenNames: 'Kenzo',
        birthDate: '1993-02-27',
        nationalities: ['BE'],
        documents: [{ type: 'identity_card', number: '592-0418377-61', issuingCountry: 'BE' }],
      },
      {
        kind: 'phone',
        category: 'contact_other',
        statement: 'fact',
        link: 'Nummer waarmee de bestuurder in het uur voor de controle zeven keer contact had.',
        number: '+32 470 55 01 87',
      },
    ],
  });
  await reaches(be, sent.id, 'received', deadline);
  const spoc = await be.clerk('spoc.be');
  const handler = await be.userId('officer.knokke');
  await act(spoc, sent.id, 'assign', { userId: handler });
  await reaches(nl, sent.id, 'assigned', deadline);
}

/** BE → LU, standard: Luxembourg asks a clarification; the deadline stands still. */
async function knokkeApartment({ be, lu }: Desks, deadline: number) {
  const spoc = await be.clerk('spoc.be');
  const sent = await sendRequest(spoc, {
    requestedNode: 'lu',
    purpose:
      'Identifier le titulaire, les mandataires et les bénéficiaires effectifs d’un compte bancaire luxembourgeois ayant servi à l’achat d’un appartement à Knokke-Heist, dans le cadre d’une enquête pour blanchiment menée par la police judiciaire fédérale.',
    facts:
      'Un appartement sur la digue de Knokke-Heist a été acquis pour 1,2 million d’euros, intégralement payé par un virement unique depuis un compte luxembourgeois ouvert au nom d’une société. L’acquéreur apparent gère une station de lavage à Anvers et ne déclare que des revenus modestes. La cellule de renseignement financier a signalé l’opération au parquet.',
    reasonsHeld:
      'Le compte débité est tenu par un établissement de crédit établi au Luxembourg, et la société titulaire y a son siège.',
    offenceCategory: 'money_laundering',
    language: 'fr',
    subjects: [
      {
        kind: 'bank_account',
        category: 'suspect',
        statement: 'fact',
        link: 'Compte d’où provient le paiement intégral de l’appartement.',
        iban: 'LU280019400644750000',
        holder: 'Dunebrook Invest S.à r.l.',
      },
      {
        kind: 'organisation',
        statement: 'fact',
        link: 'Titulaire du compte débité.',
        name: 'Dunebrook Invest S.à r.l.',
        country: 'LU',
      },
    ],
  });
  await reaches(lu, sent.id, 'received', deadline);
  const luSpoc = await lu.clerk('spoc.lu');
  await act(luSpoc, sent.id, 'clarification', {
    text: 'Pour interroger la banque, nous devons connaître la date et le montant exacts du virement ainsi que le nom de l’acquéreur apparent. Pourriez-vous également nous indiquer si une commission rogatoire est envisagée ? Le délai est suspendu jusqu’à votre réponse.',
  });
  await reaches(be, sent.id, 'clarification_requested', deadline);
}

/** LU → NL, standard: refused, the information not being available (art. 6(1)(a)). */
async function cigaretteTruck({ nl, lu }: Desks, deadline: number) {
  const officer = await lu.clerk('officer.lu');
  const sent = await sendRequest(officer, {
    requestedNode: 'nl',
    purpose:
      'Connaître le détenteur, l’exploitant et les déplacements récents d’un tracteur routier néerlandais soupçonné de transporter des cigarettes de contrefaçon à travers le Grand-Duché.',
    facts:
      'Lors d’un contrôle sur l’autoroute A3, nos agents ont découvert sous une cargaison de palettes vides 1,8 million de cigarettes sans timbres fiscaux, vraisemblablement contrefaites. Le chauffeur affirme ignorer la nature du chargement et n’avoir reçu ses instructions que par téléphone.',
    reasonsHeld:
      'Le tracteur est immatriculé aux Pays-Bas et la lettre de voiture mentionne un transporteur établi à Tilburg.',
    offenceCategory: 'fraud',
    offenceDescription: 'Fraude aux droits d’accises et contrefaçon de produits du tabac.',
    language: 'fr',
    subjects: [
      {
        kind: 'vehicle',
        category: 'suspect',
        statement: 'fact',
        link: 'Tracteur routier contrôlé avec la cargaison de cigarettes.',
        plate: '63-BXL-4',
        plateCountry: 'NL',
        make: 'DAF',
        model: 'XF',
        colour: 'blanc',
      },
      {
        kind: 'organisation',
        statement: 'fact',
        link: 'Transporteur mentionné sur la lettre de voiture.',
        name: 'Transportbedrijf Kastelein & Zn.',
        country: 'NL',
      },
    ],
  });
  await reaches(nl, sent.id, 'received', deadline);
  const spoc = await nl.clerk('spoc.nl');
  await act(spoc, sent.id, 'refuse', {
    ground: 'a_not_available',
    text: 'Het kenteken en het genoemde transportbedrijf komen niet voor in de politiesystemen waartoe wij toegang hebben. Gegevens over accijnsgoederen berusten bij de Nederlandse douane; wij raden u aan het verzoek via de douanesamenwerking aan haar te richten.',
  });
  await reaches(lu, sent.id, 'refused', deadline);
}

/** NL → LU, urgent (restrictive measure): delayed for a judicial authorisation. */
async function bredaRobbery({ nl, lu }: Desks, deadline: number) {
  const spoc = await nl.clerk('spoc.nl');
  const sent = await sendRequest(spoc, {
    requestedNode: 'lu',
    purpose:
      'Toetsen van het alibi van een verdachte van een gewapende overval, met het oog op de beslissing over verlenging van zijn voorlopige hechtenis.',
    facts:
      'Vorige week werd een juwelier in het centrum van Breda met een vuurwapen overvallen; de buit bestaat uit horloges ter waarde van ongeveer 240.000 euro. De verdachte werd twee dagen later aangehouden. Hij verklaart dat hij ten tijde van de overval in Luxemburg-Stad verbleef, waar hij zegt te werken en een kamer te huren.',
    reasonsHeld:
      'Het alibi van de verdachte betreft zijn verblijf en werk in Luxemburg-Stad; eventuele registraties van zijn verblijf en antecedenten berusten bij de Luxemburgse autoriteiten.',
    offenceCategory: 'robbery',
    urgent: true,
    urgencyGround: 'restrictive_measure',
    urgencyJustification:
      'De raadkamer beslist binnen vijf dagen over de verlenging van de voorlopige hechtenis van de verdachte; de gevraagde gegevens zijn daarvoor onmisbaar.',
    language: 'nl',
    subjects: [
      {
        kind: 'person',
        category: 'suspect',
        statement: 'fact',
        link: 'Verdachte van de overval; beroept zich op een verblijf in Luxemburg.',
        surname: 'Kempenaar',
        givenNames: 'Ruud',
        birthDate: '1987-09-30',
        nationalities: ['NL'],
        documents: [{ type: 'passport', number: 'NXR4K71P2', issuingCountry: 'NL' }],
      },
      {
        kind: 'address',
        category: 'suspect',
        statement: 'assessment',
        link: 'Adres dat de verdachte opgeeft als zijn verblijfplaats ten tijde van de overval.',
        city: 'Luxembourg',
        country: 'LU',
      },
    ],
  });
  await reaches(lu, sent.id, 'received', deadline);
  const luSpoc = await lu.clerk('spoc.lu');
  await act(luSpoc, sent.id, 'accessibility', { accessibility: 'indirect' });
  const expectedAt = new Date(Date.now() + 3 * 86_400_000);
  expectedAt.setUTCHours(15, 0, 0, 0);
  await act(luSpoc, sent.id, 'delay', {
    text: 'Les données de séjour et les antécédents demandés figurent dans des fichiers auxquels nous n’avons accès qu’avec l’autorisation du parquet de Luxembourg. La demande d’autorisation a été transmise ce jour ; nous vous répondrons dès réception, au plus tard à la date indiquée.',
    expectedAt: expectedAt.toISOString(),
  });
  await reaches(nl, sent.id, 'delayed', deadline);
}

/** BE → NL, standard: a first, partial answer; the rest is to follow. */
async function stolenBikes({ be, nl }: Desks, deadline: number) {
  const officer = await be.clerk('officer.knokke');
  const sent = await sendRequest(officer, {
    requestedNode: 'nl',
    purpose:
      'Opsporen van de daders van een reeks diefstallen van elektrische fietsen in Knokke-Heist en traceren van de gestolen fietsen die vermoedelijk in Nederland worden verkocht.',
    facts:
      'In de voorbije maanden werden in Knokke-Heist 37 dure elektrische fietsen gestolen uit fietsenbergingen van appartementsgebouwen. Bij de laatste diefstal registreerde een bewakingscamera een witte bestelwagen met Nederlands kenteken. Twaalf fietsen met overeenstemmende framenummers werden nadien te koop aangeboden door een Nederlandse webwinkel.',
    reasonsHeld:
      'De bestelwagen is in Nederland ingeschreven en de webwinkel die de fietsen aanbiedt, is in Nederland gevestigd.',
    offenceCategory: 'organised_property_crime',
    language: 'nl',
    subjects: [
      {
        kind: 'vehicle',
        category: 'suspect',
        statement: 'fact',
        link: 'Bestelwagen die bij de laatste diefstal door de bewakingscamera werd geregistreerd.',
        plate: 'VT-209-D',
        plateCountry: 'NL',
        make: 'Ford',
        model: 'Transit',
        colour: 'wit',
      },
      {
        kind: 'organisation',
        statement: 'assessment',
        link: 'Biedt fietsen aan waarvan de framenummers overeenstemmen met die van gestolen fietsen.',
        name: 'Fietsvaria Zeeland',
        country: 'NL',
      },
    ],
  });
  await reaches(nl, sent.id, 'received', deadline);
  const spoc = await nl.clerk('spoc.nl');
  await act(spoc, sent.id, 'answer', {
    partial: true,
    text: 'Eerste deelantwoord over het voertuig. Naar de webwinkel loopt nog een bevraging bij de eenheid Zeeland-West-Brabant; wij komen daar binnen de termijn op terug.',
    items: [
      {
        body: 'De bestelwagen VT-209-D staat op naam van een leasemaatschappij en wordt gebruikt door een zelfstandig koerier uit Terneuzen, die vorig jaar werd gecontroleerd met een lading fietsen zonder aankoopbewijzen.',
        handlingCode: 'H1',
        sourceReliability: 'B',
        informationAccuracy: '2',
        subjects: [
          {
            kind: 'person',
            category: 'suspect',
            statement: 'fact',
            surname: 'Wagemaker',
            givenNames: 'Rob',
            birthDate: '1979-12-05',
            nationalities: ['NL'],
          },
        ],
      },
    ],
  } satisfies AnswerBody);
  await reaches(be, sent.id, 'partially_answered', deadline);
}

/** NL → BE: information supplied without a request (art. 7). */
async function burglaryGang({ be, nl }: Desks, deadline: number) {
  const officer = await nl.clerk('officer.zwb');
  const provided = await officer.call('POST', '/api/v1/exchange/provisions', {
    requestedNode: 'be',
    purpose:
      'Informeren van de Belgische politie over een rondtrekkende inbrekersbende die vanuit West-Brabant en Zeeland ook in de Belgische grensstreek actief lijkt.',
    facts:
      'In de afgelopen weken werden in Roosendaal, Bergen op Zoom en Hulst meer dan twintig woninginbraken gepleegd met dezelfde werkwijze: overdag, bij afwezigheid van de bewoners, door het uittrekken van de cilinder van de voordeur. Op drie pleeglocaties werd kort voor de inbraak een voertuig met Belgisch kenteken geregistreerd.',
    offenceCategory: 'organised_property_crime',
    language: 'nl',
    subjects: [
      {
        kind: 'vehicle',
        category: 'suspect',
        statement: 'fact',
        plate: '1-KPT-482',
        plateCountry: 'BE',
        make: 'Volkswagen',
        model: 'Passat',
        colour: 'donkerblauw',
      },
    ],
    items: [
      {
        body: 'Het voertuig 1-KPT-482 (donkerblauwe Volkswagen Passat) werd op drie pleeglocaties telkens kort voor de inbraak door ANPR-camera’s geregistreerd. Getuigen beschrijven twee mannen in werkkledij van een schoonmaakbedrijf dat niet bestaat.',
        handlingCode: 'H0',
        sourceReliability: 'B',
        informationAccuracy: '2',
      },
    ],
  } satisfies ProvisionBody);
  await reaches(be, provided.id, 'received', deadline);
  await reaches(nl, provided.id, 'received', deadline);
}

/** BE → NL, standard: answered in full, and closed by the requester. */
async function investmentFraud({ be, nl }: Desks, deadline: number) {
  const spoc = await be.clerk('spoc.be');
  const sent = await sendRequest(spoc, {
    requestedNode: 'nl',
    purpose:
      'Identifier le titulaire d’un compte bancaire néerlandais et l’utilisateur d’une adresse électronique employés dans une escroquerie aux faux placements en cryptomonnaies.',
    facts:
      'Ces derniers mois, neuf habitants de la région bruxelloise ont versé au total 212.000 euros à une prétendue plateforme de placement en cryptomonnaies, après avoir été démarchés par courriel. Tous les versements ont abouti sur le même compte néerlandais, vidé dans les jours suivants.',
    reasonsHeld:
      'Le compte bénéficiaire est tenu par une banque néerlandaise ; l’adresse électronique de contact renvoie à une société de façade enregistrée aux Pays-Bas.',
    offenceCategory: 'fraud',
    offenceDescription: 'Escroquerie aux faux placements en ligne.',
    language: 'fr',
    subjects: [
      {
        kind: 'bank_account',
        category: 'suspect',
        statement: 'fact',
        link: 'Compte sur lequel les neuf victimes ont effectué leurs versements.',
        iban: 'NL91ABNA0417164300',
        holder: 'Koinvest Rendement B.V.',
      },
      {
        kind: 'email',
        category: 'suspect',
        statement: 'fact',
        link: 'Adresse par laquelle les victimes ont été démarchées.',
        address: 'conseiller@koinvest-rendement.example',
      },
    ],
  });
  await reaches(nl, sent.id, 'received', deadline);
  const nlSpoc = await nl.clerk('spoc.nl');
  await act(nlSpoc, sent.id, 'answer', {
    partial: false,
    text: 'Hierbij de gegevens van de rekeninghouder. Het e-mailadres is bij ons niet bekend. Een verzoek tot bevriezing van het saldo dient via rechtshulp te worden gedaan.',
    items: [
      {
        body: 'De rekening staat op naam van Koinvest Rendement B.V., een brievenbusvennootschap in Rotterdam met als enige bestuurder een 26-jarige man zonder vaste woon- of verblijfplaats. De rekening werd drie maanden geleden geopend en vrijwel dagelijks leeggehaald via geldautomaten in Antwerpen en Rotterdam.',
        handlingCode: 'H1',
        sourceReliability: 'A',
        informationAccuracy: '2',
        subjects: [
          {
            kind: 'organisation',
            statement: 'fact',
            name: 'Koinvest Rendement B.V.',
            country: 'NL',
          },
        ],
      },
    ],
  } satisfies AnswerBody);
  await reaches(be, sent.id, 'answered', deadline);
  await act(spoc, sent.id, 'close', {
    text: 'Merci pour votre réponse rapide. Les informations ont été transmises au parquet de Bruxelles, qui adressera une demande d’entraide pour la saisie du solde. Nous clôturons la demande.',
  });
  await reaches(nl, sent.id, 'closed', deadline);
}

/** BE: a draft still being written, not complete enough to send. */
async function unfinishedDraft({ be }: Desks) {
  const officer = await be.clerk('officer.knokke');
  await officer.call('POST', '/api/v1/exchange/requests', {
    requestedNode: 'lu',
    purpose:
      'Nagaan of een in Knokke-Heist betrapte winkeldief ook in Luxemburg bekend is voor gelijkaardige feiten.',
    offenceCategory: 'organised_property_crime',
    language: 'nl',
    subjects: [{ kind: 'person', category: 'suspect', surname: 'Lambrecht' }],
  } satisfies RequestContent);
}

/** BE → LU, standard: received, not yet taken up. */
async function fakeBankAdvisers({ be, lu }: Desks, deadline: number) {
  const spoc = await be.clerk('spoc.be');
  const content: RequestContent = {
    requestedNode: 'lu',
    purpose:
      'Identifier l’abonné d’un numéro de téléphone luxembourgeois utilisé pour des appels de faux conseillers bancaires visant des personnes âgées.',
    facts:
      'Depuis un mois, des personnes âgées de la région bruxelloise reçoivent des appels d’un prétendu service de sécurité de leur banque, qui les persuade de remettre leur carte et leur code à un coursier. Onze victimes sont connues à ce jour, pour un préjudice d’environ 85.000 euros. Tous les appels proviennent du même numéro.',
    reasonsHeld: 'Le numéro appelant est attribué par un opérateur de téléphonie luxembourgeois.',
    offenceCategory: 'fraud',
    offenceDescription: 'Escroquerie aux faux conseillers bancaires.',
    language: 'fr',
    subjects: [
      {
        kind: 'phone',
        category: 'suspect',
        statement: 'fact',
        link: 'Numéro d’où proviennent tous les appels aux victimes.',
        number: '+352 691 000 417',
      },
    ],
  };
  const sent = await sendRequest(spoc, content);
  await reaches(lu, sent.id, 'received', deadline);
  await reaches(be, sent.id, 'received', deadline);
}
