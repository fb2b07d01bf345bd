import type { Language } from '../kernel/policy/roles.js';

/**
 * The demo content of the public portal (themes and news) and of the
 * consultation bodies kept by the Benelux Secretariat-General. The public
 * institutions and places are real; every person is made up, and the news
 * items tell what such meetings and actions are about without claiming
 * figures.
 */

export interface DemoText {
  title: string;
  /** A theme's lead paragraph; a news item's excerpt. */
  summary: string;
  /** Markdown. */
  body: string;
}

export type DemoTexts = Partial<Record<Language, DemoText>>;

export interface DemoTheme {
  slug: string;
  position: number;
  texts: DemoTexts;
}

export interface DemoNews {
  slug: string;
  themes: string[];
  /** The consultation body (code) and meeting (key) the item comes from. */
  body?: string;
  meeting?: string;
  /**
   * When the item was made public (UTC). `null` publishes it a few days from
   * now (a scheduled item); absent leaves it a draft.
   */
  publishedAt?: string | null;
  viewCount: number;
  texts: DemoTexts;
}

// ================================================================== themes

export const DEMO_THEMES: DemoTheme[] = [
  {
    slug: 'senningen',
    position: 1,
    texts: {
      nl: {
        title: 'Senningenoverleg',
        summary:
          'In het Senningenoverleg bundelen België, Nederland en Luxemburg hun krachten op het gebied van politie en justitie. Samen pakken de drie landen de criminaliteit aan die zich niets van de grenzen aantrekt.',
        body: `Criminelen houden niet halt aan de grens. Wie in Knokke een fiets steelt, verkoopt hem misschien in Zeeland; wie drugs smokkelt, gebruikt de snelwegen tussen Antwerpen, Breda en Luxemburg. Daarom werken de politie- en justitiediensten van de drie Beneluxlanden nauw samen. De ministers die bevoegd zijn voor veiligheid en justitie sturen die samenwerking in het Senningenoverleg, genoemd naar het kasteel van Senningen bij Luxemburg-Stad.

## Waar werken we aan?

- **Vlotte informatie-uitwisseling.** Politie, justitie en andere diensten delen over de grens heen snel en veilig de informatie die ze nodig hebben.
- **Nieuwe fenomenen.** We houden elkaar tijdig op de hoogte van nieuwe dreigingen, zoals geradicaliseerde personen.
- **Gezamenlijke patrouilles en acties.** Agenten uit de drie landen patrouilleren samen en voeren gezamenlijke controles uit, aan de kust en langs de snelwegen.
- **Mensenhandel, mensensmokkel en migratie.** Politie, justitie, inspectiediensten en slachtofferhulp pakken deze misdrijven samen aan, elk vanuit de eigen opdracht.
- **Bestuurlijke aanpak.** Gemeenten en andere lokale besturen voorkomen samen met politie en justitie dat criminelen zich via vergunningen of vastgoed in de legale economie nestelen.
- **Cybercriminaliteit.** We bundelen kennis en capaciteit tegen online oplichting, ransomware en andere digitale misdrijven.
- **Bescherming van persoonsgegevens.** Alle samenwerking gebeurt binnen de regels voor gegevensbescherming, zodat burgers erop kunnen vertrouwen dat met hun gegevens zorgvuldig wordt omgegaan.

## Hoe is het georganiseerd?

Het Senningenoverleg bepaalt de koers op ministerieel niveau. Strategische overleggen, zoals het Benelux strategisch politieoverleg en het Hazeldonkoverleg over drugs, bereiden de besluiten voor en volgen de uitvoering op. Het Secretariaat-Generaal van de Benelux in Brussel ondersteunt al deze overleggen.`,
      },
      fr: {
        title: 'Concertation de Senningen',
        summary:
          'Au sein de la Concertation de Senningen, la Belgique, les Pays-Bas et le Luxembourg unissent leurs forces en matière de police et de justice. Ensemble, les trois pays luttent contre une criminalité qui ignore les frontières.',
        body: `Les criminels ne s’arrêtent pas à la frontière. Un vélo volé à Knokke se revend peut-être en Zélande ; un trafiquant de drogue emprunte les autoroutes entre Anvers, Breda et Luxembourg. C’est pourquoi les services de police et de justice des trois pays du Benelux travaillent en étroite collaboration. Les ministres chargés de la sécurité et de la justice pilotent cette coopération au sein de la Concertation de Senningen, qui tire son nom du château de Senningen, près de Luxembourg-Ville.

## Nos priorités

- **Un échange d’informations fluide.** Police, justice et autres services partagent rapidement et en toute sécurité, par-delà les frontières, les informations dont ils ont besoin.
- **Les nouveaux phénomènes.** Nous nous informons mutuellement et à temps des nouvelles menaces, comme les personnes radicalisées.
- **Patrouilles et opérations communes.** Des policiers des trois pays patrouillent ensemble et mènent des contrôles communs, à la côte comme le long des autoroutes.
- **Traite des êtres humains, trafic de migrants et migration.** Police, justice, services d’inspection et aide aux victimes luttent ensemble contre ces infractions, chacun selon sa mission.
- **Approche administrative.** Avec la police et la justice, les communes et autres pouvoirs locaux empêchent les criminels de s’installer dans l’économie légale au moyen de permis ou de biens immobiliers.
- **Cybercriminalité.** Nous mettons en commun connaissances et moyens contre l’escroquerie en ligne, les rançongiciels et les autres infractions numériques.
- **Protection des données à caractère personnel.** Toute cette coopération respecte les règles de protection des données, afin que chacun puisse compter sur un traitement soigneux de ses données.

## Comment est-elle organisée ?

La Concertation de Senningen fixe le cap au niveau ministériel. Des concertations stratégiques, comme la Concertation stratégique policière Benelux et la Concertation de Hazeldonk sur les drogues, préparent ses décisions et en suivent la mise en œuvre. Le Secrétariat général Benelux, à Bruxelles, soutient l’ensemble de ces concertations.`,
      },
      de: {
        title: 'Senningen-Konsultation',
        summary:
          'In der Senningen-Konsultation bündeln Belgien, die Niederlande und Luxemburg ihre Kräfte in Polizei und Justiz. Gemeinsam bekämpfen die drei Länder eine Kriminalität, die vor Grenzen nicht haltmacht.',
        body: `Kriminelle bleiben nicht an der Grenze stehen. Wer in Knokke ein Fahrrad stiehlt, verkauft es vielleicht in Zeeland; wer Drogen schmuggelt, nutzt die Autobahnen zwischen Antwerpen, Breda und Luxemburg. Deshalb arbeiten die Polizei- und Justizbehörden der drei Benelux-Länder eng zusammen. Die für Sicherheit und Justiz zuständigen Ministerinnen und Minister steuern diese Zusammenarbeit in der Senningen-Konsultation, benannt nach Schloss Senningen bei Luxemburg-Stadt.

## Woran wir arbeiten

- **Reibungsloser Informationsaustausch.** Polizei, Justiz und andere Dienste teilen über die Grenze hinweg schnell und sicher die Informationen, die sie brauchen.
- **Neue Phänomene.** Wir informieren einander rechtzeitig über neue Bedrohungen, etwa über radikalisierte Personen.
- **Gemeinsame Streifen und Einsätze.** Polizistinnen und Polizisten aus den drei Ländern gehen gemeinsam Streife und führen gemeinsame Kontrollen durch, an der Küste ebenso wie entlang der Autobahnen.
- **Menschenhandel, Schleusung und Migration.** Polizei, Justiz, Aufsichtsbehörden und Opferhilfe gehen gemeinsam gegen diese Straftaten vor, jede Stelle im Rahmen ihres Auftrags.
- **Verwaltungsrechtlicher Ansatz.** Gemeinden und andere lokale Behörden verhindern gemeinsam mit Polizei und Justiz, dass sich Kriminelle über Genehmigungen oder Immobilien in der legalen Wirtschaft festsetzen.
- **Cyberkriminalität.** Wir bündeln Wissen und Kapazitäten gegen Online-Betrug, Ransomware und andere digitale Straftaten.
- **Schutz personenbezogener Daten.** Die gesamte Zusammenarbeit folgt den Datenschutzregeln, damit sich alle auf einen sorgfältigen Umgang mit ihren Daten verlassen können.

## Wie ist sie organisiert?

Die Senningen-Konsultation gibt auf Ministerebene die Richtung vor. Strategische Gremien wie die Strategische Benelux-Polizeikonsultation und die Hazeldonk-Konsultation zu Drogen bereiten ihre Beschlüsse vor und verfolgen deren Umsetzung. Das Benelux-Generalsekretariat in Brüssel unterstützt alle diese Gremien.`,
      },
      en: {
        title: 'Senningen consultation',
        summary:
          'In the Senningen consultation, Belgium, the Netherlands and Luxembourg join forces in policing and justice. Together, the three countries tackle crime that pays no attention to borders.',
        body: `Criminals do not stop at the border. A bicycle stolen in Knokke may be sold in Zeeland; drug traffickers use the motorways between Antwerp, Breda and Luxembourg. That is why the police and justice services of the three Benelux countries work closely together. The ministers responsible for security and justice steer this cooperation in the Senningen consultation, named after Senningen Castle near Luxembourg City.

## What we work on

- **Smooth information exchange.** Police, justice and other services share the information they need across the border, quickly and securely.
- **New phenomena.** We keep each other informed in good time about new threats, such as radicalised persons.
- **Joint patrols and operations.** Officers from the three countries patrol together and carry out joint checks, on the coast and along the motorways.
- **Human trafficking, smuggling and migration.** Police, justice, inspection services and victim support tackle these crimes together, each within its own remit.
- **Administrative approach.** Municipalities and other local governments work with police and justice to keep criminals from entering the legal economy through licences or real estate.
- **Cybercrime.** We pool knowledge and capacity against online fraud, ransomware and other digital crime.
- **Protection of personal data.** All cooperation follows the data protection rules, so that people can trust that their data is handled with care.

## How it is organised

The Senningen consultation sets the course at ministerial level. Strategic bodies, such as the Benelux strategic police consultation and the Hazeldonk consultation on drugs, prepare its decisions and follow up on their implementation. The Benelux Secretariat-General in Brussels supports all of these bodies.`,
      },
    },
  },
  {
    slug: 'drugs',
    position: 2,
    texts: {
      nl: {
        title: 'Drugstoerisme en drugshandel',
        summary:
          'Drugstoeristen en drugskoeriers rijden dagelijks over de grenzen van de Benelux en Frankrijk. In het Hazeldonkoverleg pakken de vier landen hen samen aan.',
        body: `Hazeldonk is de grensovergang op de A16/E19 tussen Breda en Antwerpen. Over die as rijden elke dag veel reizigers, maar ook drugstoeristen uit België en Noord-Frankrijk die in Nederland drugs kopen, en koeriers die grotere hoeveelheden vervoeren. Daarom werken België, Nederland, Luxemburg en Frankrijk samen in het strategisch Hazeldonkoverleg.

## Wat doen de partners?

- **Gezamenlijke controles** op de snelwegen, op verzorgingsplaatsen en in de treinen tussen Nederland, België en Frankrijk.
- **Informatie-uitwisseling** over onderschepte koeriers en hun routes, zodat onderzoekers verbanden kunnen leggen.
- **Aanpak van drugsrunners**, die automobilisten met buitenlandse nummerplaten aanspreken en naar verkooppunten lokken.
- **Preventie** bij jongeren in de grensstreek, samen met gemeenten en hulpverlening.

## Samen met de lokale besturen

Drugshandel laat sporen na in de buurt: overlast, intimidatie en witwaspraktijken. Gemeenten aan beide kanten van de grens worden daarom betrokken, zodat politie, justitie en bestuur elkaar versterken.`,
      },
      fr: {
        title: 'Tourisme de la drogue et trafic de drogue',
        summary:
          'Chaque jour, des touristes de la drogue et des passeurs franchissent les frontières du Benelux et de la France. Au sein de la Concertation de Hazeldonk, les quatre pays luttent ensemble contre ce phénomène.',
        body: `Hazeldonk est le passage frontalier de l’A16/E19 entre Breda et Anvers. Cet axe voit passer chaque jour de nombreux voyageurs, mais aussi des touristes de la drogue venus de Belgique et du nord de la France pour s’approvisionner aux Pays-Bas, et des passeurs qui transportent des quantités plus importantes. C’est pourquoi la Belgique, les Pays-Bas, le Luxembourg et la France coopèrent au sein de la Concertation stratégique de Hazeldonk.

## Que font les partenaires ?

- **Des contrôles communs** sur les autoroutes, sur les aires de service et dans les trains entre les Pays-Bas, la Belgique et la France.
- **Un échange d’informations** sur les passeurs interceptés et leurs itinéraires, pour permettre aux enquêteurs d’établir des liens.
- **La lutte contre les rabatteurs**, qui abordent les automobilistes immatriculés à l’étranger pour les attirer vers des points de vente.
- **La prévention** auprès des jeunes de la région frontalière, avec les communes et les services d’aide.

## Avec les pouvoirs locaux

Le trafic de drogue laisse des traces dans les quartiers : nuisances, intimidation et blanchiment. Les communes des deux côtés de la frontière sont donc associées, afin que police, justice et administrations se renforcent mutuellement.`,
      },
      de: {
        title: 'Drogentourismus und Drogenhandel',
        summary:
          'Täglich überqueren Drogentouristen und Kuriere die Grenzen der Benelux-Länder und Frankreichs. In der Hazeldonk-Konsultation gehen die vier Länder gemeinsam dagegen vor.',
        body: `Hazeldonk ist der Grenzübergang an der A16/E19 zwischen Breda und Antwerpen. Über diese Achse fahren jeden Tag viele Reisende, aber auch Drogentouristen aus Belgien und Nordfrankreich, die in den Niederlanden Drogen kaufen, und Kuriere, die größere Mengen transportieren. Deshalb arbeiten Belgien, die Niederlande, Luxemburg und Frankreich in der Strategischen Hazeldonk-Konsultation zusammen.

## Was tun die Partner?

- **Gemeinsame Kontrollen** auf den Autobahnen, auf Rastplätzen und in den Zügen zwischen den Niederlanden, Belgien und Frankreich.
- **Informationsaustausch** über abgefangene Kuriere und ihre Routen, damit Ermittler Zusammenhänge erkennen.
- **Vorgehen gegen Drogenanwerber**, die Autofahrer mit ausländischen Kennzeichen ansprechen und zu Verkaufsstellen lotsen.
- **Prävention** bei Jugendlichen im Grenzgebiet, gemeinsam mit Gemeinden und Hilfsdiensten.

## Gemeinsam mit den Kommunen

Drogenhandel hinterlässt Spuren in den Vierteln: Belästigung, Einschüchterung und Geldwäsche. Deshalb werden die Gemeinden auf beiden Seiten der Grenze einbezogen, damit sich Polizei, Justiz und Verwaltung gegenseitig stärken.`,
      },
      en: {
        title: 'Drug tourism and drug trafficking',
        summary:
          'Every day, drug tourists and couriers cross the borders of the Benelux countries and France. In the Hazeldonk consultation, the four countries tackle them together.',
        body: `Hazeldonk is the border crossing on the A16/E19 between Breda and Antwerp. Many travellers use this route every day, but so do drug tourists from Belgium and northern France who buy drugs in the Netherlands, and couriers carrying larger quantities. That is why Belgium, the Netherlands, Luxembourg and France work together in the strategic Hazeldonk consultation.

## What the partners do

- **Joint checks** on the motorways, at service areas and on the trains between the Netherlands, Belgium and France.
- **Information exchange** on intercepted couriers and their routes, so that investigators can connect the dots.
- **Tackling drug runners**, who approach drivers with foreign number plates and steer them towards dealing points.
- **Prevention** among young people in the border region, together with municipalities and support services.

## Together with local government

Drug trafficking leaves its mark on neighbourhoods: nuisance, intimidation and money laundering. Municipalities on both sides of the border are therefore involved, so that police, justice and local government reinforce each other.`,
      },
    },
  },
  {
    slug: 'police-cooperation',
    position: 3,
    texts: {
      nl: {
        title: 'Politiesamenwerking',
        summary:
          'Het Benelux-politieverdrag geeft agenten uit België, Nederland en Luxemburg de ruimte om over de grens samen te werken: van gemengde patrouilles tot gezamenlijke acties.',
        body: `Dankzij het Benelux-politieverdrag kunnen politiediensten van de drie landen veel verder gaan dan elders in Europa gebruikelijk is. Het nieuwe verdrag, dat in 2018 in Luxemburg werd ondertekend, bouwt voort op de ervaring met het eerdere verdrag van Senningen.

## Wat maakt het verdrag mogelijk?

- gemengde patrouilles, waarbij agenten uit twee landen samen op straat staan;
- achtervolging van verdachten over de grens heen;
- gezamenlijke acties en controles, ook bij grote evenementen;
- snellere uitwisseling van politie-informatie, binnen de regels voor gegevensbescherming.

Het Benelux strategisch politieoverleg volgt de toepassing van het verdrag op en legt de prioriteiten vast.`,
      },
      fr: {
        title: 'Coopération policière',
        summary:
          'Le traité de police Benelux permet aux policiers belges, néerlandais et luxembourgeois de coopérer par-delà les frontières : des patrouilles mixtes aux opérations communes.',
        body: `Grâce au traité de police Benelux, les services de police des trois pays peuvent aller bien plus loin que ce qui est habituel ailleurs en Europe. Le nouveau traité, signé à Luxembourg en 2018, s’appuie sur l’expérience du précédent traité de Senningen.

## Que permet le traité ?

- des patrouilles mixtes, où des policiers de deux pays travaillent ensemble sur le terrain ;
- la poursuite de suspects au-delà de la frontière ;
- des opérations et contrôles communs, y compris lors de grands événements ;
- un échange plus rapide d’informations policières, dans le respect des règles de protection des données.

La Concertation stratégique policière Benelux suit l’application du traité et en fixe les priorités.`,
      },
    },
  },
];

