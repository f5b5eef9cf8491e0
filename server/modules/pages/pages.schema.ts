import { z } from 'zod';
import {
  LINK_PROBLEMS,
  MAX_BODY_CHARS,
  MAX_GLOSSARY_TERMS,
  MT_LANGS,
  NEWS_STATUSES,
  NEWS_TOPICS,
  REVIEW_MONTHS,
  MAX_CHECKLIST,
  MAX_STEPS,
  PAGE_LANGS,
  PAGE_STATUSES,
  SLUG_PATTERN,
  STORED_TEXT_STATES,
  TRANSLATION_STATES,
  UI_LANGS,
} from './pages.terms.ts';

const lang = z
  .enum(PAGE_LANGS)
  .describe(
    'Language: one of the ten UI languages (de en tr ar ro bg uk ru fa pl) or Leichte Sprache "de-x-ls"',
  );
const slug = z
  .string()
  .regex(SLUG_PATTERN)
  .describe('The page’s address: small letters, digits and dashes (e.g. "anmeldung")');
const id = z.uuid().describe('Page id (UUID)');
const state = z
  .enum(TRANSLATION_STATES)
  .describe(
    'Where the text stands in this language: source (German), up_to_date, outdated (German changed since), machine (made by machine translation), missing (German shown instead)',
  );

export const langQuery = z.object({
  lang: lang
    .optional()
    .describe('The reader’s language; without it, the language of the request (cookie, Accept-Language)'),
});
export const slugParams = z.object({ slug: z.string().min(1).max(80).describe('The page’s slug') });
export const idParams = z.object({ id });

/** One entry of the published tree. */
export const treeItem = z.object({
  slug,
  parent: z.string().nullable().describe('The parent page’s slug; null at the top of the tree'),
  depth: z.number().int().describe('How deep in the tree: 0 at the top'),
  title: z.string().describe('Title in the asked language (German where missing)'),
  summary: z.string().describe('One or two sentences on what the page answers'),
  lang: z.string().describe('The language title and summary are in (German where the asked one is missing)'),
  translationState: state,
  hasEasyGerman: z.boolean().describe('Whether the page has a Leichte Sprache variant'),
});
export const treeReply = z.object({
  lang,
  items: z
    .array(treeItem)
    .describe('Every published page, depth-first: a parent before its children, siblings in order'),
});

const place = z
  .object({
    name: z.string().describe('Name of the place'),
    address: z.string().describe('Street and number'),
    postcode: z.string().describe('Postcode'),
    city: z.string().describe('City'),
    lat: z.number().describe('Latitude (WGS 84)'),
    lon: z.number().describe('Longitude (WGS 84)'),
  })
  .describe('Where the offer takes place');
const offerLink = z.object({
  slug: z.string().describe('The offer’s slug in the directory (/angebote/<slug>)'),
  name: z.string().describe('The offer’s name in the asked language (German where missing)'),
  place: place.nullable(),
});
export const pageStep = z.object({
  title: z.string().describe('What to do, in a few words'),
  text: z.string().describe('How to do it (plain text)'),
  where: z
    .array(offerLink)
    .describe('Published directory offers where it is done (unpublished ones left out)'),
  bring: z.array(z.string()).describe('What to bring: the checklist the reader ticks'),
  costs: z.string().describe('What it costs ("" when not said)'),
  duration: z.string().describe('How long it takes ("" when not said)'),
});
const crumb = z.object({ slug, title: z.string().describe('Title in the asked language') });
export const pageReply = z.object({
  slug,
  lang,
  dir: z.enum(['ltr', 'rtl']).describe('Writing direction of the asked language'),
  title: z.string().describe('Title'),
  summary: z.string().describe('What the page answers, in one or two sentences'),
  body: z
    .string()
    .describe('The body in the safe rich-text format (HTML, sanitised when saved and again now)'),
  steps: z
    .array(pageStep)
    .describe('The procedure’s steps in order (empty when the page is not a procedure)'),
  translationState: z
    .object({
      title: state,
      summary: state,
      body: state,
      steps: state,
    })
    .describe('Per field, where its text stands in the asked language'),
  fieldLang: z
    .object({
      title: z.string().describe('Language of the title'),
      summary: z.string().describe('Language of the summary'),
      body: z.string().describe('Language of the body'),
      steps: z.string().describe('Language of the steps'),
    })
    .describe('Per field, the language it is shown in (German where the asked one is missing)'),
  breadcrumbs: z.array(crumb).describe('The pages above it, from the top'),
  children: z
    .array(crumb.extend({ summary: z.string().describe('Summary') }))
    .describe('Its published sub-pages'),
  hasEasyGerman: z.boolean().describe('Whether a Leichte Sprache variant exists'),
  publishedAt: z.string().describe('When this version was published (ISO 8601)'),
});

