import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppServices } from '../../core/context.ts';
import { errors } from '../../core/errors.ts';
import { requestContext } from '../../core/http.ts';
import * as checks from './checks.service.ts';
import { pageCacheOf, startPageCache, stopPageCache } from './page-cache.ts';
import * as editing from './editing.service.ts';
import * as s from './pages.schema.ts';
import * as news from './news.service.ts';
import * as reading from './reading.service.ts';
import * as translations from './translations.service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An editors' route: the public gets 401 before its input is even looked at. */
    pagesStaff?: boolean;
  }
}

/** The pages module's HTTP routes: /api/v1/pages (readers) and /api/v1/page-editor (editors). Thin. */
export const pagesRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: FastifyRequest) => requestContext(services, request);
  const read = ['pages: reading'];
  const edit = ['pages: editing'];
  const staff = { pagesStaff: true };

  // The cache of published answers listens for changes from every app server; this server's own editors' writes
  // forget it at once, before their answer leaves, so the editor's next read shows what was just done.
  // Listening starts when the app starts (not when it is only built, e.g. to migrate and seed a database).
  app.addHook('onReady', async () => startPageCache(services.database));
  app.addHook('onClose', async () => stopPageCache(services.database));
  app.addHook('onSend', async (request) => {
    if (request.routeOptions.config.pagesStaff && request.method !== 'GET')
      pageCacheOf(services.database).forget();
  });

  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.pagesStaff && request.actor.kind === 'public')
      throw errors.unauthenticated();
  });

  app.get(
    '/pages',
    {
      schema: {
        tags: read,
        summary: 'The published tree of information pages, in a language (de-x-ls: Leichte Sprache)',
        querystring: s.langQuery,
        response: { 200: s.treeReply },
      },
    },
    async (request) => reading.publishedTree(ctx(request), request.query),
  );
  app.get(
    '/pages/:slug',
    {
      schema: {
        tags: read,
        summary:
          'One published page in a language: body (sanitised), steps with where/what to bring/costs/duration, translationState per field',
        params: s.slugParams,
        querystring: s.langQuery,
        response: { 200: s.pageReply },
      },
    },
    // The JSON comes from the server's cache of published answers (page-cache.ts), already encoded; the schema
    // above describes it (reading.publishedPageJson parses the page with it before it is kept).
    async (request, reply) => {
      const json = await reading.publishedPageJson(ctx(request), request.params.slug, request.query);
      return reply
        .type('application/json; charset=utf-8')
        .send(json as unknown as z.infer<typeof s.pageReply>);
    },
  );

  app.get(
    '/pages/:slug/pdf',
    {
      schema: {
        tags: read,
        summary:
          'One published page as a PDF in a language (right to left in Arabic and Persian), for printing',
        params: s.slugParams,
        querystring: s.langQuery,
      },
    },
    async (request, reply) => {
      const pdf = await reading.pagePdf(ctx(request), request.params.slug, request.query);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${request.params.slug}.pdf"`)
        .send(pdf);
    },
  );
  app.get(
    '/pages/:slug/booklet',
    {
      // Up to 60 pages drawn at once: one of the heavy routes' few slots.
      config: { heavy: true },
      schema: {
        tags: read,
        summary:
          'A printable booklet (PDF) of a section: the page and every published page below it, in a language',
        params: s.slugParams,
        querystring: s.langQuery,
      },
    },
    async (request, reply) => {
      const pdf = await reading.sectionBooklet(ctx(request), request.params.slug, request.query);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${request.params.slug}-booklet.pdf"`)
        .send(pdf);
    },
  );
  app.get(
    '/page-packages/:lang',
    {
      // Every page of a language at once: one of the heavy routes' few slots.
      config: { heavy: true },
      schema: {
        tags: read,
        summary:
          'Offline package of a language: the tree and every published page (with the offers they link), for storing on the device',
        params: s.offlineParams,
        response: { 200: s.offlineReply },
      },
    },
    async (request) => reading.offlinePackage(ctx(request), request.params.lang),
  );

  app.get(
    '/page-editor/pages',
    {
      config: staff,
      schema: { tags: edit, summary: 'The pages the editor may change', response: { 200: s.editorList } },
    },
    async (request) => editing.listEditable(ctx(request)),
  );
  app.post(
    '/page-editor/pages',
    {
      config: staff,
      schema: {
        tags: edit,
        summary: 'Make a new page (a draft; German required; the body is sanitised)',
        body: s.pageBody,
        response: { 201: s.editorPage },
      },
    },
    async (request, reply) => reply.status(201).send(await editing.createPage(ctx(request), request.body)),
  );
  app.get(
    '/page-editor/pages/:id',
    {
      config: staff,
      schema: {
        tags: edit,
        summary: 'A page’s working copy, every language with its translation state',
        params: s.idParams,
        response: { 200: s.editorPage },
      },
    },
    async (request) => editing.editablePage(ctx(request), request.params.id),
  );
  app.put(
    '/page-editor/pages/:id',
    {
      config: staff,
      schema: {
        tags: edit,
        summary:
          'Save a page: a new revision, back to draft; unchanged translations of changed German become outdated',
        params: s.idParams,
        body: s.pageBody,
        response: { 200: s.editorPage },
      },
    },
    async (request) => editing.savePage(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/page-editor/pages/:id/submit',
    {
      config: staff,
      schema: {
        tags: edit,
        summary: 'Ask for review (draft → review)',
        params: s.idParams,
        response: { 200: s.editorPage },
      },
    },
    async (request) => editing.submitPage(ctx(request), request.params.id),
  );
  app.post(
    '/page-editor/pages/:id/publish',
    {
      config: staff,
      schema: {
        tags: edit,
        summary: 'Publish (review → published): readers see this version from now on',
        params: s.idParams,
        response: { 200: s.editorPage },
      },
    },
    async (request) => editing.publishPage(ctx(request), request.params.id),
  );
  app.get(
    '/page-editor/pages/:id/revisions',
    {
      config: staff,
      schema: {
        tags: edit,
        summary: 'A page’s history, newest first',
        params: s.idParams,
        response: { 200: s.revisionsReply },
      },
    },
    async (request) => editing.pageRevisions(ctx(request), request.params.id),
  );
  app.post(
    '/page-editor/pages/:id/rollback',
    {
      config: staff,
      schema: {
        tags: edit,
        summary: 'Restore an earlier revision as a new draft',
        params: s.idParams,
        body: s.rollbackBody,
        response: { 200: s.editorPage },
      },
    },
    async (request) => editing.rollbackPage(ctx(request), request.params.id, request.body),
  );

  // Translation: XLIFF per language (all pages' working copies), machine translation of a page, the glossary.
  app.addContentTypeParser(
    ['application/xliff+xml', 'application/xml', 'text/xml'],
    { parseAs: 'string', bodyLimit: 10_485_760 },
    (_request, body, done) => done(null, body),
  );
  app.get(
    '/page-editor/translations/:lang/xliff',
    {
      config: staff,
      schema: {
        tags: edit,
        summary: 'XLIFF 1.2 of every page’s texts a language lacks or has outdated or machine-made',
        params: s.translationLangParams,
      },
    },
    async (request, reply) => {
      const xml = await translations.exportPagesXliff(ctx(request), request.params.lang);
      return reply
        .type('application/xliff+xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="lotse-pages-${request.params.lang}.xlf"`)
        .send(xml);
    },
  );
  app.post(
    '/page-editor/translations/:lang/xliff',
    {
      config: staff,
      schema: {
        tags: edit,
        summary: 'Import a translated XLIFF file into the working copies (all or nothing; bodies sanitised)',
        params: s.translationLangParams,
        body: z.string().min(1).describe('The XLIFF 1.2 file exported by GET …/xliff, with targets filled'),
        response: { 200: s.xliffImportReply },
      },
    },
    async (request) => translations.importPagesXliff(ctx(request), request.params.lang, request.body),
  );
  app.post(
    '/page-editor/pages/:id/translate',
    {
      config: staff,
      schema: {
        tags: edit,
        summary:
          'Machine-translate a page’s missing, outdated and machine-made texts into a language (the glossary applied; needs MT_URL)',
        params: s.idParams,
        body: s.translateBody,
        response: { 200: s.editorPage },
      },
    },
    async (request) => translations.translatePage(ctx(request), request.params.id, request.body),
  );
  app.get(
    '/page-editor/glossary/:lang',
    {
      config: staff,
      schema: {
        tags: edit,
        summary: 'A language’s glossary: German terms and the one way they are written',
        params: s.translationLangParams,
        response: { 200: s.glossaryReply },
      },
    },
    async (request) => translations.glossary(ctx(request), request.params.lang),
  );
  app.put(
    '/page-editor/glossary/:lang',
    {
      config: staff,
      schema: {
        tags: edit,
        summary: 'Replace a language’s glossary',
        params: s.translationLangParams,
        body: s.glossaryBody,
        response: { 200: s.glossaryReply },
      },
    },
    async (request) => translations.saveGlossary(ctx(request), request.params.lang, request.body),
  );

  // Keeping pages correct: the 6-month review and the nightly link check.
  app.get(
    '/page-editor/checks',
    {
      config: staff,
      schema: {
        tags: edit,
        summary: 'Pages due for the “still correct?” review, and what the nightly link check found',
        response: { 200: s.checksReply },
      },
    },
    async (request) => checks.listChecks(ctx(request)),
  );
  app.post(
    '/page-editor/pages/:id/confirm',
    {
      config: staff,
      schema: {
        tags: edit,
        summary: 'Confirm that a page is still correct (it leaves the review list for six months)',
        params: s.idParams,
        response: { 200: s.confirmReply },
      },
    },
    async (request) => checks.confirmPage(ctx(request), request.params.id),
  );

  // News: current items and the Atom feed per language, web push without an account; coordinators publish.
  const newsTags = ['pages: news'];
  app.get(
    '/news',
    {
      schema: {
        tags: newsTags,
        summary: 'Current news in a language (German where an item has none), newest first',
        querystring: s.newsQuery,
        response: { 200: s.newsReply },
      },
    },
    async (request) => news.currentNews(ctx(request), request.query),
  );
  app.get(
    '/news/feed.atom',
    {
      schema: {
        tags: newsTags,
        summary: 'The current news as an Atom 1.0 feed in a language',
        querystring: s.newsQuery,
      },
    },
    async (request, reply) =>
      reply
        .type('application/atom+xml; charset=utf-8')
        .send(await news.newsFeed(ctx(request), request.query)),
  );
  app.get(
    '/news/push-key',
    {
      schema: {
        tags: newsTags,
        summary: 'The VAPID public key for a web push subscription',
        response: { 200: s.pushKeyReply },
      },
    },
    async (request) => news.pushKey(ctx(request)),
  );
  app.post(
    '/news/subscriptions',
    {
      schema: {
        tags: newsTags,
        summary:
          'Subscribe to news by web push, without an account: the endpoint, its keys, language, topics and districts (nothing else is kept)',
        body: s.subscriptionBody,
      },
    },
    async (request, reply) => {
      await news.subscribe(ctx(request), request.body);
      return reply.status(204).send();
    },
  );
  app.post(
    '/news/subscriptions/remove',
    {
      schema: {
        tags: newsTags,
        summary: 'Unsubscribe in one click: the subscription of this endpoint is deleted',
        body: s.unsubscribeBody,
      },
    },
    async (request, reply) => {
      await news.unsubscribe(ctx(request), request.body);
      return reply.status(204).send();
    },
  );
  app.get(
    '/page-editor/news',
    {
      config: staff,
      schema: {
        tags: newsTags,
        summary: 'Every news item, newest first',
        response: { 200: s.editorNewsReply },
      },
    },
    async (request) => news.listNews(ctx(request)),
  );
  app.post(
    '/page-editor/news',
    {
      config: staff,
      schema: {
        tags: newsTags,
        summary: 'Write a news item (a draft; German required)',
        body: s.newsBody,
        response: { 201: s.editorNewsItem },
      },
    },
    async (request, reply) => reply.status(201).send(await news.createNews(ctx(request), request.body)),
  );
  app.post(
    '/page-editor/news/:id/publish',
    {
      config: staff,
      schema: {
        tags: newsTags,
        summary: 'Publish a news item and send it by web push to the subscriptions of its topic and district',
        params: s.newsIdParams,
        response: { 200: s.editorNewsItem },
      },
    },
    async (request) => news.publishNews(ctx(request), request.params.id),
  );
};