// ================================================================== news

export const DEMO_NEWS: DemoNews[] = [
  {
    slug: 'knokke-joint-patrols-summer-2020',
    themes: ['senningen', 'police-cooperation'],
    publishedAt: '2020-07-03T08:00:00Z',
    viewCount: 2870,
    texts: {
      nl: {
        title: 'Belgische en Nederlandse agenten patrouilleren samen in Knokke',
        summary:
          'Vanaf juli gaan Nederlandse politiemensen in Knokke-Heist samen met hun Belgische collega’s op patrouille. De badstad trekt in de zomer veel jongeren aan die met de trein of de auto uit Nederland komen.',
        body: `Knokke-Heist is in de zomer een van de drukste badplaatsen aan de Belgische kust. Naast gezinnen en dagjesmensen komen er ook veel jongeren, vaak in groepen, met de trein of de auto uit Nederland en uit de rest van België. Om het er voor iedereen aangenaam en veilig te houden, patrouilleren Belgische en Nederlandse agenten deze zomer samen.

## Gemengde patrouilles

De gemengde ploegen zijn te zien op de zeedijk, rond het station en in het centrum. Een Nederlandse agent spreekt Nederlandse jongeren makkelijk aan en kent vaak de achtergrond van een groep. Tegelijk weten de Belgische collega’s precies welke regels in de gemeente gelden. Zo kan de politie snel en gepast optreden wanneer dat nodig is.

## Op grond van het Benelux-politieverdrag

De Nederlandse agenten werken onder het gezag van de Belgische politie, zoals het Benelux-politieverdrag dat mogelijk maakt. Het initiatief komt voort uit de afspraken in het Benelux strategisch politieoverleg. Na de zomer wordt de samenwerking geëvalueerd.`,
      },
      fr: {
        title: 'Des policiers belges et néerlandais patrouillent ensemble à Knokke',
        summary:
          'Dès juillet, des policiers néerlandais patrouillent à Knokke-Heist aux côtés de leurs collègues belges. L’été, la station balnéaire attire de nombreux jeunes qui arrivent des Pays-Bas en train ou en voiture.',
        body: `En été, Knokke-Heist est l’une des stations balnéaires les plus fréquentées de la côte belge. Outre les familles et les excursionnistes, de nombreux jeunes y viennent, souvent en groupe, en train ou en voiture depuis les Pays-Bas et le reste de la Belgique. Pour que chacun puisse en profiter en toute sécurité, des policiers belges et néerlandais patrouillent ensemble cet été.

## Des patrouilles mixtes

Les équipes mixtes sont présentes sur la digue, aux abords de la gare et dans le centre. Un policier néerlandais aborde facilement des jeunes de son pays et connaît souvent le contexte d’un groupe, tandis que ses collègues belges savent exactement quelles règles s’appliquent dans la commune. La police peut ainsi intervenir rapidement et de manière appropriée lorsque c’est nécessaire.

## Sur la base du traité de police Benelux

Les policiers néerlandais travaillent sous l’autorité de la police belge, comme le permet le traité de police Benelux. L’initiative découle des accords conclus au sein de la Concertation stratégique policière Benelux. La coopération sera évaluée après l’été.`,
      },
      de: {
        title: 'Belgische und niederländische Polizei gehen in Knokke gemeinsam Streife',
        summary:
          'Ab Juli gehen niederländische Polizistinnen und Polizisten in Knokke-Heist gemeinsam mit ihren belgischen Kolleginnen und Kollegen Streife. Im Sommer zieht der Badeort viele Jugendliche an, die mit dem Zug oder dem Auto aus den Niederlanden kommen.',
        body: `Knokke-Heist gehört im Sommer zu den belebtesten Badeorten der belgischen Küste. Neben Familien und Tagesgästen kommen auch viele Jugendliche, oft in Gruppen, mit dem Zug oder dem Auto aus den Niederlanden und dem übrigen Belgien. Damit es für alle angenehm und sicher bleibt, gehen belgische und niederländische Polizeikräfte in diesem Sommer gemeinsam Streife.

## Gemischte Streifen

Die gemischten Teams sind auf der Strandpromenade, rund um den Bahnhof und im Zentrum unterwegs. Niederländische Beamte sprechen Jugendliche aus ihrem Land leicht an, und die belgischen Kollegen kennen die örtlichen Regeln genau. So kann die Polizei bei Bedarf schnell und angemessen eingreifen.

## Auf Grundlage des Benelux-Polizeivertrags

Die niederländischen Beamten handeln unter der Leitung der belgischen Polizei, wie es der Benelux-Polizeivertrag ermöglicht. Nach dem Sommer wird die Zusammenarbeit ausgewertet.`,
      },
      en: {
        title: 'Belgian and Dutch police patrol together in Knokke',
        summary:
          'From July, Dutch police officers will patrol Knokke-Heist alongside their Belgian colleagues. In summer the seaside resort draws many young people arriving from the Netherlands by train and by car.',
        body: `In summer, Knokke-Heist is one of the busiest resorts on the Belgian coast. Besides families and day visitors, many young people come, often in groups, by train or by car from the Netherlands and from elsewhere in Belgium. To keep the resort pleasant and safe for everyone, Belgian and Dutch officers are patrolling together this summer.

## Mixed patrols

The mixed teams can be seen on the promenade, around the station and in the town centre. A Dutch officer easily strikes up a conversation with young people from the Netherlands, while the Belgian colleagues know exactly which local rules apply. This lets the police act quickly and appropriately when needed.

## Under the Benelux police treaty

The Dutch officers work under the authority of the Belgian police, as the Benelux police treaty allows. The initiative follows from agreements made in the Benelux strategic police consultation. The cooperation will be evaluated after the summer.`,
      },
    },
  },
  {
    slug: 'police-consultation-digital-meeting-2020-11',
    themes: ['senningen', 'police-cooperation'],
    body: 'police-consultation',
    meeting: 'police-2020-11',
    publishedAt: '2020-11-23T09:30:00Z',
    viewCount: 964,
    texts: {
      nl: {
        title: 'Benelux strategisch politieoverleg komt digitaal samen',
        summary:
          'Op 20 november 2020 vergaderde de politietop van België, Nederland en Luxemburg via een videoverbinding. Op de agenda: de gemengde patrouilles aan de kust, het nieuwe Benelux-politieverdrag en de samenwerking tijdens de pandemie.',
        body: `Door de coronamaatregelen kwam het Benelux strategisch politieoverleg op 20 november 2020 digitaal bijeen. De politieleiding van de drie landen blikte terug op een bijzonder jaar en maakte afspraken voor 2021.

## Wat werd besproken?

- **De gemengde patrouilles in Knokke-Heist.** De Belgische en Nederlandse agenten die deze zomer samen patrouilleerden, kregen veel positieve reacties. De partners willen de aanpak volgende zomer voortzetten.
- **Het nieuwe Benelux-politieverdrag.** Zolang de parlementen het verdrag goedkeuren, bereiden de politiediensten de toepassing ervan voor. Een gezamenlijke werkgroep gaat daarmee aan de slag.
- **Samenwerken tijdens de pandemie.** De diensten wisselden ervaringen uit over de controles aan de grenzen en over de bescherming van hun personeel.

Het volgende overleg staat gepland in het voorjaar van 2021.`,
      },
      fr: {
        title: 'La Concertation stratégique policière Benelux se réunit en ligne',
        summary:
          'Le 20 novembre 2020, les dirigeants policiers de Belgique, des Pays-Bas et du Luxembourg se sont réunis par vidéoconférence. Au programme : les patrouilles mixtes à la côte, le nouveau traité de police Benelux et la coopération pendant la pandémie.',
        body: `En raison des mesures sanitaires, la Concertation stratégique policière Benelux s’est réunie en ligne le 20 novembre 2020. Les dirigeants policiers des trois pays ont fait le bilan d’une année particulière et pris des engagements pour 2021.

## Les points abordés

- **Les patrouilles mixtes à Knokke-Heist.** Les policiers belges et néerlandais qui ont patrouillé ensemble cet été ont reçu de nombreuses réactions positives. Les partenaires souhaitent poursuivre l’expérience l’été prochain.
- **Le nouveau traité de police Benelux.** En attendant l’approbation du traité par les parlements, les services de police préparent sa mise en œuvre. Un groupe de travail commun s’en chargera.
- **Coopérer pendant la pandémie.** Les services ont partagé leurs expériences des contrôles aux frontières et de la protection de leur personnel.

La prochaine réunion est prévue au printemps 2021.`,
      },
      en: {
        title: 'Benelux strategic police consultation meets online',
        summary:
          'On 20 November 2020, police leaders from Belgium, the Netherlands and Luxembourg met by video link. On the agenda: mixed patrols on the coast, the new Benelux police treaty and cooperation during the pandemic.',
        body: `Because of the pandemic measures, the Benelux strategic police consultation met online on 20 November 2020. The police leaders of the three countries looked back on an unusual year and made arrangements for 2021.

## What was discussed

- **Mixed patrols in Knokke-Heist.** The Belgian and Dutch officers who patrolled together this summer received many positive reactions. The partners want to continue the approach next summer.
- **The new Benelux police treaty.** While the parliaments consider the treaty, the police services are preparing to apply it. A joint working group will take this forward.
- **Working together during the pandemic.** The services exchanged experiences of border checks and of protecting their staff.

The next meeting is planned for spring 2021.`,
      },
    },
  },
  {
    slug: 'hazeldonk-digital-meeting-2021-01',
    themes: ['senningen', 'drugs'],
    body: 'hazeldonk',
    meeting: 'hazeldonk-2021-01',
    publishedAt: '2021-01-19T10:00:00Z',
    viewCount: 1238,
    texts: {
      nl: {
        title: 'Strategisch Hazeldonkoverleg vergadert digitaal',
        summary:
          'Op 15 januari 2021 kwamen België, Nederland, Luxemburg en Frankrijk digitaal samen in het strategisch Hazeldonkoverleg. De partners zetten de gezamenlijke aanpak van drugstoerisme en drugshandel in 2021 voort.',
        body: `Het strategisch Hazeldonkoverleg kwam op 15 januari 2021 via een videoverbinding bijeen. Politie, justitie en douane uit de vier landen bespraken hoe de aanpak van drugstoerisme en drugshandel er in een jaar vol coronamaatregelen uitzag, en wat er in 2021 moet gebeuren.

## Afspraken voor 2021

- De **gezamenlijke controles** op de A16/E19 en op de treinverbindingen tussen Nederland, België en Frankrijk gaan door, volgens een gezamenlijk jaarschema.
- Elk land wijst een **vast aanspreekpunt** aan voor de uitwisseling van informatie over onderschepte koeriers.
- De partners stellen samen een **beeld op van de gevolgen van de pandemie** voor het drugstoerisme, om de inzet daarop af te stemmen.

Het overleg is georganiseerd door het Secretariaat-Generaal van de Benelux.`,
      },
      fr: {
        title: 'La Concertation stratégique de Hazeldonk se réunit en ligne',
        summary:
          'Le 15 janvier 2021, la Belgique, les Pays-Bas, le Luxembourg et la France se sont réunis en ligne dans le cadre de la Concertation stratégique de Hazeldonk. Les partenaires poursuivent en 2021 leur action commune contre le tourisme de la drogue et le trafic de drogue.',
        body: `La Concertation stratégique de Hazeldonk s’est réunie par vidéoconférence le 15 janvier 2021. Police, justice et douane des quatre pays ont examiné l’évolution de la lutte contre le tourisme de la drogue et le trafic de drogue au cours d’une année marquée par les mesures sanitaires, et ce qui doit être fait en 2021.

## Les engagements pour 2021

- Les **contrôles communs** sur l’A16/E19 et sur les liaisons ferroviaires entre les Pays-Bas, la Belgique et la France se poursuivent, selon un calendrier annuel commun.
- Chaque pays désigne un **point de contact permanent** pour l’échange d’informations sur les passeurs interceptés.
- Les partenaires dressent ensemble un **état des lieux des effets de la pandémie** sur le tourisme de la drogue, afin d’adapter leurs moyens.

La réunion était organisée par le Secrétariat général Benelux.`,
      },
    },
  },
  {
    slug: 'new-benelux-police-treaty-in-force',
    themes: ['senningen', 'police-cooperation'],
    publishedAt: '2023-10-02T08:00:00Z',
    viewCount: 1612,
    texts: {
      nl: {
        title: 'Nieuw Benelux-politieverdrag in werking getreden',
        summary:
          'Het nieuwe Benelux-politieverdrag is in werking getreden. Het geeft de politiediensten van België, Nederland en Luxemburg meer mogelijkheden om over de grens samen te werken.',
        body: `Het Benelux-politieverdrag dat de drie landen in 2018 in Luxemburg ondertekenden, is op 1 oktober 2023 in werking getreden. Het vervangt het verdrag van Senningen uit 2004 en houdt rekening met wat de politiediensten sindsdien in de praktijk hebben geleerd.

## Wat verandert er?

- Agenten kunnen verdachten **verder over de grens achtervolgen** en daar, onder voorwaarden, zelf optreden.
- **Gezamenlijke acties en patrouilles** worden eenvoudiger te organiseren.
- De diensten kunnen **politie-informatie vlotter uitwisselen**, met waarborgen voor de bescherming van persoonsgegevens.

De ministers van het Senningenoverleg noemen het verdrag een belangrijke stap voor de veiligheid in de grensregio’s. Het Benelux strategisch politieoverleg volgt de toepassing ervan op.`,
      },
      fr: {
        title: 'Le nouveau traité de police Benelux est entré en vigueur',
        summary:
          'Le nouveau traité de police Benelux est entré en vigueur. Il offre aux services de police de Belgique, des Pays-Bas et du Luxembourg davantage de possibilités de coopérer par-delà les frontières.',
        body: `Le traité de police Benelux signé par les trois pays à Luxembourg en 2018 est entré en vigueur le 1er octobre 2023. Il remplace le traité de Senningen de 2004 et tient compte de ce que les services de police ont appris depuis sur le terrain.

## Ce qui change

- Les policiers peuvent **poursuivre des suspects plus loin au-delà de la frontière** et, à certaines conditions, y intervenir eux-mêmes.
- Les **opérations et patrouilles communes** sont plus simples à organiser.
- Les services peuvent **échanger plus facilement des informations policières**, avec des garanties pour la protection des données à caractère personnel.

Les ministres de la Concertation de Senningen y voient une étape importante pour la sécurité des régions frontalières. La Concertation stratégique policière Benelux en suit l’application.`,
      },
      en: {
        title: 'New Benelux police treaty enters into force',
        summary:
          'The new Benelux police treaty has entered into force. It gives the police services of Belgium, the Netherlands and Luxembourg more room to work together across the border.',
        body: `The Benelux police treaty that the three countries signed in Luxembourg in 2018 entered into force on 1 October 2023. It replaces the Senningen treaty of 2004 and builds on what the police services have learnt in practice since then.

## What changes

- Officers can **pursue suspects further across the border** and, under conditions, act there themselves.
- **Joint operations and patrols** become easier to organise.
- The services can **exchange police information more smoothly**, with safeguards for the protection of personal data.

The ministers of the Senningen consultation call the treaty an important step for security in the border regions. The Benelux strategic police consultation follows its application.`,
      },
    },
  },
  {
    slug: 'action-day-human-trafficking-2024',
    themes: ['senningen'],
    publishedAt: '2024-10-18T11:00:00Z',
    viewCount: 733,
    texts: {
      nl: {
        title: 'Gezamenlijke actiedag tegen mensenhandel in de grensstreek',
        summary:
          'Politie, inspectiediensten en gemeenten uit België, Nederland en Luxemburg controleerden samen bedrijven in de grensstreek op signalen van arbeidsuitbuiting. Slachtofferhulp was van bij het begin betrokken.',
        body: `Mensenhandel speelt zich vaak af waar weinig mensen kijken: in carwashes, nagelstudio’s, op bouwplaatsen of in de seizoensarbeid. Daders verplaatsen slachtoffers bovendien makkelijk over de grens. Daarom hielden de Beneluxlanden een gezamenlijke actiedag in de grensstreek.

## Een multidisciplinaire aanpak

Politie, arbeids- en sociale inspectie, vreemdelingendiensten en gemeenten gingen samen op controle. Zij letten niet alleen op strafbare feiten, maar vooral op signalen dat mensen worden uitgebuit: onbetaalde uren, ingehouden paspoorten, slechte huisvesting of schulden bij een werkgever.

## De slachtoffers voorop

Medewerkers van de gespecialiseerde opvangcentra waren aanwezig om mogelijke slachtoffers meteen te woord te staan en hen te informeren over hun rechten. De vaststellingen worden nu door de bevoegde parketten en het Openbaar Ministerie verder onderzocht.`,
      },
      fr: {
        title:
          'Journée d’action commune contre la traite des êtres humains dans la région frontalière',
        summary:
          'Police, services d’inspection et communes de Belgique, des Pays-Bas et du Luxembourg ont contrôlé ensemble des entreprises de la région frontalière à la recherche de signes d’exploitation par le travail. L’aide aux victimes était associée dès le départ.',
        body: `La traite des êtres humains se déroule souvent là où peu de gens regardent : dans les car-wash, les ongleries, sur les chantiers ou dans le travail saisonnier. Les auteurs déplacent en outre facilement leurs victimes d’un pays à l’autre. C’est pourquoi les pays du Benelux ont organisé une journée d’action commune dans la région frontalière.

## Une approche multidisciplinaire

Police, inspection du travail et inspection sociale, services de l’immigration et communes ont effectué des contrôles ensemble. Ils ne recherchaient pas seulement des infractions, mais surtout des signes d’exploitation : heures non payées, passeports confisqués, logements indignes ou dettes envers un employeur.

## Les victimes d’abord

Des collaborateurs des centres d’accueil spécialisés étaient présents pour parler immédiatement aux victimes potentielles et les informer de leurs droits. Les constatations font à présent l’objet d’un examen approfondi par les parquets compétents et l’Openbaar Ministerie.`,
      },
    },
  },
  {
    slug: 'drug-runners-a16-e19-joint-checks',
    themes: ['drugs'],
    body: 'hazeldonk',
    publishedAt: '2025-04-14T09:00:00Z',
    viewCount: 548,
    texts: {
      nl: {
        title: 'Gezamenlijke controles tegen drugsrunners langs de A16/E19',
        summary:
          'Belgische, Nederlandse en Franse diensten controleerden samen verzorgingsplaatsen en afritten langs de A16/E19. De actie richtte zich op drugsrunners en op drugstoeristen die de grens oversteken.',
        body: `Drugsrunners spreken automobilisten met een Belgische of Franse nummerplaat aan, vaak al vlak na de grens, en loodsen hen naar verkooppunten. Het strategisch Hazeldonkoverleg besloot daarom tot gezamenlijke controles langs de A16/E19.

Politie, Koninklijke Marechaussee en douane stonden samen op verzorgingsplaatsen en bij afritten aan beide kanten van de grens. Franse collega’s waren aanwezig om hun landgenoten aan te spreken en om informatie over routes en koeriers meteen met hun diensten te delen.

De partners evalueren de actie in het volgende overleg en bekijken of zulke controles vaker kunnen plaatsvinden.`,
      },
      fr: {
        title: 'Contrôles communs contre les rabatteurs le long de l’A16/E19',
        summary:
          'Des services belges, néerlandais et français ont contrôlé ensemble des aires de service et des sorties le long de l’A16/E19. L’action visait les rabatteurs et les touristes de la drogue qui franchissent la frontière.',
        body: `Les rabatteurs abordent les automobilistes immatriculés en Belgique ou en France, souvent juste après la frontière, pour les conduire vers des points de vente. La Concertation stratégique de Hazeldonk a donc décidé d’organiser des contrôles communs le long de l’A16/E19.

Police, Koninklijke Marechaussee et douane étaient présentes ensemble sur des aires de service et à des sorties des deux côtés de la frontière. Des collègues français étaient sur place pour s’adresser à leurs compatriotes et partager immédiatement avec leurs services les informations sur les itinéraires et les passeurs.

Les partenaires évalueront l’action lors de la prochaine réunion et examineront si de tels contrôles peuvent être plus fréquents.`,
      },
    },
  },
  {
    slug: 'senningen-ministers-meet-2026',
    themes: ['senningen'],
    body: 'senningen',
    meeting: 'senningen-2026-06',
    publishedAt: '2026-06-05T08:00:00Z',
    viewCount: 402,
    texts: {
      nl: {
        title:
          'Ministers van het Senningenoverleg maken afspraken over informatie-uitwisseling en cybercriminaliteit',
        summary:
          'Op 4 juni 2026 kwamen de Benelux-ministers van Binnenlandse Zaken en Justitie samen in Senningen. Zij spraken af de informatie-uitwisseling tussen politie en justitie verder te digitaliseren en samen op te treden tegen cybercriminaliteit.',
        body: `De ministers die in België, Nederland en Luxemburg bevoegd zijn voor veiligheid en justitie, vergaderden op 4 juni 2026 in het kasteel van Senningen.

## De belangrijkste afspraken

- De **informatie-uitwisseling** tussen politie- en justitiediensten verloopt voortaan zoveel mogelijk via beveiligde digitale kanalen, met duidelijke termijnen en met respect voor de regels over gegevensbescherming.
- De landen stellen een **gezamenlijk plan tegen cybercriminaliteit** op, met aandacht voor de slachtoffers van online oplichting.
- **Gemeenten** in de grensstreek krijgen meer ondersteuning bij de bestuurlijke aanpak van ondermijnende criminaliteit.

De strategische overleggen werken de afspraken uit; de ministers bespreken de voortgang op hun volgende bijeenkomst.`,
      },
      fr: {
        title:
          'Les ministres de la Concertation de Senningen s’accordent sur l’échange d’informations et la cybercriminalité',
        summary:
          'Le 4 juin 2026, les ministres de l’Intérieur et de la Justice du Benelux se sont réunis à Senningen. Ils ont convenu de poursuivre la numérisation de l’échange d’informations entre police et justice et d’agir ensemble contre la cybercriminalité.',
        body: `Les ministres chargés de la sécurité et de la justice en Belgique, aux Pays-Bas et au Luxembourg se sont réunis le 4 juin 2026 au château de Senningen.

## Les principaux engagements

- L’**échange d’informations** entre services de police et de justice passe désormais autant que possible par des canaux numériques sécurisés, avec des délais clairs et dans le respect des règles de protection des données.
- Les pays élaborent un **plan commun contre la cybercriminalité**, attentif aux victimes d’escroqueries en ligne.
- Les **communes** de la région frontalière sont davantage soutenues dans l’approche administrative de la criminalité déstabilisante.

Les concertations stratégiques mettent ces engagements en œuvre ; les ministres feront le point lors de leur prochaine réunion.`,
      },
      de: {
        title:
          'Ministerinnen und Minister der Senningen-Konsultation einigen sich auf Informationsaustausch und Cyberkriminalität',
        summary:
          'Am 4. Juni 2026 trafen sich die Innen- und Justizministerinnen und -minister der Benelux-Länder in Senningen. Sie vereinbarten, den Informationsaustausch zwischen Polizei und Justiz weiter zu digitalisieren und gemeinsam gegen Cyberkriminalität vorzugehen.',
        body: `Die für Sicherheit und Justiz zuständigen Ministerinnen und Minister Belgiens, der Niederlande und Luxemburgs kamen am 4. Juni 2026 auf Schloss Senningen zusammen.

## Die wichtigsten Vereinbarungen

- Der **Informationsaustausch** zwischen Polizei und Justiz läuft künftig so weit wie möglich über gesicherte digitale Kanäle, mit klaren Fristen und unter Wahrung des Datenschutzes.
- Die Länder erstellen einen **gemeinsamen Plan gegen Cyberkriminalität**, der auch die Opfer von Online-Betrug in den Blick nimmt.
- **Gemeinden** im Grenzgebiet erhalten mehr Unterstützung beim verwaltungsrechtlichen Vorgehen gegen die organisierte Kriminalität.

Die strategischen Gremien setzen die Vereinbarungen um; die Ministerinnen und Minister besprechen die Fortschritte bei ihrem nächsten Treffen.`,
      },
      en: {
        title: 'Senningen ministers agree on information exchange and cybercrime',
        summary:
          'On 4 June 2026, the Benelux ministers of the Interior and of Justice met in Senningen. They agreed to further digitise the exchange of information between police and justice and to act together against cybercrime.',
        body: `The ministers responsible for security and justice in Belgium, the Netherlands and Luxembourg met at Senningen Castle on 4 June 2026.

## The main agreements

- The **exchange of information** between police and justice services will run through secure digital channels wherever possible, with clear deadlines and within the data protection rules.
- The countries will draw up a **joint plan against cybercrime**, with attention for the victims of online fraud.
- **Municipalities** in the border region will receive more support for the administrative approach to organised crime.

The strategic bodies will work out the agreements; the ministers will review progress at their next meeting.`,
      },
    },
  },
  {
    slug: 'benelux-cybercrime-knowledge-network',
    themes: ['senningen'],
    body: 'senningen',
    publishedAt: null,
    viewCount: 0,
    texts: {
      nl: {
        title: 'Benelux-landen starten een kennisnetwerk tegen cybercriminaliteit',
        summary:
          'Als uitwerking van de afspraken van het Senningenoverleg brengen de Beneluxlanden hun specialisten in cybercriminaliteit samen in één kennisnetwerk.',
        body: `Online oplichting, ransomware en de verkoop van gestolen gegevens kennen geen grenzen. De ministers van het Senningenoverleg spraken in juni af om samen op te treden; nu zetten de politiediensten een eerste stap.

In het nieuwe kennisnetwerk delen specialisten uit de drie landen hun ervaring met onderzoeksmethoden, met de opvang van slachtoffers en met de samenwerking met internetbedrijven. Het netwerk organiseert ook gezamenlijke opleidingen voor agenten die als eersten met een melding van cybercriminaliteit te maken krijgen.`,
      },
      fr: {
        title: 'Les pays du Benelux lancent un réseau de connaissances contre la cybercriminalité',
        summary:
          'Pour mettre en œuvre les engagements de la Concertation de Senningen, les pays du Benelux réunissent leurs spécialistes de la cybercriminalité au sein d’un même réseau de connaissances.',
        body: `L’escroquerie en ligne, les rançongiciels et la vente de données volées ne connaissent pas de frontières. En juin, les ministres de la Concertation de Senningen ont convenu d’agir ensemble ; les services de police franchissent à présent une première étape.

Au sein du nouveau réseau, des spécialistes des trois pays partagent leur expérience des méthodes d’enquête, de l’accueil des victimes et de la coopération avec les entreprises de l’internet. Le réseau organise aussi des formations communes pour les policiers qui sont les premiers à recevoir un signalement de cybercriminalité.`,
      },
    },
  },
];

