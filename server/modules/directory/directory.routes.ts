import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppServices } from '../../core/context.ts';
import { requestContext } from '../../core/http.ts';
import * as s from './directory.schema.ts';
import * as search from './search.service.ts';

/** The directory's HTTP routes under /api/v1/directory. */
export const directoryRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (
  app,
  { services },
) => {
  const ctx = (request: FastifyRequest) => requestContext(services, request);

  app.get(
    '/directory/services',
    {
      schema: {
        tags: ['directory'],
        summary: 'Search offers',
        querystring: s.searchQuery,
        response: { 200: s.searchReply },
      },
    },
    async (request) => search.findServices(ctx(request), request.query),
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
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
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
};