export const offlineParams = z.object({ lang });
export const offlineReply = z.object({
  lang,
  tree: treeReply.describe('The published tree (GET /api/v1/pages?lang=…)'),
  pages: z
    .array(pageReply)
    .describe('Every published page in the language (GET /api/v1/pages/{slug}?lang=…)'),
  madeAt: z.string().describe('When the package was made (ISO 8601)'),
});

// ---------------------------------------------------------------------------------------------------------
// Editing

const line = (max: number, what: string) => z.string().trim().max(max).describe(what);
export const stepInput = z.object({
  title: line(200, 'What to do, in a few words').min(1),
  text: line(4000, 'How to do it (plain text)').default(''),
  bring: z
    .array(line(200, 'One thing to bring').min(1))
    .max(MAX_CHECKLIST)
    .default([])
    .describe('What to bring'),
  costs: line(200, 'What it costs').default(''),
  duration: line(200, 'How long it takes').default(''),
  offers: z
    .array(z.string().max(120).describe('An offer’s slug'))
    .max(10)
    .default([])
    .describe('Directory offers where it is done (slugs; read from the German variant only)'),
});
export const variantInput = z
  .object({
    title: line(200, 'Title').min(1),
    summary: line(500, 'What the page answers, in one or two sentences').default(''),
    body: z
      .string()
      .max(MAX_BODY_CHARS)
      .default('')
      .describe('Body in the safe rich-text format (HTML; sanitised on save)'),
    steps: z.array(stepInput).max(MAX_STEPS).default([]).describe('The procedure’s steps'),
    machine: z
      .boolean()
      .default(false)
      .describe('Whether a machine made this translation (shown to readers)'),
  })
  .describe('One language’s texts');
export const pageBody = z.object({
  slug,
  parentId: id.nullable().default(null).describe('The parent page; null at the top'),
  position: z.number().int().min(0).max(10_000).default(0).describe('Order among its siblings, lower first'),
  variants: z
    .partialRecord(z.enum(PAGE_LANGS), variantInput)
    .describe(
      'Texts by language; German ("de") is required when a page is made, other languages are optional',
    ),
  minor: z
    .boolean()
    .default(false)
    .describe('A minor German change (typo): translations stay up to date instead of becoming outdated'),
});
export const rollbackBody = z.object({
  revision: z.number().int().min(1).describe('The revision to restore (becomes a new draft revision)'),
});

