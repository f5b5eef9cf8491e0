/**
 * The pages module's rows of the role × route matrix (server/modules/platform/matrix.test.ts). Reading is public.
 * Coordinators and admins make, change and publish pages; associations and institutions see the editor's list
 * (their organisation's pages: none in the demo) and the checks list, but may not touch the coordinators' pages;
 * translation (XLIFF, machine translation, glossaries) is the coordinators'; everyone else 403.
 */
import {
  ACTORS,
  type ActorName,
  EVERYONE,
  type MatrixBase,
  type ModuleMatrix,
} from '../../../test/matrix.ts';
import { systemContext } from '../../core/context.ts';
import { buildXliff } from '../../core/translation/xliff.ts';
import { createPage, submitPage } from './editing.service.ts';
import { createNews } from './news.service.ts';
import { buildPage } from './pages.factories.ts';

const EDITORS = ['coordinator', 'admin'] as const;

const LISTERS = ['coordinator', 'admin', 'institution', 'association'] as const;

type Fixtures = {
  /** A draft page and its slug (saved, read, its history). */
  pageId: string;
  slug: string;
  /** One draft page per actor (submitting moves it on), and one in review per actor (publishing). */
  drafts: Record<ActorName, string>;
  inReview: Record<ActorName, string>;
  /** One draft news item per actor (publishing moves it on). */
  news: Record<ActorName, string>;
};
type F = MatrixBase & Fixtures;

const NEWS = { topic: 'school', district: null, endsOn: '2099-12-31' } as const;
const KEYS = {
  p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
  auth: 'tBHItJI5svbpez7KI4CCXg',
};

let made = 0;
const freshSlug = (actor: ActorName) => `matrix-${actor}-${++made}`;

async function setup({ t }: MatrixBase): Promise<Fixtures> {
  const ctx = systemContext(t.services);
  const input = buildPage({ slug: 'matrix-seite' });
  const page = await createPage(ctx, input);
  const drafts = {} as Record<ActorName, string>;
  const inReview = {} as Record<ActorName, string>;
  for (const actor of ACTORS) {
    drafts[actor] = (await createPage(ctx, buildPage({ slug: `matrix-draft-${actor}` }))).id;
    const review = await createPage(ctx, buildPage({ slug: `matrix-review-${actor}` }));
    await submitPage(ctx, review.id);
    inReview[actor] = review.id;
  }
  const news = {} as Record<ActorName, string>;
  for (const actor of ACTORS)
    news[actor] = (
      await createNews(ctx, { ...NEWS, texts: { de: { title: `Matrix ${actor}`, text: '' } } })
    ).id;
  return { pageId: page.id, slug: input.slug, drafts, inReview, news };
}

