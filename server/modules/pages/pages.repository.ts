// The pages module's queries: one function per query, over its own tables only.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { rows, type Tx } from '../../core/db.ts';
import { type Scope, scopeWhere } from '../../core/policy.ts';
import {
  pageGlossary,
  pageLinkProblems,
  pageNews,
  pagePushDeliveries,
  pagePushSubscriptions,
  pageRevisions,
  pages,
  pageTexts,
} from './pages.tables.ts';
import { appMeta } from '../../core/core.tables.ts';

export type PageRow = typeof pages.$inferSelect;
export type PageTextRow = typeof pageTexts.$inferSelect;
export type Version = 'draft' | 'published';
export type TextInput = { lang: string; field: string; value: string; status: string };

export async function insertPage(db: Tx, values: typeof pages.$inferInsert): Promise<PageRow> {
  const [row] = await db.insert(pages).values(values).returning();
  return row as PageRow;
}

export async function findPage(db: Tx, id: string): Promise<PageRow | undefined> {
  const [row] = await db.select().from(pages).where(eq(pages.id, id));
  return row;
}

export async function findPageBySlug(db: Tx, slug: string): Promise<PageRow | undefined> {
  const [row] = await db.select().from(pages).where(eq(pages.slug, slug));
  return row;
}

/** The page's row, locked until the transaction ends: a second save of the page waits for the first. */
export async function lockPage(db: Tx, id: string): Promise<PageRow | undefined> {
  const [row] = await db.select().from(pages).where(eq(pages.id, id)).for('update');
  return row;
}

/** A page readers can open: one with a published version. */
export async function findPublishedBySlug(db: Tx, slug: string): Promise<PageRow | undefined> {
  const [row] = await db
    .select()
    .from(pages)
    .where(and(eq(pages.slug, slug), isNotNull(pages.publishedAt)));
  return row;
}

/** Changes a page's row and counts its revision up (the row lock orders two saves of one page). */
export async function updatePage(
  db: Tx,
  id: string,
  values: Partial<typeof pages.$inferInsert>,
): Promise<PageRow> {
  const [row] = await db
    .update(pages)
    .set({ ...values, revision: sql`${pages.revision} + 1` })
    .where(eq(pages.id, id))
    .returning();
  return row as PageRow;
}

/** Every published page's place in the tree, siblings in order. */
export async function publishedStructure(db: Tx) {
  return db
    .select({ id: pages.id, slug: pages.slug, parentId: pages.parentId, publishedAt: pages.publishedAt })
    .from(pages)
    .where(isNotNull(pages.publishedAt))
    .orderBy(asc(pages.position), asc(pages.slug));
}

/** The pages above one page, nearest first (recursive; stops at 32 levels). */
export async function ancestorsOf(
  db: Tx,
  id: string,
): Promise<{ id: string; slug: string; depth: number }[]> {
  const result = await db.execute(sql`
    with recursive up(id, slug, parent_id, depth) as (
      select p.id, p.slug, p.parent_id, 1 from ${pages} p
        where p.id = (select parent_id from ${pages} where id = ${id})
      union all
      select p.id, p.slug, p.parent_id, up.depth + 1 from ${pages} p join up on p.id = up.parent_id
        where up.depth < 32
    )
    select id, slug, depth from up order by depth`);
  return (result as unknown as { rows: { id: string; slug: string; depth: number }[] }).rows;
}

/** A page's published sub-pages, in order. */
export async function publishedChildren(db: Tx, parentId: string) {
  return db
    .select({ id: pages.id, slug: pages.slug })
    .from(pages)
    .where(and(eq(pages.parentId, parentId), isNotNull(pages.publishedAt)))
    .orderBy(asc(pages.position), asc(pages.slug));
}

/** Texts of some pages in one version: every language and field, or only the given ones. */
export async function textsOf(
  db: Tx,
  version: Version,
  pageIds: string[],
  only: { langs?: string[]; fields?: string[] } = {},
) {
  if (!pageIds.length) return [];
  return db
    .select({
      pageId: pageTexts.pageId,
      lang: pageTexts.lang,
      field: pageTexts.field,
      value: pageTexts.value,
      status: pageTexts.status,
    })
    .from(pageTexts)
    .where(
      and(
        eq(pageTexts.version, version),
        pageIds.length === 1
          ? eq(pageTexts.pageId, pageIds[0] as string)
          : inArray(pageTexts.pageId, pageIds),
        only.langs ? inArray(pageTexts.lang, only.langs) : undefined,
        only.fields ? inArray(pageTexts.field, only.fields) : undefined,
      ),
    );
}