const storedText = z.object({
  lang: z.string().describe('Language'),
  field: z.string().describe('Field: title, summary, body or steps'),
  value: z.string().describe('The text (steps: JSON)'),
  status: z.enum(STORED_TEXT_STATES).describe('Translation state'),
});
export const editorItem = z.object({
  id,
  slug,
  parentId: id.nullable(),
  position: z.number().int().describe('Order among its siblings'),
  status: z.enum(PAGE_STATUSES).describe('Where the working copy stands'),
  title: z.string().describe('German title'),
  published: z.boolean().describe('Whether readers see a version of it'),
  revision: z.number().int().describe('Latest revision number'),
  updatedAt: z.string().describe('Last save (ISO 8601)'),
  languages: z.array(z.string()).describe('Languages with a title'),
});
export const editorList = z.object({
  items: z.array(editorItem).describe('Every page the editor may change'),
});
export const glossaryFlag = z.object({
  lang: z.string().describe('The translation’s language'),
  field: z.string().describe('The field: title, summary, body or steps'),
  source: z.string().describe('The German glossary term the German text uses'),
  expected: z
    .string()
    .describe('How the glossary says it is written in that language (missing in the translation)'),
});
export const editorPage = editorItem.extend({
  organisationId: z.string().nullable().describe('The owning organisation; null: the coordinators’'),
  texts: z.array(storedText).describe('Every text of the working copy'),
  glossaryFlags: z
    .array(glossaryFlag)
    .describe('The review check: glossary terms a translation writes another way than the glossary says'),
});
export const revisionsReply = z.object({
  items: z
    .array(
      z.object({
        number: z.number().int().describe('Revision number'),
        event: z.string().describe('saved, submitted, published or rolled_back'),
        status: z.enum(PAGE_STATUSES).describe('Status after it'),
        title: z.string().describe('German title then'),
        authorName: z.string().nullable().describe('Who made it'),
        createdAt: z.string().describe('When (ISO 8601)'),
      }),
    )
    .describe('Newest first'),
});

// ---------------------------------------------------------------------------------------------------------
// Translation: XLIFF per language, machine translation of a page, the glossary

const translationLang = z
  .enum(MT_LANGS)
  .describe(
    'A translation language: one of the nine UI languages besides German (en tr ar ro bg uk ru fa pl)',
  );
export const translationLangParams = z.object({ lang: translationLang });
export const translateBody = z.object({ lang: translationLang });
export const xliffImportReply = z.object({
  imported: z.number().int().describe('Texts imported'),
  outdated: z
    .number()
    .int()
    .describe('Of them, texts whose German changed since the export (stored as outdated)'),
});
const glossaryTerm = z.object({
  source: z.string().trim().min(1).max(120).describe('The German term, as it appears in the text'),
  target: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('How it is written in the language (may be the German term)'),
});
export const glossaryBody = z.object({
  terms: z
    .array(glossaryTerm)
    .max(MAX_GLOSSARY_TERMS)
    .describe('The whole glossary of the language (replaces the one stored)'),
});
export const glossaryReply = z.object({
  lang: translationLang,
  terms: z.array(glossaryTerm).describe('The glossary, German terms in alphabetical order'),
});

// ---------------------------------------------------------------------------------------------------------
// Checks: the 6-month "still correct?" review and the nightly link check

export const checksReply = z.object({
  reviewDue: z
    .array(
      z.object({
        id,
        slug,
        title: z.string().describe('German title'),
        lastCheckedAt: z
          .string()
          .nullable()
          .describe('The day it was last confirmed (YYYY-MM-DD); null: never'),
      }),
    )
    .describe(`Published pages not confirmed as still correct for ${REVIEW_MONTHS} months, oldest first`),
  linkProblems: z
    .array(
      z.object({
        id,
        slug,
        title: z.string().describe('German title'),
        kind: z
          .enum(LINK_PROBLEMS)
          .describe(
            'dead_link: an external link does not answer; refused_link: it points (or redirects) to a private address and was not asked; unpublished_offer: a linked offer is gone',
          ),
        target: z.string().describe('The link’s address, or the offer’s slug'),
        httpStatus: z
          .number()
          .int()
          .nullable()
          .describe('The status the link answered with (null: no answer)'),
        checkedAt: z.string().describe('When the nightly check found it (ISO 8601)'),
      }),
    )
    .describe('What the last nightly link check found on published pages'),
});
export const confirmReply = z.object({
  lastCheckedAt: z.string().describe('The day the page was confirmed as still correct (YYYY-MM-DD)'),
});

export type PageInput = z.infer<typeof pageBody>;
export type VariantInput = z.infer<typeof variantInput>;
export type StepInput = z.infer<typeof stepInput>;

// ---------------------------------------------------------------------------------------------------------
// News and web push

