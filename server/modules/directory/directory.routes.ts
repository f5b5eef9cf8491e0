import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppServices } from '../../core/context.ts';
import { requestContext } from '../../core/http.ts';
import * as s from './directory.schema.ts';
import * as editing from './editing.service.ts';
import * as e from './editing.schema.ts';
import * as search from './search.service.ts';
import { searchIndexOf, stopSearchIndex } from './search/search.index.ts';
import { flushUnmet } from './search/unmet.ts';
import * as translations from './translations.service.ts';

/** The directory's HTTP routes under /api/v1/directory. */
export const directoryRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (
  app,
  { services },
) => {
  const ctx = (request: FastifyRequest) => requestContext(services, request);
  // This server's search index: built from the database when the app starts, kept current by the change log.
  app.addHook('onReady', async () => {
    searchIndexOf(services.database, (error) =>
      services.logger.error({ err: error }, 'directory search index'),
    );
  });
  app.addHook('onClose', async () => {
    await flushUnmet(services.database).catch(() => {});
    await stopSearchIndex(services.database);
  });

  app.get(
    '/directory/services',
    {
      config: { heavy: true, rateLimit: { max: services.config.searchRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['directory'],
        summary: 'Search offers',
        querystring: s.searchQuery,
        response: { 200: s.searchReply },
      },
    },
    // The JSON is written by the service, as UTF-8 bytes, from rows kept per offer (the schema above describes
    // it; Fastify sends the bytes as they are).
    async (request, reply) => {
      const json = await search.findServicesJson(ctx(request), request.query);
      return reply
        .type('application/json; charset=utf-8')
        .send(json as unknown as z.infer<typeof s.searchReply>);
    },
  );

  app.get(
    '/directory/services/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'One offer',
        params: s.serviceParams,
        response: { 200: s.serviceDetail },
      },
    },
    async (request) => search.getService(ctx(request), request.params.id),
  );

  app.post(
    '/directory/services/:id/feedback',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' }, idempotent: true },
      schema: {
        tags: ['directory'],
        summary: 'Feedback on an offer',
        params: s.serviceParams,
        body: s.feedbackBody,
        response: { 201: z.null() },
      },
    },
    async (request, reply) => {
      await search.giveFeedback(ctx(request), { id: request.params.id, ...request.body });
      return reply.status(201).send(null);
    },
  );

  app.get(
    '/directory/unmet-searches',
    {
      schema: {
        tags: ['directory'],
        summary: 'Searches that found nothing (last 90 days)',
        response: { 200: s.unmetReply },
      },
    },
    async (request) => ({
      items: await search.listUnmetSearches(ctx(request)),
    }),
  );

  const editor = { tags: ['directory editing'] };
  const done = { 204: z.null().describe('Done') };

  app.get(
    '/directory/editor/services',
    {
      schema: {
        ...editor,
        summary: 'Offers one may edit',
        querystring: e.editableQuery,
        response: { 200: e.editableList },
      },
    },
    async (request) => ({
      items: await editing.listEditable(ctx(request), request.query),
    }),
  );

  app.post(
    '/directory/editor/services',
    {
      schema: {
        ...editor,
        summary: 'Add an offer (a draft)',
        body: e.serviceBody,
        response: { 201: e.createdReply },
      },
    },
    async (request, reply) => reply.status(201).send(await editing.createService(ctx(request), request.body)),
  );

  app.get(
    '/directory/editor/services/:id',
    {
      schema: {
        ...editor,
        summary: 'The latest version of an offer, every language',
        params: s.serviceParams,
        response: { 200: e.editableService },
      },
    },
    async (request) => editing.latestVersion(ctx(request), request.params.id),
  );

  app.put(
    '/directory/editor/services/:id',
    {
      schema: {
        ...editor,
        summary: 'Change an offer',
        params: s.serviceParams,
        body: e.serviceBody,
        response: { 200: e.updatedReply },
      },
    },
    async (request) => editing.updateService(ctx(request), request.params.id, request.body),
  );

  app.post(
    '/directory/editor/services/:id/submit',
    { schema: { ...editor, summary: 'Ask for publication', params: s.serviceParams, response: done } },
    async (request, reply) => {
      await editing.submitService(ctx(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/directory/editor/services/:id/publish',
    { schema: { ...editor, summary: 'Publish (coordinators)', params: s.serviceParams, response: done } },
    async (request, reply) => {
      await editing.publishService(ctx(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/directory/editor/services/:id/reject',
    {
      schema: {
        ...editor,
        summary: 'Send a change back (coordinators)',
        params: s.serviceParams,
        body: e.rejectBody,
        response: done,
      },
    },
    async (request, reply) => {
      await editing.rejectService(ctx(request), request.params.id, request.body.reason);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/directory/editor/services/:id/checked',
    {
      schema: {
        ...editor,
        summary: 'Confirm the offer is still correct',
        params: s.serviceParams,
        response: done,
      },
    },
    async (request, reply) => {
      await editing.confirmChecked(ctx(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/directory/editor/services/:id/history',
    {
      schema: {
        ...editor,
        summary: 'Who changed what, when',
        params: s.serviceParams,
        response: { 200: e.historyReply },
      },
    },
    async (request) => ({
      items: await editing.serviceHistory(ctx(request), request.params.id),
    }),
  );

  // Translation work for coordinators: what is pending per language, XLIFF out and in, machine translation.
  app.addContentTypeParser(
    ['application/xliff+xml', 'application/xml', 'text/xml'],
    { parseAs: 'string', bodyLimit: 10_485_760 },
    (_request, body, done) => done(null, body),
  );
  const translation = { tags: ['directory translation'] };
  const langParams = z.object({
    lang: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .describe('UI language code'),
  });

  app.get(
    '/directory/translations',
    {
      schema: {
        ...translation,
        summary: 'Translation state per language',
        response: { 200: e.translationsReply },
      },
    },
    async (request) => ({
      items: await translations.translationOverview(ctx(request)),
    }),
  );

  app.get(
    '/directory/translations/:lang',
    {
      schema: {
        ...translation,
        summary: 'Texts missing, outdated or machine-made in a language',
        params: langParams,
        response: { 200: e.pendingTextsReply },
      },
    },
    async (request) => ({
      items: await translations.pendingTexts(ctx(request), request.params.lang),
    }),
  );

  app.get(
    '/directory/translations/:lang/xliff',
    { schema: { ...translation, summary: 'XLIFF 1.2 of the pending texts', params: langParams } },
    async (request, reply) => {
      const xml = await translations.exportXliff(ctx(request), request.params.lang);
      return reply
        .type('application/xliff+xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="lotse-directory-${request.params.lang}.xlf"`)
        .send(xml);
    },
  );

  app.post(
    '/directory/translations/:lang/xliff',
    {
      schema: {
        ...translation,
        summary: 'Import a translated XLIFF file (all or nothing)',
        params: langParams,
        body: z.string().min(1).describe('The XLIFF 1.2 file'),
        response: { 200: e.importReply },
      },
    },
    async (request) => translations.importXliff(ctx(request), request.params.lang, request.body),
  );

  app.post(
    '/directory/translations/:lang/machine',
    {
      schema: {
        ...translation,
        summary: 'Machine-translate pending texts (needs MT_URL)',
        params: langParams,
        response: { 200: e.machineReply },
      },
    },
    async (request) => translations.machineTranslate(ctx(request), request.params.lang),
  );
};