/** Every published title and summary in a few languages (the tree). */
export async function publishedTreeTexts(db: Tx, langs: string[]) {
  return db
    .select({
      pageId: pageTexts.pageId,
      lang: pageTexts.lang,
      field: pageTexts.field,
      value: pageTexts.value,
      status: pageTexts.status,
    })
    .from(pageTexts)
    .where(
      and(
        eq(pageTexts.version, 'published'),
        inArray(pageTexts.lang, langs),
        inArray(pageTexts.field, ['title', 'summary']),
      ),
    );
}

export async function deleteTexts(db: Tx, pageId: string, version: Version): Promise<void> {
  await db.delete(pageTexts).where(and(eq(pageTexts.pageId, pageId), eq(pageTexts.version, version)));
}

export async function insertTexts(db: Tx, pageId: string, version: Version, rows: TextInput[], now: Date) {
  if (!rows.length) return;
  await db.insert(pageTexts).values(rows.map((row) => ({ ...row, pageId, version, updatedAt: now })));
}

/** The working copy becomes what readers see (after deleteTexts of the published version). */
export async function copyDraftToPublished(db: Tx, pageId: string, now: Date): Promise<void> {
  await db.execute(sql`
    insert into ${pageTexts} (page_id, version, lang, field, value, status, updated_at)
    select page_id, 'published', lang, field, value, status, ${now.toISOString()}::timestamptz
    from ${pageTexts} where page_id = ${pageId} and version = 'draft'`);
}

export async function insertRevision(db: Tx, values: typeof pageRevisions.$inferInsert): Promise<void> {
  await db.insert(pageRevisions).values(values);
}

export async function findRevision(db: Tx, pageId: string, number: number) {
  const [row] = await db
    .select()
    .from(pageRevisions)
    .where(and(eq(pageRevisions.pageId, pageId), eq(pageRevisions.number, number)));
  return row;
}

export async function revisionsOf(db: Tx, pageId: string) {
  return db
    .select({
      number: pageRevisions.number,
      event: pageRevisions.event,
      status: pageRevisions.status,
      snapshot: pageRevisions.snapshot,
      authorId: pageRevisions.authorId,
      createdAt: pageRevisions.createdAt,
    })
    .from(pageRevisions)
    .where(eq(pageRevisions.pageId, pageId))
    .orderBy(desc(pageRevisions.number));
}

/** The pages an editor may change (the scope), in tree order of their positions. */
export async function editablePages(db: Tx, scope: Scope) {
  return db
    .select()
    .from(pages)
    .where(scopeWhere(scope, pages.organisationId))
    .orderBy(asc(pages.position), asc(pages.slug));
}

/** The draft titles of some pages in every language (the editor's list). */
export async function draftTitles(db: Tx, pageIds: string[]) {
  if (!pageIds.length) return [];
  return db
    .select({ pageId: pageTexts.pageId, lang: pageTexts.lang, value: pageTexts.value })
    .from(pageTexts)
    .where(
      and(eq(pageTexts.version, 'draft'), eq(pageTexts.field, 'title'), inArray(pageTexts.pageId, pageIds)),
    );
}

/** Every page's working-copy texts in some languages (the XLIFF export and import of a language). */
export async function draftTextsIn(db: Tx, langs: string[]) {
  return db
    .select({
      pageId: pageTexts.pageId,
      lang: pageTexts.lang,
      field: pageTexts.field,
      value: pageTexts.value,
      status: pageTexts.status,
    })
    .from(pageTexts)
    .where(and(eq(pageTexts.version, 'draft'), inArray(pageTexts.lang, langs)));
}

/** Writes one working-copy text (a translation), replacing the one there. */
export async function upsertDraftText(db: Tx, pageId: string, row: TextInput, now: Date): Promise<void> {
  await db
    .insert(pageTexts)
    .values({ ...row, pageId, version: 'draft', updatedAt: now })
    .onConflictDoUpdate({
      target: [pageTexts.pageId, pageTexts.version, pageTexts.lang, pageTexts.field],
      set: { value: row.value, status: row.status, updatedAt: now },
    });
}

/** The glossary of some languages (one language, or all for the review check), terms in order. */
export async function glossaryOf(db: Tx, langs: string[]) {
  return db
    .select({ lang: pageGlossary.lang, source: pageGlossary.source, target: pageGlossary.target })
    .from(pageGlossary)
    .where(inArray(pageGlossary.lang, langs))
    .orderBy(asc(pageGlossary.source));
}

export async function deleteGlossary(db: Tx, lang: string): Promise<void> {
  await db.delete(pageGlossary).where(eq(pageGlossary.lang, lang));
}

