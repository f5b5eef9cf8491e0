import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../core/context.ts';
import { errors } from '../../core/errors.ts';
import { requestContext } from '../../core/http.ts';
import * as editing from './editing.service.ts';
import * as s from './pages.schema.ts';
import * as reading from './reading.service.ts';

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
    async (request) => reading.publishedPage(ctx(request), request.params.slug, request.query),
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
};
