import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppServices } from '../../../core/context.ts';
import { requestContext } from '../../../core/http.ts';
import * as s from './opendata.schema.ts';
import * as opendata from './opendata.service.ts';

const tags = ['directory'];
const downloads = { heavy: true, rateLimit: { max: 60, timeWindow: '1 minute' } };
const asIs = (payload: unknown) => payload as string;

/** Open data of the directory under /api/v1/directory: exports, their DCAT description, an offer's calendar. */
export const opendataRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const ctx = (request: FastifyRequest) => requestContext(services, request);

  app.get(
    '/directory/export.json',
    {
      config: downloads,
      schema: {
        tags,
        summary: 'Open data: every published offer as an HSDS 3.0 package (JSON, CC BY 4.0)',
        description:
          'One array per HSDS table (organizations, services, locations, service_at_locations, schedules …), linked by id. Every record carries the Lotse extension `translations` (every language, with its status), as in the HSDS API (/api/hsds).',
        querystring: s.exportQuery,
        response: { 200: s.exportPackage },
      },
    },
    async (request, reply) => {
      reply.header('access-control-allow-origin', '*');
      return opendata.exportPackage(ctx(request), request.query);
    },
  );

  app.get(
    '/directory/export.csv',
    {
      config: downloads,
      schema: {
        tags,
        summary: 'Open data: one row per place of a published offer (CSV, UTF-8 with BOM, CC BY 4.0)',
        querystring: s.exportQuery,
        response: { 200: z.string().describe('text/csv, RFC 4180, header row') },
      },
    },
    async (request, reply) => {
      const { fileName, body } = await opendata.exportCsv(ctx(request), request.query);
      return reply
        .type('text/csv; charset=utf-8; header=present')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('access-control-allow-origin', '*')
        .serializer(asIs)
        .send(body);
    },
  );

  app.get(
    '/directory/dcat.json',
    {
      schema: {
        tags,
        summary: 'DCAT-AP description of the open data (JSON-LD)',
        response: { 200: s.dcatCatalog },
      },
    },
    async (request, reply) => {
      reply.type('application/ld+json; charset=utf-8').header('access-control-allow-origin', '*');
      return opendata.dcatCatalog(ctx(request));
    },
  );

  app.get(
    '/directory/services/:id/calendar.ics',
    {
      schema: {
        tags,
        summary: 'An offer’s dates as iCalendar (time zone of the city, texts in the reader’s language)',
        params: s.calendarParams,
        querystring: s.calendarQuery,
        response: { 200: z.string().describe('text/calendar') },
      },
    },
    async (request, reply) => {
      const { fileName, body } = await opendata.offerIcs(ctx(request), {
        id: request.params.id,
        openingHours: request.query.opening_hours ?? false,
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .serializer(asIs)
        .send(body);
    },
  );
};