const newsText = z.object({
  title: z.string().trim().min(1).max(120).describe('Headline'),
  text: z.string().trim().max(1000).default('').describe('A few sentences (plain text)'),
});
const topic = z.enum(NEWS_TOPICS).describe('What the news is about');
const district = z.string().max(60).describe('A Stadtbezirk’s id (GET /api/v1/city lists them)');
export const newsBody = z.object({
  topic,
  district: district.nullable().default(null).describe('The Stadtbezirk it concerns; null: the whole city'),
  texts: z
    .partialRecord(z.enum(UI_LANGS), newsText)
    .describe('Texts by language; German ("de") is required, the other UI languages optional'),
  endsOn: z.iso.date().describe('The last day it is shown (YYYY-MM-DD)'),
});
export const newsQuery = z.object({
  lang: z.enum(UI_LANGS).optional().describe('The reader’s language; without it, the request’s'),
  district: district
    .optional()
    .describe(
      'A Stadtbezirk’s id: only the news for the whole city and for it; without it, all current news',
    ),
});
export const newsItem = z.object({
  id,
  topic,
  district: z.string().nullable().describe('The Stadtbezirk it concerns; null: the whole city'),
  title: z.string().describe('Headline in the asked language (German where missing)'),
  text: z.string().describe('The text in the asked language (German where missing)'),
  lang: z.string().describe('The language title and text are in'),
  endsOn: z.string().describe('The last day it is shown (YYYY-MM-DD)'),
  publishedAt: z.string().describe('When it was published (ISO 8601)'),
});
export const newsReply = z.object({
  lang: z.string().describe('The asked language'),
  items: z.array(newsItem).describe('Current news, newest first'),
});
export const editorNewsItem = z.object({
  id,
  status: z.enum(NEWS_STATUSES).describe('draft or published'),
  topic,
  district: z.string().nullable().describe('The Stadtbezirk; null: the whole city'),
  texts: z.record(z.string(), newsText).describe('Texts by language'),
  endsOn: z.string().describe('The last day it is shown'),
  publishedAt: z.string().nullable().describe('When it was published; null: a draft'),
  pushed: z
    .number()
    .int()
    .describe('Subscriptions the item was queued for by web push when it was published (0 for a draft)'),
});
export const editorNewsReply = z.object({ items: z.array(editorNewsItem).describe('Newest first') });
export const newsIdParams = z.object({ id: z.uuid().describe('News id') });
export const pushKeyReply = z.object({
  publicKey: z.string().describe('The VAPID public key (base64url) for PushManager.subscribe'),
});
/** The bytes a base64url text stands for; -1 when it is not base64url. */
const decodedLength = (text: string) =>
  /^[A-Za-z0-9_-]+={0,2}$/.test(text) ? Buffer.from(text, 'base64url').length : -1;
export const subscriptionBody = z.object({
  endpoint: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .describe('The push service’s endpoint (from the browser)'),
  keys: z
    .object({
      p256dh: z
        .string()
        .max(200)
        .refine((key) => decodedLength(key) === 65, 'a P-256 public key of 65 bytes')
        .describe('The browser’s public key (base64url, an uncompressed P-256 point of 65 bytes)'),
      auth: z
        .string()
        .max(100)
        .refine((key) => decodedLength(key) === 16, 'an auth secret of 16 bytes')
        .describe('The browser’s auth secret (base64url, 16 bytes)'),
    })
    .describe('The subscription’s keys (PushSubscription.toJSON().keys)'),
  lang: z.enum(UI_LANGS).describe('The language the news are sent in'),
  topics: z.array(topic).min(1).max(NEWS_TOPICS.length).describe('The topics chosen'),
  districts: z
    .array(district)
    .max(20)
    .default([])
    .describe('The Stadtbezirke chosen (city-wide news always come)'),
  expirationTime: z
    .number()
    .int()
    .positive()
    .nullish()
    .describe('When the push service ends the subscription (ms since 1970, PushSubscription.expirationTime)'),
});
export const unsubscribeBody = z.object({
  endpoint: z.string().max(1000).describe('The endpoint of the subscription to remove'),
});
