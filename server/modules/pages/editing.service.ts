/**
 * Editors' side: make and change pages (each save a numbered revision of the whole working copy), translation
 * state per field and language, draft → review → published, history and rollback.
 */
import type { z } from 'zod';
import { audit } from '../../core/audit.ts';
import { type Ctx, inTransaction } from '../../core/context.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize, scopeOf } from '../../core/policy.ts';
import { accountNames } from '../platform/index.ts';
import { glossaryFlags } from '../../core/translation/machine.ts';
import { nextTextRows, type TextRow } from '../../core/translation/texts.ts';
import * as repo from './pages.repository.ts';
import type * as s from './pages.schema.ts';
import { MT_LANGS, PAGE_FIELDS, type PageStatus, type StoredTextState } from './pages.terms.ts';
import { sanitizeBody } from './sanitize.ts';

type EditorItem = z.infer<typeof s.editorItem>;
type EditorPage = z.infer<typeof s.editorPage>;
type Snapshot = {
  slug: string;
  parentId: string | null;
  position: number;
  texts: repo.TextInput[];
};

function itemOf(page: repo.PageRow, titles: { lang: string; value: string }[]): EditorItem {
  return {
    id: page.id,
    slug: page.slug,
    parentId: page.parentId,
    position: page.position,
    status: page.status as PageStatus,
    title: titles.find((t) => t.lang === 'de')?.value ?? page.slug,
    published: page.publishedAt !== null,
    revision: page.revision,
    updatedAt: page.updatedAt.toISOString(),
    languages: titles.map((t) => t.lang).sort(),
  };
}

/** A variant's value of one field as stored: sanitised body, steps as JSON (offers only in German). */
function storedValue(lang: string, field: string, variant: s.VariantInput): string {
  if (field === 'title') return variant.title;
  if (field === 'summary') return variant.summary;
  if (field === 'body') return sanitizeBody(variant.body);
  if (!variant.steps.length) return '';
  return JSON.stringify(
    variant.steps.map(({ offers, ...step }) => (lang === 'de' ? { ...step, offers } : step)),
  );
}

/**
 * The working copy's texts after a save: per field, German is the source; a translation the save leaves unchanged
 * becomes outdated when the German changed (unless minor); a translation marked machine-made is stored so.
 */
export function nextPageTexts(old: repo.TextInput[], input: s.PageInput): repo.TextInput[] {
  const rows: repo.TextInput[] = [];
  const oldRows: TextRow[] = old;
  for (const field of PAGE_FIELDS) {
    const given: Record<string, string> = {};
    for (const [lang, variant] of Object.entries(input.variants)) {
      if (variant) given[lang] = storedValue(lang, field, variant);
    }
    // German emptied: the field goes, in every language.
    if (given.de === '') continue;
    for (const [lang, value] of Object.entries(given)) if (value === '') delete given[lang];
    for (const row of nextTextRows(oldRows, field, given, input.minor)) {
      const machine = input.variants[row.lang as keyof typeof input.variants]?.machine === true;
      const changed = given[row.lang] !== undefined && row.status === 'up_to_date';
      rows.push({
        lang: row.lang,
        field,
        value: row.value,
        status: machine && changed ? 'machine' : row.status,
      });
    }
  }
  return rows;
}

async function checkParent(ctx: Ctx, pageId: string | null, parentId: string | null) {
  if (!parentId) return;
  if (parentId === pageId) throw errors.invalid('body.parentId');
  const parent = await repo.findPage(ctx.db, parentId);
  if (!parent) throw errors.invalid('body.parentId');
  if (pageId) {
    const above = await repo.ancestorsOf(ctx.db, parentId);
    if (above.some((a) => a.id === pageId)) throw errors.invalid('body.parentId');
  }
}

async function checkSlug(ctx: Ctx, pageId: string | null, slug: string) {
  const other = await repo.findPageBySlug(ctx.db, slug);
  if (other && other.id !== pageId) throw errors.exists('body.slug');
}

/** The words of a field a reader sees: the steps' texts (not their offers' slugs), or the text itself. */
export function readableText(field: string, value: string): string {
  if (field !== 'steps' || !value) return value;
  try {
    const steps = JSON.parse(value) as Record<string, unknown>[];
    return steps
      .flatMap(({ offers: _offers, ...step }) => Object.values(step).flat())
      .filter((v): v is string => typeof v === 'string')
      .join('\n');
  } catch {
    return value;
  }
}

/** The review check: per translated field, the glossary terms it writes another way than the glossary says. */
function reviewFlags(
  texts: repo.TextInput[],
  glossary: { lang: string; source: string; target: string }[],
): EditorPage['glossaryFlags'] {
  const german = new Map(texts.filter((t) => t.lang === 'de').map((t) => [t.field, t.value]));
  return texts.flatMap((text) => {
    const source = german.get(text.field);
    const terms = glossary.filter((g) => g.lang === text.lang);
    if (text.lang === 'de' || !source || !terms.length) return [];
    return glossaryFlags(readableText(text.field, source), readableText(text.field, text.value), terms).map(
      (flag) => ({ lang: text.lang, field: text.field, ...flag }),
    );
  });
}