// ================================================================== consultation bodies

export type DemoCountryCode = 'BE' | 'NL' | 'LU' | 'FR';
export type DemoActionStatus = 'open' | 'in_progress' | 'done' | 'cancelled';

export interface DemoMember {
  /** The member's account on the Belgian node, if they have one. */
  username?: string;
  name: string;
  country: DemoCountryCode;
  organisation: string;
  function: 'chair' | 'member' | 'secretary' | 'observer';
}

export interface DemoActionNote {
  /** The demo user who writes it (a member of the body, or the secretariat's editor). */
  by: string;
  on: string;
  text: string;
  status?: DemoActionStatus;
}

export interface DemoAction {
  title: string;
  description: string;
  ownerCountry: DemoCountryCode;
  ownerAgency: string;
  dueOn: string;
  notes: DemoActionNote[];
}

export interface DemoDecision {
  text: string;
  actions: DemoAction[];
}

export interface DemoMeeting {
  /** How news items refer to the meeting. */
  key: string;
  title: string;
  startsAt: string;
  endsAt: string;
  mode: 'in_person' | 'digital' | 'hybrid';
  place?: string;
  agenda: { title: string; notes?: string }[];
  minutes?: string;
  /** The names of the members who attended (past meetings). */
  attendees?: string[];
  decisions?: DemoDecision[];
}

