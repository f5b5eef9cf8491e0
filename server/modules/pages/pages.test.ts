/**
 * Pages: the public contract (tree and one page per language, de-x-ls, 400 naming lang, 404), hostile bodies
 * removed on save and on render, draft → review → published with readers seeing only published versions,
 * translation state per field, history and rollback, who may edit, and two saves at once.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { buildPage, buildVariant } from './pages.factories.ts';
import { pages, pageTexts } from './pages.tables.ts';
import { type OpenApiDoc, undocumented } from '../../../test/openapi.ts';

type Tree = {
  lang: string;
  items: {
    slug: string;
    parent: string | null;
    depth: number;
    title: string;
    translationState: string;
    hasEasyGerman: boolean;
  }[];
};
type Page = {
  slug: string;
  dir: string;
  title: string;
  body: string;
  steps: {
    title: string;
    bring: string[];
    costs: string;
    duration: string;
    where: { slug: string; place: { lat: number } | null }[];
  }[];
  translationState: Record<string, string>;
  fieldLang: Record<string, string>;
  breadcrumbs: { slug: string }[];
  children: { slug: string }[];
  hasEasyGerman: boolean;
};
type Editor = {
  id: string;
  status: string;
  revision: number;
  texts: { lang: string; field: string; value: string; status: string }[];
};
type ErrorBody = { error: { code: string; message: string; field?: string } };

let t: TestApp;
let reader: Client;
let coordinator: Client;

beforeAll(async () => {
  t = await createTestApp();
  reader = t.client('ar');
  coordinator = await t.login('coordinator');
});
afterAll(() => t?.close());

const HOSTILE = [
  '<h2 onclick="steal()">Unterlagen</h2>',
  '<p>Hallo<script>alert(document.cookie)</script></p>',
  '<img src="https://example.org/x.png" alt="Plan" onerror="alert(1)">',
  '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="Bild">',
  '<svg><script>alert(2)</script><a href="javascript:alert(3)">svg</a></svg>',
  '<a href="javascript:alert(4)">klick</a> <a href="JAVASCRIPT:alert(5)">klack</a>',
  '<a href="data:text/html,&lt;script&gt;alert(6)&lt;/script&gt;">daten</a>',
  '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>',
  '<a href="https://www.duisburg.de" onmouseover="x()">Stadt</a> <a href="/seiten/notruf">Notruf</a>',
].join('\n');

function expectClean(html: string) {
  expect(html).not.toMatch(/<script|<svg|<iframe|<style|onerror|onclick|onmouseover|javascript:|data:/i);
  expect(html).not.toContain('alert(');
}

const put = (url: string, body: unknown) => coordinator.request('PUT', url, { body });

async function makePage(input = buildPage()) {
  const reply = await coordinator.post('/api/v1/page-editor/pages', input);
  expect(reply.status, reply.body).toBe(201);
  return reply.json<Editor>();
}
async function publish(id: string) {
  expect((await coordinator.post(`/api/v1/page-editor/pages/${id}/submit`)).status).toBe(200);
  const reply = await coordinator.post(`/api/v1/page-editor/pages/${id}/publish`);
  expect(reply.status, reply.body).toBe(200);
  return reply.json<Editor>();
}

describe('reading pages', () => {
  it('lists the published tree in Arabic, Anmeldung under Ankommen, with at least 25 pages', async () => {
    const reply = await reader.get('/api/v1/pages?lang=ar');
    expect(reply.status, reply.body).toBe(200);
    const tree = reply.json<Tree>();
    expect(tree.lang).toBe('ar');
    expect(tree.items.length).toBeGreaterThanOrEqual(25);
    const anmeldung = tree.items.find((item) => item.slug === 'anmeldung');
    expect(anmeldung).toMatchObject({
      parent: 'ankommen',
      depth: 1,
      translationState: 'machine',
      hasEasyGerman: true,
    });
    expect(anmeldung?.title).toContain('تسجيل');
    // A parent comes before its children.
    const slugs = tree.items.map((item) => item.slug);
    expect(slugs.indexOf('ankommen')).toBeLessThan(slugs.indexOf('anmeldung'));
    expect(tree.items.filter((item) => item.hasEasyGerman).length).toBeGreaterThanOrEqual(8);
  });

  it('opens Anmeldung in Arabic right to left, with the steps, the checklist and the Bürgeramt on the map', async () => {
    const reply = await reader.get('/api/v1/pages/anmeldung?lang=ar');
    expect(reply.status, reply.body).toBe(200);
    const page = reply.json<Page>();
    expect(page.dir).toBe('rtl');
    expect(page.translationState).toEqual({
      title: 'machine',
      summary: 'machine',
      body: 'machine',
      steps: 'machine',
    });
    expect(page.steps).toHaveLength(4);
    expect(page.steps[2]?.bring).toHaveLength(5);
    expect(page.steps[2]?.costs).toBe('مجانًا');
    const where = page.steps[2]?.where.find((offer) => offer.slug === 'buergeramt-anmeldung-hamborn');
    expect(where?.place?.lat).toBeGreaterThan(51);
    expect(page.breadcrumbs.map((crumb) => crumb.slug)).toEqual(['ankommen']);
  });

  it('shows Leichte Sprache for de-x-ls, and German marked missing where a page has none', async () => {
    const easy = (await reader.get('/api/v1/pages/anmeldung?lang=de-x-ls')).json<Page>();
    expect(easy.title).toBe('Anmelden beim Bürger-Amt');
    expect(easy.translationState.title).toBe('up_to_date');
    const none = (await reader.get('/api/v1/pages/bankkonto?lang=de-x-ls')).json<Page>();
    expect(none.title).toBe('Bankkonto eröffnen');
    expect(none.translationState.title).toBe('missing');
    expect(none.fieldLang.title).toBe('de');
    const german = (await reader.get('/api/v1/pages/bankkonto?lang=de')).json<Page>();
    expect(german.translationState.body).toBe('source');
  });

  it('answers an unknown language with 400 naming the lang field, in the reader’s language', async () => {
    for (const url of ['/api/v1/pages?lang=xx', '/api/v1/pages/anmeldung?lang=klingon']) {
      const reply = await t.client('en').get(url);
      expect(reply.status).toBe(400);
      const { error } = reply.json<ErrorBody>();
      expect(error.field).toBe('query.lang');
      expect(error.message).toMatch(/lang/);
    }
  });

  it('answers an unknown or unpublished page with 404', async () => {
    expect((await reader.get('/api/v1/pages/gibt-es-nicht?lang=de')).status).toBe(404);
    const draft = await makePage();
    const slug = draft.texts.length
      ? (await t.services.database.db.select().from(pages).where(eq(pages.id, draft.id)))[0]?.slug
      : '';
    expect((await reader.get(`/api/v1/pages/${slug}?lang=de`)).status).toBe(404);
  });

  it('prints a page and a section’s booklet as PDF in Persian, and answers an unknown page with 404', async () => {
    const one = await reader.get('/api/v1/pages/anmeldung/pdf?lang=fa');
    expect(one.status).toBe(200);
    expect(one.headers['content-type']).toBe('application/pdf');
    expect(one.body.startsWith('%PDF')).toBe(true);
    const booklet = await reader.get('/api/v1/pages/gesundheit/booklet?lang=fa');
    expect(booklet.status).toBe(200);
    // The contents, then Gesundheit and its four pages below, each on a sheet of its own.
    expect(booklet.body.match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(6);
    expect((await reader.get('/api/v1/pages/gibt-es-nicht/booklet?lang=fa')).status).toBe(404);
  });
});

describe('the push key without VAPID settings', () => {
  it('gives every reader the same key, made on the first ask and kept in the database', async () => {
    const ask = async () =>
      (await reader.get('/api/v1/news/push-key')).json<{ publicKey: string }>().publicKey;
    const [first, second] = await Promise.all([ask(), ask()]);
    expect(Buffer.from(first, 'base64url').length).toBe(65);
    expect(second).toBe(first);
    expect(await ask()).toBe(first);
  });
});

describe('a safe body', () => {
  it('stores and serves a hostile body without scripts, SVG, event handlers, javascript: or data: URLs', async () => {
    const input = buildPage({ variants: { de: buildVariant({ body: HOSTILE }) } });
    const saved = await makePage(input);
    const stored = saved.texts.find((text) => text.lang === 'de' && text.field === 'body')?.value ?? '';
    expectClean(stored);
    // What is allowed stays: the heading, the image with alt text over https, the links that are safe.
    expect(stored).toContain('<h2>Unterlagen</h2>');
    expect(stored).toContain('<img src="https://example.org/x.png" alt="Plan" />');
    expect(stored).toContain('<a href="https://www.duisburg.de" rel="noopener noreferrer">Stadt</a>');
    expect(stored).toContain('<a href="/seiten/notruf">Notruf</a>');
    await publish(saved.id);
    const page = (await reader.get(`/api/v1/pages/${input.slug}?lang=de`)).json<Page>();
    expectClean(page.body);
    expect(page.body).toContain('Stadt</a>');
  });

  it('removes what a row written past the editor holds when the page is read', async () => {
    const saved = await makePage();
    await publish(saved.id);
    await t.services.database.db
      .update(pageTexts)
      .set({ value: HOSTILE })
      .where(
        and(eq(pageTexts.pageId, saved.id), eq(pageTexts.version, 'published'), eq(pageTexts.field, 'body')),
      );
    const [row] = await t.services.database.db.select().from(pages).where(eq(pages.id, saved.id));
    const page = (await reader.get(`/api/v1/pages/${row?.slug}?lang=ar`)).json<Page>();
    expectClean(page.body);
    expect(page.body).toContain('<h2>Unterlagen</h2>');
  });
});

describe('editing', () => {
  it('keeps readers on the published version until a change is reviewed and published', async () => {
    const input = buildPage();
    const created = await makePage(input);
    expect(created).toMatchObject({ status: 'draft', revision: 1 });
    // Publishing straight from draft is refused: it must be reviewed first.
    const early = await coordinator.post(`/api/v1/page-editor/pages/${created.id}/publish`);
    expect(early.status).toBe(409);
    expect(early.json<ErrorBody>().error.code).toBe('pages.wrong_state');
    await publish(created.id);
    const changed = await put(`/api/v1/page-editor/pages/${created.id}`, {
      ...input,
      variants: { de: buildVariant({ title: 'Wohngeld: der neue Antrag' }) },
    });
    expect(changed.json<Editor>()).toMatchObject({ status: 'draft', revision: 4 });
    expect((await reader.get(`/api/v1/pages/${input.slug}?lang=de`)).json<Page>().title).toBe(
      'Wohngeld beantragen',
    );
    await publish(created.id);
    expect((await reader.get(`/api/v1/pages/${input.slug}?lang=de`)).json<Page>().title).toBe(
      'Wohngeld: der neue Antrag',
    );
  });

  it('marks a translation outdated when the German changes, and machine-made when a machine wrote it', async () => {
    const input = buildPage({
      variants: {
        de: buildVariant(),
        en: buildVariant({ title: 'Applying for housing benefit', steps: [], body: '' }),
        tr: buildVariant({ title: 'Konut yardımı başvurusu', steps: [], body: '', machine: true }),
      },
    });
    const created = await makePage(input);
    const state = (e: Editor, lang: string) =>
      e.texts.find((x) => x.lang === lang && x.field === 'title')?.status;
    expect(state(created, 'en')).toBe('up_to_date');
    expect(state(created, 'tr')).toBe('machine');
    const saved = (
      await put(`/api/v1/page-editor/pages/${created.id}`, {
        ...input,
        variants: { de: buildVariant({ title: 'Wohngeld beantragen und verlängern' }) },
      })
    ).json<Editor>();
    expect(state(saved, 'en')).toBe('outdated');
    expect(state(saved, 'tr')).toBe('outdated');
    await publish(created.id);
    const page = (await reader.get(`/api/v1/pages/${input.slug}?lang=en`)).json<Page>();
    expect(page.translationState.title).toBe('outdated');
    expect(page.translationState.steps).toBe('missing');
  });

  it('lists every save in the history and restores an earlier revision as a new draft', async () => {
    const input = buildPage();
    const created = await makePage(input);
    await put(`/api/v1/page-editor/pages/${created.id}`, {
      ...input,
      variants: { de: buildVariant({ title: 'Falscher Titel' }) },
    });
    const history = (await coordinator.get(`/api/v1/page-editor/pages/${created.id}/revisions`)).json<{
      items: { number: number; title: string; authorName: string | null }[];
    }>();
    expect(history.items.map((item) => item.title)).toEqual(['Falscher Titel', 'Wohngeld beantragen']);
    expect(history.items[0]?.authorName).toBeTruthy();
    const restored = await coordinator.post(`/api/v1/page-editor/pages/${created.id}/rollback`, {
      revision: 1,
    });
    expect(restored.status, restored.body).toBe(200);
    const page = restored.json<Editor>();
    expect(page).toMatchObject({ status: 'draft', revision: 3 });
    expect(page.texts.find((x) => x.lang === 'de' && x.field === 'title')?.value).toBe('Wohngeld beantragen');
    const unknown = await coordinator.post(`/api/v1/page-editor/pages/${created.id}/rollback`, {
      revision: 99,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json<ErrorBody>().error.field).toBe('body.revision');
  });

  it('refuses a slug taken by another page and a parent below the page itself, naming the field', async () => {
    const taken = await coordinator.post('/api/v1/page-editor/pages', buildPage({ slug: 'anmeldung' }));
    expect(taken.status).toBe(409);
    expect(taken.json<ErrorBody>().error.field).toBe('body.slug');
    const top = await makePage();
    const below = await makePage(buildPage({ parentId: top.id }));
    const [row] = await t.services.database.db.select().from(pages).where(eq(pages.id, top.id));
    const cycle = await put(`/api/v1/page-editor/pages/${top.id}`, {
      ...buildPage({ slug: row?.slug ?? '' }),
      parentId: below.id,
    });
    expect(cycle.status).toBe(400);
    expect(cycle.json<ErrorBody>().error.field).toBe('body.parentId');
    const noGerman = await coordinator.post(
      '/api/v1/page-editor/pages',
      buildPage({ variants: { en: buildVariant() } }),
    );
    expect(noGerman.status).toBe(400);
    expect(noGerman.json<ErrorBody>().error.field).toBe('body.variants.de');
  });

  it('lets only coordinators make and publish pages; the public gets 401', async () => {
    expect((await t.client().get('/api/v1/page-editor/pages')).status).toBe(401);
    const resident = await t.login('resident');
    expect((await resident.get('/api/v1/page-editor/pages')).status).toBe(403);
    expect((await resident.post('/api/v1/page-editor/pages', buildPage())).status).toBe(403);
    const created = await makePage();
    await coordinator.post(`/api/v1/page-editor/pages/${created.id}/submit`);
    const institution = await t.login('institution');
    // The page is the coordinators' own: another organisation's staff may neither change nor publish it.
    expect((await institution.post(`/api/v1/page-editor/pages/${created.id}/publish`)).status).toBe(403);
    expect((await institution.get(`/api/v1/page-editor/pages/${created.id}`)).status).toBe(403);
  });

  it('keeps both of two saves made at the same moment as separate revisions', async () => {
    const input = buildPage();
    const created = await makePage(input);
    const [a, b] = await Promise.all([
      put(`/api/v1/page-editor/pages/${created.id}`, {
        ...input,
        variants: { de: buildVariant({ title: 'Erste Fassung' }) },
      }),
      put(`/api/v1/page-editor/pages/${created.id}`, {
        ...input,
        variants: { de: buildVariant({ title: 'Zweite Fassung' }) },
      }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const numbers = [a.json<Editor>().revision, b.json<Editor>().revision].sort();
    expect(numbers).toEqual([2, 3]);
    const history = (await coordinator.get(`/api/v1/page-editor/pages/${created.id}/revisions`)).json<{
      items: { number: number }[];
    }>();
    expect(history.items.map((item) => item.number)).toEqual([3, 2, 1]);
  });

  it('publishes once when two reviewers press publish at the same moment; the second is told it is published', async () => {
    const created = await makePage();
    await coordinator.post(`/api/v1/page-editor/pages/${created.id}/submit`);
    const replies = await Promise.all([
      coordinator.post(`/api/v1/page-editor/pages/${created.id}/publish`),
      coordinator.post(`/api/v1/page-editor/pages/${created.id}/publish`),
    ]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const history = (await coordinator.get(`/api/v1/page-editor/pages/${created.id}/revisions`)).json<{
      items: { event: string }[];
    }>();
    expect(history.items.filter((item) => item.event === 'published')).toHaveLength(1);
  });
});

describe('the OpenAPI description', () => {
  it('gives every pages route a summary and every field of its input and reply a description', async () => {
    const reply = await t.client().get('/api/docs/json');
    expect(reply.status).toBe(200);
    const gaps = undocumented(reply.json<OpenApiDoc>(), (route) =>
      /^\/api\/v1\/(pages|page-editor|page-packages|news)/.test(route),
    );
    expect(gaps.routes).toBe(23);
    expect(gaps.unsummarised).toEqual([]);
    expect(gaps.undescribed).toEqual([]);
  });
});