export async function insertGlossary(
  db: Tx,
  lang: string,
  terms: { source: string; target: string }[],
  now: Date,
): Promise<void> {
  if (!terms.length) return;
  await db.insert(pageGlossary).values(terms.map((term) => ({ ...term, lang, updatedAt: now })));
}

/** Published pages (in the scope) last confirmed before the day, or never; oldest first. */
export async function reviewDuePages(db: Tx, scope: Scope, before: string) {
  return db
    .select({ id: pages.id, slug: pages.slug, lastCheckedAt: pages.lastCheckedAt })
    .from(pages)
    .where(
      and(
        scopeWhere(scope, pages.organisationId),
        isNotNull(pages.publishedAt),
        or(isNull(pages.lastCheckedAt), lt(pages.lastCheckedAt, before)),
      ),
    )
    .orderBy(sql`${pages.lastCheckedAt} asc nulls first`, asc(pages.slug));
}

/** An editor confirms the page is still correct (no new revision: the texts do not change). */
export async function setLastChecked(db: Tx, id: string, day: string): Promise<void> {
  await db.update(pages).set({ lastCheckedAt: day }).where(eq(pages.id, id));
}

/** Every published page's links and steps in German (the nightly link check reads them). */
export async function publishedGermanLinks(db: Tx) {
  return db
    .select({ pageId: pageTexts.pageId, field: pageTexts.field, value: pageTexts.value })
    .from(pageTexts)
    .where(
      and(
        eq(pageTexts.version, 'published'),
        eq(pageTexts.lang, 'de'),
        inArray(pageTexts.field, ['body', 'steps']),
      ),
    );
}

export async function deleteLinkProblems(db: Tx): Promise<void> {
  await db.delete(pageLinkProblems);
}

export async function insertLinkProblems(db: Tx, rows: (typeof pageLinkProblems.$inferInsert)[]) {
  if (!rows.length) return;
  await db.insert(pageLinkProblems).values(rows).onConflictDoNothing();
}

/** The link check's findings on the pages in the scope. */
export async function linkProblemsIn(db: Tx, scope: Scope) {
  return db
    .select({
      id: pages.id,
      slug: pages.slug,
      kind: pageLinkProblems.kind,
      target: pageLinkProblems.target,
      httpStatus: pageLinkProblems.httpStatus,
      checkedAt: pageLinkProblems.checkedAt,
    })
    .from(pageLinkProblems)
    .innerJoin(pages, eq(pages.id, pageLinkProblems.pageId))
    .where(scopeWhere(scope, pages.organisationId))
    .orderBy(asc(pages.slug), asc(pageLinkProblems.target));
}

export type NewsRow = typeof pageNews.$inferSelect;

export async function insertNews(db: Tx, values: typeof pageNews.$inferInsert): Promise<NewsRow> {
  const [row] = await db.insert(pageNews).values(values).returning();
  return row as NewsRow;
}

/** Publishes a draft; undefined when it is not a draft (any more): of two publishes, one sends. */
export async function publishNews(db: Tx, id: string, now: Date): Promise<NewsRow | undefined> {
  const [row] = await db
    .update(pageNews)
    .set({ status: 'published', publishedAt: now })
    .where(and(eq(pageNews.id, id), eq(pageNews.status, 'draft')))
    .returning();
  return row;
}

export async function findNews(db: Tx, id: string): Promise<NewsRow | undefined> {
  const [row] = await db.select().from(pageNews).where(eq(pageNews.id, id));
  return row;
}

/** Every news item, newest first (the editors' list; at most 200). */
export async function allNews(db: Tx) {
  return db.select().from(pageNews).orderBy(desc(pageNews.createdAt)).limit(200);
}

/** Published news whose end date is today or later, newest first. */
/** Published news whose end date has not passed; with a district, only the city-wide ones and that district's. */
export async function currentNews(db: Tx, today: string, district?: string) {
  return db
    .select()
    .from(pageNews)
    .where(
      and(
        eq(pageNews.status, 'published'),
        gte(pageNews.endsOn, today),
        district === undefined ? undefined : or(isNull(pageNews.district), eq(pageNews.district, district)),
      ),
    )
    .orderBy(desc(pageNews.publishedAt))
    .limit(100);
}

export async function upsertSubscription(db: Tx, values: typeof pagePushSubscriptions.$inferInsert) {
  await db
    .insert(pagePushSubscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: pagePushSubscriptions.endpoint,
      set: {
        p256dh: values.p256dh,
        auth: values.auth,
        lang: values.lang,
        topics: values.topics,
        districts: values.districts,
        lastUsedAt: values.lastUsedAt,
        expiresAt: values.expiresAt,
      },
    });
}

