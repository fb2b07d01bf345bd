/** The public portal's own words, in each of its four languages. */
export const LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export interface PortalTexts {
  /** The language's name in itself, for the language switch. */
  languageName: string;
  /** BCP 47 locale for dates and numbers; Open Graph wants it with an underscore. */
  locale: string;
  siteName: string;
  tagline: string;
  skipToContent: string;
  languageNav: string;
  breadcrumbNav: string;
  paginationNav: string;
  home: string;
  themes: string;
  noThemes: string;
  general: string;
  news: string;
  latestNews: string;
  noNews: string;
  moreNews: string;
  readMore: string;
  newsAbout: (theme: string) => string;
  views: (count: number) => string;
  page: (page: number, pages: number) => string;
  previous: string;
  next: string;
  publishedOn: string;
  fromBody: (body: string) => string;
  themesOfItem: string;
  feedRss: (theme: string) => string;
  feedAtom: (theme: string) => string;
  notFoundTitle: string;
  notFoundText: string;
  missingLanguageTitle: string;
  missingLanguageText: string;
  backHome: string;
  preview: string;
  footer: string;
}

function counter(locale: string, one: string, other: string): (count: number) => string {
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  return (count) => `${number.format(count)} ${plural.select(count) === 'one' ? one : other}`;
}

