/**
 * The pages module's fixed terms, shared by the server and the web app (this file imports nothing, so the web
 * bundle can take it as it is).
 */

/** The ten UI languages; German is the source. */
export const UI_LANGS = ['de', 'en', 'tr', 'ar', 'ro', 'bg', 'uk', 'ru', 'fa', 'pl'] as const;
/** Leichte Sprache: German easy-to-read, its own variant of a page (a private-use subtag). */
export const EASY_GERMAN = 'de-x-ls';
/** Every language a page can be read in: the ten UI languages and Leichte Sprache. */
export const PAGE_LANGS = [...UI_LANGS, EASY_GERMAN] as const;
export type PageLang = (typeof PAGE_LANGS)[number];

/** The languages written right to left. */
export const RTL_LANGS: readonly PageLang[] = ['ar', 'fa'];

/** The BCP 47 tag a speech synthesiser is asked for (Leichte Sprache is read by a German voice). */
export const SPEECH_LANG: Record<PageLang, string> = {
  de: 'de-DE',
  en: 'en-GB',
  tr: 'tr-TR',
  ar: 'ar',
  ro: 'ro-RO',
  bg: 'bg-BG',
  uk: 'uk-UA',
  ru: 'ru-RU',
  fa: 'fa-IR',
  pl: 'pl-PL',
  'de-x-ls': 'de-DE',
};

/** A page's way from draft to readers: draft → review → published. */
export const PAGE_STATUSES = ['draft', 'review', 'published'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** The translatable fields of a page; `steps` holds the steps' texts of that language (JSON). */
export const PAGE_FIELDS = ['title', 'summary', 'body', 'steps'] as const;
export type PageField = (typeof PAGE_FIELDS)[number];

/**
 * Where a field's text stands: the German source, a translation up to date or outdated (the German changed since),
 * made by a machine, or missing (German is shown with a marker).
 */
export const TRANSLATION_STATES = ['source', 'up_to_date', 'outdated', 'machine', 'missing'] as const;
export type TranslationState = (typeof TRANSLATION_STATES)[number];
/** The states a stored text can have (missing is never stored). */
export const STORED_TEXT_STATES = ['source', 'up_to_date', 'outdated', 'machine'] as const;
export type StoredTextState = (typeof STORED_TEXT_STATES)[number];

/** Numbers to call in an emergency in Germany, free of charge; the labels are in locales/<lang>/pages.json. */
export const EMERGENCY_NUMBERS = [
  { id: 'ambulance', number: '112' },
  { id: 'police', number: '110' },
  { id: 'doctor', number: '116117' },
  { id: 'violence', number: '116016' },
  { id: 'crisis', number: '08001110111' },
  { id: 'children', number: '116111' },
] as const;
export type EmergencyId = (typeof EMERGENCY_NUMBERS)[number]['id'];

/** Limits of what an editor writes. */
export const MAX_BODY_CHARS = 60_000;
export const MAX_STEPS = 20;
export const MAX_CHECKLIST = 20;
/** A slug: small letters, digits and dashes (it is the page's address). */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

/** The languages a machine (or an agency through XLIFF) translates into: the UI languages besides German. */
export const MT_LANGS = ['en', 'tr', 'ar', 'ro', 'bg', 'uk', 'ru', 'fa', 'pl'] as const;
export type MtLang = (typeof MT_LANGS)[number];
/** At most this many glossary terms per language. */
export const MAX_GLOSSARY_TERMS = 500;

/** A published page is due for the "still correct?" review this many months after it was last confirmed. */
export const REVIEW_MONTHS = 6;
/** What the nightly link check finds: a dead external link, a linked offer that is no longer published. */
export const LINK_PROBLEMS = ['dead_link', 'refused_link', 'unpublished_offer'] as const;
export type LinkProblem = (typeof LINK_PROBLEMS)[number];

/** What news are about; readers subscribe to topics. */
export const NEWS_TOPICS = [
  'authorities',
  'health',
  'school',
  'work',
  'housing',
  'family',
  'courses',
  'events',
] as const;
export type NewsTopic = (typeof NEWS_TOPICS)[number];
export const NEWS_STATUSES = ['draft', 'published'] as const;