async function editorPageOf(ctx: Ctx, page: repo.PageRow): Promise<EditorPage> {
  const [texts, glossary] = await Promise.all([
    repo.textsOf(ctx.db, 'draft', [page.id]),
    repo.glossaryOf(ctx.db, [...MT_LANGS]),
  ]);
  const titles = texts.filter((t) => t.field === 'title');
  return {
    glossaryFlags: reviewFlags(texts, glossary),
    ...itemOf(page, titles),
    organisationId: page.organisationId,
    texts: texts.map((t) => ({
      lang: t.lang,
      field: t.field,
      value: t.value,
      status: t.status as StoredTextState,
    })),
  };
}

export async function loadForEdit(ctx: Ctx, id: string) {
  const page = await repo.findPage(ctx.db, id);
  if (!page) {
    // Staff without the right learn nothing about which ids exist.
    scopeOf(ctx, 'pages.edit_list');
    throw errors.notFound('page');
  }
  authorize(ctx, 'pages.edit', page);
  return page;
}

const snapshotOf = (page: repo.PageRow, texts: repo.TextInput[]): Snapshot => ({
  slug: page.slug,
  parentId: page.parentId,
  position: page.position,
  texts,
});

/** The pages the editor may change. */
export async function listEditable(ctx: Ctx): Promise<z.infer<typeof s.editorList>> {
  const scope = scopeOf(ctx, 'pages.edit_list');
  const rows = await repo.editablePages(ctx.db, scope);
  const titles = await repo.draftTitles(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) =>
      itemOf(
        row,
        titles.filter((t) => t.pageId === row.id),
      ),
    ),
  };
}

/** One page's working copy, every language. */
export async function editablePage(ctx: Ctx, id: string): Promise<EditorPage> {
  const page = await loadForEdit(ctx, id);
  return editorPageOf(ctx, page);
}

