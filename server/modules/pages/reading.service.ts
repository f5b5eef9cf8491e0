/**
 * What readers see: the published tree and one published page in their language, German where a text is missing
 * (marked), with each field's translation state. The body is sanitised again on the way out.
 */
import type { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { errors } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { localDate } from '../../core/time.ts';
import { publishedOffersBySlug } from '../directory/index.ts';
import { buildPagesPdf } from './page.pdf.ts';
import { PageCache, pageCacheOf } from './page-cache.ts';
import * as repo from './pages.repository.ts';
import * as s from './pages.schema.ts';
import { EASY_GERMAN, PAGE_LANGS, type PageLang, RTL_LANGS, type TranslationState } from './pages.terms.ts';
import { sanitizeBody } from './sanitize.ts';

type TreeReply = z.infer<typeof s.treeReply>;
type PageReply = z.infer<typeof s.pageReply>;
type Text = { pageId: string; lang: string; field: string; value: string; status: string };
type Shown = { value: string; lang: string; state: TranslationState };

/** The reader's language: the asked one, else the request's UI language. */
export function readerLang(ctx: Ctx, lang: PageLang | undefined): PageLang {
  if (lang) return lang;
  return (PAGE_LANGS as readonly string[]).includes(ctx.locale) ? (ctx.locale as PageLang) : 'de';
}

/** A field's text in the language; German marked "missing" where there is none (Leichte Sprache too). */
export function shownText(texts: Text[], pageId: string, field: string, lang: PageLang): Shown | null {
  const mine = texts.filter((t) => t.pageId === pageId && t.field === field);
  const wanted = mine.find((t) => t.lang === lang);
  if (wanted) return { value: wanted.value, lang, state: wanted.status as TranslationState };
  const german = mine.find((t) => t.lang === 'de');
  if (!german) return null;
  return { value: german.value, lang: 'de', state: lang === 'de' ? 'source' : 'missing' };
}

const langsFor = (lang: PageLang) => [...new Set<string>(['de', lang])];

/** The published tree, depth-first, in the reader's language. */
export async function publishedTree(ctx: Ctx, query: { lang?: PageLang | undefined }): Promise<TreeReply> {
  authorize(ctx, 'pages.read');
  const lang = readerLang(ctx, query.lang);
  const [structure, texts] = await Promise.all([
    repo.publishedStructure(ctx.db),
    repo.publishedTreeTexts(ctx.db, [...new Set<string>(['de', lang, EASY_GERMAN])]),
  ]);
  const byPage = new Map<string, Text[]>();
  for (const text of texts) byPage.set(text.pageId, [...(byPage.get(text.pageId) ?? []), text]);
  const children = new Map<string | null, typeof structure>();
  const ids = new Set(structure.map((p) => p.id));
  for (const page of structure) {
    // A page under an unpublished parent is not reachable in the tree.
    const parent = page.parentId && ids.has(page.parentId) ? page.parentId : page.parentId ? undefined : null;
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), page]);
  }
  const items: TreeReply['items'] = [];
  const walk = (parentId: string | null, parentSlug: string | null, depth: number) => {
    if (depth > 32) return;
    for (const page of children.get(parentId) ?? []) {
      const own = byPage.get(page.id) ?? [];
      const title = shownText(own, page.id, 'title', lang);
      const summary = shownText(own, page.id, 'summary', lang);
      items.push({
        slug: page.slug,
        parent: parentSlug,
        depth,
        title: title?.value ?? page.slug,
        summary: summary?.value ?? '',
        lang: title?.lang ?? 'de',
        translationState: title?.state ?? 'missing',
        hasEasyGerman: own.some((t) => t.lang === EASY_GERMAN && t.field === 'title'),
      });
      walk(page.id, page.slug, depth + 1);
    }
  };
  walk(null, null, 0);
  return { lang, items };
}

type StoredStep = {
  title: string;
  text?: string;
  bring?: string[];
  costs?: string;
  duration?: string;
  offers?: string[];
};

function parseSteps(value: string | undefined): StoredStep[] {
  if (!value) return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? (parsed as StoredStep[]) : [];
  } catch {
    return [];
  }
}