const matrix: ModuleMatrix<Fixtures> = {
  setup,
  rows: [
    {
      method: 'GET',
      path: '/api/v1/pages',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/pages?lang=ar' }),
    },
    {
      method: 'GET',
      path: '/api/v1/pages/:slug',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/pages/anmeldung?lang=de-x-ls' }),
    },
    {
      method: 'GET',
      path: '/api/v1/pages/:slug/pdf',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/pages/anmeldung/pdf?lang=fa' }),
    },
    {
      method: 'GET',
      path: '/api/v1/pages/:slug/booklet',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/pages/gesundheit/booklet?lang=ar' }),
    },
    {
      method: 'GET',
      path: '/api/v1/page-editor/pages',
      allowed: LISTERS,
      status: 200,
      request: () => ({ url: '/api/v1/page-editor/pages' }),
    },
    {
      method: 'POST',
      path: '/api/v1/page-editor/pages',
      allowed: EDITORS,
      status: 201,
      request: (actor) => ({ url: '/api/v1/page-editor/pages', body: buildPage({ slug: freshSlug(actor) }) }),
    },
    {
      method: 'GET',
      path: '/api/v1/page-editor/pages/:id',
      allowed: EDITORS,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/page-editor/pages/${f.pageId}` }),
    },
    {
      method: 'PUT',
      path: '/api/v1/page-editor/pages/:id',
      allowed: EDITORS,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/page-editor/pages/${f.pageId}`,
        body: buildPage({ slug: f.slug }),
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/page-editor/pages/:id/submit',
      allowed: EDITORS,
      status: 200,
      request: (actor, f: F) => ({ url: `/api/v1/page-editor/pages/${f.drafts[actor]}/submit` }),
    },
    {
      method: 'POST',
      path: '/api/v1/page-editor/pages/:id/publish',
      allowed: EDITORS,
      status: 200,
      request: (actor, f: F) => ({ url: `/api/v1/page-editor/pages/${f.inReview[actor]}/publish` }),
    },
    {
      method: 'GET',
      path: '/api/v1/page-editor/pages/:id/revisions',
      allowed: EDITORS,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/page-editor/pages/${f.pageId}/revisions` }),
    },
    {
      method: 'POST',
      path: '/api/v1/page-editor/pages/:id/rollback',
      allowed: EDITORS,
      status: 200,
      request: (_actor, f: F) => ({
        url: `/api/v1/page-editor/pages/${f.pageId}/rollback`,
        body: { revision: 1 },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/page-editor/translations/:lang/xliff',
      allowed: EDITORS,
      status: 200,
      request: () => ({ url: '/api/v1/page-editor/translations/ar/xliff' }),
    },
    {
      method: 'POST',
      path: '/api/v1/page-editor/translations/:lang/xliff',
      allowed: EDITORS,
      status: 200,
      request: () => ({
        url: '/api/v1/page-editor/translations/ar/xliff',
        body: buildXliff('lotse-pages', 'ar', []),
        headers: { 'content-type': 'application/xliff+xml' },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/page-editor/pages/:id/translate',
      allowed: EDITORS,
      // The matrix's app has no translation service (MT_URL): allowed callers learn that it is switched off.
      status: 409,
      request: (_actor, f: F) => ({
        url: `/api/v1/page-editor/pages/${f.pageId}/translate`,
        body: { lang: 'tr' },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/page-editor/glossary/:lang',
      allowed: EDITORS,
      status: 200,
      request: () => ({ url: '/api/v1/page-editor/glossary/tr' }),
    },
    {
      method: 'PUT',
      path: '/api/v1/page-editor/glossary/:lang',
      allowed: EDITORS,
      status: 200,
      request: () => ({
        url: '/api/v1/page-editor/glossary/uk',
        body: { terms: [{ source: 'Jobcenter', target: 'Jobcenter' }] },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/page-editor/checks',
      allowed: LISTERS,
      status: 200,
      request: () => ({ url: '/api/v1/page-editor/checks' }),
    },
    {
      method: 'POST',
      path: '/api/v1/page-editor/pages/:id/confirm',
      allowed: EDITORS,
      status: 200,
      request: (_actor, f: F) => ({ url: `/api/v1/page-editor/pages/${f.pageId}/confirm` }),
    },
    {
      method: 'GET',
      path: '/api/v1/page-packages/:lang',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/page-packages/de-x-ls' }),
    },
    {
      method: 'GET',
      path: '/api/v1/news',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/news?lang=uk' }),
    },
    {
      method: 'GET',
      path: '/api/v1/news/feed.atom',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/news/feed.atom?lang=fa' }),
    },
    {
      method: 'GET',
      path: '/api/v1/news/push-key',
      allowed: EVERYONE,
      status: 200,
      request: () => ({ url: '/api/v1/news/push-key' }),
    },
    {
      method: 'POST',
      path: '/api/v1/news/subscriptions',
      allowed: EVERYONE,
      status: 204,
      request: (actor) => ({
        url: '/api/v1/news/subscriptions',
        body: { endpoint: `https://push.example/${actor}`, keys: KEYS, lang: 'ar', topics: ['health'] },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/news/subscriptions/remove',
      allowed: EVERYONE,
      status: 204,
      request: (actor) => ({
        url: '/api/v1/news/subscriptions/remove',
        body: { endpoint: `https://push.example/${actor}` },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/page-editor/news',
      allowed: EDITORS,
      status: 200,
      request: () => ({ url: '/api/v1/page-editor/news' }),
    },
    {
      method: 'POST',
      path: '/api/v1/page-editor/news',
      allowed: EDITORS,
      status: 201,
      request: () => ({
        url: '/api/v1/page-editor/news',
        body: { ...NEWS, texts: { de: { title: 'Neue Kita in Marxloh', text: '' } } },
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/page-editor/news/:id/publish',
      allowed: EDITORS,
      status: 200,
      request: (actor, f: F) => ({ url: `/api/v1/page-editor/news/${f.news[actor]}/publish` }),
    },
  ],
};

export default matrix;