/** A new page (a draft, revision 1). German is required. */
export async function createPage(ctx: Ctx, input: s.PageInput): Promise<EditorPage> {
  authorize(ctx, 'pages.create');
  if (!input.variants.de) throw errors.invalid('body.variants.de', 'validation.required');
  return inTransaction(ctx, async (tx) => {
    await checkSlug(tx, null, input.slug);
    await checkParent(tx, null, input.parentId);
    const created = await repo.insertPage(tx.db, {
      slug: input.slug,
      parentId: input.parentId,
      position: input.position,
      status: 'draft',
      revision: 0,
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    const texts = nextPageTexts([], input);
    await repo.insertTexts(tx.db, created.id, 'draft', texts, tx.now);
    const page = await repo.updatePage(tx.db, created.id, {});
    await repo.insertRevision(tx.db, {
      pageId: page.id,
      number: page.revision,
      event: 'saved',
      status: 'draft',
      snapshot: snapshotOf(page, texts),
      authorId: tx.actor.id,
      createdAt: tx.now,
    });
    await audit(tx, { action: 'pages.create', entityType: 'page', entityId: page.id });
    return editorPageOf(tx, page);
  });
}

/** A save: the working copy changes, goes back to draft, and becomes a new revision. */
export async function savePage(ctx: Ctx, id: string, input: s.PageInput): Promise<EditorPage> {
  const found = await loadForEdit(ctx, id);
  return inTransaction(ctx, async (tx) => {
    await repo.lockPage(tx.db, found.id);
    await checkSlug(tx, found.id, input.slug);
    await checkParent(tx, found.id, input.parentId);
    const old = await repo.textsOf(tx.db, 'draft', [found.id]);
    const texts = nextPageTexts(old, input);
    await repo.deleteTexts(tx.db, found.id, 'draft');
    await repo.insertTexts(tx.db, found.id, 'draft', texts, tx.now);
    const page = await repo.updatePage(tx.db, found.id, {
      slug: input.slug,
      parentId: input.parentId,
      position: input.position,
      status: 'draft',
      updatedAt: tx.now,
    });
    await repo.insertRevision(tx.db, {
      pageId: page.id,
      number: page.revision,
      event: 'saved',
      status: 'draft',
      snapshot: snapshotOf(page, texts),
      authorId: tx.actor.id,
      createdAt: tx.now,
    });
    await audit(tx, { action: 'pages.save', entityType: 'page', entityId: page.id });
    return editorPageOf(tx, page);
  });
}

async function changeStatus(
  ctx: Ctx,
  found: repo.PageRow,
  from: PageStatus,
  to: PageStatus,
  event: string,
): Promise<EditorPage> {
  return inTransaction(ctx, async (tx) => {
    // Checked on the locked row: of two simultaneous publishes, the second finds it published already.
    const locked = (await repo.lockPage(tx.db, found.id)) ?? found;
    if (locked.status !== from)
      throw new AppError('pages.wrong_state', { params: { status: locked.status } });
    if (to === 'published') {
      await repo.deleteTexts(tx.db, found.id, 'published');
      await repo.copyDraftToPublished(tx.db, found.id, tx.now);
    }
    const page = await repo.updatePage(tx.db, found.id, {
      status: to,
      updatedAt: tx.now,
      ...(to === 'published'
        ? { publishedAt: tx.now, lastCheckedAt: tx.now.toISOString().slice(0, 10) }
        : {}),
    });
    const texts = await repo.textsOf(tx.db, 'draft', [page.id]);
    await repo.insertRevision(tx.db, {
      pageId: page.id,
      number: page.revision,
      event,
      status: to,
      snapshot: snapshotOf(page, texts),
      authorId: tx.actor.id,
      createdAt: tx.now,
    });
    await audit(tx, { action: `pages.${event}`, entityType: 'page', entityId: page.id });
    return editorPageOf(tx, page);
  });
}

/** Ask for review: draft → review. */
export async function submitPage(ctx: Ctx, id: string): Promise<EditorPage> {
  const found = await loadForEdit(ctx, id);
  return changeStatus(ctx, found, 'draft', 'review', 'submitted');
}

/** Publish: review → published; readers see this working copy from now on. */
export async function publishPage(ctx: Ctx, id: string): Promise<EditorPage> {
  const found = await loadForEdit(ctx, id);
  authorize(ctx, 'pages.publish');
  return changeStatus(ctx, found, 'review', 'published', 'published');
}

/** The page's revisions, newest first. */
export async function pageRevisions(ctx: Ctx, id: string): Promise<z.infer<typeof s.revisionsReply>> {
  const page = await loadForEdit(ctx, id);
  const rows = await repo.revisionsOf(ctx.db, page.id);
  const names = await accountNames(
    ctx.db,
    rows.flatMap((r) => (r.authorId ? [r.authorId] : [])),
  );
  return {
    items: rows.map((row) => {
      const snapshot = row.snapshot as Snapshot;
      return {
        number: row.number,
        event: row.event,
        status: row.status as PageStatus,
        title: snapshot.texts.find((t) => t.lang === 'de' && t.field === 'title')?.value ?? snapshot.slug,
        authorName: row.authorId ? (names.get(row.authorId) ?? null) : null,
        createdAt: row.createdAt.toISOString(),
      };
    }),
  };
}

/** Restores a revision's working copy as a new draft revision (what readers see changes only on publishing). */
export async function rollbackPage(ctx: Ctx, id: string, input: { revision: number }): Promise<EditorPage> {
  const found = await loadForEdit(ctx, id);
  const revision = await repo.findRevision(ctx.db, found.id, input.revision);
  if (!revision) throw errors.invalid('body.revision', 'validation.invalid_value');
  const snapshot = revision.snapshot as Snapshot;
  return inTransaction(ctx, async (tx) => {
    await repo.lockPage(tx.db, found.id);
    await checkSlug(tx, found.id, snapshot.slug);
    const parentId =
      snapshot.parentId && (await repo.findPage(tx.db, snapshot.parentId)) ? snapshot.parentId : null;
    await repo.deleteTexts(tx.db, found.id, 'draft');
    await repo.insertTexts(tx.db, found.id, 'draft', snapshot.texts, tx.now);
    const page = await repo.updatePage(tx.db, found.id, {
      slug: snapshot.slug,
      parentId,
      position: snapshot.position,
      status: 'draft',
      updatedAt: tx.now,
    });
    await repo.insertRevision(tx.db, {
      pageId: page.id,
      number: page.revision,
      event: 'rolled_back',
      status: 'draft',
      snapshot: snapshotOf(page, snapshot.texts),
      authorId: tx.actor.id,
      createdAt: tx.now,
    });
    await audit(tx, { action: 'pages.rollback', entityType: 'page', entityId: page.id });
    return editorPageOf(tx, page);
  });
}

/**
 * After the working copy's translations changed outside a save (an XLIFF import, a machine translation): the page
 * goes back to draft and the change becomes a revision. Runs inside the caller's transaction, the page locked.
 */
export async function recordTranslation(tx: Ctx, pageId: string, event: string): Promise<EditorPage> {
  const page = await repo.updatePage(tx.db, pageId, { status: 'draft', updatedAt: tx.now });
  const texts = await repo.textsOf(tx.db, 'draft', [pageId]);
  await repo.insertRevision(tx.db, {
    pageId,
    number: page.revision,
    event,
    status: 'draft',
    snapshot: snapshotOf(
      page,
      texts.map(({ pageId: _, ...text }) => text),
    ),
    authorId: tx.actor.id,
    createdAt: tx.now,
  });
  return editorPageOf(tx, page);
}