/** One published page in the reader's language, with its steps, where they are done, and the tree around it. */
export async function publishedPage(
  ctx: Ctx,
  slug: string,
  query: { lang?: PageLang | undefined },
): Promise<PageReply> {
  authorize(ctx, 'pages.read');
  const lang = readerLang(ctx, query.lang);
  const page = await repo.findPublishedBySlug(ctx.db, slug);
  if (!page) throw errors.notFound('page');
  const [texts, ancestors, children, easy] = await Promise.all([
    repo.textsOf(ctx.db, 'published', [page.id], { langs: langsFor(lang) }),
    repo.ancestorsOf(ctx.db, page.id),
    repo.publishedChildren(ctx.db, page.id),
    repo.textsOf(ctx.db, 'published', [page.id], { langs: [EASY_GERMAN], fields: ['title'] }),
  ]);
  const around = [...ancestors.map((a) => a.id), ...children.map((c) => c.id)];
  const aroundTexts = await repo.textsOf(ctx.db, 'published', around, {
    langs: langsFor(lang),
    fields: ['title', 'summary'],
  });
  const show = (field: string): Shown =>
    shownText(texts, page.id, field, lang) ?? {
      value: '',
      lang: 'de',
      state: lang === 'de' ? 'source' : 'missing',
    };
  const title = show('title');
  const summary = show('summary');
  const body = show('body');
  const stepsText = show('steps');
  const german = parseSteps(texts.find((t) => t.lang === 'de' && t.field === 'steps')?.value);
  const translated = stepsText.lang === 'de' ? german : parseSteps(stepsText.value);
  const offers = await publishedOffersBySlug(
    ctx.db,
    [...new Set(german.flatMap((step) => step.offers ?? []))],
    lang === EASY_GERMAN ? 'de' : lang,
  );
  const offerBySlug = new Map(offers.map((offer) => [offer.slug, offer]));
  const titleOf = (id: string) => shownText(aroundTexts, id, 'title', lang)?.value ?? '';
  return {
    slug: page.slug,
    lang,
    dir: RTL_LANGS.includes(lang) ? 'rtl' : 'ltr',
    title: title.value,
    summary: summary.value,
    body: sanitizeBody(body.value),
    steps: german.map((source, index) => {
      const step = translated[index] ?? source;
      return {
        title: step.title ?? source.title,
        text: step.text ?? '',
        bring: step.bring ?? [],
        costs: step.costs ?? '',
        duration: step.duration ?? '',
        where: (source.offers ?? []).flatMap((offerSlug) => {
          const offer = offerBySlug.get(offerSlug);
          return offer ? [{ slug: offer.slug, name: offer.name, place: offer.place }] : [];
        }),
      };
    }),
    translationState: {
      title: title.state,
      summary: summary.state,
      body: body.state,
      steps: stepsText.state,
    },
    fieldLang: { title: title.lang, summary: summary.lang, body: body.lang, steps: stepsText.lang },
    breadcrumbs: [...ancestors].reverse().map((a) => ({ slug: a.slug, title: titleOf(a.id) })),
    children: children.map((c) => ({
      slug: c.slug,
      title: titleOf(c.id),
      summary: shownText(aroundTexts, c.id, 'summary', lang)?.value ?? '',
    })),
    hasEasyGerman: easy.length > 0,
    publishedAt: (page.publishedAt as Date).toISOString(),
  };
}

/**
 * The same page as the JSON the reader gets (the UTF-8 bytes sent as they are), from this server's cache of
 * published answers where it holds them (page-cache.ts); what is read from the database is kept for the next
 * reader unless something changed meanwhile.
 */
export async function publishedPageJson(
  ctx: Ctx,
  slug: string,
  query: { lang?: PageLang | undefined },
): Promise<Buffer> {
  authorize(ctx, 'pages.read');
  const lang = readerLang(ctx, query.lang);
  const cache = pageCacheOf(ctx.database);
  const key = PageCache.key(slug, lang);
  const kept = cache.get(key);
  if (kept) return kept;
  const generation = cache.generation;
  const json = Buffer.from(JSON.stringify(s.pageReply.parse(await publishedPage(ctx, slug, { lang }))));
  cache.set(key, json, generation);
  return json;
}

/**
 * Everything a reader keeps offline for one language: the tree and every published page in that language (German
 * where a text is missing, marked), each with the offers its steps link (name and place). The web app stores each
 * page under the address it reads it from, so the same screens work offline.
 */
export async function offlinePackage(ctx: Ctx, lang: PageLang): Promise<z.infer<typeof s.offlineReply>> {
  const tree = await publishedTree(ctx, { lang });
  const pages: PageReply[] = [];
  for (const item of tree.items) pages.push(await publishedPage(ctx, item.slug, { lang }));
  return { lang, tree, pages, madeAt: ctx.now.toISOString() };
}

/** The most pages a booklet holds (a section of the tree; the whole city's pages are the offline package). */
export const BOOKLET_MAX_PAGES = 60;

/** One published page as a PDF in the reader's language (right to left in Arabic and Persian). */
export async function pagePdf(
  ctx: Ctx,
  slug: string,
  query: { lang?: PageLang | undefined },
): Promise<Buffer> {
  const page = await publishedPage(ctx, slug, query);
  return buildPagesPdf({
    pages: [page],
    title: page.title,
    city: ctx.city.profile.name,
    madeOn: localDate(ctx.now, ctx.city.profile.timezone),
  });
}

/** A printable booklet of a section: the page and every published page below it, in tree order. */
export async function sectionBooklet(
  ctx: Ctx,
  slug: string,
  query: { lang?: PageLang | undefined },
): Promise<Buffer> {
  const tree = await publishedTree(ctx, query);
  const start = tree.items.findIndex((item) => item.slug === slug);
  const top = tree.items[start];
  if (!top) throw errors.notFound('page');
  const end = tree.items.findIndex((item, i) => i > start && item.depth <= top.depth);
  const section = tree.items.slice(start, end === -1 ? undefined : end).slice(0, BOOKLET_MAX_PAGES);
  const pages: PageReply[] = [];
  for (const item of section)
    pages.push(await publishedPage(ctx, item.slug, { lang: tree.lang as PageLang }));
  return buildPagesPdf({
    pages,
    title: top.title,
    city: ctx.city.profile.name,
    madeOn: localDate(ctx.now, ctx.city.profile.timezone),
  });
}