export const TEXTS: Record<Language, PortalTexts> = {
  nl: {
    languageName: 'Nederlands',
    locale: 'nl-BE',
    siteName: 'Senningen',
    tagline: 'Grensoverschrijdende veiligheidssamenwerking in de Benelux',
    skipToContent: 'Naar de inhoud',
    languageNav: 'Taal',
    breadcrumbNav: 'Kruimelpad',
    paginationNav: 'Paginering',
    home: 'Home',
    themes: "Thema's",
    noThemes: "Er zijn nog geen thema's.",
    general: 'Algemeen',
    news: 'Actueel',
    latestNews: 'Laatste nieuws',
    noNews: 'Er is nog geen nieuws.',
    moreNews: 'Meer nieuws',
    readMore: 'Lees meer',
    newsAbout: (theme) => `Nieuws: ${theme}`,
    views: counter('nl-BE', 'weergave', 'weergaven'),
    page: (page, pages) => `Pagina ${page} van ${pages}`,
    previous: 'Vorige pagina',
    next: 'Volgende pagina',
    publishedOn: 'Gepubliceerd op',
    fromBody: (body) => `Afkomstig van: ${body}`,
    themesOfItem: "Thema's",
    feedRss: (theme) => `${theme} (RSS)`,
    feedAtom: (theme) => `${theme} (Atom)`,
    notFoundTitle: 'Pagina niet gevonden',
    notFoundText: 'Deze pagina bestaat niet (meer).',
    missingLanguageTitle: 'Deze pagina bestaat niet in het Nederlands',
    missingLanguageText: 'Deze pagina is wel beschikbaar in:',
    backHome: 'Naar de startpagina',
    preview: 'Voorbeeld: deze versie is niet gepubliceerd.',
    footer: 'Senningen — samenwerking van politie en justitie in België, Nederland en Luxemburg.',
  },
  fr: {
    languageName: 'Français',
    locale: 'fr-BE',
    siteName: 'Senningen',
    tagline: 'Coopération transfrontalière en matière de sécurité au Benelux',
    skipToContent: 'Aller au contenu',
    languageNav: 'Langue',
    breadcrumbNav: "Fil d'Ariane",
    paginationNav: 'Pagination',
    home: 'Accueil',
    themes: 'Thèmes',
    noThemes: "Il n'y a pas encore de thèmes.",
    general: 'Généralités',
    news: 'Actualités',
    latestNews: 'Dernières actualités',
    noNews: "Il n'y a pas encore d'actualités.",
    moreNews: "Plus d'actualités",
    readMore: 'Lire la suite',
    newsAbout: (theme) => `Actualités : ${theme}`,
    views: counter('fr-BE', 'vue', 'vues'),
    page: (page, pages) => `Page ${page} sur ${pages}`,
    previous: 'Page précédente',
    next: 'Page suivante',
    publishedOn: 'Publié le',
    fromBody: (body) => `Source : ${body}`,
    themesOfItem: 'Thèmes',
    feedRss: (theme) => `${theme} (RSS)`,
    feedAtom: (theme) => `${theme} (Atom)`,
    notFoundTitle: 'Page introuvable',
    notFoundText: "Cette page n'existe pas (ou plus).",
    missingLanguageTitle: "Cette page n'existe pas en français",
    missingLanguageText: 'Cette page est disponible en :',
    backHome: "Vers la page d'accueil",
    preview: "Aperçu : cette version n'est pas publiée.",
    footer:
      'Senningen — coopération policière et judiciaire entre la Belgique, les Pays-Bas et le Luxembourg.',
  },
  de: {
    languageName: 'Deutsch',
    locale: 'de-BE',
    siteName: 'Senningen',
    tagline: 'Grenzüberschreitende Sicherheitszusammenarbeit in den Benelux-Ländern',
    skipToContent: 'Zum Inhalt',
    languageNav: 'Sprache',
    breadcrumbNav: 'Brotkrümelnavigation',
    paginationNav: 'Seitennavigation',
    home: 'Startseite',
    themes: 'Themen',
    noThemes: 'Es gibt noch keine Themen.',
    general: 'Allgemeines',
    news: 'Aktuelles',
    latestNews: 'Neueste Meldungen',
    noNews: 'Es gibt noch keine Meldungen.',
    moreNews: 'Weitere Meldungen',
    readMore: 'Weiterlesen',
    newsAbout: (theme) => `Aktuelles: ${theme}`,
    views: counter('de-BE', 'Aufruf', 'Aufrufe'),
    page: (page, pages) => `Seite ${page} von ${pages}`,
    previous: 'Vorherige Seite',
    next: 'Nächste Seite',
    publishedOn: 'Veröffentlicht am',
    fromBody: (body) => `Herkunft: ${body}`,
    themesOfItem: 'Themen',
    feedRss: (theme) => `${theme} (RSS)`,
    feedAtom: (theme) => `${theme} (Atom)`,
    notFoundTitle: 'Seite nicht gefunden',
    notFoundText: 'Diese Seite gibt es nicht (mehr).',
    missingLanguageTitle: 'Diese Seite gibt es nicht auf Deutsch',
    missingLanguageText: 'Diese Seite gibt es auf:',
    backHome: 'Zur Startseite',
    preview: 'Vorschau: diese Fassung ist nicht veröffentlicht.',
    footer:
      'Senningen — Zusammenarbeit von Polizei und Justiz in Belgien, den Niederlanden und Luxemburg.',
  },
  en: {
    languageName: 'English',
    locale: 'en-GB',
    siteName: 'Senningen',
    tagline: 'Cross-border security cooperation in the Benelux',
    skipToContent: 'Skip to content',
    languageNav: 'Language',
    breadcrumbNav: 'Breadcrumb',
    paginationNav: 'Pagination',
    home: 'Home',
    themes: 'Themes',
    noThemes: 'There are no themes yet.',
    general: 'General',
    news: 'News',
    latestNews: 'Latest news',
    noNews: 'There is no news yet.',
    moreNews: 'More news',
    readMore: 'Read more',
    newsAbout: (theme) => `News: ${theme}`,
    views: counter('en-GB', 'view', 'views'),
    page: (page, pages) => `Page ${page} of ${pages}`,
    previous: 'Previous page',
    next: 'Next page',
    publishedOn: 'Published on',
    fromBody: (body) => `From: ${body}`,
    themesOfItem: 'Themes',
    feedRss: (theme) => `${theme} (RSS)`,
    feedAtom: (theme) => `${theme} (Atom)`,
    notFoundTitle: 'Page not found',
    notFoundText: 'This page does not exist (any more).',
    missingLanguageTitle: 'This page does not exist in English',
    missingLanguageText: 'This page is available in:',
    backHome: 'To the home page',
    preview: 'Preview: this version is not published.',
    footer:
      'Senningen — police and justice cooperation in Belgium, the Netherlands and Luxembourg.',
  },
};

const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** A date as people of the language write it, in Brussels time. */
export function formatDate(language: Language, date: Date): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(TEXTS[language].locale, {
      dateStyle: 'long',
      timeZone: 'Europe/Brussels',
    });
    dateFormats.set(language, format);
  }
  return format.format(date);
}

/** Open Graph's locale form: nl_BE. */
export function ogLocale(language: Language): string {
  return TEXTS[language].locale.replace('-', '_');
}