/** Push services accepted messages for these endpoints: the subscriptions are in use. */
export async function touchSubscriptions(db: Tx, endpoints: string[], now: Date): Promise<void> {
  if (!endpoints.length) return;
  await db
    .update(pagePushSubscriptions)
    .set({ lastUsedAt: now })
    .where(inArray(pagePushSubscriptions.endpoint, endpoints));
}

/** Deletes subscriptions unused since the moment or past their end; how many. */
export async function deleteStaleSubscriptions(db: Tx, unusedSince: Date, now: Date): Promise<number> {
  const rows = await db
    .delete(pagePushSubscriptions)
    .where(or(lt(pagePushSubscriptions.lastUsedAt, unusedSince), lt(pagePushSubscriptions.expiresAt, now)))
    .returning({ endpoint: pagePushSubscriptions.endpoint });
  return rows.length;
}

export async function deleteSubscription(db: Tx, endpoint: string): Promise<void> {
  await db.delete(pagePushSubscriptions).where(eq(pagePushSubscriptions.endpoint, endpoint));
}

/** The subscriptions a news item reaches: its topic chosen, and its district chosen (or a city-wide item). */
/** A published item waits for every subscription of its topic (and district); returns how many. */
export async function queueDeliveries(db: Tx, news: NewsRow, now: Date): Promise<number> {
  const queued = await db
    .insert(pagePushDeliveries)
    .select(
      db
        .select({
          newsId: sql<string>`${news.id}::uuid`.as('news_id'),
          endpoint: pagePushSubscriptions.endpoint,
          attempts: sql<number>`0`.as('attempts'),
          nextAttemptAt: sql<Date>`${now.toISOString()}::timestamptz`.as('next_attempt_at'),
          lockedUntil: sql<Date | null>`null::timestamptz`.as('locked_until'),
        })
        .from(pagePushSubscriptions)
        .where(
          and(
            sql`${pagePushSubscriptions.topics} ? ${news.topic}`,
            news.district ? sql`${pagePushSubscriptions.districts} ? ${news.district}` : undefined,
          ),
        ),
    )
    .onConflictDoNothing()
    .returning({ endpoint: pagePushDeliveries.endpoint });
  return queued.length;
}

export type DueDelivery = {
  newsId: string;
  attempts: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  lang: string;
};

/** Claims up to `limit` due deliveries until `lockedUntil` (skipping those another sender holds). */
export async function claimDueDeliveries(db: Tx, now: Date, lockedUntil: Date, limit: number) {
  return rows<DueDelivery>(
    db,
    sql`with due as (
          select news_id, endpoint from page_push_deliveries
          where next_attempt_at <= ${now.toISOString()}::timestamptz
            and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
          order by next_attempt_at limit ${limit} for update skip locked),
        claimed as (
          update page_push_deliveries d set locked_until = ${lockedUntil.toISOString()}::timestamptz
          from due where d.news_id = due.news_id and d.endpoint = due.endpoint
          returning d.news_id, d.endpoint, d.attempts)
        select c.news_id as "newsId", c.attempts, s.endpoint, s.p256dh, s.auth, s.lang
        from claimed c join page_push_subscriptions s on s.endpoint = c.endpoint`,
  );
}

/** Delivered, or given up: the delivery goes. */
export async function deleteDelivery(db: Tx, newsId: string, endpoint: string): Promise<void> {
  await db
    .delete(pagePushDeliveries)
    .where(and(eq(pagePushDeliveries.newsId, newsId), eq(pagePushDeliveries.endpoint, endpoint)));
}

/** Not taken this time: tried again at `nextAttemptAt`. */
export async function retryDelivery(db: Tx, newsId: string, endpoint: string, nextAttemptAt: Date) {
  await db
    .update(pagePushDeliveries)
    .set({ attempts: sql`${pagePushDeliveries.attempts} + 1`, nextAttemptAt, lockedUntil: null })
    .where(and(eq(pagePushDeliveries.newsId, newsId), eq(pagePushDeliveries.endpoint, endpoint)));
}

/** The news items of these ids. */
export async function newsByIds(db: Tx, ids: string[]): Promise<NewsRow[]> {
  if (!ids.length) return [];
  return db.select().from(pageNews).where(inArray(pageNews.id, ids));
}

/** A value kept in app_meta (the VAPID keys), or undefined. */
export async function readMeta(db: Tx, key: string): Promise<unknown> {
  const [row] = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, key));
  return row?.value;
}

/** Keeps a value once: a second server starting at the same time keeps the first one's. */
export async function insertMetaOnce(db: Tx, key: string, value: unknown): Promise<void> {
  await db.insert(appMeta).values({ key, value }).onConflictDoNothing();
}