export interface DemoBody {
  code: string;
  names: { nl: string; fr: string; de: string; en: string };
  level: 'ministerial' | 'strategic' | 'operational';
  countries: DemoCountryCode[];
  description: string;
  members: DemoMember[];
  meetings: DemoMeeting[];
}

const SECRETARIAT: DemoMember = {
  username: 'editor.benelux',
  name: 'Anna Schmit',
  country: 'BE',
  organisation: 'Secretariaat-Generaal Benelux / Secrétariat général Benelux',
  function: 'secretary',
};

export const DEMO_BODIES: DemoBody[] = [
  // ---------------------------------------------------------------- Senningen
  {
    code: 'senningen',
    names: {
      nl: 'Senningenoverleg',
      fr: 'Concertation de Senningen',
      de: 'Senningen-Konsultation',
      en: 'Senningen consultation',
    },
    level: 'ministerial',
    countries: ['BE', 'NL', 'LU'],
    description:
      'Ministerieel overleg over politie en justitie; komt eenmaal per jaar samen onder het Benelux-voorzitterschap. / Concertation ministérielle sur la police et la justice ; se réunit une fois par an sous la présidence Benelux.',
    members: [
      {
        name: 'Joost van Leeuwen',
        country: 'NL',
        organisation: 'Ministerie van Justitie en Veiligheid',
        function: 'chair',
      },
      {
        name: 'Lieve Vercammen',
        country: 'BE',
        organisation: 'FOD Binnenlandse Zaken – Beleidscel van de minister',
        function: 'member',
      },
      {
        name: 'Olivier Lemaire',
        country: 'BE',
        organisation: 'SPF Justice – Cellule stratégique du ministre',
        function: 'member',
      },
      {
        name: 'Carole Thill',
        country: 'LU',
        organisation: 'Ministère des Affaires intérieures',
        function: 'member',
      },
      {
        name: 'Marc Kieffer',
        country: 'LU',
        organisation: 'Ministère de la Justice',
        function: 'member',
      },
      {
        name: 'Hanneke Dijkstra',
        country: 'NL',
        organisation:
          'Ministerie van Justitie en Veiligheid – Directoraat-Generaal Politie en Veiligheidsregio’s',
        function: 'member',
      },
      {
        username: 'spoc.be',
        name: 'Julien Dubois',
        country: 'BE',
        organisation:
          'Police fédérale – Direction de la coopération policière internationale (CGI)',
        function: 'observer',
      },
      SECRETARIAT,
    ],
    meetings: [
      {
        key: 'senningen-2025-06',
        title: 'Ministerieel Senningenoverleg 2025',
        startsAt: '2025-06-19T07:30:00Z',
        endsAt: '2025-06-19T11:00:00Z',
        mode: 'in_person',
        place: 'Secretariaat-Generaal Benelux, Regentschapsstraat 39, Brussel',
        agenda: [
          { title: 'Opening en goedkeuring van de agenda' },
          {
            title: 'Stand van de toepassing van het Benelux-politieverdrag',
            notes: 'Toelichting door de voorzitter van het Benelux strategisch politieoverleg.',
          },
          { title: 'Multidisciplinaire aanpak van mensenhandel en mensensmokkel' },
          { title: 'Werkprogramma van het Senningenoverleg voor 2026' },
        ],
        minutes: `## Verslag

De ministers stellen vast dat het nieuwe Benelux-politieverdrag in de praktijk goed wordt toegepast: gemengde patrouilles en gezamenlijke acties zijn eenvoudiger te organiseren dan voorheen.

Over de aanpak van mensenhandel spreken de ministers hun waardering uit voor de gezamenlijke actiedagen. Zij vragen de diensten de samenwerking met de inspectiediensten en de slachtofferhulp verder te versterken.

Het werkprogramma voor 2026 wordt goedgekeurd, met als prioriteiten de digitale informatie-uitwisseling, cybercriminaliteit en de bestuurlijke aanpak.`,
        attendees: [
          'Joost van Leeuwen',
          'Lieve Vercammen',
          'Olivier Lemaire',
          'Carole Thill',
          'Marc Kieffer',
          'Anna Schmit',
        ],
        decisions: [
          {
            text: 'Het werkprogramma 2026 van het Senningenoverleg wordt goedgekeurd, met als prioriteiten de digitale informatie-uitwisseling, cybercriminaliteit en de bestuurlijke aanpak.',
            actions: [
              {
                title: 'Werkprogramma 2026 verspreiden onder de strategische overleggen',
                description:
                  'Het goedgekeurde werkprogramma bezorgen aan het Benelux strategisch politieoverleg en het Hazeldonkoverleg, met de vraag hun planning erop af te stemmen.',
                ownerCountry: 'BE',
                ownerAgency: 'Secretariaat-Generaal Benelux',
                dueOn: '2025-07-15',
                notes: [
                  {
                    by: 'editor.benelux',
                    on: '2025-07-08',
                    text: 'Werkprogramma verstuurd naar de voorzitters en secretariaten van beide strategische overleggen.',
                    status: 'done',
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        key: 'senningen-2026-06',
        title: 'Ministerieel Senningenoverleg 2026',
        startsAt: '2026-06-04T07:30:00Z',
        endsAt: '2026-06-04T11:30:00Z',
        mode: 'in_person',
        place: 'Château de Senningen, Niederanven',
        agenda: [
          { title: 'Opening door de voorzitter' },
          {
            title: 'Digitale informatie-uitwisseling tussen politie en justitie',
            notes: 'Stand van de omzetting van richtlijn (EU) 2023/977 in de drie landen.',
          },
          { title: 'Gezamenlijk plan tegen cybercriminaliteit' },
          {
            title: 'Ondersteuning van gemeenten bij de bestuurlijke aanpak',
            notes: 'Ervaringen van de grensgemeenten Knokke-Heist en Sluis.',
          },
          { title: 'Rondvraag en volgende vergadering' },
        ],
        minutes: `## Verslag

**Informatie-uitwisseling.** De drie landen hebben richtlijn (EU) 2023/977 omgezet. De ministers willen dat verzoeken tussen de nationale contactpunten zoveel mogelijk digitaal en met zichtbare termijnen verlopen. De diensten krijgen de opdracht de gemeenschappelijke werkwijze vast te leggen.

**Cybercriminaliteit.** De ministers besluiten tot een gezamenlijk plan, met aandacht voor preventie, opsporing en de slachtoffers van online oplichting. De politiediensten richten een kennisnetwerk op.

**Bestuurlijke aanpak.** De burgemeesters van grensgemeenten vragen om eenvoudiger toegang tot informatie van partnerdiensten over de grens bij de screening van vergunningen. De ministers laten onderzoeken welke wettelijke mogelijkheden daarvoor bestaan.`,
        attendees: [
          'Joost van Leeuwen',
          'Lieve Vercammen',
          'Olivier Lemaire',
          'Carole Thill',
          'Hanneke Dijkstra',
          'Julien Dubois',
          'Anna Schmit',
        ],
        decisions: [
          {
            text: 'De nationale contactpunten leggen een gemeenschappelijke werkwijze vast voor de digitale uitwisseling van informatie, met termijnen en waarborgen voor de bescherming van persoonsgegevens.',
            actions: [
              {
                title: 'Gemeenschappelijke werkwijze van de nationale contactpunten opstellen',
                description:
                  'Een gedeelde handleiding voor de behandeling van verzoeken volgens richtlijn (EU) 2023/977: ontvangst, termijnen, behandelingscodes en terugkoppeling.',
                ownerCountry: 'BE',
                ownerAgency: 'Federale Politie – CGI',
                dueOn: '2026-10-31',
                notes: [
                  {
                    by: 'spoc.be',
                    on: '2026-07-10',
                    text: 'Eerste ontwerp besproken met de contactpunten van Nederland en Luxemburg.',
                    status: 'in_progress',
                  },
                  {
                    by: 'spoc.be',
                    on: '2026-10-20',
                    text: 'Luxemburg wacht nog op het advies van zijn functionaris voor gegevensbescherming; de oplevering schuift op naar januari.',
                  },
                ],
              },
            ],
          },
          {
            text: 'De Beneluxlanden stellen een gezamenlijk plan tegen cybercriminaliteit op; de politiediensten richten daartoe een kennisnetwerk op.',
            actions: [
              {
                title: 'Kennisnetwerk cybercriminaliteit oprichten',
                description:
                  'Per land specialisten aanwijzen en een eerste bijeenkomst van het netwerk organiseren.',
                ownerCountry: 'NL',
                ownerAgency: 'Politie – Landelijke Eenheid',
                dueOn: '2026-09-30',
                notes: [
                  {
                    by: 'editor.benelux',
                    on: '2026-09-25',
                    text: 'Specialisten aangewezen in de drie landen; startbijeenkomst gehouden in Driebergen.',
                    status: 'done',
                  },
                ],
              },
              {
                title: 'Ontwerp van het gezamenlijk plan tegen cybercriminaliteit',
                description:
                  'Een ontwerpplan met prioriteiten voor preventie, opsporing en slachtofferhulp, voor te leggen op het Senningenoverleg van 2027.',
                ownerCountry: 'LU',
                ownerAgency: 'Police grand-ducale – Service de police judiciaire',
                dueOn: '2027-03-31',
                notes: [],
              },
            ],
          },
          {
            text: 'Er wordt onderzocht welke wettelijke mogelijkheden bestaan om gemeenten bij de screening van vergunningen informatie van partnerdiensten over de grens te laten ontvangen.',
            actions: [
              {
                title: 'Juridische analyse bestuurlijke informatie-uitwisseling over de grens',
                description:
                  'Overzicht van de wettelijke grondslagen in de drie landen en van de waarborgen voor gegevensbescherming.',
                ownerCountry: 'NL',
                ownerAgency: 'Ministerie van Justitie en Veiligheid',
                dueOn: '2026-11-15',
                notes: [],
              },
            ],
          },
        ],
      },
      {
        key: 'senningen-2027-06',
        title: 'Ministerieel Senningenoverleg 2027',
        startsAt: '2027-06-03T07:30:00Z',
        endsAt: '2027-06-03T11:00:00Z',
        mode: 'hybrid',
        place: 'Secretariaat-Generaal Benelux, Regentschapsstraat 39, Brussel',
        agenda: [
          { title: 'Opening en goedkeuring van het verslag van 4 juni 2026' },
          { title: 'Gezamenlijk plan tegen cybercriminaliteit: ontwerp ter goedkeuring' },
          { title: 'Bestuurlijke informatie-uitwisseling: resultaten van de juridische analyse' },
          { title: 'Werkprogramma 2028' },
        ],
      },
    ],
  },

  // ---------------------------------------------------------------- Hazeldonk
  {
    code: 'hazeldonk',
    names: {
      nl: 'Strategisch Hazeldonkoverleg',
      fr: 'Concertation stratégique de Hazeldonk',
      de: 'Strategische Hazeldonk-Konsultation',
      en: 'Strategic Hazeldonk consultation',
    },
    level: 'strategic',
    countries: ['BE', 'NL', 'LU', 'FR'],
    description:
      'Aanpak van drugstoerisme en drugshandel; komt twee keer per jaar samen. / Lutte contre le tourisme de la drogue et le trafic de drogue ; se réunit deux fois par an.',
    members: [
      {
        name: 'Willemijn Hoekstra',
        country: 'NL',
        organisation: 'Politie Eenheid Zeeland-West-Brabant',
        function: 'chair',
      },
      {
        name: 'Bart Segers',
        country: 'BE',
        organisation: 'Federale Gerechtelijke Politie Antwerpen',
        function: 'member',
      },
      {
        username: 'spoc.be',
        name: 'Julien Dubois',
        country: 'BE',
        organisation:
          'Police fédérale – Direction de la coopération policière internationale (CGI)',
        function: 'member',
      },
      {
        name: 'Erik Brouwer',
        country: 'NL',
        organisation: 'Openbaar Ministerie Zeeland-West-Brabant',
        function: 'member',
      },
      {
        name: 'Yvonne Kuipers',
        country: 'NL',
        organisation: 'Koninklijke Marechaussee',
        function: 'member',
      },
      {
        name: 'Patrick Wagner',
        country: 'LU',
        organisation: 'Police grand-ducale – Service de police judiciaire',
        function: 'member',
      },
      {
        name: 'Nathalie Girard',
        country: 'FR',
        organisation: 'Office anti-stupéfiants (OFAST)',
        function: 'member',
      },
      {
        name: 'Thomas Lefèvre',
        country: 'FR',
        organisation: 'Direction générale des douanes et droits indirects',
        function: 'member',
      },
      SECRETARIAT,
    ],
    meetings: [
      {
        key: 'hazeldonk-2021-01',
        title: 'Concertation stratégique de Hazeldonk (réunion numérique)',
        startsAt: '2021-01-15T08:30:00Z',
        endsAt: '2021-01-15T11:00:00Z',
        mode: 'digital',
        agenda: [
          { title: 'Ouverture et approbation de l’ordre du jour' },
          {
            title: 'Bilan des contrôles communs de 2020',
            notes: 'Présentation par la Politie Eenheid Zeeland-West-Brabant.',
          },
          { title: 'Le tourisme de la drogue pendant la pandémie' },
          { title: 'Échange d’informations sur les passeurs interceptés' },
          { title: 'Calendrier 2021 et divers' },
        ],
        minutes: `## Procès-verbal

La présidente remercie les délégations d’avoir rejoint la réunion en ligne, les mesures sanitaires empêchant une réunion à Hazeldonk.

**Bilan 2020.** Les contrôles communs ont dû être adaptés aux restrictions de déplacement, mais ont pu être maintenus sur l’A16/E19. Les délégations constatent que les itinéraires des passeurs se sont en partie déplacés vers les routes secondaires.

**Pandémie.** Les délégations souhaitent disposer d’un état des lieux commun de l’évolution du tourisme de la drogue afin d’adapter leurs moyens.

**Échange d’informations.** La France propose que chaque pays désigne un point de contact permanent pour les informations sur les passeurs interceptés. La proposition est acceptée.`,
        attendees: [
          'Willemijn Hoekstra',
          'Bart Segers',
          'Julien Dubois',
          'Erik Brouwer',
          'Patrick Wagner',
          'Nathalie Girard',
          'Anna Schmit',
        ],
        decisions: [
          {
            text: 'Les contrôles communs sur l’A16/E19 et sur les liaisons ferroviaires entre les Pays-Bas, la Belgique et la France sont poursuivis en 2021 selon un calendrier commun, et chaque pays désigne un point de contact permanent pour l’échange d’informations sur les passeurs interceptés.',
            actions: [
              {
                title: 'Établir le calendrier des contrôles communs 2021',
                description:
                  'Calendrier trimestriel des contrôles sur l’A16/E19 et dans les trains, à diffuser aux quatre délégations.',
                ownerCountry: 'NL',
                ownerAgency: 'Politie Eenheid Zeeland-West-Brabant',
                dueOn: '2021-03-01',
                notes: [
                  {
                    by: 'editor.benelux',
                    on: '2021-02-24',
                    text: 'Calendrier reçu de la présidence et diffusé aux délégations.',
                    status: 'done',
                  },
                ],
              },
              {
                title: 'Désigner un point de contact par pays pour les passeurs interceptés',
                description:
                  'Chaque délégation communique au secrétariat le service et l’adresse fonctionnelle de son point de contact.',
                ownerCountry: 'FR',
                ownerAgency: 'Office anti-stupéfiants (OFAST)',
                dueOn: '2021-02-15',
                notes: [
                  {
                    by: 'spoc.be',
                    on: '2021-02-02',
                    text: 'Pour la Belgique : la CGI assure le point de contact.',
                    status: 'in_progress',
                  },
                  {
                    by: 'editor.benelux',
                    on: '2021-02-12',
                    text: 'Les quatre points de contact sont connus ; la liste a été diffusée.',
                    status: 'done',
                  },
                ],
              },
            ],
          },
          {
            text: 'Un état des lieux commun des effets de la pandémie sur le tourisme de la drogue est établi pour la prochaine réunion.',
            actions: [
              {
                title: 'État des lieux du tourisme de la drogue pendant la pandémie',
                description:
                  'Analyse commune fondée sur les constatations des contrôles et sur les informations des quatre pays.',
                ownerCountry: 'BE',
                ownerAgency: 'Federale Gerechtelijke Politie Antwerpen',
                dueOn: '2021-06-30',
                notes: [
                  {
                    by: 'spoc.be',
                    on: '2021-05-18',
                    text: 'Contributions néerlandaise et française reçues ; la contribution luxembourgeoise est attendue.',
                    status: 'in_progress',
                  },
                  {
                    by: 'spoc.be',
                    on: '2021-07-06',
                    text: 'État des lieux finalisé et transmis au secrétariat, avec une semaine de retard.',
                    status: 'done',
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        key: 'hazeldonk-2026-03',
        title: 'Strategisch Hazeldonkoverleg – voorjaar 2026',
        startsAt: '2026-03-19T09:00:00Z',
        endsAt: '2026-03-19T12:30:00Z',
        mode: 'hybrid',
        place: 'Politiebureau Breda, Breda',
        agenda: [
          { title: 'Opening en verslag van de vorige vergadering' },
          {
            title: 'Evaluatie van de gezamenlijke controles tegen drugsrunners',
            notes: 'Toelichting door de Koninklijke Marechaussee.',
          },
          { title: 'Routes van drugskoeriers naar Noord-Frankrijk' },
          { title: 'ANPR-gegevens onder het nieuwe Benelux-politieverdrag' },
          { title: 'Preventie bij jongeren in de grensstreek' },
        ],
        minutes: `## Verslag

**Controles tegen drugsrunners.** De gezamenlijke controles op verzorgingsplaatsen langs de A16/E19 worden positief geëvalueerd. De aanwezigheid van Franse collega’s maakt het makkelijker om Franse drugstoeristen aan te spreken. De partners willen de controles dit voorjaar herhalen.

**Koeriersroutes.** Frankrijk stelt vast dat koeriers vaker via Belgische secundaire wegen rijden. OFAST maakt samen met de partners een analyse van de routes.

**ANPR.** De Beneluxlanden onderzoeken welke ANPR-gegevens zij op grond van het nieuwe politieverdrag kunnen uitwisselen en met welke waarborgen.

**Preventie.** België stelt een gezamenlijke preventiecampagne voor jongeren in de grensstreek voor.`,
        attendees: [
          'Willemijn Hoekstra',
          'Bart Segers',
          'Julien Dubois',
          'Erik Brouwer',
          'Yvonne Kuipers',
          'Patrick Wagner',
          'Nathalie Girard',
          'Thomas Lefèvre',
          'Anna Schmit',
        ],
        decisions: [
          {
            text: 'De gezamenlijke controles tegen drugsrunners op de verzorgingsplaatsen langs de A16/E19 worden in het voorjaar van 2026 herhaald, en de routes van drugskoeriers naar Noord-Frankrijk worden gezamenlijk geanalyseerd.',
            actions: [
              {
                title: 'Gezamenlijke controleactie op verzorgingsplaatsen A16/E19',
                description:
                  'Voorbereiding en uitvoering van een controleactie met politie, marechaussee en douane uit de vier landen.',
                ownerCountry: 'NL',
                ownerAgency: 'Koninklijke Marechaussee',
                dueOn: '2026-06-30',
                notes: [
                  {
                    by: 'editor.benelux',
                    on: '2026-05-12',
                    text: 'Datum vastgelegd; de Franse douane levert twee ploegen.',
                    status: 'in_progress',
                  },
                  {
                    by: 'editor.benelux',
                    on: '2026-06-24',
                    text: 'Actie uitgevoerd; de evaluatie volgt in het najaarsoverleg.',
                    status: 'done',
                  },
                ],
              },
              {
                title: 'Analyse van de routes van drugskoeriers naar Noord-Frankrijk',
                description:
                  'Gezamenlijke analyse op basis van controles, ANPR-treffers en onderzoeken in de vier landen.',
                ownerCountry: 'FR',
                ownerAgency: 'Office anti-stupéfiants (OFAST)',
                dueOn: '2026-09-30',
                notes: [
                  {
                    by: 'spoc.be',
                    on: '2026-07-03',
                    text: 'Belgische gegevens over de controles van het voorjaar aan OFAST bezorgd.',
                    status: 'in_progress',
                  },
                ],
              },
            ],
          },
          {
            text: 'De Beneluxlanden onderzoeken welke ANPR-gegevens zij op grond van het Benelux-politieverdrag kunnen uitwisselen, en België werkt een voorstel uit voor een gezamenlijke preventiecampagne voor jongeren.',
            actions: [
              {
                title: 'Overzicht van de ANPR-gegevens die kunnen worden uitgewisseld',
                description:
                  'Welke gegevens, op welke grondslag, met welke bewaartermijnen en welke waarborgen voor gegevensbescherming.',
                ownerCountry: 'LU',
                ownerAgency: 'Police grand-ducale',
                dueOn: '2026-10-15',
                notes: [],
              },
              {
                title: 'Voorstel voor een preventiecampagne voor jongeren in de grensstreek',
                description:
                  'Samen met gemeenten en hulpverlening, in het Nederlands en het Frans.',
                ownerCountry: 'BE',
                ownerAgency: 'Federale Politie',
                dueOn: '2026-12-15',
                notes: [],
              },
            ],
          },
        ],
      },
      {
        key: 'hazeldonk-2027-03',
        title: 'Concertation stratégique de Hazeldonk – printemps 2027',
        startsAt: '2027-03-18T09:00:00Z',
        endsAt: '2027-03-18T12:30:00Z',
        mode: 'in_person',
        place: 'Préfecture du Nord, Lille',
        agenda: [
          { title: 'Ouverture et approbation du procès-verbal' },
          { title: 'Analyse des itinéraires des passeurs vers le nord de la France' },
          { title: 'Échange de données ANPR : état d’avancement' },
          { title: 'Campagne de prévention auprès des jeunes' },
        ],
      },
    ],
  },

  // ---------------------------------------------------------------- strategic police consultation
  {
    code: 'police-consultation',
    names: {
      nl: 'Benelux strategisch politieoverleg',
      fr: 'Concertation stratégique policière Benelux',
      de: 'Strategische Benelux-Polizeikonsultation',
      en: 'Benelux strategic police consultation',
    },
    level: 'strategic',
    countries: ['BE', 'NL', 'LU'],
    description:
      'Overleg van de politieleiding; komt twee keer per jaar samen, in het voorjaar en het najaar. / Concertation des dirigeants policiers ; se réunit deux fois par an, au printemps et à l’automne.',
    members: [
      {
        name: 'Jean-Paul Kremer',
        country: 'LU',
        organisation: 'Police grand-ducale – Direction générale',
        function: 'chair',
      },
      {
        name: 'Dirk Van den Broeck',
        country: 'BE',
        organisation: 'Federale Politie – Commissariaat-generaal',
        function: 'member',
      },
      {
        name: 'Sabine Leclercq',
        country: 'BE',
        organisation: 'Vaste Commissie van de Lokale Politie',
        function: 'member',
      },
      {
        username: 'supervisor.knokke',
        name: 'Els Maes',
        country: 'BE',
        organisation: 'Lokale Politie Knokke-Heist',
        function: 'member',
      },
      {
        name: 'Maarten de Graaf',
        country: 'NL',
        organisation: 'Politie – Korpsleiding',
        function: 'member',
      },
      {
        name: 'Ingrid Hendriks',
        country: 'NL',
        organisation: 'Koninklijke Marechaussee',
        function: 'member',
      },
      {
        name: 'Laura Meyers',
        country: 'LU',
        organisation: 'Police grand-ducale – Direction des opérations',
        function: 'member',
      },
      SECRETARIAT,
    ],
    meetings: [
      {
        key: 'police-2020-11',
        title: 'Benelux strategisch politieoverleg – najaar 2020 (digitaal)',
        startsAt: '2020-11-20T09:00:00Z',
        endsAt: '2020-11-20T11:30:00Z',
        mode: 'digital',
        agenda: [
          { title: 'Opening en goedkeuring van de agenda' },
          {
            title: 'Evaluatie van de gemengde patrouilles in Knokke-Heist, zomer 2020',
            notes: 'Toelichting door de Lokale Politie Knokke-Heist.',
          },
          { title: 'Nieuw Benelux-politieverdrag: voorbereiding van de toepassing' },
          { title: 'Samenwerking tijdens de COVID-19-pandemie' },
          { title: 'Rondvraag en volgende vergadering' },
        ],
        minutes: `## Verslag

De voorzitter opent de vergadering, die wegens de coronamaatregelen digitaal plaatsvindt.

**Gemengde patrouilles.** De Lokale Politie Knokke-Heist licht de ervaringen van de zomer toe. De gemengde patrouilles werden goed ontvangen door bewoners en bezoekers, en de Nederlandse collega’s konden groepen jongeren vaak snel aanspreken. Er was nood aan betere afspraken over radioverbindingen tussen de ploegen.

**Nieuw politieverdrag.** Zolang de ratificatie loopt, wordt een gezamenlijke werkgroep opgericht die de toepassing voorbereidt: opleiding, procedures en informatie-uitwisseling.

**Pandemie.** De diensten wisselen ervaringen uit met controles aan de grenzen en met de bescherming van hun personeel.

De volgende vergadering vindt in het voorjaar van 2021 plaats.`,
        attendees: [
          'Jean-Paul Kremer',
          'Dirk Van den Broeck',
          'Sabine Leclercq',
          'Els Maes',
          'Maarten de Graaf',
          'Laura Meyers',
          'Anna Schmit',
        ],
        decisions: [
          {
            text: 'De gemengde patrouilles aan de kust worden in de zomer van 2021 voortgezet, met betere afspraken over de radioverbindingen tussen de Belgische en Nederlandse ploegen.',
            actions: [
              {
                title: 'Plan voor de gemengde patrouilles in de zomer van 2021',
                description:
                  'Inzetplan met periodes, plaatsen, aantallen en afspraken over radioverbindingen.',
                ownerCountry: 'BE',
                ownerAgency: 'Lokale Politie Knokke-Heist',
                dueOn: '2021-04-30',
                notes: [
                  {
                    by: 'supervisor.knokke',
                    on: '2021-03-15',
                    text: 'Overleg met de eenheid Zeeland-West-Brabant over de periodes en het aantal agenten.',
                    status: 'in_progress',
                  },
                  {
                    by: 'supervisor.knokke',
                    on: '2021-04-22',
                    text: 'Inzetplan goedgekeurd door beide korpsen; radioafspraken opgenomen.',
                    status: 'done',
                  },
                ],
              },
            ],
          },
          {
            text: 'Er wordt een gezamenlijke werkgroep opgericht die de toepassing van het nieuwe Benelux-politieverdrag voorbereidt.',
            actions: [
              {
                title: 'Werkgroep toepassing nieuw Benelux-politieverdrag oprichten',
                description: 'Samenstelling, opdracht en planning van de werkgroep vastleggen.',
                ownerCountry: 'NL',
                ownerAgency: 'Politie – Landelijke Eenheid',
                dueOn: '2021-03-31',
                notes: [
                  {
                    by: 'editor.benelux',
                    on: '2021-03-26',
                    text: 'Werkgroep samengesteld; eerste vergadering gehouden.',
                    status: 'done',
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        key: 'police-2026-05',
        title: 'Concertation stratégique policière Benelux – printemps 2026',
        startsAt: '2026-05-21T08:00:00Z',
        endsAt: '2026-05-21T12:00:00Z',
        mode: 'in_person',
        place: 'Cité policière Grand-Duc Henri, Luxembourg',
        agenda: [
          { title: 'Ouverture et approbation du procès-verbal' },
          { title: 'Patrouilles mixtes lors de grands événements frontaliers' },
          { title: 'Formation commune en matière de cybercriminalité' },
          { title: 'Préparation de la Concertation de Senningen du 4 juin 2026' },
        ],
        minutes: `## Procès-verbal

**Grands événements.** Les délégations souhaitent étendre les patrouilles mixtes aux grands événements organisés près des frontières (festivals, manifestations sportives). Un inventaire des événements de 2027 sera dressé.

**Cybercriminalité.** Les premiers intervenants doivent mieux savoir recueillir une plainte pour escroquerie en ligne et préserver les traces numériques. Le Luxembourg organisera une formation commune.

**Senningen.** Les délégations approuvent les contributions policières à la réunion ministérielle du 4 juin.`,
        attendees: [
          'Jean-Paul Kremer',
          'Dirk Van den Broeck',
          'Els Maes',
          'Maarten de Graaf',
          'Ingrid Hendriks',
          'Laura Meyers',
          'Anna Schmit',
        ],
        decisions: [
          {
            text: 'Les patrouilles mixtes sont étendues aux grands événements organisés près des frontières ; un inventaire des événements de 2027 est dressé.',
            actions: [
              {
                title: 'Inventaire des grands événements frontaliers de 2027',
                description:
                  'Liste des événements, des communes concernées et des besoins de renfort mutuel.',
                ownerCountry: 'BE',
                ownerAgency: 'Federale Politie – Directie van de bestuurlijke politie',
                dueOn: '2026-10-31',
                notes: [
                  {
                    by: 'supervisor.knokke',
                    on: '2026-09-08',
                    text: 'Knokke-Heist heeft zijn evenementen voor 2027 doorgegeven.',
                    status: 'in_progress',
                  },
                ],
              },
            ],
          },
          {
            text: 'Une formation commune en matière de cybercriminalité est organisée pour les premiers intervenants des trois pays.',
            actions: [
              {
                title: 'Organiser une formation commune pour les premiers intervenants',
                description:
                  'Recueil des plaintes pour escroquerie en ligne et préservation des traces numériques.',
                ownerCountry: 'LU',
                ownerAgency: 'Police grand-ducale – Service de police judiciaire',
                dueOn: '2027-02-28',
                notes: [],
              },
            ],
          },
        ],
      },
      {
        key: 'police-2026-11',
        title: 'Benelux strategisch politieoverleg – najaar 2026',
        startsAt: '2026-11-19T09:00:00Z',
        endsAt: '2026-11-19T12:30:00Z',
        mode: 'hybrid',
        place: 'Politieacademie, Apeldoorn',
        agenda: [
          { title: 'Opening en goedkeuring van het verslag' },
          {
            title: 'Evaluatie van de gemengde patrouilles, zomer 2026',
            notes: 'Toelichting door de Lokale Politie Knokke-Heist.',
          },
          { title: 'Stand van de acties van het voorjaar' },
          { title: 'Jaarplanning 2027' },
        ],
        minutes: `## Verslag

**Zomerpatrouilles.** De gemengde patrouilles aan de kust verliepen opnieuw vlot. De Lokale Politie Knokke-Heist bezorgt een evaluatierapport aan alle partners.

**Acties.** Het inventaris van grensoverschrijdende evenementen is nog niet volledig; de Nederlandse en Luxemburgse bijdragen volgen. De cyberopleiding ligt op schema.

**Jaarplanning.** De vergaderingen van 2027 worden vastgelegd op 20 mei en 18 november.`,
        attendees: [
          'Jean-Paul Kremer',
          'Dirk Van den Broeck',
          'Sabine Leclercq',
          'Els Maes',
          'Maarten de Graaf',
          'Ingrid Hendriks',
          'Anna Schmit',
        ],
        decisions: [
          {
            text: 'De evaluatie van de gemengde patrouilles van de zomer van 2026 wordt aan alle partners bezorgd en dient als basis voor het inzetplan van 2027.',
            actions: [
              {
                title: 'Evaluatierapport zomerpatrouilles 2026 verspreiden',
                description: 'Rapport met vaststellingen, knelpunten en aanbevelingen voor 2027.',
                ownerCountry: 'BE',
                ownerAgency: 'Lokale Politie Knokke-Heist',
                dueOn: '2026-12-18',
                notes: [],
              },
            ],
          },
        ],
      },
      {
        key: 'police-2027-05',
        title: 'Benelux strategisch politieoverleg – voorjaar 2027',
        startsAt: '2027-05-20T08:00:00Z',
        endsAt: '2027-05-20T12:00:00Z',
        mode: 'in_person',
        place: 'Secretariaat-Generaal Benelux, Regentschapsstraat 39, Brussel',
        agenda: [
          { title: 'Opening en goedkeuring van het verslag' },
          { title: 'Inzetplan gemengde patrouilles zomer 2027' },
          { title: 'Gemengde patrouilles bij grote evenementen' },
          { title: 'Voorbereiding van het Senningenoverleg van 3 juni 2027' },
        ],
      },
      {
        key: 'police-2027-11',
        title: 'Concertation stratégique policière Benelux – automne 2027',
        startsAt: '2027-11-18T09:00:00Z',
        endsAt: '2027-11-18T12:30:00Z',
        mode: 'hybrid',
        place: 'Cité policière Grand-Duc Henri, Luxembourg',
        agenda: [
          { title: 'Évaluation des patrouilles mixtes de l’été 2027' },
          { title: 'Bilan de la formation commune en matière de cybercriminalité' },
          { title: 'Calendrier 2028' },
        ],
      },
    ],
  },
];

/** The demo user who edits the portal on each node. */
export const DEMO_EDITORS: Record<string, string> = {
  be: 'editor.benelux',
  nl: 'editor.nl',
  lu: 'editor.lu',
};
