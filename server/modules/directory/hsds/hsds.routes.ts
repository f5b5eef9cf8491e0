import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../../core/context.ts';
import { requestContext } from '../../../core/http.ts';
import type { HsdsRecord } from './hsds.records.ts';
import * as s from './hsds.schema.ts';
import * as hsds from './hsds.service.ts';

/** What the OpenAPI document says about Lotse's additions to HSDS (details in hsds/README.md). */
export const HSDS_EXTENSIONS = `HSDS 3.0 (Open Referral), read-only, published offers only, no sign-in.

Lotse extensions (fields HSDS does not define):
- \`translations\` on every record with translatable text: \`{ "<lang>": { "<field>": "…", "status": { "<field>":
  "source" | "up_to_date" | "outdated" | "machine" } } }\`, one entry per language the record has. German ("de") is
  the source.
- The main fields (name, description, …) are in the language of \`Accept-Language\` (or the \`lotse_lang\`
  cookie), field by field in German where a translation is missing; \`Content-Language\` names the language asked for.
- \`capacity\` on services: \`{ free_places, waiting_list }\` where the offer counts places.
- \`tzid\` on schedules: the IANA time zone of their local times; weekly opening hours are local wall-clock times.
- \`accessible\` (boolean) on accessibility records: the place is barrier-free.
- \`proximity\` is in kilometres (HSDS says metres).`;

const tags = ['hsds'];
/** Paged lists are heavy: they share the limited slots (server/core/limiter.ts). */
const list = { heavy: true };

/** Sends a page as JSON, or its records as newline-delimited JSON. */
function sendPage(reply: FastifyReply, format: 'json' | 'ndjson', page: hsds.HsdsPage) {
  if (format === 'json') return page;
  const body = page.contents.map((item: HsdsRecord) => JSON.stringify(item)).join('\n');
  return reply
    .type('application/x-ndjson; charset=utf-8')
    .serializer((payload: unknown) => payload as string)
    .send(body ? `${body}\n` : '');
}

/** The HSDS 3.0 API under /api/hsds. */
export const hsdsRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: FastifyRequest) => requestContext(services, request);

  app.addHook('onSend', async (request, reply) => {
    reply.header('content-language', request.locale ?? 'de');
    reply.header('vary', 'Accept-Language, Cookie');
    reply.header('access-control-allow-origin', '*');
  });

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'HSDS version, profile and OpenAPI document of this API',
        description: HSDS_EXTENSIONS,
        response: { 200: s.apiInfo },
      },
    },
    async (request) => hsds.apiInfo(ctx(request)),
  );

  app.get(
    '/services',
    {
      config: list,
      schema: {
        tags,
        summary: 'Published offers (HSDS service_list), paged',
        description: HSDS_EXTENSIONS,
        querystring: s.listQuery,
        response: { 200: s.hsdsPage },
      },
    },
    async (request, reply) =>
      sendPage(reply, request.query.format, await hsds.listServices(ctx(request), request.query)),
  );

  app.get(
    '/services/:id',
    {
      schema: {
        tags,
        summary: 'One published offer, fully nested (HSDS service)',
        description: HSDS_EXTENSIONS,
        params: s.idParams,
        response: { 200: s.hsdsRecord },
      },
    },
    async (request) => hsds.getService(ctx(request), request.params.id),
  );

  app.get(
    '/service_at_locations',
    {
      config: list,
      schema: {
        tags,
        summary: 'Places of published offers (HSDS service_at_location_list), paged',
        description: HSDS_EXTENSIONS,
        querystring: s.listQuery,
        response: { 200: s.hsdsPage },
      },
    },
    async (request, reply) =>
      sendPage(reply, request.query.format, await hsds.listServiceAtLocations(ctx(request), request.query)),
  );

  app.get(
    '/service_at_locations/:id',
    {
      schema: {
        tags,
        summary: 'One place of a published offer, fully nested (HSDS service_at_location)',
        description: HSDS_EXTENSIONS,
        params: s.idParams,
        response: { 200: s.hsdsRecord },
      },
    },
    async (request) => hsds.getServiceAtLocation(ctx(request), request.params.id),
  );

  app.get(
    '/organizations',
    {
      config: list,
      schema: {
        tags,
        summary: 'Organizations with published offers (HSDS organization_list), paged',
        description: HSDS_EXTENSIONS,
        querystring: s.listQuery,
        response: { 200: s.hsdsPage },
      },
    },
    async (request, reply) =>
      sendPage(reply, request.query.format, await hsds.listOrganizations(ctx(request), request.query)),
  );

  app.get(
    '/organizations/:id',
    {
      schema: {
        tags,
        summary: 'One organization with its offers and places (HSDS organization)',
        description: HSDS_EXTENSIONS,
        params: s.idParams,
        response: { 200: s.hsdsRecord },
      },
    },
    async (request) => hsds.getOrganization(ctx(request), request.params.id),
  );

  app.get(
    '/taxonomies',
    {
      schema: {
        tags,
        summary: 'The taxonomies of the directory (one: lotse-categories)',
        querystring: s.termsQuery,
        response: { 200: s.hsdsPage },
      },
    },
    async (request, reply) =>
      sendPage(reply, request.query.format, hsds.listTaxonomies(ctx(request), request.query)),
  );

  app.get(
    '/taxonomies/:id',
    {
      schema: {
        tags,
        summary: 'One taxonomy',
        params: s.idParams,
        response: { 200: s.hsdsRecord },
      },
    },
    async (request) => hsds.getTaxonomy(ctx(request), request.params.id),
  );

  app.get(
    '/taxonomy_terms',
    {
      schema: {
        tags,
        summary: 'The categories as taxonomy terms, names in every language (translations)',
        description: HSDS_EXTENSIONS,
        querystring: s.termsQuery,
        response: { 200: s.hsdsPage },
      },
    },
    async (request, reply) =>
      sendPage(reply, request.query.format, hsds.listTaxonomyTerms(ctx(request), request.query)),
  );

  app.get(
    '/taxonomy_terms/:id',
    {
      schema: {
        tags,
        summary: 'One taxonomy term (id or code)',
        params: s.idParams,
        response: { 200: s.hsdsRecord },
      },
    },
    async (request) => hsds.getTaxonomyTerm(ctx(request), request.params.id),
  );
};
