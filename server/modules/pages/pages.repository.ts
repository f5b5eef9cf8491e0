// The pages module's queries: one function per query, over its own tables only.
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db.ts';
import { type Scope, scopeWhere } from '../../core/policy.ts';
import { pageRevisions, pages, pageTexts } from './pages.tables.ts';

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
